namespace PinterestAds.Emulator.Catalog;

/// <summary>Query and path values of one request, validated against the catalogue and with defaults applied.</summary>
internal sealed class ParsedParameters
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public void Set(string name, object? value) => _values[name] = value;

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v is not null;

    public string? String(string name) => _values.TryGetValue(name, out var v) ? v as string : null;

    public string RequiredString(string name) => String(name) ?? throw new InvalidOperationException($"'{name}' was not validated as present.");

    public long? Integer(string name) => _values.TryGetValue(name, out var v) && v is long l ? l : null;

    public bool? Boolean(string name) => _values.TryGetValue(name, out var v) && v is bool b ? b : null;

    public IReadOnlyList<string>? List(string name) => _values.TryGetValue(name, out var v) ? v as IReadOnlyList<string> : null;

    public DateOnly? Date(string name) => String(name) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
