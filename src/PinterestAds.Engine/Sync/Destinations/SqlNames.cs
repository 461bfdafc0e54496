using System;
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
                throw new PinterestValidationException("SyncTableNameInvalid", "Table",
                    $"-Table '{name}' is not a usable table name: give letters, digits and underscores (at most 63, not starting with a digit, not starting with pin_sync_, which the state tables use).");
            return name;
        }

        /// <summary>A double-quoted identifier (both SQLite and PostgreSQL); column names come from the API catalogue.</summary>
        public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
