using System.Collections;
using PinterestAds.Engine.Formatting;
using PinterestAds.Engine.Rows;
using Xunit;

namespace PinterestAds.Engine.Tests.Rows;

/// <summary>The read-only dictionary view every row offers (what Export-Csv reads).</summary>
public class PinRowDictionaryTests
{
    private static readonly RowSchema Schema = RowSchema.ForAnalytics(
        "CAMPAIGN_ID", includeDate: true, includeTargeting: false, new[] { "SPEND_IN_DOLLAR", "CAMPAIGN_NAME", "TOTAL_CLICKTHROUGH" });

    private static IDictionary NewRow() => RowTypeFactory.For<ReportRow>(Schema).Create(new object?[]
    {
        "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), 12.5m, "Spring", 7L,
    });

    [Fact]
    public void Keys_are_the_columns_in_property_order_and_values_match_the_properties()
    {
        IDictionary row = NewRow();
        Assert.Equal(Schema.Columns.Select(c => c.Name), row.Keys.Cast<string>());
        Assert.Equal(Schema.Count, row.Count);
        foreach (string column in row.Keys)
        {
            Assert.Equal(InvariantValue.ForExport(RowTypeFactoryTests.Get(row, column)), row[column]);
        }
        Assert.Equal(new object?[] { "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), 12.5m, "Spring", 7L }, row.Values.Cast<object?>());
    }

    [Fact]
    public void Lookups_ignore_case_like_PowerShell_and_unknown_columns_are_absent()
    {
        IDictionary row = NewRow();
        Assert.True(row.Contains("spend_in_dollar"));
        // Invariant text for Export-Csv, compared as the number (Where-Object's simplified syntax reads this view).
        Assert.Equal("12.5", row["Spend_In_Dollar"]!.ToString());
        Assert.True(row["Spend_In_Dollar"]!.Equals(12.5m));
        Assert.Equal(12.5m, ((IDictionary<string, object?>)row)["Spend_In_Dollar"]);
        Assert.False(row.Contains("CTR"));
        Assert.Null(row["CTR"]);
        Assert.False(row.Contains(3));
    }

    [Fact]
    public void Lookups_in_any_order_and_with_equal_but_distinct_strings_find_the_right_column()
    {
        IDictionary row = NewRow();
        // The reference-equality shortcut must never answer for another column.
        string[] names = Schema.Columns.Select(c => c.Name).ToArray();
        foreach (string name in names.Reverse().Concat(names).Concat(names.Select(n => new string(n.ToCharArray()))))
        {
            Assert.True(row.Contains(name));
            Assert.Equal(InvariantValue.ForExport(RowTypeFactoryTests.Get(row, name)), row[name]);
        }
        IDictionary other = RowTypeFactory.For<ReportRow>(new RowSchema(new[] { new RowColumn("CAMPAIGN_NAME", ColumnKind.Text) }))
            .Create(new object?[] { "Other" });
        Assert.Equal("Other", other["CAMPAIGN_NAME"]);
        Assert.Equal("Spring", row["CAMPAIGN_NAME"]);
    }

    [Fact]
    public void A_column_without_a_value_is_a_key_but_not_contained_so_Export_Csv_reads_its_null_property()
    {
        IDictionary row = RowTypeFactory.For<ReportRow>(Schema).Create(new object?[]
        {
            "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), null, "Spring", 7L,
        });
        Assert.Contains("SPEND_IN_DOLLAR", row.Keys.Cast<string>());
        Assert.False(row.Contains("SPEND_IN_DOLLAR"));
        Assert.Null(row["SPEND_IN_DOLLAR"]);
        Assert.True(row.Contains("TOTAL_CLICKTHROUGH"));
    }

    [Fact]
    public void Enumeration_yields_column_value_pairs_in_order()
    {
        IDictionary row = NewRow();
        var entries = new List<DictionaryEntry>();
        IDictionaryEnumerator enumerator = row.GetEnumerator();
        while (enumerator.MoveNext()) entries.Add(enumerator.Entry);
        Assert.Equal(Schema.Columns.Select(c => c.Name), entries.Select(e => (string)e.Key));
        Assert.Equal(12.5m, entries[5].Value);

        var copy = new DictionaryEntry[Schema.Count + 1];
        row.CopyTo(copy, 1);
        Assert.Equal("AdAccountId", copy[1].Key);
    }

    [Fact]
    public void Rows_are_read_only_with_a_message_that_says_what_to_do()
    {
        IDictionary row = NewRow();
        Assert.True(row.IsReadOnly);
        Assert.True(row.IsFixedSize);
        var error = Assert.Throws<NotSupportedException>(() => row["CTR"] = 1m);
        Assert.Contains("Select-Object", error.Message);
        Assert.Throws<NotSupportedException>(() => row.Add("CTR", 1m));
        Assert.Throws<NotSupportedException>(() => row.Remove("CAMPAIGN_ID"));
        Assert.Throws<NotSupportedException>(() => row.Clear());
    }

    [Fact]
    public void Index_zero_and_minus_one_are_the_row_itself_as_for_any_single_PowerShell_object()
    {
        IDictionary row = NewRow();
        Assert.Same(row, row[0]);
        Assert.Same(row, row[-1]);
        Assert.Null(row[1]);
    }

    [Fact]
    public void A_row_prepared_ahead_hands_out_the_same_export_view_with_its_decimal_wrappers_made_once()
    {
        var schema = RowSchema.ForAnalytics("CAMPAIGN_ID", includeDate: true, includeTargeting: false,
            new[] { "SPEND_IN_DOLLAR", "CTR", "ECTR", "ECPC_IN_DOLLAR", "TOTAL_CLICKTHROUGH" });
        // An amount with its trailing zero, a value too large for a decimal (kept as a double), text that is no
        // number (kept as text), a missing value, and a count.
        object?[] values = { "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), 12.50m, 1e30, "n/a", null, 7L };
        var activator = RowTypeFactory.For<ReportRow>(schema);
        IDictionary plain = activator.Create(values);
        ReportRow preparedRow = activator.Create(values);
        preparedRow.PrepareExportView();
        IDictionary prepared = preparedRow;

        Assert.Equal(4, schema.ExportCellOrdinals.Length);
        foreach (string column in schema.Names)
        {
            Assert.Equal(plain.Contains(column), prepared.Contains(column));
            Assert.Equal(plain[column]?.GetType(), prepared[column]?.GetType());
            Assert.Equal(plain[column]?.ToString(), prepared[column]?.ToString());
            Assert.Equal(plain[column], prepared[column]);
            Assert.Equal(((IDictionary<string, object?>)plain)[column], ((IDictionary<string, object?>)prepared)[column]);
        }
        Assert.Equal("12.50", prepared["SPEND_IN_DOLLAR"]!.ToString());
        Assert.Equal("1E+30", prepared["CTR"]!.ToString());
        Assert.Equal(12.50m, ((InvariantValue)prepared["SPEND_IN_DOLLAR"]!).Value);
        // Made ahead once, then handed out as they are: reading the view allocates nothing for them.
        Assert.Same(prepared["SPEND_IN_DOLLAR"], prepared["SPEND_IN_DOLLAR"]);
        Assert.NotSame(plain["SPEND_IN_DOLLAR"], plain["SPEND_IN_DOLLAR"]);

        // Released once written: later reads make their own wrappers again, with the same text.
        preparedRow.ReleaseExportView();
        Assert.NotSame(prepared["SPEND_IN_DOLLAR"], prepared["SPEND_IN_DOLLAR"]);
        Assert.Equal("12.50", prepared["SPEND_IN_DOLLAR"]!.ToString());
    }
}
