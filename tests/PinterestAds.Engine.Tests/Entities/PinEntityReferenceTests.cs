using PinterestAds.Engine.Entities;

namespace PinterestAds.Engine.Tests.Entities;

/// <summary>
/// Import-Csv rows named as the module writes them name one entity: the Level column first, else the most
/// specific id column, else -Level; the ad account from the row or the default; clear errors otherwise.
/// </summary>
public class PinEntityReferenceTests
{
    private static PinEntityReference Row(params (string Name, string? Value)[] columns) =>
        PinEntityReference.FromColumns(columns.Select(c => new KeyValuePair<string, string?>(c.Name, c.Value)));

    private static PinEntityReference Resolve(PinEntityReference row, AnalyticsLevel? level = null) =>
        row.Resolve(level, () => "549755813599", "InputObject");

    [Fact]
    public void An_entity_row_is_its_Level_and_Id_in_its_ad_account()
    {
        var entity = Resolve(Row(("Level", "Campaign"), ("Id", "626713000001"), ("CampaignId", "626713000001"), ("AdAccountId", "549755713000")));
        Assert.Equal(AnalyticsLevel.Campaign, entity.Level);
        Assert.Equal("626713000001", entity.Id);
        Assert.Equal("549755713000", entity.AdAccountId);
    }

    [Fact]
    public void A_report_row_is_its_most_specific_id_column_in_the_default_account()
    {
        var entity = Resolve(Row(("CAMPAIGN_ID", "626713000001"), ("AD_GROUP_ID", "2680713000002"), ("DATE", "2026-11-28")));
        Assert.Equal(AnalyticsLevel.AdGroup, entity.Level);
        Assert.Equal("2680713000002", entity.Id);
        Assert.Equal("549755813599", entity.AdAccountId);
    }

    [Fact]
    public void Without_a_Level_column_the_asked_level_picks_its_id_column_and_a_plain_Id_is_of_that_level()
    {
        var row = Row(("CAMPAIGN_ID", "626713000001"), ("AD_GROUP_ID", "2680713000002"));
        Assert.Equal("626713000001", Resolve(row, AnalyticsLevel.Campaign).Id);
        Assert.Equal("42", Resolve(Row(("Id", "42")), AnalyticsLevel.Ad).Id);
        Assert.Equal(AnalyticsLevel.Ad, Resolve(Row(("Id", "42")), AnalyticsLevel.Ad).Level);
    }

    [Fact]
    public void A_Level_column_wins_over_the_asked_level_so_the_cmdlet_can_refuse_the_mismatch()
    {
        var entity = Resolve(Row(("Level", "CAMPAIGN"), ("Id", "626713000001")), AnalyticsLevel.AdGroup);
        Assert.Equal(AnalyticsLevel.Campaign, entity.Level);
    }

    [Fact]
    public void Values_are_trimmed_and_empty_cells_count_as_missing()
    {
        Assert.Equal("626713000001", Resolve(Row(("Level", "Campaign"), ("Id", " 626713000001 "))).Id);
        var ex = Assert.Throws<PinterestValidationException>(() => Resolve(Row(("Level", "Campaign"), ("Id", ""))));
        Assert.Equal("InputObjectIdMissing", ex.ErrorId);
        Assert.Contains("CampaignId or CAMPAIGN_ID", ex.Message);
    }

    [Fact]
    public void No_id_column_at_all_names_the_columns_that_bind()
    {
        var ex = Assert.Throws<PinterestValidationException>(() => Resolve(Row(("Name", "x"))));
        Assert.Equal("InputObjectIdMissing", ex.ErrorId);
        Assert.Equal("InputObject", ex.ParameterName);
        Assert.Contains("AD_GROUP_ID", ex.Message);
    }

    [Fact]
    public void A_Level_that_names_no_level_is_refused()
    {
        var ex = Assert.Throws<PinterestValidationException>(() => Resolve(Row(("Level", "Galaxy"), ("Id", "1"))));
        Assert.Equal("InputObjectLevelInvalid", ex.ErrorId);
    }

    [Fact]
    public void An_id_that_is_not_one_is_refused_by_the_id_rules()
    {
        var ex = Assert.Throws<PinterestValidationException>(() => Resolve(Row(("CAMPAIGN_ID", "abc"))));
        Assert.Equal("IdNotNumeric", ex.ErrorId);
    }

    [Fact]
    public void An_ad_account_row_is_the_account_itself()
    {
        var entity = Resolve(Row(("AD_ACCOUNT_ID", "549755713000"), ("DATE", "2026-11-28")));
        Assert.Equal(AnalyticsLevel.AdAccount, entity.Level);
        Assert.Equal("549755713000", entity.Id);
        Assert.Equal("549755713000", entity.AdAccountId);
    }
}
