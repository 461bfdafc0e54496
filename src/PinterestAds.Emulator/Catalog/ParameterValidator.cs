using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PinterestAds.Emulator.Catalog;

/// <summary>
/// Checks a request's path and query against an operation's parameters in the catalogue: required,
/// type, enum, pattern, maxLength, min/maxItems, minimum/maximum, date format, and the array encoding
/// (explode:false = one comma-separated value; explode:true = the name repeats, so a comma inside a
/// value is part of that one value and fails the item pattern, exactly as the real API treats it).
/// </summary>
internal static class ParameterValidator
{
    private static readonly Dictionary<string, Regex> RegexCache = new();

    public static ParsedParameters Validate(OperationSpec op, HttpContext context)
    {
        var parsed = new ParsedParameters();
        foreach (var p in op.Parameters)
        {
            if (p.In == "path")
            {
                var raw = context.Request.RouteValues.TryGetValue(p.Name, out var rv) ? rv as string : null;
                if (string.IsNullOrEmpty(raw)) throw ApiException.BadRequest($"Path parameter '{p.Name}' is required.");
                parsed.Set(p.Name, ValidateScalar(p.Name, p.Schema, raw, "path parameter"));
                continue;
            }
            if (p.In != "query") continue;
            var values = context.Request.Query[p.Name];
            if (values.Count == 0 || (values.Count == 1 && string.IsNullOrEmpty(values[0])))
            {
                if (p.Required)
                    throw ApiException.BadRequest($"Missing required query parameter '{p.Name}'{Hint(p)}.");
                parsed.Set(p.Name, DefaultOf(p));
                continue;
            }
            parsed.Set(p.Name, p.Schema.Type == "array" ? ValidateArray(p, values!) : ValidateSingle(p, values!));
        }
        return parsed;
    }

    private static string Hint(ParameterSpec p)
    {
        if (p.Schema.Type == "array" && p.Items?.Enum is { } e)
            return $" (a comma-separated list of: {string.Join(", ", e.Take(8))}{(e.Count > 8 ? ", ..." : "")})";
        if (p.Schema.Enum is { } se) return $" (one of {string.Join(", ", se)})";
        if (p.Schema.Format == "date") return " (a date YYYY-MM-DD)";
        return "";
    }

    private static object? DefaultOf(ParameterSpec p)
    {
        if (p.Schema.Default is not { } d) return null;
        return d.ValueKind switch
        {
            JsonValueKind.Array => d.EnumerateArray().Select(x => x.ToString()).ToList(),
            JsonValueKind.Number => d.GetInt64(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => d.GetString(),
            _ => null,
        };
    }

    private static object ValidateSingle(ParameterSpec p, string[] values)
    {
        if (values.Length > 1)
            throw ApiException.BadRequest($"Query parameter '{p.Name}' was given {values.Length} times; it takes one value.");
        return ValidateScalar(p.Name, p.Schema, values[0], "query parameter");
    }

    private static List<string> ValidateArray(ParameterSpec p, string[] values)
    {
        List<string> items;
        if (!p.Explode)
        {
            if (values.Length > 1)
                throw ApiException.BadRequest(
                    $"Query parameter '{p.Name}' was repeated {values.Length} times; it takes ONE comma-separated value ({p.Name}=A,B,C).");
            items = values[0].Split(',').Select(s => s.Trim()).ToList();
        }
        else
        {
            items = values.ToList();
        }
        if (items.Any(string.IsNullOrEmpty))
            throw ApiException.BadRequest($"Query parameter '{p.Name}' contains an empty item.");
        if (p.Schema.MinItems is { } min && items.Count < min)
            throw ApiException.BadRequest($"Query parameter '{p.Name}' needs at least {min} item(s); got {items.Count}.");
        if (p.Schema.MaxItems is { } max && items.Count > max)
            throw ApiException.BadRequest($"Query parameter '{p.Name}' allows at most {max} items; got {items.Count}. Split the request into chunks of {max}.");
        if (p.Items is { } itemSchema)
        {
            foreach (var item in items)
            {
                try { ValidateScalar(p.Name, itemSchema, item, "query parameter"); }
                catch (ApiException) when (p.Explode && item.Contains(','))
                {
                    throw ApiException.BadRequest(
                        $"Query parameter '{p.Name}' item '{Shorten(item)}' is not a valid value: ids are sent by repeating the name ({p.Name}=1&{p.Name}=2), not comma-joined.");
                }
            }
        }
        return items;
    }

    /// <summary>Validates one string value against scalar schema facts and converts it.</summary>
    public static object ValidateScalar(string name, SchemaFacts schema, string raw, string what)
    {
        switch (schema.Type)
        {
            case "integer":
                if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    throw ApiException.BadRequest($"The {what} '{name}' must be an integer; got '{Shorten(raw)}'.");
                CheckInteger(name, schema, l, what);
                return l;
            case "boolean":
                if (raw.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                if (raw.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                throw ApiException.BadRequest($"The {what} '{name}' must be true or false; got '{Shorten(raw)}'.");
            default:
                CheckString(name, schema, raw, what);
                return raw;
        }
    }

    public static void CheckInteger(string name, SchemaFacts schema, long value, string what)
    {
        if (schema.IntEnum is { } e && !e.Contains(value))
            throw ApiException.BadRequest($"The {what} '{name}' must be one of {string.Join(", ", e)}; got {value}.");
        if (schema.Minimum is { } min && value < min)
            throw ApiException.BadRequest($"The {what} '{name}' must be at least {min}; got {value}.");
        if (schema.Maximum is { } max && value > max)
            throw ApiException.BadRequest($"The {what} '{name}' must be at most {max}; got {value}.");
    }

    public static void CheckString(string name, SchemaFacts schema, string value, string what)
    {
        if (schema.Enum is { } e && !e.Contains(value, StringComparer.Ordinal))
        {
            var sample = e.Count <= 12 ? string.Join(", ", e) : string.Join(", ", e.Take(6)) + $", ... ({e.Count} values)";
            throw ApiException.BadRequest($"The {what} '{name}' has an unknown value '{Shorten(value)}'; allowed: {sample}.");
        }
        if (schema.MaxLength is { } maxLen && value.Length > maxLen)
            throw ApiException.BadRequest($"The {what} '{name}' value '{Shorten(value)}' is longer than {maxLen} characters.");
        if (schema.Pattern is { } pattern && !Pattern(pattern).IsMatch(value))
            throw ApiException.BadRequest($"The {what} '{name}' value '{Shorten(value)}' does not match the pattern {pattern}.");
        if (schema.Format == "date" || name.EndsWith("_date", StringComparison.Ordinal) || name == "date")
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw ApiException.BadRequest($"The {what} '{name}' must be a date in the form YYYY-MM-DD; got '{Shorten(value)}'.");
        }
    }

    private static Regex Pattern(string pattern)
    {
        lock (RegexCache)
        {
            if (!RegexCache.TryGetValue(pattern, out var r))
                RegexCache[pattern] = r = new Regex(pattern, RegexOptions.CultureInvariant);
            return r;
        }
    }

    public static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
