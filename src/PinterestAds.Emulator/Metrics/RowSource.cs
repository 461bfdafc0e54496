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

    /// <summary>
    /// A row's entity and the delivery units whose metrics it sums. <paramref name="Share"/>, when set, takes
    /// only one part of each unit-day (a keyword's share of its ad group, an item's share of its product group).
    /// </summary>
    private sealed record Group(string Id, EntityContext Context, IDeliveryUnit[] Units, Share? Share = null);

    /// <summary>
    /// Part <paramref name="Index"/> of <paramref name="Count"/> of every unit-day: split like the KEYWORD
    /// targeting values of the unit's ad group when <paramref name="TargetingType"/> is set (keywords), else by
    /// the owner's own weights (product items). The parts add up to the whole exactly.
    /// </summary>
    private sealed record Share(string? TargetingType, int Index, int Count, ulong OwnerKey);

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
        var conversionFactor = MetricGenerator.ConversionFactor(query.ClickWindowDays, query.EngagementWindowDays, query.ViewWindowDays,
            query.ConversionReportTime, query.AttributionTypes);

        // Late conversions: the share of each day's conversions reported so far, fixed for this query.
        var maturity = LateConversions.Schedule(_generator.Today);
        var context = new Evaluation(rules, suppressed, filterRules, needed, slotColumns, hasMetrics, conversionFactor, maturity);

        // combine_targeting_types: one breakdown over all the types together; otherwise one per type.
        var breakdowns = !query.IsTargeting ? Array.Empty<string[]>()
            : query.CombineTargetingTypes && query.TargetingTypes.Count > 1 ? new[] { query.TargetingTypes.ToArray() }
            : query.TargetingTypes.Select(t => new[] { t }).ToArray();

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
            foreach (var types in breakdowns)
            {
                var valueLists = types.Select(t => TargetingValuesOf(group, t)).ToArray();
                var combinations = Combinations(valueLists);
                var perValue = new long[combinations.Count][];
                for (var i = 0; i < combinations.Count; i++) perValue[i] = new long[_columns.AdditiveCount];
                var activeByValue = AccumulateTargeting(group, bucket, types, valueLists, context, perValue);
                for (var i = 0; i < combinations.Count; i++)
                {
                    row.TargetingType = string.Join("_AND_", types);
                    row.TargetingValue = combinations[i];
                    if (Fill(row, group, bucket, context, perValue[i], activeByValue[i]))
                        yield return row;
                }
            }
        }
    }

    /// <summary>Every combination of one value per type, first type slowest, joined by "&amp;" (a single type: its values).</summary>
    private static IReadOnlyList<string> Combinations(IReadOnlyList<string>[] valueLists)
    {
        IEnumerable<string> result = new[] { "" };
        var first = true;
        foreach (var values in valueLists)
        {
            var isFirst = first;
            result = result.SelectMany(prefix => values.Select(v => isFirst ? v : prefix + "&" + v)).ToArray();
            first = false;
        }
        return result.ToArray();
    }

    private sealed record Evaluation(
        ColumnRule[] Rules, bool[] Suppressed, (MetricsFilter Filter, ColumnRule Rule)[] Filters,
        int[] Needed, AdditiveColumn[] SlotColumns, bool HasMetrics, double ConversionFactor, LateConversions.Maturity Maturity)
    {
        /// <summary>The factor of one column on one day: attribution windows and late conversions for conversion columns, 1 otherwise.</summary>
        public double FactorOf(AdditiveColumn column, int day) => column.IsConversion ? ConversionFactor * Maturity(day) : 1;
    }

    /// <summary>The cumulative weights of a group's share of one unit-day, or null when the group takes the whole.</summary>
    private double[]? ShareWeights(Group group, IDeliveryUnit unit, int day, double[]? buffer)
    {
        if (group.Share is not { } share) return null;
        if (share.TargetingType is { } type)
            _generator.TargetingWeights(unit.AdGroup, type, unit.AdGroup.Targeting[type], day, buffer!);
        else
            _generator.SplitWeights(share.OwnerKey, share.Count, day, buffer!);
        return buffer;
    }

    private static double[]? ShareBuffer(Group group) => group.Share is { } share ? new double[share.Count + 1] : null;

    private bool Accumulate(Group group, Bucket bucket, Evaluation e, long[] sums)
    {
        var active = false;
        Span<double> hourWeights = stackalloc double[25];
        var shareBuffer = ShareBuffer(group);
        foreach (var unit in group.Units)
        {
            for (var day = bucket.FirstDay; day <= bucket.LastDay; day++)
            {
                if (!_generator.IsActive(unit, day)) continue;
                active = true;
                var baseImpressions = _generator.BaseImpressions(unit, day);
                if (bucket.Hour >= 0) _generator.HourWeights(unit, day, hourWeights);
                var share = ShareWeights(group, unit, day, shareBuffer);
                for (var k = 0; k < e.Needed.Length; k++)
                {
                    var v = _generator.Value(unit, day, baseImpressions, e.SlotColumns[k], e.FactorOf(e.SlotColumns[k], day));
                    if (share is not null) v = MetricGenerator.Part(v, share, group.Share!.Index);
                    if (bucket.Hour >= 0) v = MetricGenerator.Part(v, hourWeights, bucket.Hour);
                    sums[e.Needed[k]] += v;
                }
            }
        }
        return active;
    }

    /// <summary>
    /// Splits each unit-day across the unit's values of <paramref name="types"/>: one type splits by its
    /// weights; several (combined) split by the first type, each part by the second, and so on, so every
    /// level of the split adds up exactly.
    /// </summary>
    private bool[] AccumulateTargeting(Group group, Bucket bucket, string[] types, IReadOnlyList<string>[] groupValues, Evaluation e, long[][] perValue)
    {
        var active = new bool[perValue.Length];
        var hourWeights = new double[25];
        var shareBuffer = ShareBuffer(group);
        var positions = groupValues.Select(values =>
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++) index[values[i]] = i;
            return index;
        }).ToArray();
        var radix = new int[types.Length];
        var stride = 1;
        for (var t = types.Length - 1; t >= 0; t--) { radix[t] = stride; stride *= groupValues[t].Count; }

        foreach (var unit in group.Units)
        {
            var unitValues = types.Select(t => unit.AdGroup.Targeting[t]).ToArray();
            var weights = unitValues.Select(v => new double[v.Count + 1]).ToArray();
            for (var day = bucket.FirstDay; day <= bucket.LastDay; day++)
            {
                if (!_generator.IsActive(unit, day)) continue;
                var baseImpressions = _generator.BaseImpressions(unit, day);
                for (var t = 0; t < types.Length; t++) _generator.TargetingWeights(unit.AdGroup, types[t], unitValues[t], day, weights[t]);
                if (bucket.Hour >= 0) _generator.HourWeights(unit, day, hourWeights);
                var share = ShareWeights(group, unit, day, shareBuffer);
                var combination = new int[types.Length];
                for (var k = 0; k < e.Needed.Length; k++)
                {
                    var whole = _generator.Value(unit, day, baseImpressions, e.SlotColumns[k], e.FactorOf(e.SlotColumns[k], day));
                    if (share is not null) whole = MetricGenerator.Part(whole, share, group.Share!.Index);
                    Split(whole, 0, 0);

                    void Split(long amount, int typeIndex, int valueIndex)
                    {
                        if (typeIndex == types.Length)
                        {
                            var part = bucket.Hour >= 0 ? MetricGenerator.Part(amount, hourWeights, bucket.Hour) : amount;
                            perValue[valueIndex][e.Needed[k]] += part;
                            active[valueIndex] = true;
                            return;
                        }
                        var values = unitValues[typeIndex];
                        for (var i = 0; i < values.Count; i++)
                            Split(MetricGenerator.Part(amount, weights[typeIndex], i), typeIndex + 1,
                                valueIndex + positions[typeIndex][values[i]] * radix[typeIndex]);
                    }
                }
                if (e.Needed.Length == 0) MarkActive(0, 0);

                void MarkActive(int typeIndex, int valueIndex)
                {
                    if (typeIndex == types.Length) { active[valueIndex] = true; return; }
                    foreach (var v in unitValues[typeIndex]) MarkActive(typeIndex + 1, valueIndex + positions[typeIndex][v] * radix[typeIndex]);
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
            if (!filter.Passes(value)) return false;
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
            // Keywords that deliver (positive, on an ad group, not archived) take their share of the ad group's ads.
            ReportLevel.Keyword => account.Keywords.Where(k => k.Delivers && AdGroupOk(k.AdGroup!) && In(q.KeywordIds, k.Id))
                .Select(k => new Group(k.Id, new EntityContext(account, k.Campaign, k.AdGroup, null, null) { Keyword = k },
                    k.AdGroup!.Ads.Where(AdOk).ToArray<IDeliveryUnit>(),
                    new Share("KEYWORD", IndexOf(k.AdGroup.Targeting["KEYWORD"], k.Value), k.AdGroup.Targeting["KEYWORD"].Count, 0)))
                .ToList(),
            ReportLevel.ProductItem => account.ProductGroups.Where(ProductGroupOk)
                .SelectMany(p => p.Items.Where(i => In(q.ProductItemIds, i.Id)).Select(i =>
                    new Group(i.Id, new EntityContext(account, p.AdGroup.Campaign, p.AdGroup, null, p) { ProductItem = i },
                        new IDeliveryUnit[] { p }, new Share(null, i.Index, p.Items.Count, p.Key))))
                .ToList(),
            // A pin in a campaign sums the campaign's ads that promote it.
            ReportLevel.Pin => account.Campaigns.Where(CampaignOk)
                .SelectMany(c => c.AdGroups.SelectMany(g => g.Ads).Where(AdOk).GroupBy(a => a.PinId)
                    .OrderBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new Group(p.Key, new EntityContext(account, c, null, null, null) { PinId = p.Key }, p.ToArray<IDeliveryUnit>())))
                .ToList(),
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

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++) if (values[i] == value) return i;
        throw new InvalidOperationException($"Keyword text '{value}' is not in its ad group's KEYWORD targeting.");
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
