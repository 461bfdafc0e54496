using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// One progress bar of a cmdlet (downloads: bytes and rows; bulk downloads: entities), written on
    /// the pipeline thread at most every <see cref="Interval"/>, and always closed with a Completed
    /// record once it has started. Silent where nobody can see it: $ProgressPreference
    /// SilentlyContinue or Ignore, a host without a raw UI (runspaces, jobs), a non-interactive process.
    /// </summary>
    internal sealed class ProgressReporter
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Cmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly Stopwatch _sinceLast = new Stopwatch();
        private bool _started;

        public ProgressReporter(PSCmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            Enabled = IsVisible(cmdlet);
            _record = new ProgressRecord(activityId, activity, "Starting");
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

        /// <summary>Shows <paramref name="status"/> (and a percentage, when known), throttled; call on the pipeline thread.</summary>
        public void Update(string status, int? percent = null, bool force = false)
        {
            if (!Enabled) return;
            if (_started && !force && _sinceLast.Elapsed < Interval) return;
            _started = true;
            _sinceLast.Restart();
            _record.StatusDescription = status;
            _record.PercentComplete = percent.HasValue ? Math.Max(0, Math.Min(100, percent.Value)) : -1;
            _record.RecordType = ProgressRecordType.Processing;
            _cmdlet.WriteProgress(_record);
        }

        /// <summary>The Completed record that closes the bar (only once it was shown).</summary>
        public void Complete(string status)
        {
            if (!Enabled || !_started) return;
            _record.StatusDescription = status;
            _record.PercentComplete = 100;
            _record.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_record);
            _started = false;
        }

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
