using PinterestAds.Emulator;
using PinterestAds.Emulator.Metrics;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Tests.Limits;

/// <summary>
/// The engine's limit table (<see cref="ApiLimits"/>) and the emulator's (<see cref="ReportingLimits"/>,
/// <see cref="EmulatorOptions"/> defaults) are written separately on purpose (the emulator plays Pinterest and
/// must not borrow the module's beliefs), so where they state the same fact of the description they must agree:
/// otherwise a test against the emulator would pass while the module is wrong about Pinterest, or fail for no reason.
/// </summary>
public class LimitTablesAgreeTests
{
    public static TheoryData<string, int, int, int, int> DateWindows() => new()
    {
        // name, engine lookback, engine span, emulator lookback, emulator span
        { "sync analytics", ApiLimits.SyncAnalytics.LookbackDays, ApiLimits.SyncAnalytics.MaxSpanDays, ReportingLimits.Sync.MaxDaysBack, ReportingLimits.Sync.MaxSpanDays },
        { "sync analytics at HOUR", ApiLimits.SyncAnalyticsHourly.LookbackDays, ApiLimits.SyncAnalyticsHourly.MaxSpanDays, ReportingLimits.SyncHour.MaxDaysBack, ReportingLimits.SyncHour.MaxSpanDays },
        { "ad account analytics at HOUR", ApiLimits.SyncAnalyticsHourlyAdAccount.LookbackDays, ApiLimits.SyncAnalyticsHourlyAdAccount.MaxSpanDays, ReportingLimits.SyncHourAdAccount.MaxDaysBack, ReportingLimits.SyncHourAdAccount.MaxSpanDays },
        { "async reports", ApiLimits.AsyncReport.LookbackDays, ApiLimits.AsyncReport.MaxSpanDays, ReportingLimits.Async.MaxDaysBack, ReportingLimits.Async.MaxSpanDays },
        { "async reports at HOUR", ApiLimits.AsyncReportHourly.LookbackDays, ApiLimits.AsyncReportHourly.MaxSpanDays, ReportingLimits.AsyncHour.MaxDaysBack, ReportingLimits.AsyncHour.MaxSpanDays },
        { "async PRODUCT_ITEM reports", ApiLimits.AsyncReportProductItem.LookbackDays, ApiLimits.AsyncReportProductItem.MaxSpanDays, ReportingLimits.AsyncProductItem.MaxDaysBack, ReportingLimits.AsyncProductItem.MaxSpanDays },
    };

    [Theory]
    [MemberData(nameof(DateWindows))]
    public void Date_windows_agree(string what, int engineLookback, int engineSpan, int emulatorLookback, int emulatorSpan)
    {
        Assert.True(engineLookback == emulatorLookback, $"{what}: lookback {engineLookback} days (engine) vs {emulatorLookback} (emulator)");
        Assert.True(engineSpan == emulatorSpan, $"{what}: span {engineSpan} days (engine) vs {emulatorSpan} (emulator)");
    }

    [Fact]
    public void Every_sync_operation_gets_the_same_window_at_every_granularity()
    {
        foreach (bool targeting in new[] { false, true })
            foreach (var level in AnalyticsOperation.Levels(targeting))
            {
                string id = AnalyticsOperation.For(level, targeting).Api.Id;
                foreach (bool hourly in new[] { false, true })
                {
                    var engine = ApiLimits.SyncWindow(id, hourly);
                    var emulator = ReportingLimits.ForSync(id, hourly ? "HOUR" : "DAY");
                    Assert.True(engine.LookbackDays == emulator.MaxDaysBack && engine.MaxSpanDays == emulator.MaxSpanDays,
                        $"{id} {(hourly ? "HOUR" : "DAY")}: engine {engine.LookbackDays}/{engine.MaxSpanDays}, emulator {emulator.MaxDaysBack}/{emulator.MaxSpanDays}");
                }
            }
    }

    [Fact]
    public void Template_report_months_agree()
    {
        Assert.Equal(ReportingLimits.TemplateMonths, ApiLimits.TemplateReportLookbackMonths);
        Assert.Equal(ReportingLimits.TemplateMonths, ApiLimits.TemplateReportMaxMonthsAfterStart);
    }

    [Fact]
    public void Targeting_types_allowed_at_one_level_only_agree()
    {
        Assert.Equal(ReportingLimits.TargetingTypeOnlyAtLevel.OrderBy(p => p.Key), ApiLimits.AsyncTargetingTypeOnlyAtLevel.OrderBy(p => p.Key));
    }

    [Fact]
    public void Metrics_settle_over_the_same_days()
    {
        // The engine checks readiness for the dates whose conversion metrics may still move; the emulator keeps exactly those not final.
        Assert.Equal(ReportingLimits.ConversionSettlingDays, ApiLimits.MetricsSettleDays);
    }

    [Fact]
    public void Rate_budgets_and_lifetimes_agree_with_the_emulators_defaults()
    {
        var defaults = new EmulatorOptions();
        Assert.Equal(ApiLimits.AdsAnalyticsPerMinute, defaults.AnalyticsRequestsPerMinute);
        Assert.Equal(ApiLimits.AdsReadPerMinute, defaults.ReadRequestsPerMinute);
        Assert.Equal(ApiLimits.OverallPerSecond, defaults.RequestsPerSecond);
        Assert.Equal(ApiLimits.ReportLinkLifetime, TimeSpan.FromSeconds(defaults.LinkLifetimeSeconds));
        Assert.Equal(ApiLimits.ReportLifetime, TimeSpan.FromSeconds(defaults.ReportLifetimeSeconds));
        Assert.Equal(ApiLimits.AccessTokenLifetime, TimeSpan.FromSeconds(defaults.AccessTokenLifetimeSeconds));
        Assert.Equal(ApiLimits.RefreshTokenLifetime, TimeSpan.FromSeconds(defaults.RefreshTokenLifetimeSeconds));
    }
}
