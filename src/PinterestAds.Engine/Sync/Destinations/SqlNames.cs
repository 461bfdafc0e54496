using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>Table names a user may give (-Table) and identifier quoting shared by the SQL destinations.</summary>
    internal static class SqlNames
    {
        public const string DefaultTable = "pin_analytics";

        private static readonly Regex TableName = new Regex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

        public static string RequireTable(string? table)
        {
            string name = string.IsNullOrWhiteSpace(table) ? DefaultTable : table!.Trim();
            if (!TableName.IsMatch(name) || name.StartsWith("pin_sync_", StringComparison.OrdinalIgnoreCase))
                throw new PinterestValidationException(ErrorIds.SyncTableNameInvalid, "Table",
                    $"-Table '{name}' is not a usable table name: give letters, digits and underscores (at most 63, not starting with a digit, not starting with pin_sync_, which the state tables use).");
            return name;
        }

        /// <summary>The data table of a definition: its columns typed by <paramref name="sqlType"/>, keys NOT NULL, the row key as primary key.</summary>
        public static string CreateTable(string table, SyncTable schema, Func<SyncValueKind, string> sqlType)
        {
            var definitions = schema.Columns.Select(c => Quote(c.Name) + " " + sqlType(c.Kind) + (c.IsKey ? " NOT NULL" : ""));
            var key = schema.KeyOrdinals.Select(i => Quote(schema.Columns[i].Name));
            return $"CREATE TABLE {Quote(table)} ({string.Join(", ", definitions)}, PRIMARY KEY ({string.Join(", ", key)}))";
        }

        /// <summary>A double-quoted identifier (both SQLite and PostgreSQL); column names come from the API catalogue.</summary>
        public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
