using System.Reflection;
using PinterestAds.Engine.Rows;
using Xunit;

namespace PinterestAds.Engine.Tests.Rows;

public class RowTypeFactoryTests
{
    private static readonly string[] Requested = { "SPEND_IN_DOLLAR", "CAMPAIGN_NAME", "TOTAL_CLICKTHROUGH", "CTR" };

    [Fact]
    public void Analytics_schema_puts_fixed_fields_first_then_requested_columns_in_order()
    {
        RowSchema schema = RowSchema.ForAnalytics("CAMPAIGN_ID", includeDate: true, includeTargeting: false, Requested);
        Assert.Equal(
            new[] { "AdAccountId", "Currency", "Level", "CAMPAIGN_ID", "DATE", "SPEND_IN_DOLLAR", "CAMPAIGN_NAME", "TOTAL_CLICKTHROUGH", "CTR" },
            schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Total_granularity_has_no_date_and_targeting_adds_its_fields()
    {
        RowSchema schema = RowSchema.ForAnalytics("AD_GROUP_ID", includeDate: false, includeTargeting: true, new[] { "DATE", "AD_GROUP_ID", "CTR" });
        Assert.Equal(
            new[] { "AdAccountId", "Currency", "Level", "AD_GROUP_ID", "TargetingType", "TargetingValue", "TargetingName", "DATE", "CTR" },
            schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Generated_type_derives_from_base_and_declares_properties_in_schema_order()
    {
        RowSchema schema = RowSchema.ForAnalytics("CAMPAIGN_ID", true, false, Requested);
        RowActivator<AnalyticsRow> activator = RowTypeFactory.For<AnalyticsRow>(schema);

        Assert.True(typeof(AnalyticsRow).IsAssignableFrom(activator.RowType));
        PropertyInfo[] properties = activator.RowType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.Equal(schema.Columns.Select(c => c.Name), properties.Select(p => p.Name));
        Assert.Equal(typeof(string), activator.RowType.GetProperty("CAMPAIGN_NAME")!.PropertyType);
        Assert.Equal(typeof(object), activator.RowType.GetProperty("SPEND_IN_DOLLAR")!.PropertyType);
        Assert.All(properties, p => Assert.False(p.CanWrite));
    }

    [Fact]
    public void Base_classes_add_no_public_properties()
    {
        Assert.Empty(typeof(AnalyticsRow).GetProperties());
        Assert.Empty(typeof(ReportRow).GetProperties());
    }

    [Fact]
    public void Create_copies_values_into_properties()
    {
        RowSchema schema = RowSchema.ForAnalytics("CAMPAIGN_ID", true, false, Requested);
        RowActivator<AnalyticsRow> activator = RowTypeFactory.For<AnalyticsRow>(schema);
        object?[] values = { "549755885175", "USD", "CAMPAIGN", "626736533506", new DateTime(2026, 1, 2), 12.5m, "Spring", 7L, null };

        AnalyticsRow row = activator.Create(values);
        values[5] = 99m; // the buffer is reusable: the row keeps its own copy

        Assert.Equal("626736533506", Get(row, "CAMPAIGN_ID"));
        Assert.Equal(new DateTime(2026, 1, 2), Get(row, "DATE"));
        Assert.Equal(12.5m, Get(row, "SPEND_IN_DOLLAR"));
        Assert.Equal(7L, Get(row, "TOTAL_CLICKTHROUGH"));
        Assert.Null(Get(row, "CTR"));
    }

    [Fact]
    public void Types_are_cached_per_base_and_shape()
    {
        RowSchema first = RowSchema.ForAnalytics("CAMPAIGN_ID", true, false, Requested);
        RowSchema same = RowSchema.ForAnalytics("CAMPAIGN_ID", true, false, Requested);
        RowSchema other = RowSchema.ForAnalytics("CAMPAIGN_ID", false, false, Requested);

        Assert.Same(RowTypeFactory.For<AnalyticsRow>(first).RowType, RowTypeFactory.For<AnalyticsRow>(same).RowType);
        Assert.NotSame(RowTypeFactory.For<AnalyticsRow>(first).RowType, RowTypeFactory.For<AnalyticsRow>(other).RowType);
        Assert.NotSame(RowTypeFactory.For<AnalyticsRow>(first).RowType, RowTypeFactory.For<ReportRow>(first).RowType);
        Assert.True(typeof(ReportRow).IsAssignableFrom(RowTypeFactory.For<ReportRow>(first).RowType));
    }

    [Fact]
    public void Wrong_buffer_length_is_a_clear_error()
    {
        RowActivator<ReportRow> activator = RowTypeFactory.For<ReportRow>(new RowSchema(new[] { new RowColumn("CAMPAIGN_ID") }));
        var error = Assert.Throws<ArgumentException>(() => activator.Create(new object?[2]));
        Assert.Contains("Expected 1 values", error.Message);
    }

    [Fact]
    public void Duplicate_column_names_are_rejected_ignoring_case()
    {
        var error = Assert.Throws<ArgumentException>(() => new RowSchema(new[] { new RowColumn("CTR"), new RowColumn("ctr") }));
        Assert.Contains("'ctr' appears twice", error.Message);
    }

    [Fact]
    public void Column_names_that_are_not_identifiers_still_become_properties()
    {
        RowActivator<ReportRow> activator = RowTypeFactory.For<ReportRow>(
            new RowSchema(new[] { new RowColumn("Campaign name", ColumnKind.Text), new RowColumn("Spend (USD)", ColumnKind.Decimal) }));
        ReportRow row = activator.Create(new object?[] { "A", 1m });
        Assert.Equal("A", Get(row, "Campaign name"));
        Assert.Equal(1m, Get(row, "Spend (USD)"));
    }

    internal static object? Get(object row, string property) =>
        row.GetType().GetProperty(property)!.GetValue(row);
}
