using System;
using System.IO;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>Chooses the destination from what the user gave: a connection string, a SQLite file or a folder.</summary>
    internal static class SyncDestinations
    {
        private static readonly string[] SqliteExtensions = { ".sqlite", ".sqlite3", ".db" };

        /// <param name="path">-Destination: a folder for CSV files, or a *.sqlite / *.db file.</param>
        /// <param name="connectionString">-ConnectionString: PostgreSQL.</param>
        /// <param name="table">-Table for the SQL destinations.</param>
        public static ISyncDestination Create(string? path, string? connectionString, string? table)
        {
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                if (!string.IsNullOrWhiteSpace(path))
                    throw new PinterestValidationException(ErrorIds.SyncDestinationAmbiguous, "Destination",
                        "Give either -Destination (a folder or SQLite file) or -ConnectionString (PostgreSQL), not both.");
                return new PostgresDestination(connectionString!, table);
            }
            if (string.IsNullOrWhiteSpace(path))
                throw new PinterestValidationException(ErrorIds.SyncDestinationRequired, "Destination",
                    "-Destination is required: a folder for CSV files, a *.sqlite or *.db file for SQLite, or -ConnectionString for PostgreSQL.");
            string full = Path.GetFullPath(path);
            string extension = Path.GetExtension(full);
            if (Array.Exists(SqliteExtensions, e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase)))
                return new SqliteDestination(full, table);
            if (extension.Length > 0 && !Directory.Exists(full))
                throw new PinterestValidationException(ErrorIds.SyncDestinationTypeUnknown, "Destination",
                    $"-Destination {path} is neither a folder nor a SQLite file: '{extension}' is not a known destination type. Give a folder (CSV files), a *.sqlite or *.db file (SQLite), or -ConnectionString (PostgreSQL).");
            if (!string.IsNullOrWhiteSpace(table))
                throw new PinterestValidationException(ErrorIds.ParameterNotApplicable, "Table",
                    "-Table applies to SQLite and PostgreSQL destinations; a CSV folder has one file per account and day.");
            return new CsvFolderDestination(full);
        }
    }
}
