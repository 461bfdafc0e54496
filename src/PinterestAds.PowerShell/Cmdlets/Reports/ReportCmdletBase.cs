using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Bulk;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Reports.Reading;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// What the report cmdlets share: waiting for jobs (one loop, progress, per-job errors, Ctrl+C telling
    /// which tokens can be resumed) and receiving a finished job (rows streamed on the pipeline thread,
    /// or a file saved atomically).
    /// </summary>
    public abstract class ReportCmdletBase : PinApiCmdlet
    {
        private const string ProgressActivity = "Waiting for Pinterest reports";
        private const int ProgressParentId = 0x7E7;
        private const int DownloadProgressId = 0x7D0;

        /// <summary>The seconds a download may go without receiving a byte before it is abandoned.</summary>
        internal const int DefaultIdleTimeoutSec = 60;

        /// <summary>Waits for <paramref name="jobs"/>; each finished job goes to <paramref name="onFinished"/> on the pipeline thread.</summary>
        private protected void WaitForJobs(IReadOnlyList<ReportJob> jobs, TimeSpan? timeout, Action<ReportJob> onFinished)
        {
            if (jobs.Count == 0) return;
            bool showProgress = ProgressWanted();
            var finishedInOrder = new List<ReportJob>();
            IReadOnlyList<ReportJob> latest = jobs;
            var waiter = ReportWaiter.For(jobs[0].Session);
            try
            {
                var unfinished = Pump(async (pump, ct) =>
                {
                    var left = await waiter.WaitAsync(jobs, timeout,
                        onFinal: job =>
                        {
                            if (job.IsFinished) pump.OnPipelineThread(_ => { onFinished(job); return true; });
                            else pump.Error(ErrorRecords.From(ReportDownload.NotDownloadable(job), job));
                        },
                        onPollFailed: (job, ex) => pump.Error(ErrorRecords.From(ex, job)),
                        onRound: progress =>
                        {
                            latest = progress.Jobs;
                            if (showProgress) foreach (var record in ProgressRecords(progress, completed: false)) pump.Progress(record);
                        },
                        pump, ct).ConfigureAwait(false);
                    return left;
                });
                foreach (var job in unfinished)
                    WriteError(ErrorRecords.From(new PinterestException(ErrorIds.ReportWaitTimedOut, PinErrorKind.Timeout,
                        $"{job.Describe()} was still {job.Status} after {timeout?.TotalSeconds:0} s (-TimeoutSec). It goes on at Pinterest: resume with " +
                        ResumeCommand(job)), job));
            }
            catch (PipelineStoppedException) when (Stopping.IsCancellationRequested)
            {
                TellResumable(latest.Where(j => !j.IsFinal).ToList());
                throw;
            }
            finally
            {
                if (showProgress && !Stopping.IsCancellationRequested)
                    foreach (var record in ProgressRecords(new WaitProgress(latest, waiter.Polls, TimeSpan.Zero, TimeSpan.Zero), completed: true))
                        WriteProgress(record);
            }
        }

        /// <summary>
        /// Downloads one finished job: rows (or bulk entities) to the pipeline, or a file. One bar shows the bytes
        /// received, then the rows (entities) written, and is closed by a Completed record however it ends.
        /// </summary>
        private protected void ReceiveJob(ReportJob job, string? outFile, TimeSpan idleTimeout)
        {
            var progress = new ProgressReporter(this, DownloadProgressId, $"Downloading {job.Kind} {job.Token}");
            string what = job.Kind == ReportJobKind.Bulk ? "entities" : "rows";
            long written = 0;
            string? saved = null;
            try
            {
                using var download = Download(job, idleTimeout, progress, null);
                if (outFile != null)
                {
                    string path = FilePathFor(download.Job, outFile);
                    var file = Pump(async (pump, ct) => await ReportFiles.SaveAsync(download, path, ct).ConfigureAwait(false));
                    saved = ProgressReporter.SavedStatus(file.Length, file.Name);
                    WriteObject(file);
                    return;
                }
                long? total = download.ContentLength;
                if (download.Job.Kind == ReportJobKind.Bulk)
                {
                    IEnumerable<PinBulkEntity> entities;
                    progress.Update("Reading the download", force: true);
                    try { entities = BulkEntityReader.Read(download.OpenDecoded(Stopping), download.Job.Format, download.Job.AdAccountId).ToList(); }
                    catch (Exception ex) when (ReportRows.IsReadFailure(ex)) { throw ReportRows.Wrap(ex, download.Job); }
                    foreach (var entity in entities)
                    {
                        WriteObject(entity);
                        if (progress.Enabled) progress.Update(ProgressReporter.DownloadStatus(++written, what, null, null));
                    }
                    return;
                }
                // Rows are parsed on a worker a few batches ahead and written here, on the pipeline thread, one by one.
                // The bytes are those of the verified temporary file read so far (its position; the worker reads
                // ahead, so the figure runs a few batches early - it is only shown).
                var body = download.Body;
                var finisher = FinisherFor(download.Job);
                foreach (var row in ReadAheadRows.Of(ReportRows.Read(download, finisher.Currency, Stopping), Stopping, PrepareExportView))
                {
                    WriteObject(Finish(finisher, row));
                    row.ReleaseExportView();
                    // Checked every 1024 rows: the bar costs nothing measurable on a million rows.
                    if (progress.Enabled && (++written & 1023) == 1)
                    {
                        long read = body.CanSeek ? body.Position : 0;
                        progress.Update(ProgressReporter.DownloadStatus(written, what, read, total), ProgressReporter.Percent(read, total), force: written == 1);
                    }
                }
            }
            finally
            {
                progress.Complete(saved ?? ProgressReporter.DownloadStatus(written, what, null, null));
            }
        }

        /// <summary>
        /// Downloads and verifies one job's file, its bytes on <paramref name="progress"/> ("part 2 of 3: ..." with
        /// <paramref name="part"/>); updates go through the pump while the download runs, straight to the cmdlet after.
        /// </summary>
        private ReportDownload Download(ReportJob job, TimeSpan idleTimeout, ProgressReporter progress, string? part)
        {
            try
            {
                return Pump(async (pump, ct) =>
                {
                    progress.RouteThrough(pump);
                    bool first = true;
                    // The first bytes of each download are shown at once (a part after another must not wait for the throttle).
                    Action<long, long?>? received = progress.Enabled
                        ? (bytes, total) =>
                        {
                            progress.Update(part + ProgressReporter.ReceivedStatus(bytes, total), ProgressReporter.Percent(bytes, total), force: first);
                            first = false;
                        }
                    : (Action<long, long?>?)null;
                    return await ReportDownload.OpenAsync(job, idleTimeout, pump, ct, Stopping, received).ConfigureAwait(false);
                });
            }
            finally
            {
                progress.RouteThrough(null);
            }
        }

        /// <summary>
        /// The rows of several parts of one run: every part is downloaded whole (verified) to a temporary file
        /// first, and rows are written only once all are there - a part that fails leaves no rows of the others
        /// in the pipeline (an Export-Csv file would otherwise look complete). One part streams as usual.
        /// </summary>
        /// <param name="union">
        /// The jobs are separate reports (templates, accounts): rows get one column set, the union of the
        /// jobs' columns, led by ReportToken and TemplateId (<see cref="ReportRowUnion"/>).
        /// </param>
        private protected void ReceiveParts(IReadOnlyList<ReportJob> parts, TimeSpan idleTimeout, bool union = false)
        {
            if (parts.Count == 1)
            {
                ReceiveJob(parts[0], null, idleTimeout);
                return;
            }
            var files = new List<(ReportJob Job, string Path)>();
            // One bar for the run: each part's bytes ("part 2 of 5: ..."), then the rows of all of them.
            var progress = new ProgressReporter(this, DownloadProgressId, $"Downloading {parts.Count} reports");
            long written = 0;
            try
            {
                for (int i = 0; i < parts.Count; i++)
                {
                    var job = parts[i];
                    string path = Path.Combine(Path.GetTempPath(), "pinterest-report-part-" + Guid.NewGuid().ToString("N") + (job.Format == ReportFormat.Csv ? ".csv" : ".json"));
                    files.Add((job, path));
                    using var download = Download(job, idleTimeout, progress, $"Report {i + 1} of {parts.Count}: ");
                    Pump(async (pump, ct) => await ReportFiles.SaveAsync(download, path, ct).ConfigureAwait(false));
                }
                // One finisher per job: its account's currency, its keyword texts.
                var finishers = files.Select(f => FinisherFor(f.Job)).ToList();
                if (!union)
                {
                    for (int i = 0; i < files.Count; i++)
                        foreach (var row in ReadAheadRows.Of(ReportRows.ReadFile(files[i].Job, files[i].Path, finishers[i].Currency, Stopping), Stopping, PrepareExportView))
                        {
                            Write(Finish(finishers[i], row));
                            row.ReleaseExportView();
                        }
                    return;
                }
                // First pass: each file's columns (from its first finished row); second pass: the rows in the union's shape.
                var columnSets = files.Select((f, i) => ReportRows.ReadFile(f.Job, f.Path, finishers[i].Currency, Stopping).Take(1)
                    .Select(row => Finish(finishers[i], row)).SelectMany(ReportRowUnion.ColumnsOf).ToList()).ToList();
                var shape = new ReportRowUnion(columnSets);
                for (int i = 0; i < files.Count; i++)
                    foreach (var row in ReadAheadRows.Of(ReportRows.ReadFile(files[i].Job, files[i].Path, finishers[i].Currency, Stopping), Stopping))
                        Write(shape.Convert(Finish(finishers[i], row), files[i].Job));
            }
            finally
            {
                progress.Complete(ProgressReporter.DownloadStatus(written, "rows", null, null));
                foreach (var (_, path) in files)
                {
                    try { File.Delete(path); }
                    catch (IOException) { }
                    catch (UnauthorizedAccessException) { }
                }
            }

            void Write(object row)
            {
                WriteObject(row);
                if (progress.Enabled && (++written & 1023) == 1)
                    progress.Update(ProgressReporter.DownloadStatus(written, "rows", null, null), force: written == 1);
            }
        }

        /// <summary>
        /// Micro-dollar columns of the rows written as amounts in the account's currency units (-CurrencyUnits of
        /// the cmdlets that write rows).
        /// </summary>
        private protected virtual bool CurrencyUnitsWanted => false;

        /// <summary>The finisher of a job's rows: its account's currency (read once per session), keyword texts, currency units.</summary>
        private ReportRowFinisher FinisherFor(ReportJob job) =>
            Pump(async (pump, ct) => await ReportRowFinisher.ForJobAsync(job, CurrencyUnitsWanted, pump, ct).ConfigureAwait(false));

        /// <summary>A row as written: keyword texts listed first when the row needs one (once per ad group or account).</summary>
        private ReportRow Finish(ReportRowFinisher finisher, ReportRow row)
        {
            if (finisher.NeedsLookup(row)) Pump(async (pump, ct) => await finisher.LookUpAsync(row, pump, ct).ConfigureAwait(false));
            return finisher.Finish(row);
        }

        // The parsing worker's use of its waits: when the pipeline is behind (Export-Csv behind the cmdlet), it makes the
        // rows' decimal export wrappers and their text, which Export-Csv would otherwise make here, on the pipeline thread.
        // Each row drops them once written (ReleaseExportView), so rows kept afterwards cost no more memory. Rows the union
        // of several reports converts are new rows: nothing is made ahead for those.
        private static readonly Action<ReportRow> PrepareExportView = row => row.PrepareExportView();

        /// <summary>The file for a job: the path as given, a folder gets the token as name, split jobs get a part suffix.</summary>
        private string FilePathFor(ReportJob job, string outFile)
        {
            string resolved = OutFilePaths.Resolve(this, "OutFile", outFile);
            // The token comes from the network: it names a file only when it is a plain name inside the folder.
            if (Directory.Exists(resolved)) return ReportFilePaths.InFolder(resolved, job);
            if (job.PartCount <= 1) return resolved;
            string folder = Path.GetDirectoryName(resolved) ?? ".";
            return Path.Combine(folder, Path.GetFileNameWithoutExtension(resolved) + $".part{job.Part}" + Path.GetExtension(resolved));
        }

        /// <summary>Progress only when someone can see it: not SilentlyContinue, and an interactive host.</summary>
        private bool ProgressWanted() => ProgressReporter.IsVisible(this);

        private static IEnumerable<ProgressRecord> ProgressRecords(WaitProgress progress, bool completed)
        {
            int done = progress.Jobs.Count(j => j.IsFinal);
            var parent = new ProgressRecord(ProgressParentId, ProgressActivity,
                $"{done} of {progress.Jobs.Count} finished; {progress.Polls} status checks" +
                (progress.NextPollIn > TimeSpan.Zero ? $"; next in {progress.NextPollIn.TotalSeconds:0.#} s" : ""))
            {
                PercentComplete = progress.Jobs.Count == 0 ? 100 : done * 100 / progress.Jobs.Count,
                RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            yield return parent;
            for (int i = 0; i < progress.Jobs.Count; i++)
            {
                var job = progress.Jobs[i];
                yield return new ProgressRecord(ProgressParentId + 1 + i, $"{job.Kind} {job.Token}", job.Status + (job.Level != null ? " " + job.Level : ""))
                {
                    ParentActivityId = ProgressParentId,
                    RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                };
            }
        }

        /// <summary>The command that picks a job up again, exactly as it can be pasted.</summary>
        internal static string ResumeCommand(ReportJob job) =>
            $"Get-PinReport -AdAccountId {job.AdAccountId} -Token {job.Token}" + (job.Kind == ReportJobKind.Bulk ? " -Kind Bulk" : "") + " | Wait-PinReport | Receive-PinReport";

        /// <summary>Ctrl+C: say which jobs still run at Pinterest and how to pick them up again.</summary>
        private void TellResumable(IReadOnlyList<ReportJob> unfinished)
        {
            if (unfinished.Count == 0) return;
            // One command per job that runs as printed (the format is read from the file, so none is needed).
            string message = "Stopped waiting. These jobs go on at Pinterest; to pick them up again, run:" + Environment.NewLine +
                string.Join(Environment.NewLine, unfinished.Select(j => $"  {ResumeCommand(j)}"));
            try { Host?.UI?.WriteWarningLine(message); }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException || ex is NotImplementedException) { }
        }
    }
}
