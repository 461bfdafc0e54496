namespace PinterestAds
{
    /// <summary>The audiences <c>GET /ad_accounts/{id}/audience_insights</c> describes.</summary>
    public enum AudienceInsightType { YourTotalAudience, YourEngagedAudience, PinterestTotalAudience }

    /// <summary>What a flattened audience insight row describes.</summary>
    public enum AudienceDimension { Category, Subcategory, Age, Gender, Device, Metro, Country }
}
