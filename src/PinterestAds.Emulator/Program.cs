using System.Runtime.InteropServices;
using System.Text.Json;
using PinterestAds.Emulator;
using PinterestAds.Emulator.Hosting;

CommandLine.Parsed parsed;
try
{
    parsed = CommandLine.Parse(args);
}
catch (Exception e) when (e is ArgumentException or IOException or JsonException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (parsed.Help)
{
    Console.Out.Write(CommandLine.Help());
    return 0;
}

await using var server = await EmulatorServer.StartAsync(parsed.Options);
var ready = JsonSerializer.Serialize(new Dictionary<string, string>
{
    ["event"] = "ready",
    ["apiBaseUri"] = server.ApiBaseUri.ToString(),
    ["objectStoreUri"] = server.ObjectStoreUri.ToString(),
    ["adminUri"] = server.AdminUri.ToString(),
});
Console.Out.WriteLine(ready);
Console.Out.Flush();

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
if (!parsed.IgnoreStdin)
{
    // The parent closing our stdin is the portable "please stop" (works where signals do not).
    _ = Task.Run(() =>
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
        }
        catch (IOException) { }
        stop.TrySetResult();
    });
}
await stop.Task;
return 0;
