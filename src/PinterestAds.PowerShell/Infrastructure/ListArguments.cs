using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>List parameters take <c>'A,B'</c> as well as <c>@('A','B')</c>: one rule for every cmdlet.</summary>
    internal static class ListArguments
    {
        /// <summary>Every element split at commas and trimmed, empty parts dropped; null (not given) stays null.</summary>
        public static IReadOnlyList<string>? SplitCommas(IEnumerable<string?>? values) =>
            values?.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        /// <summary><see cref="SplitCommas"/>, with nothing given read as an empty list.</summary>
        public static IReadOnlyList<string> SplitCommasOrEmpty(IEnumerable<string?>? values) => SplitCommas(values) ?? Array.Empty<string>();
    }
}
