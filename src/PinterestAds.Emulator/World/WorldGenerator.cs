using PinterestAds.Emulator.Resources;

namespace PinterestAds.Emulator.World;

/// <summary>
/// Builds the world from the seed and sizes. Every id, name, status and attribute is derived from
/// hashes of (seed, kind, index), so the same options always give the same world.
/// </summary>
internal static class WorldGenerator
{
    private static readonly string[] Objectives = { "AWARENESS", "CONSIDERATION", "WEB_CONVERSION", "CATALOG_SALES", "VIDEO_COMPLETION" };
    private static readonly string[] Themes = { "Spring Collection", "Holiday Gifts", "Back to School", "Summer Sale", "Home Refresh", "Wedding Season", "Fall Favorites", "Brand Awareness", "Retargeting", "New Arrivals" };
    private static readonly string[] Audiences = { "Broad", "Interest", "Keyword", "Actalike", "Retargeting", "Shopping" };
    private static readonly string[] CreativeTypes = { "REGULAR", "VIDEO", "CAROUSEL", "SHOPPING", "IDEA" };
    private static readonly string[] TemplateColumns =
    {
        "SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "CTR", "ECPC_IN_DOLLAR", "OUTBOUND_CLICK_1", "TOTAL_CONVERSIONS", "TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR",
    };
    private static readonly string[] TemplateLevels = { "CAMPAIGN", "AD_GROUP", "PIN_PROMOTION", "ADVERTISER" };

    public static AdWorld Generate(EmulatorOptions options, DateOnly today)
    {
        var seed = (ulong)options.Seed;
        var seedPart = (long)(DeterministicHash.Mix(seed) % 900) + 100;
        long campaignCounter = 0, adGroupCounter = 0, adCounter = 0, productGroupCounter = 0, templateCounter = 0, keywordCounter = 0, itemCounter = 0;
        var todayUnix = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        long DayToUnix(int dayNumber) => todayUnix - (long)(today.DayNumber - dayNumber) * 86400;
        double U(params ulong[] parts)
        {
            var h = seed;
            foreach (var p in parts) h = DeterministicHash.Combine(h, p);
            return DeterministicHash.Unit(h);
        }
        // Entities change now and then: the last update within the last 60 days (the first of each kind yesterday).
        long RecentlyUpdated(bool first, double u) => todayUnix - (first ? 86400 : 86400 + (long)(u * 59 * 86400));
        string Status(ulong kind, long index, bool forceActive)
        {
            if (forceActive) return "ACTIVE";
            var u = U(kind, (ulong)index, 7);
            return u < 0.6 ? "ACTIVE" : u < 0.85 ? "PAUSED" : "ARCHIVED";
        }

        var accounts = new List<AdAccount>();
        var total = Math.Max(0, options.AdAccounts);
        for (var a = 0; a <= total; a++)
        {
            var forbidden = a == total; // one extra account the token cannot access
            var account = new AdAccount
            {
                Id = (549755000000L + seedPart * 1000 + (forbidden ? 999 : a)).ToString(),
                Name = forbidden ? "Someone Else's Ads" : a == 0 ? "Emulator Home & Garden" : $"Emulator Brand {a + 1}",
                // The third account is in yen (a currency without minor units), every third one after it in pounds.
                Country = a == 2 ? "JP" : a % 3 == 2 ? "GB" : "US",
                Currency = a == 2 ? "JPY" : a % 3 == 2 ? "GBP" : "USD",
                Access = forbidden ? AccountAccess.Forbidden : a == 1 ? AccountAccess.Shared : AccountAccess.Owner,
                OwnerUserId = (1012345000000000L + seedPart * 100 + (a == 1 || forbidden ? 50 + a : 0)).ToString(),
                OwnerUsername = a == 1 ? "partner_agency" : forbidden ? "another_company" : "emulator_user",
                CreatedTime = DayToUnix(today.DayNumber - options.HistoryDays - 30 - a),
            };
            accounts.Add(account);
            if (forbidden) break;

            for (var c = 0; c < options.CampaignsPerAccount; c++)
            {
                var ci = campaignCounter++;
                var objective = Objectives[(int)(U(1, (ulong)ci, 1) * Objectives.Length)];
                var campaign = new Campaign
                {
                    Account = account,
                    Id = (626000000000L + seedPart * 1000000 + ci).ToString(),
                    Name = $"{Themes[ci % Themes.Length]} {2024 + (int)(ci / Themes.Length % 3)} - {objective.ToLowerInvariant().Replace('_', ' ')} #{c + 1}",
                    Status = Status(1, ci, c == 0),
                    ObjectiveType = objective,
                    CreatedTime = DayToUnix(today.DayNumber - options.HistoryDays - 10),
                    UpdatedTime = RecentlyUpdated(c == 0, U(1, (ulong)ci, 9)),
                    DailySpendCap = U(1, (ulong)ci, 2) < 0.5 ? (long)(50 + U(1, (ulong)ci, 3) * 450) * 1_000_000 : null,
                    LifetimeSpendCap = U(1, (ulong)ci, 4) < 0.3 ? (long)(5000 + U(1, (ulong)ci, 5) * 45000) * 1_000_000 : null,
                    OrderLineId = U(1, (ulong)ci, 6) < 0.2 ? (5491234000L + ci).ToString() : null,
                    BudgetOptimization = U(1, (ulong)ci, 8) < 0.3,
                };
                account.Campaigns.Add(campaign);
                // Campaigns carry only negative keywords (the description's rule).
                AddKeyword(account, campaign, null, Keyword.CampaignParent, campaign.Id, Keyword.MatchTypes[3 + (int)(ci % 2)],
                    KeywordVocabulary[(int)((ci * 7 + 3) % KeywordVocabulary.Count)], false, ref keywordCounter, seedPart);

                for (var g = 0; g < options.AdGroupsPerCampaign; g++)
                {
                    var gi = adGroupCounter++;
                    var key = DeterministicHash.Combine(seed, 2, (ulong)gi);
                    var targeting = BuildTargeting(key);
                    var adGroup = new AdGroup
                    {
                        Campaign = campaign,
                        Id = (2680000000000L + seedPart * 1000000 + gi).ToString(),
                        Name = $"{Audiences[gi % Audiences.Length]} audience {g + 1} - {campaign.Name.Split(" - ")[0]}",
                        Status = Status(2, gi, c == 0 && g == 0),
                        CreatedTime = campaign.CreatedTime + 3600,
                        UpdatedTime = RecentlyUpdated(c == 0 && g == 0, U(2, (ulong)gi, 9)),
                        BudgetInMicroCurrency = (long)(20 + U(2, (ulong)gi, 1) * 180) * 1_000_000,
                        BudgetType = U(2, (ulong)gi, 2) < 0.8 ? "DAILY" : "LIFETIME",
                        BidInMicroCurrency = (long)(0.5 + U(2, (ulong)gi, 3) * 3) * 1_000_000,
                        BidMultiplier = Math.Round(0.5 + U(2, (ulong)gi, 4) * 1.5, 2),
                        BillableEvent = objective == "AWARENESS" ? "IMPRESSION" : objective == "VIDEO_COMPLETION" ? "VIDEO_V_50_MRC" : "CLICKTHROUGH",
                        Key = key,
                        Targeting = targeting,
                    };
                    campaign.AdGroups.Add(adGroup);
                    AddAdGroupKeywords(adGroup, options.KeywordsPerAdGroup, gi, ref keywordCounter, seedPart, targeting);

                    for (var d = 0; d < options.AdsPerAdGroup; d++)
                    {
                        var di = adCounter++;
                        var adKey = DeterministicHash.Combine(seed, 3, (ulong)di);
                        var startDay = today.DayNumber - options.HistoryDays + (int)(U(3, (ulong)di, 1) * options.HistoryDays * 0.4);
                        var creative = objective == "VIDEO_COMPLETION" ? "VIDEO" : CreativeTypes[(int)(U(3, (ulong)di, 2) * CreativeTypes.Length)];
                        adGroup.Ads.Add(new Ad
                        {
                            AdGroup = adGroup,
                            Id = (687000000000L + seedPart * 1000000 + di).ToString(),
                            Name = $"{creative.ToLowerInvariant()} pin {d + 1} - {adGroup.Name.Split(" - ")[0]}",
                            Status = Status(3, di, c == 0 && g == 0 && d == 0),
                            // The ads at the same position of a campaign's ad groups promote the same pin, so pin rows sum several ads.
                            PinId = (1125899906000000L + seedPart * 1000000 + ci * Math.Max(1, options.AdsPerAdGroup) + d).ToString(),
                            CreativeType = creative,
                            CreatedTime = DayToUnix(startDay) - 7200,
                            UpdatedTime = RecentlyUpdated(c == 0 && g == 0 && d == 0, U(3, (ulong)di, 9)),
                            Key = adKey,
                            StartDay = startDay,
                            Volume = 0.3 + U(3, (ulong)di, 3) * 1.7,
                            VideoLengthSeconds = creative == "VIDEO" ? 6 + (int)(U(3, (ulong)di, 4) * 54) : 0,
                        });
                    }

                    for (var p = 0; p < options.ProductGroupsPerAdGroup; p++)
                    {
                        var pi = productGroupCounter++;
                        var pgKey = DeterministicHash.Combine(seed, 4, (ulong)pi);
                        var productGroup = new ProductGroup
                        {
                            AdGroup = adGroup,
                            Id = (1020000000000L + seedPart * 1000000 + pi).ToString(),
                            CatalogProductGroupId = (4620000000000L + seedPart * 1000000 + pi).ToString(),
                            Name = $"Product group {p + 1}: {Themes[(int)(pi % Themes.Length)]}",
                            Status = Status(4, pi, c == 0 && g == 0 && p == 0),
                            Key = pgKey,
                            StartDay = today.DayNumber - options.HistoryDays + (int)(U(4, (ulong)pi, 1) * options.HistoryDays * 0.4),
                            Volume = 0.3 + U(4, (ulong)pi, 2) * 1.2,
                        };
                        adGroup.ProductGroups.Add(productGroup);
                        for (var it = 0; it < options.ProductItemsPerProductGroup; it++)
                        {
                            var ii = itemCounter++;
                            var theme = Themes[(int)(pi % Themes.Length)];
                            var price = Math.Round(8 + U(6, (ulong)ii, 1) * 190, 2);
                            productGroup.Items.Add(new ProductItem
                            {
                                ProductGroup = productGroup,
                                Id = (7730000000000L + seedPart * 1000000 + ii).ToString(),
                                Name = $"{ProductNouns[(int)(ii % ProductNouns.Length)]} {it + 1} - {theme}",
                                Brand = a % 3 == 2 ? "Emulator Goods UK" : "Emulator Goods",
                                ProductType = ProductNouns[(int)(ii % ProductNouns.Length)].ToLowerInvariant(),
                                Category = theme,
                                Price = price,
                                SalePrice = U(6, (ulong)ii, 2) < 0.3 ? Math.Round(price * 0.8, 2) : null,
                                Index = it,
                            });
                        }
                    }
                }
            }

            // The account's own keywords: negative only, like the campaigns'.
            AddKeyword(account, null, null, Keyword.AdvertiserParent, account.Id, "EXACT_NEGATIVE", "free", false, ref keywordCounter, seedPart);
            AddKeyword(account, null, null, Keyword.AdvertiserParent, account.Id, "PHRASE_NEGATIVE", "cheap knockoff", false, ref keywordCounter, seedPart);

            for (var t = 0; t < options.TemplatesPerAccount; t++)
            {
                var ti = templateCounter++;
                var columnCount = 3 + (int)(U(5, (ulong)ti, 1) * (TemplateColumns.Length - 3));
                account.Templates.Add(new Template
                {
                    Account = account,
                    Id = (8730000000L + seedPart * 10000 + ti).ToString(),
                    Name = $"Weekly {TemplateLevels[t % TemplateLevels.Length].ToLowerInvariant().Replace('_', ' ')} performance",
                    ReportLevel = TemplateLevels[t % TemplateLevels.Length],
                    Columns = TemplateColumns.Take(columnCount).ToArray(),
                    Granularity = t % 2 == 0 ? "DAY" : "TOTAL",
                    ReportFormat = t % 2 == 0 ? "CSV" : "JSON",
                    StartDaysInPast = 7,
                    EndDaysInPast = 1,
                    ClickWindowDays = 30,
                    EngagementWindowDays = 30,
                    ViewWindowDays = 1,
                    UpdatedTime = DayToUnix(today.DayNumber - 20 - t),
                });
            }
        }
        return new AdWorld(options.Seed, accounts);
    }

    private static readonly string[] ProductNouns = { "Planter", "Throw Pillow", "Candle", "Vase", "Lamp", "Rug", "Mug", "Blanket" };

    /// <summary>The texts keywords are drawn from; also the KEYWORD targeting vocabulary (<see cref="TargetingOptions"/>).</summary>
    public static IReadOnlyList<string> KeywordVocabulary => TargetingOptions.KeywordTexts;

    /// <summary>
    /// An ad group's keywords: the match types in the description's order (BROAD, PHRASE, EXACT,
    /// EXACT_NEGATIVE, PHRASE_NEGATIVE, then again), each with a distinct text. Every second ad group's
    /// PHRASE_NEGATIVE keyword is archived. The ad group's KEYWORD targeting is the texts of its
    /// delivering keywords, so KEYWORD targeting rows and KEYWORD report rows name the same searches.
    /// </summary>
    private static void AddAdGroupKeywords(AdGroup adGroup, int count, long adGroupIndex, ref long counter, long seedPart,
        Dictionary<string, IReadOnlyList<string>> targeting)
    {
        var vocabulary = KeywordVocabulary;
        var offset = (int)(DeterministicHash.Unit(DeterministicHash.Combine(adGroup.Key, 0x6B6579)) * vocabulary.Count);
        for (var k = 0; k < count; k++)
        {
            var matchType = Keyword.MatchTypes[k % Keyword.MatchTypes.Length];
            var text = vocabulary[(offset + k * 5) % vocabulary.Count];
            var archived = matchType == "PHRASE_NEGATIVE" && adGroupIndex % 2 == 1;
            AddKeyword(adGroup.Campaign.Account, adGroup.Campaign, adGroup, Keyword.AdGroupParent, adGroup.Id, matchType, text, archived, ref counter, seedPart);
        }
        var delivering = adGroup.Keywords.Where(k => k.Delivers).Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        targeting["KEYWORD"] = TargetingOptions.AnalyticsValues("KEYWORD").Where(delivering.Contains).ToArray();
    }

    private static void AddKeyword(AdAccount account, Campaign? campaign, AdGroup? adGroup, string parentType, string parentId,
        string matchType, string text, bool archived, ref long counter, long seedPart)
    {
        var keyword = new Keyword
        {
            Account = account,
            Id = (383791000000000L + seedPart * 1000000 + counter++).ToString(),
            Value = text,
            MatchType = matchType,
            ParentType = parentType,
            ParentId = parentId,
            Campaign = campaign,
            AdGroup = adGroup,
            Archived = archived,
        };
        account.Keywords.Add(keyword);
        adGroup?.Keywords.Add(keyword);
    }

    /// <summary>An ad group's targeting: every value of small dimensions, a deterministic subset of large ones.</summary>
    private static Dictionary<string, IReadOnlyList<string>> BuildTargeting(ulong adGroupKey)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in TargetingOptions.AnalyticsTypes)
        {
            var all = TargetingOptions.AnalyticsValues(type);
            if (all.Count <= 8)
            {
                result[type] = all;
                continue;
            }
            // Pick 3..6 distinct positions by a seeded partial shuffle, then keep the vocabulary's order.
            var typeKey = DeterministicHash.Combine(adGroupKey, DeterministicHash.OfString(type));
            var count = 3 + (int)(DeterministicHash.Unit(typeKey) * 4);
            var positions = Enumerable.Range(0, all.Count).ToArray();
            for (var i = 0; i < count; i++)
            {
                var j = i + (int)(DeterministicHash.Unit(DeterministicHash.Combine(typeKey, (ulong)i)) * (positions.Length - i));
                (positions[i], positions[j]) = (positions[j], positions[i]);
            }
            result[type] = positions.Take(count).Order().Select(p => all[p]).ToArray();
        }
        return result;
    }
}
