using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// One progress bar of a cmdlet (downloads: bytes received, then rows; -OutFile: bytes; bulk downloads:
    /// bytes, then entities; analytics runs of several calls and Sync-PinAnalytics runs: calls done of total), written at most every <see cref="Interval"/>, and always closed with a Completed
    /// record once it has started. Silent where nobody can see it: $ProgressPreference
    /// SilentlyContinue or Ignore, a host without a raw UI (runspaces, jobs), a non-interactive process.
    /// </summary>
    internal sealed class ProgressReporter
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Cmdlet _cmdlet;
        private volatile Action<ProgressRecord> _write;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly Stopwatch _sinceLast = new Stopwatch();
        private volatile bool _started;

        /// <summary>
        /// A bar for <paramref name="cmdlet"/>, created on the pipeline thread. Updates go through
        /// <paramref name="write"/> (the pump's Progress when they come from engine work), else
        /// straight to the cmdlet; <see cref="Complete"/> always writes on the pipeline thread.
        /// </summary>
        public ProgressReporter(PSCmdlet cmdlet, int activityId, string activity, Action<ProgressRecord>? write = null)
        {
            _cmdlet = cmdlet;
            _write = write ?? cmdlet.WriteProgress;
            _activityId = activityId;
            _activity = activity;
            Enabled = IsVisible(cmdlet);
        }

        public bool Enabled { get; }

        /// <summary>Whether progress would be seen: not SilentlyContinue or Ignore, and an interactive host.</summary>
        public static bool IsVisible(PSCmdlet cmdlet)
        {
            object? preference = cmdlet.SessionState?.PSVariable.GetValue("ProgressPreference");
            string text = preference?.ToString() ?? "Continue";
            if (string.Equals(text, nameof(ActionPreference.SilentlyContinue), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, nameof(ActionPreference.Ignore), StringComparison.OrdinalIgnoreCase)) return false;
            if (cmdlet.Host?.UI?.RawUI == null || !Environment.UserInteractive) return false;
            return !Environment.GetCommandLineArgs().Any(a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Where updates go from now on: through <paramref name="pump"/> while engine work runs on the thread pool
        /// (a download), straight to the cmdlet again with null (rows written on the pipeline thread).
        /// </summary>
        public void RouteThrough(PipelinePump? pump) => _write = pump != null ? pump.Progress : (Action<ProgressRecord>)_cmdlet.WriteProgress;

        /// <summary>Shows <paramref name="status"/> (and a percentage, when known), throttled; on the thread <see cref="RouteThrough"/> says.</summary>
        public void Update(string status, int? percent = null, bool force = false)
        {
            if (!Enabled) return;
            if (_started && !force && _sinceLast.Elapsed < Interval) return;
            _started = true;
            _sinceLast.Restart();
            // A new record each time: a queued one must not change before it is written.
            _write(new ProgressRecord(_activityId, _activity, status)
            {
                PercentComplete = percent.HasValue ? Math.Max(0, Math.Min(100, percent.Value)) : -1,
                RecordType = ProgressRecordType.Processing,
            });
        }

        /// <summary>
        /// The Completed record that closes the bar (only once it was shown), on the pipeline thread, also after a
        /// failure. After Ctrl+C PowerShell accepts no more records (and clears the bars itself): nothing is written.
        /// </summary>
        public void Complete(string status)
        {
            if (!Enabled || !_started) return;
            _started = false;
            if (_cmdlet.Stopping) return;
            try
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
                {
                    PercentComplete = 100,
                    RecordType = ProgressRecordType.Completed,
                });
            }
            catch (PipelineStoppedException) { }
        }

        /// <summary>"12.3 MB of 40.0 MB received" (of the size when it is known), for the bytes of a download in flight.</summary>
        public static string ReceivedStatus(long bytes, long? total) =>
            Megabytes(bytes) + (total.HasValue ? " of " + Megabytes(total.Value) : "") + " received";

        /// <summary>"40.0 MB saved to report.csv": how an -OutFile download ends.</summary>
        public static string SavedStatus(long bytes, string fileName) => Megabytes(bytes) + " saved to " + fileName;

        /// <summary>The percentage of <paramref name="done"/> in <paramref name="total"/>, when the total is known.</summary>
        public static int? Percent(long done, long? total) => total > 0 ? (int)(100 * Math.Min(done, total.Value) / total.Value) : (int?)null;

        /// <summary>"1,234 rows, 12.3 MB of 40.0 MB" (the size part when the byte count is known).</summary>
        public static string DownloadStatus(long items, string what, long? bytes, long? total)
        {
            string text = items.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + " " + what;
            if (bytes.HasValue) text += ", " + Megabytes(bytes.Value) + (total.HasValue ? " of " + Megabytes(total.Value) : "");
            return text;
        }

        private static string Megabytes(long bytes) =>
            (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " MB";
    }
}
