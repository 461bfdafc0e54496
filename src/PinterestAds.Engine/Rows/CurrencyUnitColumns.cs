using System;
using System.Text.RegularExpressions;

namespace PinterestAds.Engine.Rows
{
    /// <summary>
    /// The naming rule of <c>-CurrencyUnits</c>: a micro-dollar column (<c>*_IN_MICRO_DOLLAR</c>, and the
    /// paid/earned <c>*_IN_MICRO_DOLLAR_1</c>/<c>_2</c>) holds millionths of the ad account's currency; as an
    /// amount in currency units it is named <c>*_IN_LOCAL_CURRENCY</c> (<c>_1</c>/<c>_2</c> kept), Pinterest's
    /// own suffix for amounts in the account's currency (BUDGET_IN_LOCAL_CURRENCY). So
    /// <c>SPEND_IN_MICRO_DOLLAR</c> becomes <c>SPEND_IN_LOCAL_CURRENCY</c>; no catalogue column has that name,
    /// so the renamed column never meets a real one. Columns in US dollars (<c>*_IN_MICRO_US_DOLLAR</c>,
    /// <c>*_IN_MICRO_USD</c>) keep their name and value: their unit is not the account's currency, and their
    /// whole-unit names are real columns already. A micro-currency column (<c>*_IN_MICRO_CURRENCY</c>, bids and
    /// prices such as <c>AD_GROUP_BID_IN_MICRO_CURRENCY</c>) holds millionths of the account's currency too; it
    /// becomes <c>*_IN_CURRENCY</c> (<c>CPC_IN_MICRO_CURRENCY</c> -> <c>CPC_IN_CURRENCY</c>), a name of its own
    /// because <c>CPC_IN_MICRO_DOLLAR</c> already takes <c>CPC_IN_LOCAL_CURRENCY</c>.
    /// </summary>
    public static class CurrencyUnitColumns
    {
        /// <summary>The suffix of an amount in the account's currency units.</summary>
        public const string LocalCurrencySuffix = "_IN_LOCAL_CURRENCY";

        /// <summary>The suffix of a micro-currency column in currency units.</summary>
        public const string CurrencySuffix = "_IN_CURRENCY";

        private static readonly Regex MicroCurrency = new Regex(@"_IN_MICRO_CURRENCY(?<n>_\d+)?$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

        private static readonly Regex MicroDollar = new Regex(@"_IN_MICRO_DOLLAR(?<n>_\d+)?$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>The name of a micro-dollar or micro-currency column in currency units, or null when the column is not one.</summary>
        public static string? CurrencyUnitName(string column)
        {
            if (column is null) throw new ArgumentNullException(nameof(column));
            var match = MicroDollar.Match(column);
            if (match.Success) return column.Substring(0, match.Index) + LocalCurrencySuffix + match.Groups["n"].Value;
            match = MicroCurrency.Match(column);
            return match.Success ? column.Substring(0, match.Index) + CurrencySuffix + match.Groups["n"].Value : null;
        }
    }
}
