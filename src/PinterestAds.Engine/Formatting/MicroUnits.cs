using System;

namespace PinterestAds.Engine.Formatting
{
    /// <summary>
    /// Pinterest's micro-units (millionths of the ad account's currency unit, the
    /// <c>*_IN_MICRO_DOLLAR</c> columns and the entities' spend caps and budgets) as amounts in
    /// currency units, with exact decimal arithmetic: 1,500,000,000 micro-units are exactly 1500
    /// whatever the currency (JPY, USD, ...); no binary floating point is involved.
    /// </summary>
    public static class MicroUnits
    {
        /// <summary>Micro-units per currency unit.</summary>
        public const long PerUnit = 1_000_000;

        /// <summary>The amount in currency units, exactly (scale at most 6, trailing zeros removed).</summary>
        public static decimal ToCurrencyUnits(long microUnits) =>
            // Decimal division is exact whenever the quotient fits (19 digits, scale 6: always).
            Normalize(new decimal(microUnits) / PerUnit);

        /// <summary>The amount in currency units, or null for null.</summary>
        public static decimal? ToCurrencyUnits(long? microUnits) =>
            microUnits.HasValue ? ToCurrencyUnits(microUnits.Value) : (decimal?)null;

        /// <summary>
        /// A value read from a micro-unit column, in currency units: whole numbers (long, int)
        /// and decimals with no fraction are converted exactly; anything else (text the parser
        /// kept because it did not fit) is returned unchanged, so nothing is ever dropped.
        /// </summary>
        public static object? ToCurrencyUnits(object? value) => value switch
        {
            long whole => ToCurrencyUnits(whole),
            int small => ToCurrencyUnits((long)small),
            decimal number => Normalize(number / PerUnit),
            _ => value,
        };

        // 1500.000000m -> 1500m, 0.012500m -> 0.0125m: same value, shortest text.
        private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
    }
}
