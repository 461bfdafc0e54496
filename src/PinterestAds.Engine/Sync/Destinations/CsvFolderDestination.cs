using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>
    /// A folder of CSV partitions: <c>&lt;folder&gt;/&lt;ad account id&gt;/&lt;yyyy-MM-dd&gt;.csv</c>, one file per
    /// account and day, with the definition's columns, ISO dates, invariant numbers and every field quoted
    /// (as <c>Export-Csv</c> writes them, so <c>Import-Csv</c> reads them back). Each file is written beside
    /// its final name and moved over it, so a reader sees the old day or the new one, never half of one. The
    /// state file <c>pin-sync-state.json</c> in the folder is replaced the same way after the window's files.
    /// </summary>
    internal sealed class CsvFolderDestination : ISyncDestination
    {
        public const string StateFileName = "pin-sync-state.json";
        private const string LockFileName = ".pin-sync.lock";
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        private readonly string _folder;
        private SyncLock? _lock;
        private SyncTable _schema = null!;
        private SyncDefinition _definition = null!;
        private readonly Dictionary<string, SyncAccountState> _accounts = new Dictionary<string, SyncAccountState>(StringComparer.Ordinal);

        public CsvFolderDestination(string folder) => _folder = folder;

        public string Name => $"CSV folder {_folder}";

        private string StatePath => Path.Combine(_folder, StateFileName);

        public Task OpenAsync(SyncDefinition definition, bool readOnly, CancellationToken ct)
        {
            _definition = definition;
            _schema = definition.Table;
            if (File.Exists(_folder))
                throw new PinterestValidationException(ErrorIds.SyncDestinationIsFile, "Destination",
                    $"-Destination {_folder} is a file, not a folder. For CSV files give a folder (it is created when missing); for SQLite give a path ending in .sqlite or .db.");
            for (string? parent = Path.GetDirectoryName(Path.GetFullPath(_folder)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
                if (File.Exists(parent))
                    throw new PinterestValidationException(ErrorIds.SyncDestinationFolderIsFile, "Destination",
                        $"-Destination {_folder}: {parent} is a file, not a folder. Give a folder path.");
            if (!Directory.Exists(_folder))
            {
                if (readOnly) return Task.CompletedTask;
                Directory.CreateDirectory(_folder);
            }
            if (!readOnly) _lock = SyncLock.Acquire(Path.Combine(_folder, LockFileName), Name);
            if (File.Exists(StatePath)) ReadStateFile(definition);
            else if (!readOnly) WriteStateFile();
            return Task.CompletedTask;
        }

        public Task<SyncAccountState> ReadStateAsync(string adAccountId, CancellationToken ct) =>
            Task.FromResult(_accounts.TryGetValue(adAccountId, out var state) ? Copy(state) : new SyncAccountState(adAccountId));

        public Task WriteRunAsync(SyncAccountState state, CancellationToken ct)
        {
            var stored = Account(state.AdAccountId);
            stored.LastRunId = state.LastRunId;
            stored.LastRunDate = state.LastRunDate;
            stored.LastRunStarted = state.LastRunStarted;
            stored.LastRunFinished = state.LastRunFinished;
            stored.LastStatus = state.LastStatus;
            stored.LastMessage = state.LastMessage;
            WriteStateFile();
            return Task.CompletedTask;
        }

        public Task<int> ReplaceWindowAsync(string adAccountId, SyncWindow window, IReadOnlyList<object?[]> rows, IReadOnlyList<SyncDayState> days, CancellationToken ct)
        {
            string accountFolder = Path.Combine(_folder, adAccountId);
            Directory.CreateDirectory(accountFolder);
            var byDay = rows.GroupBy(_schema.DayOf).ToDictionary(g => g.Key, g => g.ToList());
            int replaced = 0;
            foreach (var date in window.Dates())
            {
                ct.ThrowIfCancellationRequested();
                string path = Path.Combine(accountFolder, ApiDates.Format(date) + ".csv");
                if (_accounts.TryGetValue(adAccountId, out var before) && before.Days.TryGetValue(date, out var old)) replaced += old.Rows;
                WriteAtomically(path, writer => WriteDay(writer, byDay.TryGetValue(date, out var list) ? list : new List<object?[]>()));
            }
            var account = Account(adAccountId);
            foreach (var day in days) account.Days[day.Date] = day;
            WriteStateFile();
            return Task.FromResult(replaced);
        }

        public void Dispose()
        {
            _lock?.Dispose();
            _lock = null;
        }

        private void WriteDay(TextWriter writer, IReadOnlyList<object?[]> rows)
        {
            var columns = _schema.Columns;
            writer.Write(string.Join(",", columns.Select(c => Quote(c.Name))));
            writer.Write('\n');
            foreach (var row in rows)
            {
                for (int i = 0; i < columns.Count; i++)
                {
                    if (i > 0) writer.Write(',');
                    writer.Write(Quote(Format(columns[i].Kind, row[i])));
                }
                writer.Write('\n');
            }
        }

        /// <summary>ISO dates, invariant numbers, True/False; an empty field for a missing value.</summary>
        internal static string Format(SyncValueKind kind, object? value)
        {
            switch (value)
            {
                case null: return "";
                case DateTime d: return kind == SyncValueKind.DateTime ? d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : ApiDates.Format(d);
                case bool b: return b ? "True" : "False";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "";
            }
        }

        private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

        private static void WriteAtomically(string path, Action<TextWriter> write)
        {
            string temporary = path + ".partial";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, Utf8, 1 << 16))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
        }

        private SyncAccountState Account(string adAccountId)
        {
            if (!_accounts.TryGetValue(adAccountId, out var state)) _accounts[adAccountId] = state = new SyncAccountState(adAccountId);
            return state;
        }

        private static SyncAccountState Copy(SyncAccountState state)
        {
            var copy = new SyncAccountState(state.AdAccountId)
            {
                LastRunId = state.LastRunId, LastRunDate = state.LastRunDate, LastRunStarted = state.LastRunStarted,
                LastRunFinished = state.LastRunFinished, LastStatus = state.LastStatus, LastMessage = state.LastMessage,
            };
            foreach (var day in state.Days) copy.Days[day.Key] = day.Value;
            return copy;
        }

        private void ReadStateFile(SyncDefinition definition)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllBytes(StatePath));
            }
            catch (JsonException ex)
            {
                throw new PinterestValidationException(ErrorIds.SyncStateUnreadable, "Destination",
                    $"{StatePath} is not a state file Sync-PinAnalytics can read ({ex.Message}). Restore it, or sync into a new folder.");
            }
            using (document)
            {
                var root = document.RootElement;
                string stored = root.TryGetProperty("definition", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : "";
                var differences = definition.Differences(stored);
                if (differences.Count > 0) throw definition.Mismatch(Name, differences);
                if (!root.TryGetProperty("accounts", out var accounts) || accounts.ValueKind != JsonValueKind.Object) return;
                foreach (var account in accounts.EnumerateObject())
                {
                    var state = Account(account.Name);
                    var a = account.Value;
                    state.LastRunId = Text(a, "lastRunId");
                    state.LastRunDate = Text(a, "lastRunDate") is string rd ? SqliteDestination.ParseDate(rd) : (DateTime?)null;
                    state.LastRunStarted = Text(a, "lastRunStarted") is string rs ? SqliteDestination.ParseTimestamp(rs) : (DateTimeOffset?)null;
                    state.LastRunFinished = Text(a, "lastRunFinished") is string rf ? SqliteDestination.ParseTimestamp(rf) : (DateTimeOffset?)null;
                    state.LastStatus = Text(a, "lastStatus");
                    state.LastMessage = Text(a, "lastMessage");
                    if (a.TryGetProperty("days", out var days) && days.ValueKind == JsonValueKind.Object)
                        foreach (var day in days.EnumerateObject())
                        {
                            var date = SqliteDestination.ParseDate(day.Name);
                            state.Days[date] = new SyncDayState(date, day.Value.GetProperty("rows").GetInt32(), day.Value.GetProperty("final").GetBoolean(),
                                SqliteDestination.ParseTimestamp(day.Value.GetProperty("landedAt").GetString()!), day.Value.GetProperty("runId").GetString()!);
                        }
                }
            }
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private void WriteStateFile()
        {
            WriteAtomically(StatePath, writer =>
            {
                using var stream = new MemoryStream();
                using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    json.WriteStartObject();
                    json.WriteString("definition", _definition.Serialize());
                    json.WriteString("columns", _schema.Describe());
                    json.WriteStartObject("accounts");
                    foreach (var account in _accounts.Values.OrderBy(a => a.AdAccountId, StringComparer.Ordinal))
                    {
                        json.WriteStartObject(account.AdAccountId);
                        if (account.LastRunId != null) json.WriteString("lastRunId", account.LastRunId);
                        if (account.LastRunDate.HasValue) json.WriteString("lastRunDate", ApiDates.Format(account.LastRunDate.Value));
                        if (account.LastRunStarted.HasValue) json.WriteString("lastRunStarted", SqliteDestination.Timestamp(account.LastRunStarted.Value));
                        if (account.LastRunFinished.HasValue) json.WriteString("lastRunFinished", SqliteDestination.Timestamp(account.LastRunFinished.Value));
                        if (account.LastStatus != null) json.WriteString("lastStatus", account.LastStatus);
                        if (account.LastMessage != null) json.WriteString("lastMessage", account.LastMessage);
                        json.WriteStartObject("days");
                        foreach (var day in account.Days.Values.OrderBy(d => d.Date))
                        {
                            json.WriteStartObject(ApiDates.Format(day.Date));
                            json.WriteNumber("rows", day.Rows);
                            json.WriteBoolean("final", day.Final);
                            json.WriteString("landedAt", SqliteDestination.Timestamp(day.LandedAt));
                            json.WriteString("runId", day.RunId);
                            json.WriteEndObject();
                        }
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                writer.Write(Utf8.GetString(stream.ToArray()));
            });
        }
    }
}
