using PinterestAds.Engine.Reports.Reading;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

/// <summary>Rows of one day share its boxed date, and days that share a slot of that cache keep their own values.</summary>
public class RowAssemblerTests
{
    [Fact]
    public void Rows_of_a_day_share_one_boxed_date_and_every_row_keeps_its_own_day()
    {
        // Sorted by entity, as Pinterest sorts: the days come round in turn. 1024 days apart share a cache slot.
        var rows = ReadCsv(Utf8(
            "CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR\n" +
            "1,2026-01-01,1\n1,2026-01-02,2\n1,2028-10-21,3\n" +
            "2,2026-01-01,4\n2,2026-01-02,5\n2,2028-10-21,6\n2,2026-01-01,7\n"),
            new ReportReadOptions { Level = "CAMPAIGN", Columns = new[] { "SPEND_IN_DOLLAR" } });
        var dates = rows.Select(r => Get(r, "DATE")).ToList();
        Assert.Equal(new object[]
        {
            new DateTime(2026, 1, 1), new DateTime(2026, 1, 2), new DateTime(2028, 10, 21),
            new DateTime(2026, 1, 1), new DateTime(2026, 1, 2), new DateTime(2028, 10, 21), new DateTime(2026, 1, 1),
        }, dates);
        Assert.Same(dates[1], dates[4]);
        // Days 1024 apart take the same cache slot in turn: each still reads its own day (above).
        Assert.Equal(7m, Get(rows[6], "SPEND_IN_DOLLAR"));
    }
}
