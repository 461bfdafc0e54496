using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using PinterestAds.Engine.Rows;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// What the CSV and JSON report readers share: one stream read once through a
    /// <see cref="RollingBuffer"/>, parsed batch by batch into typed rows, with blocking refills
    /// (production reads a verified temporary file, ahead on a worker: <see cref="ReadAheadRows"/>).
    /// A reader parses what is buffered (<see cref="ParseAvailable"/>); this class refills the buffer
    /// and hands the rows out.
    /// </summary>
    public abstract class StreamingReportReader
    {
        // The rows of one window are parsed before the first of them is handed out, and stay alive (and are copied
        // by every garbage collection meanwhile) until written: a small window keeps that set to about a hundred rows.
        private const int ParseWindowBytes = 16 * 1024;

        private bool _started;

        private protected StreamingReportReader(Stream stream, ReportReadOptions? options)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            Options = options ?? new ReportReadOptions();
            Buffer = new RollingBuffer(stream, Options.MaxRecordBytes, ParseWindowBytes);
        }

        private protected ReportReadOptions Options { get; }

        private protected RollingBuffer Buffer { get; }

        /// <summary>Builds the rows; set by the reader once it knows the columns.</summary>
        private protected RowAssembler? Assembler { get; set; }

        /// <summary>The row columns, known once reading has started (CSV: once the header has been read).</summary>
        public RowSchema? Schema => Assembler?.Schema;

        /// <summary>Reads rows with blocking reads; cancellation is checked before every read.</summary>
        public IEnumerable<ReportRow> ReadRows(CancellationToken cancellationToken = default)
        {
            BeginOnce(cancellationToken);
            var batch = new List<ReportRow>();
            while (true)
            {
                bool more = ParseAvailable(batch);
                foreach (ReportRow row in batch) yield return row;
                batch.Clear();
                if (!more) yield break;
                Buffer.Fill(cancellationToken);
            }
        }

        /// <summary>Runs once, before the first parse (the JSON reader builds its schema here).</summary>
        private protected virtual void Begin(CancellationToken cancellationToken)
        {
        }

        /// <summary>Parses every complete record buffered into <paramref name="rows"/>. Returns false when the stream is done.</summary>
        private protected abstract bool ParseAvailable(List<ReportRow> rows);

        private void BeginOnce(CancellationToken cancellationToken)
        {
            if (_started) throw new InvalidOperationException($"A {GetType().Name} reads its stream once; create a new reader.");
            _started = true;
            Begin(cancellationToken);
        }
    }
}
