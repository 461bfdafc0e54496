using System;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using PinterestAds.Engine.Internal;
using SQLitePCL;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>
    /// The SQLite destination's row insert: one INSERT statement prepared once per open destination and
    /// reused for every row of every window, each value bound with SQLite's own typed binders (integers,
    /// doubles, UTF-16 text straight from the string, dates formatted into a stack buffer). ADO.NET's
    /// <c>ExecuteNonQuery</c> costs a data reader, a parameter lookup by name and a boxed value per row and
    /// column; this costs none of them, and nothing is allocated per row. The statement runs on the
    /// connection's handle, so it is part of whatever transaction the connection is in.
    /// </summary>
    internal sealed class SqliteRowInserter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SyncValueKind[] _kinds;
        private sqlite3_stmt? _statement;

        public SqliteRowInserter(SqliteConnection connection, string table, SyncTable schema)
        {
            _connection = connection;
            _kinds = schema.Columns.Select(c => c.Kind).ToArray();
            string sql = $"INSERT INTO {SqlNames.Quote(table)} ({string.Join(", ", schema.Columns.Select(c => SqlNames.Quote(c.Name)))}) " +
                         $"VALUES ({string.Join(", ", schema.Columns.Select((c, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
            _statement = statement;
        }

        /// <summary>Inserts one row (values in column order). A constraint or type error throws <see cref="SqliteException"/>.</summary>
        [MethodImpl(HotPath.Optimised)]
        public void Insert(object?[] row)
        {
            var statement = _statement ?? throw new ObjectDisposedException(nameof(SqliteRowInserter));
            try
            {
                for (int i = 0; i < _kinds.Length; i++) Check(Bind(statement, i + 1, _kinds[i], row[i]));
                int rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE) Check(rc);
            }
            finally
            {
                // Ready for the next row whatever happened (a failed step leaves the statement to reset).
                raw.sqlite3_reset(statement);
            }
        }

        public void Dispose()
        {
            _statement?.Dispose();
            _statement = null;
        }

        /// <summary>
        /// The stored form of a value: ISO text for dates, 0/1 for flags, doubles for decimals (REAL columns),
        /// invariant text for anything else (the column's affinity then stores a number as a number).
        /// </summary>
        [MethodImpl(HotPath.Optimised)]
        private static int Bind(sqlite3_stmt statement, int index, SyncValueKind kind, object? value)
        {
            if (value == null) return raw.sqlite3_bind_null(statement, index);
            if (kind == SyncValueKind.Text)
                return raw.sqlite3_bind_text16(statement, index, (value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)).AsSpan());
            switch (value)
            {
                case string text:
                    return raw.sqlite3_bind_text16(statement, index, text.AsSpan());
                case long l:
                    return raw.sqlite3_bind_int64(statement, index, l);
                case int n:
                    return raw.sqlite3_bind_int64(statement, index, n);
                case bool b:
                    return raw.sqlite3_bind_int64(statement, index, b ? 1 : 0);
                case decimal m when kind == SyncValueKind.Integer && decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue:
                    return raw.sqlite3_bind_int64(statement, index, (long)m);
                case decimal m:
                    return raw.sqlite3_bind_double(statement, index, (double)m);
                case double d:
                    return raw.sqlite3_bind_double(statement, index, d);
                case DateTime date when kind == SyncValueKind.Date:
                    return BindDate(statement, index, date, withTime: false);
                case DateTime time when kind == SyncValueKind.DateTime:
                    return BindDate(statement, index, time, withTime: true);
                default:
                    return raw.sqlite3_bind_text16(statement, index, Convert.ToString(value, CultureInfo.InvariantCulture).AsSpan());
            }
        }

        /// <summary>yyyy-MM-dd (or yyyy-MM-dd HH:mm:ss), written into a stack buffer: ISO text sorts and compares as dates.</summary>
        [MethodImpl(HotPath.Optimised)]
        private static int BindDate(sqlite3_stmt statement, int index, DateTime value, bool withTime)
        {
            Span<char> text = stackalloc char[19];
            Digits(text.Slice(0, 4), value.Year);
            text[4] = '-';
            Digits(text.Slice(5, 2), value.Month);
            text[7] = '-';
            Digits(text.Slice(8, 2), value.Day);
            if (!withTime) return raw.sqlite3_bind_text16(statement, index, text.Slice(0, 10));
            text[10] = ' ';
            Digits(text.Slice(11, 2), value.Hour);
            text[13] = ':';
            Digits(text.Slice(14, 2), value.Minute);
            text[16] = ':';
            Digits(text.Slice(17, 2), value.Second);
            return raw.sqlite3_bind_text16(statement, index, text);
        }

        private static void Digits(Span<char> target, int value)
        {
            for (int i = target.Length - 1; i >= 0; i--)
            {
                target[i] = (char)('0' + value % 10);
                value /= 10;
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
