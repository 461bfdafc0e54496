namespace PinterestAds
{
    /// <summary>
    /// Targeting types of the targeting analytics operations (the union of their enums; each
    /// operation accepts its own subset, which the engine checks against the API catalogue).
    /// </summary>
    public enum AnalyticsTargetingType
    {
        Keyword,
        [ApiName("APPTYPE")] AppType,
        Gender,
        Location,
        Placement,
        Country,
        TargetedInterest,
        PinnerInterest,
        AudienceInclude,
        Geo,
        AgeBucket,
        Region,
        AgeBucketAndGender,
        CreativeEnhancements,
        QuizResult,
        CreativeType,
        AudienceMultiplier,
    }
}
