using System;
using System.Globalization;

namespace PinterestAds.Engine.Api
{
    /// <summary>
    /// Dates as the API wants them: UTC calendar dates, <c>yyyy-MM-dd</c>, invariant culture.
    /// "Today" is always the UTC date, never the local one.
    /// </summary>
    internal static class ApiDates
    {
        public const string Pattern = "yyyy-MM-dd";

        /// <summary>The calendar date a user meant. A DateTime's own date is used as is (its time of day is ignored).</summary>
        public static DateTime ToCalendarDate(DateTime value) => DateTime.SpecifyKind(value.Date, DateTimeKind.Unspecified);

        public static string Format(DateTime value) => value.ToString(Pattern, CultureInfo.InvariantCulture);

        public static bool TryParse(string? text, out DateTime date) =>
            DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

        /// <summary>Today's date in UTC on <paramref name="time"/>: the session's clock (<c>PinterestSession.Time</c>), never the system's behind its back.</summary>
        public static DateTime Today(TimeProvider time) => time.GetUtcNow().UtcDateTime.Date;
    }
}
