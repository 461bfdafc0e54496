using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Sync
{
    /// <summary>
    /// What a destination holds: level, columns, granularity, targeting types, attribution windows and
    /// conversion report time - the parameters <c>Get-PinAnalytics</c> takes. A destination keeps one
    /// definition; a run whose definition differs is refused (<see cref="Differences"/>).
    /// </summary>
    internal sealed class SyncDefinition
    {
        /// <summary>The description's defaults for the attribution windows (days), used when a window is not given.</summary>
        public const int DefaultClickWindowDays = 30;
        public const int DefaultEngagementWindowDays = 30;
        public const int DefaultViewWindowDays = 1;

        public SyncDefinition(AnalyticsLevel level, IReadOnlyList<string> columns, Granularity granularity,
            IReadOnlyList<AnalyticsTargetingType> targetingTypes, int? clickWindowDays, int? engagementWindowDays, int? viewWindowDays,
            ConversionReportTime? conversionReportTime)
        {
            if (granularity != Granularity.Day && granularity != Granularity.Hour)
                throw new PinterestValidationException(ErrorIds.SyncGranularityNotSupported, "Granularity",
                    $"-Granularity {granularity} cannot be synced: restated days are replaced one day at a time, and {granularity} rows span several days (or the whole range). Use -Granularity Day (or Hour).");
            // Keyword rows come from async KEYWORD reports filtered afterwards, and pin rows need a campaign and
            // pin ids per call: neither fits "every entity of the account, one window at a time" yet.
            if (level == AnalyticsLevel.Keyword || level == AnalyticsLevel.Pin)
                throw new PinterestValidationException(ErrorIds.SyncLevelNotSupported, "Level",
                    $"-Level {level} cannot be synced yet. Sync the AdGroup (for keywords) or Ad (for pins) level, or use Get-PinAnalytics -Level {level} for a one-off pull.");
            Level = level;
            Columns = columns;
            Granularity = granularity;
            TargetingTypes = targetingTypes.Distinct().OrderBy(t => t).ToList();
            ClickWindowDays = clickWindowDays;
            EngagementWindowDays = engagementWindowDays;
            ViewWindowDays = viewWindowDays;
            ConversionReportTime = conversionReportTime;
            Operation = AnalyticsOperation.For(level, IsTargeting);
            Table = BuildTable();
        }

        public AnalyticsLevel Level { get; }

        /// <summary>Resolved API column names, in the requested order.</summary>
        public IReadOnlyList<string> Columns { get; }
        public Granularity Granularity { get; }
        public IReadOnlyList<AnalyticsTargetingType> TargetingTypes { get; }
        public int? ClickWindowDays { get; }
        public int? EngagementWindowDays { get; }
        public int? ViewWindowDays { get; }
        public ConversionReportTime? ConversionReportTime { get; }

        public bool IsTargeting => TargetingTypes.Count > 0;
        internal AnalyticsOperation Operation { get; }

        /// <summary>The table every destination writes for this definition.</summary>
        public SyncTable Table { get; }

        /// <summary>
        /// The default of <c>-RestateDays</c>: the longest attribution window of the definition (a
        /// conversion can be attributed to an ad action that many days back, so the numbers of that many
        /// past days can still grow).
        /// </summary>
        public int LongestAttributionWindowDays =>
            Math.Max(ClickWindowDays ?? DefaultClickWindowDays, Math.Max(EngagementWindowDays ?? DefaultEngagementWindowDays, ViewWindowDays ?? DefaultViewWindowDays));

        /// <summary>The definition as ordered name/value pairs: what destinations store and compare.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Describe() => new List<KeyValuePair<string, string>>
        {
            Pair("Level", Level.ToString()),
            Pair("Granularity", Granularity.ToString()),
            Pair("TargetingType", string.Join(",", TargetingTypes)),
            Pair("Column", string.Join(",", Columns)),
            Pair("ClickWindowDays", (ClickWindowDays ?? DefaultClickWindowDays).ToString(CultureInfo.InvariantCulture)),
            Pair("EngagementWindowDays", (EngagementWindowDays ?? DefaultEngagementWindowDays).ToString(CultureInfo.InvariantCulture)),
            Pair("ViewWindowDays", (ViewWindowDays ?? DefaultViewWindowDays).ToString(CultureInfo.InvariantCulture)),
            Pair("ConversionReportTime", (ConversionReportTime ?? PinterestAds.ConversionReportTime.TimeOfAdAction).ToString()),
        };

        /// <summary>One line per field, "Name=value", the stored form.</summary>
        public string Serialize() => string.Join("\n", Describe().Select(p => p.Key + "=" + p.Value));

        /// <summary>
        /// The fields of a stored definition that differ from this one, as "-Name: stored 'x', now 'y'"; empty
        /// when they match.
        /// </summary>
        public IReadOnlyList<string> Differences(string stored)
        {
            var old = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in (stored ?? "").Split('\n'))
            {
                int eq = line.IndexOf('=');
                if (eq > 0) old[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
            }
            var differences = new List<string>();
            foreach (var pair in Describe())
            {
                old.TryGetValue(pair.Key, out var was);
                if (!string.Equals(was ?? "", pair.Value, StringComparison.Ordinal))
                    differences.Add($"-{pair.Key}: the destination holds '{was ?? ""}', this run asks for '{pair.Value}'");
            }
            return differences;
        }

        /// <summary>The refusal for a destination whose stored definition differs.</summary>
        public PinterestValidationException Mismatch(string destination, IReadOnlyList<string> differences)
        {
            return new PinterestValidationException(ErrorIds.SyncDefinitionMismatch, differences.Count > 0 && differences[0].StartsWith("-Column", StringComparison.Ordinal) ? "Column" : "Destination",
                $"{destination} was synced with another definition, and mixing them would leave rows that mean different things side by side. " +
                $"What differs: {string.Join("; ", differences)}. To go on, run with the destination's definition, or sync into a new destination " +
                "(another file, folder or -Table); to start this destination over, remove it (or its table) first.");
        }

        private SyncTable BuildTable()
        {
            var columns = new List<SyncColumn>
            {
                new SyncColumn(RowFields.AdAccountId, SyncValueKind.Text, isKey: true),
                new SyncColumn(SyncTable.Currency, SyncValueKind.Text),
                new SyncColumn(RowFields.Level, SyncValueKind.Text),
            };
            // The ad account level's rows are keyed by the account itself.
            if (Level != AnalyticsLevel.AdAccount) columns.Add(new SyncColumn(Operation.EntityIdColumn, SyncValueKind.Text, isKey: true));
            columns.Add(new SyncColumn(RowFields.Date, Granularity == Granularity.Hour ? SyncValueKind.DateTime : SyncValueKind.Date, isKey: true));
            if (IsTargeting)
            {
                columns.Add(new SyncColumn(RowFields.TargetingType, SyncValueKind.Text, isKey: true));
                columns.Add(new SyncColumn(RowFields.TargetingValue, SyncValueKind.Text, isKey: true));
                columns.Add(new SyncColumn(RowFields.TargetingName, SyncValueKind.Text));
            }
            var taken = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase) { Operation.EntityIdColumn, SyncTable.MetricsFinal };
            foreach (var name in Columns)
                if (taken.Add(name)) columns.Add(new SyncColumn(name, KindOf(ColumnClassifier.Classify(name))));
            columns.Add(new SyncColumn(SyncTable.MetricsFinal, SyncValueKind.Boolean));
            return new SyncTable(columns);
        }

        private static SyncValueKind KindOf(ColumnKind kind) => kind switch
        {
            ColumnKind.Integer => SyncValueKind.Integer,
            ColumnKind.Decimal => SyncValueKind.Decimal,
            ColumnKind.Boolean => SyncValueKind.Boolean,
            ColumnKind.Date => SyncValueKind.Date,
            // Unknown columns keep whatever the API sent, as text: never lossy.
            _ => SyncValueKind.Text,
        };

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
    }
}
