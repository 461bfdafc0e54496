using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PinterestAds.Engine.Rows;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// A table view for each generated row type, registered the first time a row of that type is
    /// written in a runspace. Rows have five or more properties, so without a view PowerShell
    /// lists them (124 rows took 1,118 console lines); a static view cannot name columns that
    /// differ per call. The view shows the keys first (the entity id column, DATE, the targeting
    /// name), then the requested columns, as many as fit the console's width at the time (at
    /// least 80 columns); in a narrower window PowerShell drops columns from the right, never the keys.
    /// </summary>
    internal static class RowTableViews
    {
        private const int MinimumWidth = 80;
        private const string ViewName = "PinterestAds.PinRow.Table";

        private static readonly object Gate = new object();
        private static readonly HashSet<(Guid Runspace, Type Row)> Registered = new HashSet<(Guid, Type)>();

        [ThreadStatic] private static Type? t_lastType;
        [ThreadStatic] private static Guid t_lastRunspace;

        /// <summary>Registers the view of <paramref name="item"/>'s row type in the current runspace, once.</summary>
        public static void Ensure(PSCmdlet cmdlet, object item)
        {
            if (!(item is PinRow)) return;
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace is null) return;
            Type type = item.GetType();
            Guid id = runspace.InstanceId;
            if (ReferenceEquals(type, t_lastType) && id == t_lastRunspace) return;
            t_lastType = type;
            t_lastRunspace = id;
            lock (Gate)
            {
                if (!Registered.Add((id, type))) return;
            }
            try
            {
                InitialSessionState? state = runspace.InitialSessionState;
                if (state is null) return;
                state.Formats.Add(new SessionStateFormatEntry(Build(type, (IDictionary<string, object?>)item, ConsoleWidth(cmdlet))));
                cmdlet.InvokeCommand.InvokeScript("Update-FormatData");
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // A restricted runspace may refuse format updates: rows then format as lists, as before.
                cmdlet.WriteDebug("Row table view not registered: " + ex.Message);
            }
        }

        private static int ConsoleWidth(PSCmdlet cmdlet)
        {
            try
            {
                int width = cmdlet.Host?.UI?.RawUI?.BufferSize.Width ?? 0;
                return Math.Max(MinimumWidth, width);
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is PSInvalidOperationException || ex is NotSupportedException || ex is System.IO.IOException)
            {
                return MinimumWidth;
            }
        }

        internal static ExtendedTypeDefinition Build(Type rowType, IDictionary<string, object?> sample, int width)
        {
            List<string> columns = sample.Keys.ToList();
            // Keys: the entity id column(s), DATE, the targeting name (keyword text; TemplateId first in rows of several reports). AdAccountId, Currency and Level are the
            // same on every row of a call, so the table leaves them to Format-List and Export-Csv.
            var keys = columns.Where(c => c.EndsWith("_ID", StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(c, RowFields.AdAccountId, StringComparison.OrdinalIgnoreCase)
                    // The id columns that lead the row (before DATE; pin rows: CAMPAIGN_ID, PIN_ID; rows of several reports start with ReportToken, TemplateId).
                    && columns.IndexOf(c) < (columns.Contains(RowFields.Date) ? columns.IndexOf(RowFields.Date) : 7))
                .ToList();
            if (columns.Contains(RowFields.Date)) keys.Add(RowFields.Date);
            if (columns.Contains(RowFields.TargetingName)) keys.Add(RowFields.TargetingName);
            // Keyword rows: the keyword's text; rows of several reports: the template each came from.
            if (columns.Contains(Engine.Analytics.KeywordAnalytics.KeywordTextColumn)) keys.Add(Engine.Analytics.KeywordAnalytics.KeywordTextColumn);
            if (columns.Contains(Engine.Reports.ReportRowUnion.TemplateIdColumn)) keys.Insert(0, Engine.Reports.ReportRowUnion.TemplateIdColumn);
            var metrics = columns.Where(c => !keys.Contains(c)
                && c != RowFields.AdAccountId && c != RowFields.Currency && c != RowFields.Level
                && c != RowFields.TargetingType && c != RowFields.TargetingValue).ToList();

            var table = TableControl.Create(false, false, false);
            var row = new List<(string Column, bool Script)>();
            int used = 0;
            foreach (string key in keys)
            {
                int columnWidth = KeyWidth(key, sample);
                table.AddHeader(Alignment.Left, columnWidth, key);
                row.Add((key, key == RowFields.Date));
                used += columnWidth + 1;
            }
            foreach (string metric in metrics)
            {
                int columnWidth = Math.Min(Math.Max(metric.Length, 10), 24);
                if (used + columnWidth > width && row.Count > keys.Count) break;
                table.AddHeader(Alignment.Right, columnWidth, metric);
                row.Add((metric, false));
                used += columnWidth + 1;
            }

            var definition = table.StartRowDefinition(false, null, null);
            foreach (var (column, script) in row)
            {
                if (script)
                {
                    // Dates as yyyy-MM-dd (hours as yyyy-MM-dd HH:00) in every culture; text stays as it is.
                    definition.AddScriptBlockColumn(
                        "$d = $_.'" + column + "'; if ($d -is [datetime]) { if ($d.TimeOfDay.Ticks -eq 0) { $d.ToString('yyyy-MM-dd') } else { $d.ToString('yyyy-MM-dd HH:mm') } } else { $d }",
                        Alignment.Undefined, null);
                }
                else
                {
                    definition.AddPropertyColumn(column, Alignment.Undefined, null);
                }
            }
            TableControl control = definition.EndRowDefinition().EndTable();
            return new ExtendedTypeDefinition(rowType.FullName, new[] { new FormatViewDefinition(ViewName, control) });
        }

        private static int KeyWidth(string key, IDictionary<string, object?> sample)
        {
            if (key == RowFields.Date)
            {
                return sample.TryGetValue(key, out object? date) && date is DateTime d && d.TimeOfDay.Ticks != 0 ? 16 : 10;
            }
            if (key == RowFields.TargetingName || key == Engine.Analytics.KeywordAnalytics.KeywordTextColumn) return 24;
            if (key == Engine.Reports.ReportRowUnion.TemplateIdColumn) return 12;
            return Math.Max(18, key.Length);
        }
    }
}
