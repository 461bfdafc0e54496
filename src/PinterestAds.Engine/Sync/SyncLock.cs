using System;
using System.IO;

namespace PinterestAds.Engine.Sync
{
    /// <summary>
    /// The lock that refuses a second run on the same destination while one is running: an exclusive
    /// handle on a lock file beside (or in) the destination. The operating system lets go of it when the
    /// process ends, however it ends, so a killed run never leaves a stale lock behind.
    /// </summary>
    internal sealed class SyncLock : IDisposable
    {
        private FileStream? _handle;

        private SyncLock(FileStream handle) => _handle = handle;

        /// <summary>Takes the lock or throws <c>SyncDestinationLocked</c>.</summary>
        public static SyncLock Acquire(string lockPath, string destinationName)
        {
            try
            {
                var handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                return new SyncLock(handle);
            }
            catch (IOException ex) when (!(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException))
            {
                throw new PinterestException(ErrorIds.SyncDestinationLocked, PinErrorKind.OperationFailed,
                    $"Another Sync-PinAnalytics run is writing to {destinationName} right now (it holds {lockPath}). Two runs are never interleaved: wait for it to finish, then run again.");
            }
        }

        public void Dispose()
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}
