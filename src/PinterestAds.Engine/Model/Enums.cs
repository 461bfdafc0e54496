namespace PinterestAds
{
    // Enums shared by several cmdlets. Members are PowerShell-style; ApiNames converts to the API's spelling.

    /// <summary>Which Pinterest API a session talks to.</summary>
    public enum PinEnvironment { Production, Sandbox, Custom }

    public enum Granularity { Total, Day, Hour, Week, Month }

    public enum ConversionReportTime { TimeOfAdAction, TimeOfConversion }

    public enum ReportingTimeZone { PinterestTimeZone, AdAccountTimeZone }

    public enum AttributionType { Individual, Household }

    /// <summary>Statuses of campaigns, ad groups, ads and product group promotions in list filters.</summary>
    public enum EntityStatus { Active, Paused, Archived, Draft, DeletedDraft }

    public enum SortOrder { Ascending, Descending }

    /// <summary>
    /// The level of an analytics query (sync or async). The async report names are aliases:
    /// ADVERTISER is AdAccount and PIN_PROMOTION is Ad.
    /// </summary>
    public enum AnalyticsLevel
    {
        [ApiAlias("ADVERTISER")] AdAccount,
        Campaign,
        AdGroup,
        [ApiAlias("PIN_PROMOTION")] Ad,
        ProductGroup,
        /// <summary>Keywords: no sync operation; reported through async KEYWORD reports (see KeywordAnalytics).</summary>
        Keyword,
        /// <summary>Pins of one campaign (<c>ad_pins/analytics</c>).</summary>
        Pin,
    }

    /// <summary>
    /// Which Pinterest path answers an analytics query: Auto chooses the synchronous endpoints inside their
    /// limits and async reports beyond them; Sync and Async force one path.
    /// </summary>
    public enum AnalyticsMode { Auto, Sync, Async }
}
