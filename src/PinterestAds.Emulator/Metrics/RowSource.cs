using System.Globalization;
using PinterestAds.Emulator.Resources;
using PinterestAds.Emulator.World;

namespace PinterestAds.Emulator.Metrics;

/// <summary>
/// Produces the rows of any analytics query lazily, one at a time, from the metric generator: sync
/// endpoints, async report files and the admin ground truth all read from here, so they agree exactly.
/// </summary>
internal sealed class RowSource
{
    private readonly AdWorld _world;
    private readonly MetricGenerator _generator;
    private readonly ColumnModel _columns = ColumnModel.Instance;

    public RowSource(AdWorld world, MetricGenerator generator)
    {
        _world = world;
        _generator = generator;
    }

    private sealed record Group(string Id, EntityContext Context, IDeliveryUnit[] Units);

    private readonly record struct Bucket(string? Label, int FirstDay, int LastDay, int Hour);

    public IEnumerable<ReportRow> Rows(ReportQuery query)
    {
        var groups = Groups(query);
        var buckets = Buckets(query);
        var rules = query.Columns.Select(_columns.Rule).ToArray();
        var hourly = query.Granularity == "HOUR";
        // HOUR granularity does not return conversion metrics.
        var suppressed = rules.Select(r => hourly && r.IsMetric && r.IsConversion).ToArray();
        var filterRules = query.MetricsFilters.Select(f => (Filter: f, Rule: _columns.Rule(f.Field))).ToArray();
        var needed = rules.Where((r, i) => !suppressed[i]).Concat(filterRules.Select(f => f.Rule))
            .SelectMany(r => r.Additive is { } a ? new[] { a } : r.Numerator.Concat(r.Denominator))
            .Select(a => a.Slot).Distinct().ToArray();
        var slotColumns = needed.Select(s => _columns.Additives[s]).ToArray();
        var hasMetrics = rules.Where((r, i) => r.IsMetric && !suppressed[i]).Any();
        var conversionFactor = MetricGenerator.ConversionFactor(query.ClickWindowDays, query.EngagementWindowDays, query.ViewWindowDays, query.ConversionReportTime);
        

        // Late conversions: the share of each day's conversions reported so far, fixed for this query.
        var maturity = LateConversions.Schedule(_generator.Today);
        var context = new Evaluation(rules, suppressed, filterRules, needed, slotColumns, hasMetrics, conversionFactor, maturity);

        var row = new ReportRow(rules.Length);
        var sums = new long[_columns.AdditiveCount]; // reused: only the needed slots are cleared and filled
        IEnumerable<(Group, Bucket)> order = query.SortByDate
            ? buckets.SelectMany(b => groups.Select(g => (g, b)))
            : groups.SelectMany(g => buckets.Select(b => (g, b)));
        foreach (var (group, bucket) in order)
        {
            if (!query.IsTargeting)
            {
                foreach (var slot in needed) sums[slot] = 0;
                var active = Accumulate(group, bucket, context, sums);
                if (Fill(row, group, bucket, context, sums, active))
                    yield return row;
                continue;
            }
            foreach (var type in query.TargetingTypes)
            {
                var values = TargetingValuesOf(group, type);
                var perValue = new long[values.Count][];
                for (var i = 0; i < values.Count; i++) perValue[i] = new long[_columns.AdditiveCount];
                var activeByValue = AccumulateTargeting(group, bucket, type, values, context, perValue);
                for (var i = 0; i < values.Count; i++)
                {
                    row.TargetingType = type;
                    row.TargetingValue = values[i];
                    if (Fill(row, group, bucket, context, perValue[i], activeByValue[i]))
                        yield return row;
                }
            }
        }
    }

    private sealed record Evaluation(
        ColumnRule[] Rules, bool[] Suppressed, (MetricsFilter Filter, ColumnRule Rule)[] Filters,
        int[] Needed, AdditiveColumn[] SlotColumns, bool HasMetrics, double ConversionFactor, LateConversions.Maturity Maturity)
    {
        /// <summary>The factor of one column on one day: attribution windows and late conversions for conversion columns, 1 otherwise.</summary>
        public double FactorOf(AdditiveColumn column, int day) => column.IsConversion ? ConversionFactor * Maturity(day) : 1;
    }

    private bool Accumulate(Group group, Bucket bucket, Evaluation e, long[] sums)
    {
        var active = false;
        Span<double> hourWeights = stackalloc double[25];
        foreach (var unit in group.Units)
        {
            for (var day = bucket.FirstDay; day <= bucket.LastDay; day++)
            {
                if (!_generator.IsActive(unit, day)) continue;
                active = true;
                var baseImpressions = _generator.BaseImpressions(unit, day);
                if (bucket.Hour >= 0) _generator.HourWeights(unit, day, hourWeights);
                for (var k = 0; k < e.Needed.Length; k++)
                {
                    var v = _generator.Value(unit, day, baseImpressions, e.SlotColumns[k], e.FactorOf(e.SlotColumns[k], day));
                    if (bucket.Hour >= 0) v = MetricGenerator.Part(v, hourWeights, bucket.Hour);
                    sums[e.Needed[k]] += v;
                }
            }
        }
        return active;
    }

    private bool[] AccumulateTargeting(Group group, Bucket bucket, string type, IReadOnlyList<string> values, Evaluation e, long[][] perValue)
    {
        var active = new bool[values.Count];
        Span<double> hourWeights = stackalloc double[25];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++) index[values[i]] = i;
        foreach (var unit in group.Units)
        {
            var unitValues = unit.AdGroup.Targeting[type];
            var targetingWeights = new double[unitValues.Count + 1];
            for (var day = bucket.FirstDay; day <= bucket.LastDay; day++)
            {
                if (!_generator.IsActive(unit, day)) continue;
                foreach (var v in unitValues) active[index[v]] = true;
                var baseImpressions = _generator.BaseImpressions(unit, day);
                _generator.TargetingWeights(unit.AdGroup, type, unitValues, day, targetingWeights);
                if (bucket.Hour >= 0) _generator.HourWeights(unit, day, hourWeights);
                for (var k = 0; k < e.Needed.Length; k++)
                {
                    var whole = _generator.Value(unit, day, baseImpressions, e.SlotColumns[k], e.FactorOf(e.SlotColumns[k], day));
                    for (var t = 0; t < unitValues.Count; t++)
                    {
                        var part = MetricGenerator.Part(whole, targetingWeights, t);
                        if (bucket.Hour >= 0) part = MetricGenerator.Part(part, hourWeights, bucket.Hour);
                        perValue[index[unitValues[t]]][e.Needed[k]] += part;
                    }
                }
            }
        }
        return active;
    }

    /// <summary>Fills the reusable row from sums; false when the row is to be omitted (all requested metrics zero, or filtered out).</summary>
    private bool Fill(ReportRow row, Group group, Bucket bucket, Evaluation e, long[] sums, bool active)
    {
        if (!active) return false;
        row.EntityId = group.Id;
        row.Date = bucket.Label;
        var anyNonZero = false;
        for (var i = 0; i < e.Rules.Length; i++)
        {
            var rule = e.Rules[i];
            if (e.Suppressed[i]) { row.Cells[i] = default; continue; }
            var cell = rule.Kind switch
            {
                ColumnKind.Attribute => group.Context.Attribute(rule.Name),
                ColumnKind.Additive => Cell.Of(sums[rule.Additive!.Slot]),
                _ => Evaluate(rule, sums),
            };
            row.Cells[i] = cell;
            if (rule.IsMetric && !cell.IsZero) anyNonZero = true;
        }
        if (e.HasMetrics && !anyNonZero) return false;
        foreach (var (filter, rule) in e.Filters)
        {
            var c = rule.Kind == ColumnKind.Additive ? Cell.Of(sums[rule.Additive!.Slot]) : Evaluate(rule, sums);
            var value = c.Kind == CellKind.Integer ? c.Integer : c.Decimal;
            if (filter.GreaterThan ? !(value > filter.Value) : !(value < filter.Value)) return false;
        }
        return true;
    }

    public static Cell Evaluate(ColumnRule rule, long[] sums)
    {
        double numerator = 0, denominator = 0;
        foreach (var a in rule.Numerator) numerator += sums[a.Slot];
        double value;
        if (rule.Denominator.Count == 0)
        {
            value = numerator * rule.Scale;
        }
        else
        {
            foreach (var a in rule.Denominator) denominator += sums[a.Slot];
            value = denominator == 0 ? 0 : numerator * rule.Scale / denominator;
        }
        return rule.IsInteger ? Cell.Of((long)Math.Round(value)) : Cell.Of(Math.Round(value, 8));
    }

    private static IReadOnlyList<string> TargetingValuesOf(Group group, string type)
    {
        var present = new HashSet<string>(group.Units.SelectMany(u => u.AdGroup.Targeting[type]), StringComparer.Ordinal);
        return TargetingOptions.AnalyticsValues(type).Where(present.Contains).ToArray();
    }

    private List<Group> Groups(ReportQuery q)
    {
        static bool In(IReadOnlyList<string>? filter, string value) => filter is null || filter.Contains(value, StringComparer.Ordinal);
        bool CampaignOk(Campaign c) => In(q.CampaignIds, c.Id) && In(q.CampaignStatuses, c.SummaryStatus) && In(q.CampaignObjectiveTypes, c.ObjectiveType);
        bool AdGroupOk(AdGroup g) => CampaignOk(g.Campaign) && In(q.AdGroupIds, g.Id) && In(q.AdGroupStatuses, g.SummaryStatus)
            && (q.Countries is null || g.Targeting["COUNTRY"].Any(country => q.Countries.Contains(country, StringComparer.Ordinal)));
        bool AdOk(Ad a) => AdGroupOk(a.AdGroup) && In(q.AdIds, a.Id) && In(q.PinIds, a.PinId) && In(q.AdStatuses, a.SummaryStatus);
        bool ProductGroupOk(ProductGroup p) => AdGroupOk(p.AdGroup) && In(q.ProductGroupIds, p.Id)
            && In(q.ProductGroupStatuses, p.Status == "ACTIVE" ? "RUNNING" : p.Status);

        var account = q.Account;
        return q.Level switch
        {
            ReportLevel.Advertiser => new List<Group>
            {
                new(account.Id, new EntityContext(account, null, null, null, null), account.Ads.Where(AdOk).ToArray<IDeliveryUnit>()),
            },
            ReportLevel.Campaign => account.Campaigns.Where(CampaignOk)
                .Select(c => new Group(c.Id, new EntityContext(account, c, null, null, null), c.AdGroups.SelectMany(g => g.Ads).Where(AdOk).ToArray<IDeliveryUnit>()))
                .ToList(),
            ReportLevel.AdGroup => account.AdGroups.Where(AdGroupOk)
                .Select(g => new Group(g.Id, new EntityContext(account, g.Campaign, g, null, null), g.Ads.Where(AdOk).ToArray<IDeliveryUnit>()))
                .ToList(),
            ReportLevel.Ad => account.Ads.Where(AdOk)
                .Select(a => new Group(a.Id, new EntityContext(account, a.AdGroup.Campaign, a.AdGroup, a, null), new IDeliveryUnit[] { a }))
                .ToList(),
            _ => account.ProductGroups.Where(ProductGroupOk)
                .Select(p => new Group(p.Id, new EntityContext(account, p.AdGroup.Campaign, p.AdGroup, null, p), new IDeliveryUnit[] { p }))
                .ToList(),
        };
    }

    private static List<Bucket> Buckets(ReportQuery q)
    {
        var list = new List<Bucket>();
        int first = q.Start.DayNumber, last = q.End.DayNumber;
        static string Label(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (q.Granularity)
        {
            case "TOTAL":
                list.Add(new Bucket(null, first, last, -1));
                break;
            case "DAY":
                for (var d = first; d <= last; d++) list.Add(new Bucket(Label(d), d, d, -1));
                break;
            case "WEEK":
                for (var d = first; d <= last;)
                {
                    var weekEnd = d + (6 - (DateOnly.FromDayNumber(d).DayOfWeek switch { DayOfWeek.Sunday => 6, var w => (int)w - 1 }));
                    var end = Math.Min(weekEnd, last);
                    list.Add(new Bucket(Label(d), d, end, -1));
                    d = end + 1;
                }
                break;
            case "MONTH":
                for (var d = first; d <= last;)
                {
                    var date = DateOnly.FromDayNumber(d);
                    var monthEnd = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)).DayNumber;
                    var end = Math.Min(monthEnd, last);
                    list.Add(new Bucket(Label(d), d, end, -1));
                    d = end + 1;
                }
                break;
            default: // HOUR
                for (var d = first; d <= last; d++)
                {
                    var fromHour = d == first ? q.StartHour ?? 0 : 0;
                    var toHour = d == last ? q.EndHour ?? 23 : 23;
                    for (var h = fromHour; h <= toHour; h++)
                        list.Add(new Bucket($"{Label(d)} {h:00}:00:00", d, d, h));
                }
                break;
        }
        return list;
    }
}
