namespace PinterestAds
{
    /// <summary>Whether a metric belongs to ads reporting or to organic (Pin and account) analytics.</summary>
    public enum MetricCategory { Ads, Organic }

    /// <summary>Which reporting endpoints a metric catalogue is asked for: synchronous analytics or async reports.</summary>
    public enum MetricReportType { Sync, Async }
}
