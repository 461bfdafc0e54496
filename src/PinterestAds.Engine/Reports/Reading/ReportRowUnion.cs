using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// One column set for the rows of several jobs written as one stream (several templates, several
    /// accounts): <c>ReportToken</c> and <c>TemplateId</c> say which report each row came from, then the union
    /// of the jobs' columns in a stable order (the first job's order - AdAccountId, Currency, Level first -,
    /// then each later job's new columns in its order). Export-Csv takes its header from the first row, so without this the later jobs' id and
    /// metric columns would be dropped. A column a job does not have is empty in its rows.
    /// </summary>
    internal sealed class ReportRowUnion
    {
        public const string ReportTokenColumn = "ReportToken";
        public const string TemplateIdColumn = "TemplateId";

        private readonly RowActivator<ReportRow> _activator;

        public ReportRowUnion(IEnumerable<IEnumerable<string>> columnSets)
        {
            var columns = new List<RowColumn> { new RowColumn(ReportTokenColumn, ColumnKind.Text), new RowColumn(TemplateIdColumn, ColumnKind.Text) };
            var seen = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var set in columnSets)
                foreach (string name in set)
                    if (seen.Add(name)) columns.Add(new RowColumn(name));
            Schema = new RowSchema(columns);
            _activator = RowTypeFactory.For<ReportRow>(Schema);
        }

        public RowSchema Schema { get; }

        /// <summary>The column names of a row, in its order.</summary>
        public static IEnumerable<string> ColumnsOf(ReportRow row) => ((IDictionary)row).Keys.Cast<string>();

        /// <summary>The row in the union's shape, saying which job it came from.</summary>
        public ReportRow Convert(ReportRow row, ReportJob job)
        {
            var values = _activator.CreateBuffer();
            values[0] = job.Token;
            values[1] = job.TemplateId;
            for (int i = 2; i < values.Length; i++) values[i] = row[Schema.Columns[i].Name];
            return _activator.Create(values);
        }
    }
}
