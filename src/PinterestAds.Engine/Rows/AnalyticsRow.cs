namespace PinterestAds
{
    /// <summary>
    /// Base type of the rows <c>Get-PinAnalytics</c> emits. Each distinct column set gets its own
    /// generated subclass whose public properties are exactly the row's columns, in order
    /// (<c>AdAccountId</c>, <c>Level</c>, the entity id column, <c>DATE</c> unless TOTAL,
    /// targeting fields for targeting analytics, then the requested columns).
    /// </summary>
    /// <remarks>
    /// This class deliberately declares no public properties, so the generated properties are
    /// the only ones PowerShell shows and exports. The dictionary view of the columns comes from
    /// <see cref="PinRow"/>.
    /// </remarks>
    public abstract class AnalyticsRow : PinRow
    {
        /// <summary>Only generated row types derive from this class.</summary>
        protected AnalyticsRow()
        {
        }
    }
}
