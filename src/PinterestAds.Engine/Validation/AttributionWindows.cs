using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PinterestAds.Engine.Validation
{
    /// <summary>
    /// The one check of -ClickWindowDays, -EngagementWindowDays and -ViewWindowDays, for the sync endpoints and
    /// async reports alike: a window must be one the operation's description lists (1, 7, 30 or 60 days), else
    /// <see cref="ErrorIds.AttributionWindowInvalid"/> before any request.
    /// </summary>
    internal static class AttributionWindows
    {
        /// <summary>Checks the three windows; <paramref name="allowedFor"/> gives the description's values of an API field (click_window_days, ...).</summary>
        public static void Check(int? clickWindowDays, int? engagementWindowDays, int? viewWindowDays, Func<string, IReadOnlyList<string>?> allowedFor)
        {
            Check("ClickWindowDays", clickWindowDays, allowedFor("click_window_days"));
            Check("EngagementWindowDays", engagementWindowDays, allowedFor("engagement_window_days"));
            Check("ViewWindowDays", viewWindowDays, allowedFor("view_window_days"));
        }

        private static void Check(string powerShellName, int? days, IReadOnlyList<string>? allowed)
        {
            // No list in the description: nothing to check against (the API decides).
            if (!days.HasValue || allowed == null || allowed.Count == 0) return;
            if (!allowed.Contains(days.Value.ToString(CultureInfo.InvariantCulture)))
                throw new PinterestValidationException(ErrorIds.AttributionWindowInvalid, powerShellName,
                    $"-{powerShellName} {days} is not an attribution window Pinterest offers. Use one of: {string.Join(", ", allowed)} (days).");
        }
    }
}
