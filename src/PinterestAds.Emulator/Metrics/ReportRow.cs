namespace PinterestAds.Emulator.Metrics;

internal enum CellKind : byte { Absent, Integer, Decimal, Text, Boolean }

/// <summary>One cell of a report row; a struct so a million rows allocate nothing per cell.</summary>
internal struct Cell
{
    public CellKind Kind;
    public long Integer;
    public double Decimal;
    public string? Text;

    public readonly bool IsZero => Kind switch
    {
        CellKind.Integer => Integer == 0,
        CellKind.Decimal => Decimal == 0,
        _ => false,
    };

    public static Cell Of(long value) => new() { Kind = CellKind.Integer, Integer = value };
    public static Cell Of(double value) => new() { Kind = CellKind.Decimal, Decimal = value };
    public static Cell Of(string? value) => value is null ? default : new() { Kind = CellKind.Text, Text = value };
    public static Cell Of(bool value) => new() { Kind = CellKind.Boolean, Integer = value ? 1 : 0 };

    public readonly object? ToObject() => Kind switch
    {
        CellKind.Integer => Integer,
        CellKind.Decimal => Decimal,
        CellKind.Text => Text,
        CellKind.Boolean => Integer != 0,
        _ => null,
    };
}

/// <summary>
/// A row as the row source yields it. The source REUSES one instance while enumerating (a million-row
/// report must not allocate a million rows); copy what you need before moving on.
/// </summary>
internal sealed class ReportRow
{
    public ReportRow(int columnCount) => Cells = new Cell[columnCount];

    public string EntityId { get; set; } = "";
    /// <summary>Null for TOTAL granularity.</summary>
    public string? Date { get; set; }
    public string? TargetingType { get; set; }
    public string? TargetingValue { get; set; }
    /// <summary>One cell per requested column, in the requested order.</summary>
    public Cell[] Cells { get; }
}
