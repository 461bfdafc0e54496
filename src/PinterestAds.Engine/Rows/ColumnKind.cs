namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// What a Pinterest reporting column holds, which decides how its text is parsed and the
    /// CLR type of the value a row carries.
    /// </summary>
    /// <remarks>
    /// Parsing never drops or zeroes a value that does not fit its kind; see
    /// <see cref="ValueParser"/> for the fallback rule.
    /// </remarks>
    public enum ColumnKind
    {
        /// <summary>Not recognised: parsed as long, else decimal, else kept as text.</summary>
        Unknown = 0,

        /// <summary>Ids, names, statuses, types, labels, URLs: a <see cref="string"/>.</summary>
        Text,

        /// <summary>Counts and micro-currency amounts: a <see cref="long"/>.</summary>
        Integer,

        /// <summary>Currency in whole units, rates, ratios, averages: a <see cref="decimal"/>.</summary>
        Decimal,

        /// <summary>
        /// The report date (<c>DATE</c>): a <see cref="System.DateTime"/> of kind Unspecified, a
        /// calendar date in the report's time zone; hourly reports may carry a time of day.
        /// </summary>
        Date,

        /// <summary>Flags such as <c>IS_PREMIERE_CAMPAIGN</c>: a <see cref="bool"/>.</summary>
        Boolean,

        /// <summary>
        /// The report date at HOUR granularity (<c>DATE</c>): parsed as <see cref="Date"/>, but its export
        /// text always shows the hour (<c>yyyy-MM-ddTHH:00</c>, midnight included).
        /// </summary>
        Hour,
    }
}
