namespace PinterestAds
{
    // Enums of async reports. Members are PowerShell-style; ApiNames converts to the API's spelling
    // (CampaignTargeting <-> CAMPAIGN_TARGETING). A unit test checks them against the API catalogue.

    /// <summary>
    /// The thirteen reporting levels of an async report (<c>AdsAnalyticsCreateAsyncRequest.level</c>).
    /// The analytics level names are aliases (AdAccount is Advertiser, Ad is PinPromotion), so the same
    /// -Level works with Get-PinAnalytics and with the report cmdlets.
    /// </summary>
    public enum ReportLevel
    {
        [ApiAlias("AD_ACCOUNT")] Advertiser,
        [ApiAlias("AD_ACCOUNT_TARGETING")] AdvertiserTargeting,
        Campaign,
        CampaignTargeting,
        AdGroup,
        AdGroupTargeting,
        [ApiAlias("AD")] PinPromotion,
        [ApiAlias("AD_TARGETING")] PinPromotionTargeting,
        Keyword,
        ProductGroup,
        ProductGroupTargeting,
        ProductItem,
        ProductItemTargeting,
    }

    /// <summary>The file format of a report or bulk download.</summary>
    public enum ReportFormat { Json, Csv }

    /// <summary>How a JSON report groups its rows (<c>primary_sort</c>).</summary>
    public enum ReportSort { ById, ByDate }

    /// <summary>What created a <see cref="ReportJob"/>.</summary>
    public enum ReportJobKind
    {
        /// <summary>A custom async report (<c>POST /reports</c>).</summary>
        Analytics,
        /// <summary>A report run from a saved template (<c>POST /templates/{id}/reports</c>).</summary>
        Template,
        /// <summary>A bulk entity download (<c>POST /bulk/download</c>).</summary>
        Bulk,
        /// <summary>A Marketing Mix Modeling report (<c>POST /mmm_reports</c>).</summary>
        Mmm,
    }

    /// <summary>The levels of a Marketing Mix Modeling report (CAMPAIGN_TARGETING, AD_GROUP_TARGETING).</summary>
    public enum MmmLevel { CampaignTargeting, AdGroupTargeting }

    /// <summary>The granularities of a Marketing Mix Modeling report.</summary>
    public enum MmmGranularity { Day, Week }
}
