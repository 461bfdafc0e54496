namespace PinterestAds.Emulator.Reports;

/// <summary>
/// A report's file as the object store serves it, produced once when the report is prepared (as Pinterest
/// serves a finished file from S3): the size stated at FINISHED is its length, and every download sends
/// exactly these bytes. Files up to <see cref="InMemoryLimit"/> stay in memory; larger ones go to a file
/// in the emulator's <see cref="ReportFileFolder"/>, deleted when the report expires or the emulator stops.
/// </summary>
internal sealed class PreparedReportFile : IDisposable
{
    /// <summary>Files up to this size are kept in memory (most test reports); larger ones are written to disk.</summary>
    public const int InMemoryLimit = 1024 * 1024;

    private readonly byte[]? _bytes;
    private readonly string? _path;
    private volatile bool _discarded;

    private PreparedReportFile(byte[]? bytes, string? path, long length)
    {
        _bytes = bytes;
        _path = path;
        Length = length;
    }

    /// <summary>The file's length in bytes: the size the status answer states.</summary>
    public long Length { get; }

    /// <summary>True when the bytes live on disk rather than in memory.</summary>
    public bool OnDisk => _path is not null;

    /// <summary>
    /// Produces the file: <paramref name="write"/> writes it to the given stream and returns the bytes it wrote,
    /// which must be the bytes stored.
    /// </summary>
    public static async Task<PreparedReportFile> PrepareAsync(ReportFileFolder folder, string extension,
        Func<Stream, CancellationToken, Task<long>> write, CancellationToken ct)
    {
        var memory = new MemoryStream();
        FileStream? file = null;
        string? path = null;
        try
        {
            var spill = new SpillingStream(memory, () =>
            {
                path = folder.NewFilePath(extension);
                return file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            });
            long written = await write(spill, ct).ConfigureAwait(false);
            if (file is null)
            {
                if (written != memory.Length) throw new InvalidOperationException($"The report writer counted {written} bytes but produced {memory.Length}.");
                return new PreparedReportFile(memory.ToArray(), null, written);
            }
            await file.FlushAsync(ct).ConfigureAwait(false);
            long length = file.Length;
            await file.DisposeAsync().ConfigureAwait(false);
            file = null;
            if (written != length) throw new InvalidOperationException($"The report writer counted {written} bytes but the file holds {length}.");
            return new PreparedReportFile(null, path, length);
        }
        catch
        {
            if (file is not null) await file.DisposeAsync().ConfigureAwait(false);
            if (path is not null) TryDelete(path);
            throw;
        }
    }

    /// <summary>A read stream over the bytes; null once the file was discarded (the report expired).</summary>
    public Stream? OpenRead()
    {
        if (_discarded) return null;
        if (_bytes is not null) return new MemoryStream(_bytes, writable: false);
        try
        {
            // Delete sharing: a report expiring during a download does not break the download.
            return new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
    }

    /// <summary>Discards the bytes (the file is deleted); later <see cref="OpenRead"/> calls return null.</summary>
    public void Dispose()
    {
        _discarded = true;
        if (_path is not null) TryDelete(_path);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Writes to memory until <see cref="InMemoryLimit"/> would be passed, then moves everything to a file and goes on there.</summary>
    private sealed class SpillingStream : Stream
    {
        private readonly MemoryStream _memory;
        private readonly Func<FileStream> _openFile;
        private FileStream? _file;

        public SpillingStream(MemoryStream memory, Func<FileStream> openFile)
        {
            _memory = memory;
            _openFile = openFile;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Flush() => _file?.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _file?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_file is null && _memory.Length + buffer.Length <= InMemoryLimit)
            {
                _memory.Write(buffer.Span);
                return;
            }
            if (_file is null)
            {
                _file = _openFile();
                await _file.WriteAsync(_memory.GetBuffer().AsMemory(0, (int)_memory.Length), cancellationToken).ConfigureAwait(false);
                _memory.SetLength(0);
                _memory.Capacity = 0;
            }
            await _file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }
}
