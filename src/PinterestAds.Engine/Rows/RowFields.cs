namespace PinterestAds.Engine.Rows
{
    /// <summary>Names of the fixed (non-metric) fields rows carry.</summary>
    public static class RowFields
    {
        /// <summary>The ad account the row belongs to.</summary>
        public const string AdAccountId = "AdAccountId";

        /// <summary>The ad account's currency (ISO code): <c>*_MICRO_DOLLAR</c> amounts are millionths of it.</summary>
        public const string Currency = "Currency";

        /// <summary>The reporting level (CAMPAIGN, AD_GROUP, ...).</summary>
        public const string Level = "Level";

        /// <summary>The metrics date column of the API.</summary>
        public const string Date = "DATE";

        /// <summary>Targeting analytics: the targeting type (GENDER, LOCATION, ...).</summary>
        public const string TargetingType = "TargetingType";

        /// <summary>Targeting analytics: the raw targeting value ("female", "500", ...).</summary>
        public const string TargetingValue = "TargetingValue";

        /// <summary>Targeting analytics: the readable name of the value, when known.</summary>
        public const string TargetingName = "TargetingName";
    }
}
