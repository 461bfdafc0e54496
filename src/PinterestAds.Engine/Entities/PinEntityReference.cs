using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Entities
{
    /// <summary>
    /// An entity known only by its ids: a row of <c>Import-Csv</c> (or any object) whose columns are named as
    /// the module writes them - entity objects (<c>Level</c>, <c>Id</c>, <c>CampaignId</c>, <c>AdAccountId</c>)
    /// and analytics or report rows (<c>CAMPAIGN_ID</c>, <c>AD_GROUP_ID</c>, ...). Values are text; nothing typed
    /// is needed. The cmdlets that take piped entities turn it into the exact entity with <see cref="Resolve"/>.
    /// </summary>
    internal sealed class PinEntityReference : PinEntity
    {
        /// <summary>The property naming an object's level (entities and analytics rows have it).</summary>
        public const string LevelColumn = "Level";

        /// <summary>The own id of an entity object (its level says what it is).</summary>
        public const string IdColumn = "Id";

        /// <summary>
        /// Each level's id columns as the module names them (entity property, then row column), most specific
        /// level first: a row carries the ids of its own level and its parents, so the first found is its own.
        /// Pin is left out of that guess (ads carry a PinId too); it is used when asked for (<c>-Level Pin</c>).
        /// </summary>
        private static readonly (AnalyticsLevel Level, string[] Columns)[] IdColumns =
        {
            (AnalyticsLevel.Keyword, new[] { "KeywordId", "KEYWORD_ID" }),
            (AnalyticsLevel.Ad, new[] { "AdId", "AD_ID", "PIN_PROMOTION_ID" }),
            (AnalyticsLevel.ProductGroup, new[] { "ProductGroupId", "PRODUCT_GROUP_ID" }),
            (AnalyticsLevel.AdGroup, new[] { "AdGroupId", "AD_GROUP_ID" }),
            (AnalyticsLevel.Campaign, new[] { "CampaignId", "CAMPAIGN_ID" }),
            (AnalyticsLevel.AdAccount, new[] { "AdAccountId", "AD_ACCOUNT_ID", "ADVERTISER_ID" }),
            (AnalyticsLevel.Pin, new[] { "PinId", "PIN_ID" }),
        };

        /// <summary>Every property a reference reads (what a host has to copy from the piped object).</summary>
        public static IReadOnlyList<string> ColumnNames { get; } =
            new[] { LevelColumn, IdColumn }.Concat(IdColumns.SelectMany(c => c.Columns)).ToArray();

        private readonly IReadOnlyDictionary<string, string> _columns;
        private readonly AnalyticsLevel _level;

        private PinEntityReference(IReadOnlyDictionary<string, string> columns, AnalyticsLevel level, string adAccountId, string id)
            : base(adAccountId, IdJson(id))
        {
            _columns = columns;
            _level = level;
        }

        /// <summary>
        /// A reference from an object's columns (names case-insensitive; empty values count as absent). Never
        /// fails: what is missing or wrong is said by <see cref="Resolve"/>, as an error of that one object.
        /// </summary>
        public static PinEntityReference FromColumns(IEnumerable<KeyValuePair<string, string?>> columns)
        {
            var present = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in columns)
            {
                string? value = pair.Value?.Trim();
                if (!string.IsNullOrEmpty(value) && !present.ContainsKey(pair.Key)) present[pair.Key] = value!;
            }
            var level = StatedLevel(present) ?? MostSpecific(present) ?? AnalyticsLevel.AdAccount;
            return new PinEntityReference(present, level, Value(present, AnalyticsLevel.AdAccount) ?? "", OwnId(present, level) ?? "");
        }

        public override AnalyticsLevel Level => _level;

        /// <summary>The level the object names in its Level column, when it has one.</summary>
        public AnalyticsLevel? Stated => StatedLevel(_columns);

        /// <summary>The id of <paramref name="level"/> the object carries in that level's own columns (a parent's, a pin's), or null.</summary>
        public string? IdOf(AnalyticsLevel level) => Value(_columns, level);

        /// <summary>
        /// The entity this object names, for a cmdlet asked for <paramref name="requested"/> (null: the object's own
        /// level - its Level column, else its most specific id column). A Level column that says otherwise than
        /// <paramref name="requested"/> is left to the cmdlet's level check, as for typed entities. The ad account is
        /// the object's AdAccountId (or AD_ACCOUNT_ID), else <paramref name="defaultAdAccountId"/>.
        /// </summary>
        /// <exception cref="PinterestValidationException">No id of the level, an unknown Level, or an id that is not one.</exception>
        public PinEntityReference Resolve(AnalyticsLevel? requested, Func<string> defaultAdAccountId, string parameterName)
        {
            if (_columns.TryGetValue(LevelColumn, out var levelText) && Stated == null)
                throw new PinterestValidationException(ErrorIds.InputObjectLevelInvalid, parameterName,
                    $"The piped object's Level '{levelText}' is not a level. Use one of: {string.Join(", ", Enum.GetNames(typeof(AnalyticsLevel)))} (the module writes these names).");
            if (Stated == null && requested == null && MostSpecific(_columns) == null)
                throw new PinterestValidationException(ErrorIds.InputObjectIdMissing, parameterName,
                    "The piped object has no id column the module reads: give it Level and Id (as Export-Csv of Get-PinCampaign ... writes), " +
                    $"a level's id column ({string.Join(", ", IdColumns.Where(c => c.Level != AnalyticsLevel.Pin).Select(c => c.Columns[0] + " or " + c.Columns[1]))}), " +
                    $"or an Id column and -Level. It has: {Present()}.");
            var level = Stated ?? requested ?? _level;
            // Without a Level column, an Id column is the id of the level asked for (a plain list of ids).
            string? id = OwnId(_columns, level);
            if (id == null)
                throw new PinterestValidationException(ErrorIds.InputObjectIdMissing, parameterName,
                    $"The piped object has no {level} id: give it a column named {Describe(level)} (as Export-Csv of the module's " +
                    $"objects and rows writes them). It has: {Present()}.");
            id = Ids.Require(parameterName, id);
            string adAccountId = Value(_columns, AnalyticsLevel.AdAccount) ?? defaultAdAccountId();
            adAccountId = Ids.Require(parameterName, adAccountId);
            return new PinEntityReference(_columns, level, adAccountId, level == AnalyticsLevel.AdAccount ? adAccountId : id);
        }

        public override string ToString() => $"{Level} {(Id.Length > 0 ? Id : "(no id)")}";

        private static string Describe(AnalyticsLevel level)
        {
            var names = IdColumns.First(c => c.Level == level).Columns;
            return (level == AnalyticsLevel.AdAccount ? "" : "Id (with a Level column), ") + string.Join(" or ", names);
        }

        private string Present() => _columns.Count == 0 ? "no non-empty column the module reads" : string.Join(", ", _columns.Keys);

        private static AnalyticsLevel? MostSpecific(IReadOnlyDictionary<string, string> columns) =>
            IdColumns.Where(c => c.Level != AnalyticsLevel.Pin && c.Columns.Any(columns.ContainsKey)).Select(c => (AnalyticsLevel?)c.Level).FirstOrDefault();

        private static AnalyticsLevel? StatedLevel(IReadOnlyDictionary<string, string> columns) =>
            columns.TryGetValue(LevelColumn, out var text) && ApiNames.TryParse(typeof(AnalyticsLevel), text, out var parsed)
                ? (AnalyticsLevel)parsed! : (AnalyticsLevel?)null;

        /// <summary>The object's own id at its own level: Id, else the level's id columns.</summary>
        private static string? OwnId(IReadOnlyDictionary<string, string> columns, AnalyticsLevel level) =>
            columns.TryGetValue(IdColumn, out var id) ? id : Value(columns, level);

        private static string? Value(IReadOnlyDictionary<string, string> columns, AnalyticsLevel level)
        {
            foreach (var name in IdColumns.First(c => c.Level == level).Columns)
                if (columns.TryGetValue(name, out var value)) return value;
            return null;
        }

        private static JsonElement IdJson(string id)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id }));
            return document.RootElement.Clone();
        }
    }
}
