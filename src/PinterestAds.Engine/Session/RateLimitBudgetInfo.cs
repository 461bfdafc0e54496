namespace PinterestAds
{
    /// <summary>The client-side budget of one rate-limit category at a moment.</summary>
    public sealed class RateLimitBudgetInfo
    {
        public RateLimitBudgetInfo(string category, int perMinute, int available)
        {
            Category = category;
            PerMinute = perMinute;
            Available = available;
        }

        /// <summary>The description's <c>x-ratelimit-category</c>, e.g. <c>ads_analytics</c>.</summary>
        public string Category { get; }

        public int PerMinute { get; }

        /// <summary>Requests that can be sent right now without waiting.</summary>
        public int Available { get; }

        public override string ToString() => $"{Category}: {Available}/{PerMinute}";
    }
}
