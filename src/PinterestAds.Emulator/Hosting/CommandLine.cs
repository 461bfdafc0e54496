using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using PinterestAds.Emulator.Traffic;

namespace PinterestAds.Emulator.Hosting;

/// <summary>
/// Turns <c>--config file.json</c> and <c>--kebab-case-option value</c> arguments into <see cref="EmulatorOptions"/>.
/// Every public settable option is accepted, named like the property in kebab case (--campaigns-per-account).
/// </summary>
internal static class CommandLine
{
    public sealed record Parsed(EmulatorOptions Options, bool Help, bool IgnoreStdin);

    public static Parsed Parse(string[] args)
    {
        var options = new EmulatorOptions();
        var help = false;
        var ignoreStdin = false;
        // The config file first, so explicit arguments override it.
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == "--config") ApplyConfig(options, File.ReadAllText(args[i + 1]));

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?") { help = true; continue; }
            if (arg == "--ignore-stdin") { ignoreStdin = true; continue; }
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{arg}'. Use --help.");
            if (i + 1 >= args.Length) throw new ArgumentException($"Option '{arg}' needs a value.");
            var value = args[++i];
            if (arg == "--config") continue;
            var property = Find(arg[2..]) ?? throw new ArgumentException($"Unknown option '{arg}'. Use --help to list the options.");
            Set(options, property, value, arg);
        }
        return new Parsed(options, help, ignoreStdin);
    }

    public static void ApplyConfig(EmulatorOptions options, string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var property = Find(p.Name) ?? throw new ArgumentException($"Unknown option '{p.Name}' in the config file.");
            if (property.PropertyType == typeof(List<FaultRule>))
                property.SetValue(options, p.Value.Deserialize<List<FaultRule>>());
            else
                Set(options, property, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), p.Name);
        }
    }

    private static PropertyInfo? Find(string name)
    {
        var plain = name.Replace("-", "", StringComparison.Ordinal);
        return typeof(EmulatorOptions).GetProperty(plain, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
    }

    private static void Set(EmulatorOptions options, PropertyInfo property, string value, string name)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        try
        {
            object? converted = type switch
            {
                _ when type == typeof(int) => int.Parse(value, CultureInfo.InvariantCulture),
                _ when type == typeof(double) => double.Parse(value, CultureInfo.InvariantCulture),
                _ when type == typeof(bool) => bool.Parse(value),
                _ when type == typeof(string) => value,
                _ when type == typeof(DateOnly) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ when type == typeof(List<string>) => value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.Trim('"')).ToList(),
                _ when type == typeof(List<FaultRule>) => JsonSerializer.Deserialize<List<FaultRule>>(value),
                _ => throw new ArgumentException($"Option '{name}' has an unsupported type."),
            };
            property.SetValue(options, converted);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"Option '{name}' expects a {type.Name}{(type == typeof(DateOnly) ? " (yyyy-MM-dd)" : "")}; got '{value}'.");
        }
    }

    public static string Help()
    {
        var sb = new StringBuilder();
        sb.AppendLine("PinterestAds.Emulator - a local Pinterest API v5 emulator (loopback only).");
        sb.AppendLine();
        sb.AppendLine("Usage: dotnet PinterestAds.Emulator.dll [--config file.json] [--<option> value ...] [--ignore-stdin]");
        sb.AppendLine();
        sb.AppendLine("Prints one JSON line {\"event\":\"ready\",...} when listening; runs until stdin closes (unless --ignore-stdin), Ctrl+C or SIGTERM.");
        sb.AppendLine();
        sb.AppendLine("Options (defaults in brackets):");
        var defaults = new EmulatorOptions();
        foreach (var p in typeof(EmulatorOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var kebab = string.Concat(p.Name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
            var value = p.GetValue(defaults);
            var shown = value switch
            {
                null => "none",
                List<string> l => string.Join(",", l),
                List<FaultRule> => "[] (JSON array of fault rules)",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            if (p.Name is "ClientSecret") shown = "emulator-client-secret";
            sb.AppendLine($"  --{kebab,-32} [{shown}]");
        }
        return sb.ToString();
    }
}
