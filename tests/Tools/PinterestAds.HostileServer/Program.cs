using PinterestAds.HostileServer;

// A hostile HTTP server for the reliability tests, loopback only and bounded in time and size:
//   dotnet PinterestAds.HostileServer.dll [--upstream http://127.0.0.1:E] [--max-seconds 900] [--max-body-bytes 1073741824] [--max-stall-seconds 120]
// Prints one line {"event":"ready","baseUri":"http://127.0.0.1:P"} and runs until stdin closes or --max-seconds pass.
// Requests that match a scripted rule (POST /_hostile/rules) get its broken answer; the rest go to --upstream
// (the emulator), so one session can meet the emulator's real answers and the hostile ones side by side.
var options = HostileOptions.Parse(args);
using var lifetime = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; lifetime.Cancel(); };
var server = new Server(options);
server.Start();
Console.Out.WriteLine($"{{\"event\":\"ready\",\"baseUri\":\"{server.BaseUri}\"}}");
Console.Out.Flush();
_ = Task.Run(async () =>
{
    // Stdin closing (the test process went away) stops the server.
    try { while (await Console.In.ReadLineAsync() != null) { } } catch (IOException) { }
    lifetime.Cancel();
});
try { await Task.Delay(Timeout.Infinite, lifetime.Token); } catch (OperationCanceledException) { }
server.Stop();

internal sealed class HostileOptions
{
    public Uri? Upstream { get; set; }
    public int MaxSeconds { get; set; } = 900;
    public long MaxBodyBytes { get; set; } = 1L << 30;
    public int MaxStallSeconds { get; set; } = 120;

    public static HostileOptions Parse(string[] args)
    {
        var options = new HostileOptions();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--upstream": options.Upstream = new Uri(value); break;
                case "--max-seconds": options.MaxSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--max-body-bytes": options.MaxBodyBytes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--max-stall-seconds": options.MaxStallSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (options.Upstream != null && !options.Upstream.IsLoopback) throw new ArgumentException("--upstream must be a loopback address.");
        return options;
    }
}
