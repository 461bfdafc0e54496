using System;
using System.Collections.Generic;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// Orders the columns of report rows: optional <c>AdAccountId</c>/<c>Currency</c>/<c>Level</c> (the analytics
    /// row shape's leading columns), the entity id
    /// column, <c>DATE</c>, the requested columns in the requested order, then any other column
    /// the report carries, in the order found. No column is ever dropped.
    /// </summary>
    internal static class ReportSchemaBuilder
    {
        public static RowSchema Build(
            ReportReadOptions options, string? entityIdColumn, bool includeDate, IEnumerable<string> foundColumns)
        {
            var leading = new List<RowColumn>();
            if (options.EmitAccountAndLevel)
            {
                leading.Add(new RowColumn(RowFields.AdAccountId, ColumnKind.Text));
                leading.Add(new RowColumn(RowFields.Currency, ColumnKind.Text));
                leading.Add(new RowColumn(RowFields.Level, ColumnKind.Text));
            }
            if (entityIdColumn is not null) leading.Add(new RowColumn(entityIdColumn, ColumnKind.Text));
            if (includeDate && !Contains(leading, RowFields.Date)) leading.Add(RowSchema.DateColumn(options.HourlyDates));

            List<RowColumn> columns = RowSchema.Append(leading, options.Columns);
            columns = RowSchema.Append(columns, foundColumns);
            return new RowSchema(columns);
        }

        /// <summary>Sets the leading constant values (account, currency, level) into a fresh defaults buffer.</summary>
        public static void SetConstants(RowSchema schema, ReportReadOptions options, object?[] defaults)
        {
            if (!options.EmitAccountAndLevel) return;
            defaults[schema.IndexOf(RowFields.AdAccountId)] = options.AdAccountId;
            defaults[schema.IndexOf(RowFields.Currency)] = options.Currency;
            defaults[schema.IndexOf(RowFields.Level)] = options.Level;
        }

        private static bool Contains(List<RowColumn> columns, string name) =>
            columns.Exists(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
