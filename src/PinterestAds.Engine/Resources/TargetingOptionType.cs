namespace PinterestAds
{
    /// <summary>The types <c>GET /resources/targeting/{targeting_type}</c> accepts (a unit test keeps this equal to the description's enum).</summary>
    public enum TargetingOptionType
    {
        [ApiName("APPTYPE")] AppType,
        Gender,
        Locale,
        AgeBucket,
        Location,
        Geo,
        Interest,
        Keyword,
        AudienceInclude,
        AudienceExclude,
    }
}
