using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PinterestAds
{
    /// <summary>
    /// One <c>metrics_filters</c> item of an async report: keep rows whose <see cref="Field"/> is less or
    /// greater than the values. Written in PowerShell as <c>'SPEND_IN_DOLLAR &gt; 10'</c> or as a hashtable
    /// <c>@{ Field = 'SPEND_IN_DOLLAR'; Operator = 'GreaterThan'; Values = 10 }</c>.
    /// </summary>
    public sealed class ReportMetricsFilter
    {
        public ReportMetricsFilter(string field, string @operator, IEnumerable<double> values)
        {
            Field = field;
            Operator = @operator;
            Values = values.ToArray();
        }

        /// <summary>The column filtered on (API spelling once validated).</summary>
        public string Field { get; }

        /// <summary>LESS_THAN or GREATER_THAN (API spelling once validated).</summary>
        public string Operator { get; }

        public IReadOnlyList<double> Values { get; }

        /// <summary>Parses <c>FIELD &gt; 1</c>, <c>FIELD &lt; 1,2</c>; null when the text has no operator.</summary>
        public static ReportMetricsFilter? TryParse(string text)
        {
            int at = text.IndexOfAny(new[] { '<', '>' });
            if (at <= 0) return null;
            string field = text.Substring(0, at).Trim();
            string op = text[at] == '<' ? "LESS_THAN" : "GREATER_THAN";
            var values = new List<double>();
            foreach (string part in text.Substring(at + 1).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return null;
                values.Add(value);
            }
            return field.Length == 0 || values.Count == 0 ? null : new ReportMetricsFilter(field, op, values);
        }

        public override string ToString() =>
            $"{Field} {(Operator == "LESS_THAN" ? "<" : Operator == "GREATER_THAN" ? ">" : Operator)} {string.Join(",", Values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}";
    }

    /// <summary>
    /// One <c>custom_conversion_event_metrics</c> item: a custom event's metric (ADE_ROAS, ...) by event name.
    /// Written in PowerShell as <c>'ADE_ROAS:my_event'</c> or <c>@{ Type = 'ADE_ROAS'; Name = 'my_event' }</c>.
    /// </summary>
    public sealed class CustomConversionEventMetric
    {
        public CustomConversionEventMetric(string type, string? eventName)
        {
            Type = type;
            EventName = eventName;
        }

        /// <summary><c>custom_event_metrics_type</c>.</summary>
        public string Type { get; }

        /// <summary><c>custom_event_name</c>.</summary>
        public string? EventName { get; }

        public override string ToString() => EventName == null ? Type : Type + ":" + EventName;
    }
}
