using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Rows;
using PinterestAds.Engine.Validation;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// Pin-level ad analytics (<c>ad_pins/analytics</c>): one <c>campaign_id</c> and at most 100
    /// <c>pin_ids</c> per call, so a query is split into campaigns x pin chunks x date spans. The same pin
    /// can be promoted in several campaigns, so pin rows are keyed by campaign and pin: the row carries
    /// CAMPAIGN_ID (from the call) before PIN_ID, and no key is ever written twice.
    /// </summary>
    internal static class PinAnalytics
    {
        public const string CampaignIdColumn = "CAMPAIGN_ID";

        /// <summary>The (campaign, pin chunk) pairs of a pin query, checked before any request.</summary>
        public static IReadOnlyList<(string CampaignId, IReadOnlyList<string> PinIds)> Chunks(AnalyticsQuery query, AnalyticsOperation operation)
        {
            var campaigns = Ids.RequireAll("CampaignId", query.CampaignIds).Distinct().ToList();
            if (campaigns.Count == 0)
                throw new PinterestValidationException("CampaignIdRequired", "CampaignId",
                    $"-Level Pin reports the pins of a campaign ({operation.Id} takes one campaign_id per call): give -CampaignId, and the pins with -PinId (or -Id).");
            var pins = Ids.RequireAll("PinId", query.PinIds).Concat(Ids.RequireAll("Id", query.Ids)).Distinct().ToList();
            if (pins.Count == 0)
                throw new PinterestValidationException("IdRequired", "PinId",
                    $"-Level Pin needs the pin ids: give -PinId (or -Id); {operation.Id} requires pin_ids.");
            if (query.AggregateReportRows.HasValue)
                throw new PinterestValidationException("ParameterNotApplicable", "AggregateReportRows",
                    $"-AggregateReportRows does not apply at -Level Pin: {operation.Id} has no aggregate_report_rows parameter.");
            int max = operation.MaxItems("pin_ids") ?? ApiLimits.SyncIdsPerCall;
            return campaigns.SelectMany(c => Ids.Chunk(pins, max).Select(chunk => (c, chunk))).ToList();
        }

        /// <summary>The row schema: AdAccountId, Currency, Level, CAMPAIGN_ID, PIN_ID, DATE (unless TOTAL), then the requested columns.</summary>
        public static RowSchema Schema(bool includeDate, IEnumerable<string> columns, bool hourly = false)
        {
            var leading = new List<RowColumn>
            {
                new RowColumn(RowFields.AdAccountId, ColumnKind.Text),
                new RowColumn(RowFields.Currency, ColumnKind.Text),
                new RowColumn(RowFields.Level, ColumnKind.Text),
                new RowColumn(CampaignIdColumn, ColumnKind.Text),
                new RowColumn(EntityIdColumns.ForLevel("PIN"), ColumnKind.Text),
            };
            if (includeDate) leading.Add(RowSchema.DateColumn(hourly));
            return new RowSchema(RowSchema.Append(leading, columns));
        }
    }
}
