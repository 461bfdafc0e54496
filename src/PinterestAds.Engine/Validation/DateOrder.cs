using System;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Validation
{
    /// <summary>The one check that a date range is not reversed, for every cmdlet that takes -StartDate and -EndDate.</summary>
    internal static class DateOrder
    {
        /// <summary>Throws <see cref="ErrorIds.EndDateBeforeStartDate"/> (on the end parameter) when <paramref name="end"/> is before <paramref name="start"/>.</summary>
        public static void Require(DateTime start, DateTime end, string startParameter = "StartDate", string endParameter = "EndDate")
        {
            if (end < start)
                throw new PinterestValidationException(ErrorIds.EndDateBeforeStartDate, endParameter,
                    $"-{endParameter} {ApiDates.Format(end)} is before -{startParameter} {ApiDates.Format(start)}. Swap them.");
        }
    }
}
