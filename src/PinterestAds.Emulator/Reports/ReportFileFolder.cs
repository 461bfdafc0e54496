using System.Diagnostics;
using System.Globalization;

namespace PinterestAds.Emulator.Reports;

/// <summary>
/// The emulator's own folder for prepared report files that are too large to keep in memory:
/// <c>{temp}/pinterest-emulator-{pid}-{random}</c>, made on first use and deleted with everything in it
/// when the emulator stops. Folders left behind by emulators that were killed (their process is gone)
/// are deleted when the first file is made, so a crashed test run does not fill the disk.
/// </summary>
internal sealed class ReportFileFolder : IDisposable
{
    private const string Prefix = "pinterest-emulator-";
    private readonly object _gate = new();
    private readonly string _path = Path.Combine(Path.GetTempPath(),
        $"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
    private bool _created;
    private bool _disposed;

    /// <summary>The folder's path (it exists once a file was made in it).</summary>
    public string FolderPath => _path;

    /// <summary>A fresh file name in the folder (the folder is made if needed).</summary>
    public string NewFilePath(string extension)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_created)
            {
                DeleteFoldersOfStoppedEmulators();
                Directory.CreateDirectory(_path);
                _created = true;
            }
        }
        return Path.Combine(_path, Guid.NewGuid().ToString("N") + extension);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (!_created) return;
        }
        try { Directory.Delete(_path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void DeleteFoldersOfStoppedEmulators()
    {
        string[] folders;
        try { folders = Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"); }
        catch (IOException) { return; }
        catch (UnauthorizedAccessException) { return; }
        foreach (var folder in folders)
        {
            var rest = Path.GetFileName(folder)[Prefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid)) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
