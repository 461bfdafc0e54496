using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Reports
{
    /// <summary>What one round of polling saw: every job as last seen, and how many polls were spent.</summary>
    internal sealed class WaitProgress
    {
        public WaitProgress(IReadOnlyList<ReportJob> jobs, int polls, TimeSpan elapsed, TimeSpan nextPollIn)
        {
            Jobs = jobs;
            Polls = polls;
            Elapsed = elapsed;
            NextPollIn = nextPollIn;
        }

        public IReadOnlyList<ReportJob> Jobs { get; }
        public int Polls { get; }
        public TimeSpan Elapsed { get; }
        public TimeSpan NextPollIn { get; }
    }

    /// <summary>
    /// Waits for any number of jobs at once in one loop: each round polls every unfinished job (each
    /// poll takes a token from the session's rate budget of its status operation's category, from the
    /// catalogue: ads_analytics for reports, ads_read for bulk requests and MMM reports), then sleeps with capped, jittered
    /// exponential backoff. The delay never lets polling use more than <see cref="BudgetShare"/> of any
    /// category's budget, so other work of the session keeps room. Jobs are handed to the caller the
    /// moment they reach a final status.
    /// </summary>
    internal sealed class ReportWaiter
    {
        private readonly TimeProvider _time;
        private readonly Jitter _jitter;

        /// <param name="time">The clock the waits and the timeout run on; null is the system's.</param>
        /// <param name="jitter">The delays' random part; null draws a fresh seed.</param>
        public ReportWaiter(TimeProvider? time = null, Jitter? jitter = null)
        {
            _time = time ?? TimeProvider.System;
            _jitter = jitter ?? new Jitter();
        }

        /// <summary>A waiter on <paramref name="session"/>'s clock and jitter.</summary>
        public static ReportWaiter For(PinterestSession? session) => new ReportWaiter(session?.Time, session?.Jitter);

        /// <summary>The first poll happens this long after a job's creation.</summary>
        public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(300);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);

        public double Factor { get; set; } = 1.6;

        /// <summary>Each delay is multiplied by a random factor in [1 - Jitter, 1 + Jitter].</summary>
        public double Jitter { get; set; } = 0.2;

        /// <summary>The share of the per-minute analytics budget that polling may use.</summary>
        public double BudgetShare { get; set; } = 0.5;

        public int Polls { get; private set; }

        /// <summary>
        /// Polls until every job is final or <paramref name="timeout"/> passes. <paramref name="onFinal"/> gets each
        /// job when it ends; <paramref name="onRound"/> gets the picture after each round. Returns the jobs still
        /// unfinished (empty unless the timeout passed). A poll that fails with an API error ends that job's
        /// wait through <paramref name="onPollFailed"/>; the others go on.
        /// </summary>
        public async Task<IReadOnlyList<ReportJob>> WaitAsync(IReadOnlyList<ReportJob> jobs, TimeSpan? timeout,
            Action<ReportJob> onFinal, Action<ReportJob, Exception> onPollFailed, Action<WaitProgress>? onRound, IPinLog log, CancellationToken ct)
        {
            var started = _time.GetUtcNow();
            var current = jobs.ToList();
            var pending = new List<int>();
            for (int i = 0; i < current.Count; i++)
            {
                if (current[i].IsFinal) onFinal(current[i]);
                else pending.Add(i);
            }

            // Let young jobs get going before the first poll.
            var youngest = pending.Count == 0 ? started : pending.Max(i => current[i].CreatedTime);
            var firstWait = InitialDelay - (_time.GetUtcNow() - youngest);
            if (pending.Count > 0 && firstWait > TimeSpan.Zero) await Delay(firstWait, started, timeout, ct).ConfigureAwait(false);

            TimeSpan delay = InitialDelay;
            while (pending.Count > 0)
            {
                if (timeout.HasValue && _time.GetUtcNow() - started >= timeout.Value) break;
                foreach (int index in pending.ToList())
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        var job = await AsyncReports.RefreshAsync(current[index], log, ct).ConfigureAwait(false);
                        Polls++;
                        current[index] = job;
                        if (job.IsFinal)
                        {
                            pending.Remove(index);
                            onFinal(job);
                        }
                    }
                    catch (PinterestApiException ex) when (!ct.IsCancellationRequested)
                    {
                        Polls++;
                        pending.Remove(index);
                        onPollFailed(current[index], ex);
                    }
                }
                if (pending.Count == 0) break;

                delay = NextDelay(delay, PollLoads(pending.Select(i => current[i])));
                onRound?.Invoke(new WaitProgress(current.ToArray(), Polls, _time.GetUtcNow() - started, delay));
                await Delay(delay, started, timeout, ct).ConfigureAwait(false);
            }
            onRound?.Invoke(new WaitProgress(current.ToArray(), Polls, _time.GetUtcNow() - started, TimeSpan.Zero));
            return pending.Select(i => current[i]).ToArray();
        }

        /// <summary>The next delay for <paramref name="pendingJobs"/> report polls a round (the ads_analytics budget).</summary>
        internal TimeSpan NextDelay(TimeSpan previous, int pendingJobs) =>
            NextDelay(previous, new[] { new PollLoad("ads_analytics", pendingJobs, ApiLimits.AdsAnalyticsPerMinute) });

        /// <summary>
        /// The next delay: grown by <see cref="Factor"/>, capped, jittered, and slow enough for every category's
        /// budget (each category's polls a round may use <see cref="BudgetShare"/> of its per-minute budget).
        /// </summary>
        internal TimeSpan NextDelay(TimeSpan previous, IEnumerable<PollLoad> loads)
        {
            double grown = Math.Min(previous.TotalMilliseconds * Factor, MaxDelay.TotalMilliseconds);
            double jittered = grown * (1 + Jitter * (2 * _jitter.NextDouble() - 1));
            double budgetFloor = loads.Select(l => l.Polls * 60000.0 / (Math.Max(1, l.PerMinute) * BudgetShare)).DefaultIfEmpty(0).Max();
            return TimeSpan.FromMilliseconds(Math.Max(jittered, budgetFloor));
        }

        /// <summary>The operation that polls a job's status (its category paces the polling).</summary>
        internal static ApiOperation StatusOperation(ReportJob job) => ApiCatalog.Current.Operation(job.Kind switch
        {
            ReportJobKind.Bulk => "bulk_request/get",
            ReportJobKind.Mmm => "analytics/get_mmm_report",
            _ => "analytics/get_report",
        });

        /// <summary>How many polls a round each rate-limit category gets, with that category's budget in the job's session.</summary>
        internal static IReadOnlyList<PollLoad> PollLoads(IEnumerable<ReportJob> pending) =>
            pending.GroupBy(job => StatusOperation(job).RateLimitCategory, StringComparer.OrdinalIgnoreCase)
                .Select(g => new PollLoad(g.Key, g.Count(), PerMinute(g.First().Session, g.Key)))
                .ToArray();

        private static int PerMinute(PinterestSession? session, string category) =>
            session?.Options.RequestsPerMinute != null && session.Options.RequestsPerMinute.TryGetValue(category, out int configured)
                ? configured
                : ApiLimits.DocumentedPerMinute(category);

        private Task Delay(TimeSpan delay, DateTimeOffset started, TimeSpan? timeout, CancellationToken ct)
        {
            if (timeout.HasValue)
            {
                var left = timeout.Value - (_time.GetUtcNow() - started);
                if (left < delay) delay = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
            return delay > TimeSpan.Zero ? _time.Delay(delay, ct) : Task.CompletedTask;
        }
    }

    /// <summary>Polls a round of one rate-limit category, and that category's per-minute budget.</summary>
    internal readonly struct PollLoad
    {
        public PollLoad(string category, int polls, int perMinute)
        {
            Category = category;
            Polls = polls;
            PerMinute = perMinute;
        }

        public string Category { get; }
        public int Polls { get; }
        public int PerMinute { get; }
    }
}
