namespace PinterestAds
{
    /// <summary>
    /// Base type of the rows read from an async report (<c>Receive-PinReport</c>). Each distinct
    /// column set gets its own generated subclass whose public properties are exactly the
    /// report's columns, in order (<c>AdAccountId</c>, <c>Currency</c> and <c>Level</c> as analytics rows
    /// lead, the entity id column - KEYWORD rows: then <c>KeywordText</c> -, <c>DATE</c>, the requested
    /// columns, then any other column the report carried).
    /// </summary>
    /// <remarks>
    /// This class deliberately declares no public properties, so the generated properties are
    /// the only ones PowerShell shows and exports. The dictionary view of the columns comes from
    /// <see cref="PinRow"/>.
    /// </remarks>
    public abstract class ReportRow : PinRow
    {
        /// <summary>Only generated row types derive from this class.</summary>
        protected ReportRow()
        {
        }
    }
}
