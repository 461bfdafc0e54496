using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>
    /// A SQLite file (<c>*.sqlite</c>, <c>*.db</c>): one table of rows keyed on account, entity, date (and
    /// hour) and targeting value, plus the state tables <c>pin_sync_definitions</c>, <c>pin_sync_days</c>
    /// and <c>pin_sync_runs</c> in the same file. Each window is deleted and inserted in one transaction,
    /// with its days' state, so the file never holds half a window.
    /// </summary>
    internal sealed class SqliteDestination : ISyncDestination
    {
        private readonly string _path;
        private readonly string _table;
        private SqliteConnection? _connection;
        private SqliteRowInserter? _inserter;
        private SyncLock? _lock;
        private SyncTable _schema = null!;
        private bool _exists;

        public SqliteDestination(string path, string? table)
        {
            _path = path;
            _table = SqlNames.RequireTable(table);
        }

        public string Name => $"SQLite file {_path} (table {_table})";

        public Task OpenAsync(SyncDefinition definition, bool readOnly, CancellationToken ct)
        {
            _schema = definition.Table;
            if (Directory.Exists(_path))
                throw new PinterestValidationException(ErrorIds.SyncDestinationIsFolder, "Destination",
                    $"-Destination {_path} is a folder, but its name asks for a SQLite file. Give a file path such as {Path.Combine(_path, "pinterest.sqlite")}, or a folder path without .sqlite/.db for CSV files.");
            string? folder = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(folder) && File.Exists(folder))
                throw new PinterestValidationException(ErrorIds.SyncDestinationFolderIsFile, "Destination",
                    $"-Destination {_path}: {folder} is a file, not a folder. Give a path inside a folder.");
            bool fileExists = File.Exists(_path);
            if (readOnly && !fileExists) return Task.CompletedTask;
            if (!readOnly)
            {
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                _lock = SyncLock.Acquire(_path + ".sync-lock", Name);
            }

            var builder = new SqliteConnectionStringBuilder { DataSource = _path, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate, Pooling = false };
            _connection = new SqliteConnection(builder.ToString());
            try
            {
                _connection.Open();
                // Reading the schema proves the file is a database (a text file fails here, untouched).
                Execute("SELECT count(*) FROM sqlite_master");
            }
            catch (SqliteException ex)
            {
                throw new PinterestValidationException(ErrorIds.SyncDestinationNotSqlite, "Destination",
                    $"-Destination {_path} is not a SQLite database ({ex.Message}). Give a new file name, or the file an earlier Sync-PinAnalytics created.");
            }
            if (!readOnly)
            {
                // WAL lets readers query the file while a run writes; busy_timeout rides out a reader's brief lock.
                Execute("PRAGMA journal_mode=WAL");
                Execute("PRAGMA busy_timeout=10000");
                // With WAL, NORMAL still commits every window atomically; it skips the sync on each commit
                // (a power cut may lose the last windows, which the state then says are still due).
                Execute("PRAGMA synchronous=NORMAL");
                // A 64 MiB page cache for this connection (the default is 2 MiB): the key index's pages stay in
                // memory across a window instead of being read back from the file (a third fewer reads over a
                // 100,000-row backfill). Memory only, allocated as used; durability is unchanged.
                Execute("PRAGMA cache_size=-65536");
                Execute(@"CREATE TABLE IF NOT EXISTS pin_sync_definitions (table_name TEXT PRIMARY KEY, definition TEXT NOT NULL, columns TEXT NOT NULL, created_at TEXT NOT NULL)");
                Execute(@"CREATE TABLE IF NOT EXISTS pin_sync_days (table_name TEXT NOT NULL, ad_account_id TEXT NOT NULL, date TEXT NOT NULL, rows INTEGER NOT NULL, final INTEGER NOT NULL, landed_at TEXT NOT NULL, run_id TEXT NOT NULL, PRIMARY KEY (table_name, ad_account_id, date))");
                Execute(@"CREATE TABLE IF NOT EXISTS pin_sync_runs (table_name TEXT NOT NULL, ad_account_id TEXT NOT NULL, run_id TEXT NOT NULL, run_date TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, message TEXT, PRIMARY KEY (table_name, ad_account_id))");
            }
            if (!TableExists("pin_sync_definitions"))
            {
                if (TableExists(_table)) throw NotOurs();
                return Task.CompletedTask;
            }

            string? stored = Scalar("SELECT definition FROM pin_sync_definitions WHERE table_name = $t", ("$t", _table)) as string;
            if (stored != null)
            {
                var differences = definition.Differences(stored);
                if (differences.Count > 0) throw definition.Mismatch(Name, differences);
                _exists = true;
                return Task.CompletedTask;
            }
            if (TableExists(_table)) throw NotOurs();
            if (readOnly) return Task.CompletedTask;

            using var transaction = _connection.BeginTransaction();
            Execute(SqlNames.CreateTable(_table, _schema, SqlType), transaction);
            Execute("INSERT INTO pin_sync_definitions (table_name, definition, columns, created_at) VALUES ($t, $d, $c, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", transaction,
                ("$t", _table), ("$d", definition.Serialize()), ("$c", _schema.Describe()));
            transaction.Commit();
            _exists = true;
            return Task.CompletedTask;
        }

        public Task<SyncAccountState> ReadStateAsync(string adAccountId, CancellationToken ct)
        {
            var state = new SyncAccountState(adAccountId);
            if (_connection == null || !_exists) return Task.FromResult(state);
            using (var command = Command("SELECT date, rows, final, landed_at, run_id FROM pin_sync_days WHERE table_name = $t AND ad_account_id = $a", null, ("$t", _table), ("$a", adAccountId)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var date = ParseDate(reader.GetString(0));
                    state.Days[date] = new SyncDayState(date, reader.GetInt32(1), reader.GetInt64(2) != 0, ParseTimestamp(reader.GetString(3)), reader.GetString(4));
                }
            }
            using (var command = Command("SELECT run_id, run_date, started_at, finished_at, status, message FROM pin_sync_runs WHERE table_name = $t AND ad_account_id = $a", null, ("$t", _table), ("$a", adAccountId)))
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    state.LastRunId = reader.GetString(0);
                    state.LastRunDate = ParseDate(reader.GetString(1));
                    state.LastRunStarted = ParseTimestamp(reader.GetString(2));
                    state.LastRunFinished = reader.IsDBNull(3) ? (DateTimeOffset?)null : ParseTimestamp(reader.GetString(3));
                    state.LastStatus = reader.GetString(4);
                    state.LastMessage = reader.IsDBNull(5) ? null : reader.GetString(5);
                }
            }
            return Task.FromResult(state);
        }

        public Task WriteRunAsync(SyncAccountState state, CancellationToken ct)
        {
            Execute(@"INSERT INTO pin_sync_runs (table_name, ad_account_id, run_id, run_date, started_at, finished_at, status, message)
                      VALUES ($t, $a, $r, $d, $s, $f, $st, $m)
                      ON CONFLICT (table_name, ad_account_id) DO UPDATE SET run_id = excluded.run_id, run_date = excluded.run_date,
                      started_at = excluded.started_at, finished_at = excluded.finished_at, status = excluded.status, message = excluded.message", null,
                ("$t", _table), ("$a", state.AdAccountId), ("$r", state.LastRunId), ("$d", ApiDates.Format(state.LastRunDate ?? DateTime.MinValue)),
                ("$s", Timestamp(state.LastRunStarted ?? throw SyncAccountState.StartMissing())), ("$f", state.LastRunFinished.HasValue ? Timestamp(state.LastRunFinished.Value) : null),
                ("$st", state.LastStatus), ("$m", state.LastMessage));
            return Task.CompletedTask;
        }

        public Task<int> ReplaceWindowAsync(string adAccountId, SyncWindow window, IReadOnlyList<object?[]> rows, IReadOnlyList<SyncDayState> days, CancellationToken ct)
        {
            var connection = _connection ?? throw new InvalidOperationException("The destination is not open.");
            string dateColumn = SqlNames.Quote(Rows.RowFields.Date);
            using var transaction = connection.BeginTransaction();
            int deleted;
            using (var delete = Command($"DELETE FROM {SqlNames.Quote(_table)} WHERE {SqlNames.Quote(Rows.RowFields.AdAccountId)} = $a AND {dateColumn} >= $from AND {dateColumn} < $to", transaction,
                       ("$a", adAccountId), ("$from", ApiDates.Format(window.Start)), ("$to", ApiDates.Format(window.End.AddDays(1)))))
                deleted = delete.ExecuteNonQuery();

            // One prepared statement for every row of every window of this run (see SqliteRowInserter).
            _inserter ??= new SqliteRowInserter(connection, _table, _schema);
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                _inserter.Insert(row);
            }

            using (var dayDelete = Command("DELETE FROM pin_sync_days WHERE table_name = $t AND ad_account_id = $a AND date >= $from AND date <= $to", transaction,
                       ("$t", _table), ("$a", adAccountId), ("$from", ApiDates.Format(window.Start)), ("$to", ApiDates.Format(window.End))))
                dayDelete.ExecuteNonQuery();
            using (var dayInsert = Command("INSERT INTO pin_sync_days (table_name, ad_account_id, date, rows, final, landed_at, run_id) VALUES ($t, $a, $d, $n, $f, $at, $r)", transaction,
                       ("$t", _table), ("$a", adAccountId), ("$d", ""), ("$n", 0), ("$f", 0), ("$at", ""), ("$r", "")))
            {
                dayInsert.Prepare();
                foreach (var day in days)
                {
                    dayInsert.Parameters["$d"].Value = ApiDates.Format(day.Date);
                    dayInsert.Parameters["$n"].Value = day.Rows;
                    dayInsert.Parameters["$f"].Value = day.Final ? 1 : 0;
                    dayInsert.Parameters["$at"].Value = Timestamp(day.LandedAt);
                    dayInsert.Parameters["$r"].Value = day.RunId;
                    dayInsert.ExecuteNonQuery();
                }
            }
            transaction.Commit();
            return Task.FromResult(deleted);
        }

        public void Dispose()
        {
            _inserter?.Dispose();
            _inserter = null;
            _connection?.Dispose();
            _connection = null;
            _lock?.Dispose();
            _lock = null;
        }

        private static string SqlType(SyncValueKind kind) => kind switch
        {
            SyncValueKind.Integer => "INTEGER",
            SyncValueKind.Decimal => "REAL",
            SyncValueKind.Boolean => "INTEGER",
            _ => "TEXT", // text, and ISO dates (yyyy-MM-dd, yyyy-MM-dd HH:mm:ss), which sort and compare as dates
        };

        private PinterestValidationException NotOurs() =>
            new PinterestValidationException(ErrorIds.SyncTableNotOurs, "Table",
                $"{_path} already has a table {_table} that Sync-PinAnalytics did not create; it would not overwrite it. Give another -Table name, or another file.");

        private bool TableExists(string name) =>
            Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", name)), CultureInfo.InvariantCulture) > 0;

        private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
        {
            var command = _connection!.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return command;
        }

        private void Execute(string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, transaction, parameters);
            command.ExecuteNonQuery();
        }

        private void Execute(string sql) => Execute(sql, null);

        private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, null, parameters);
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }

        internal static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        internal static DateTimeOffset ParseTimestamp(string text) =>
            DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        internal static DateTime ParseDate(string text) =>
            DateTime.ParseExact(text, ApiDates.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
