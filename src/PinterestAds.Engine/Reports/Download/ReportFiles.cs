using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Saves a download to a file atomically: the bytes go to a hidden temporary file in the same folder,
    /// which is renamed over the final name only once the whole body arrived and checked out. A failed
    /// or truncated download leaves no file (and no partial one) under the final name.
    /// </summary>
    internal static class ReportFiles
    {
        public static async Task<FileInfo> SaveAsync(ReportDownload download, string path, CancellationToken ct)
        {
            string fullPath = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(fullPath) ?? ".";
            Directory.CreateDirectory(folder);
            string temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                using (var source = download.OpenForFile())
                using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await source.CopyToAsync(target, 81920, ct).ConfigureAwait(false);
                    await target.FlushAsync(ct).ConfigureAwait(false);
                }
                if (File.Exists(fullPath)) File.Replace(temporary, fullPath, null);
                else File.Move(temporary, fullPath);
                return new FileInfo(fullPath);
            }
            catch (Exception ex)
            {
                TryDelete(temporary);
                if (ReportRows.IsReadFailure(ex)) throw ReportRows.Wrap(ex, download.Job);
                throw;
            }
        }

        private static void TryDelete(string path)
        {
            try { if (File.Exists(path)) File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
