using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: Ctrl+C (StopProcessing) cancels one token that reaches every request, wait
    /// and backoff; engine work runs through a <see cref="PipelinePump"/> so objects and messages are
    /// written on the pipeline thread as they arrive.
    /// </summary>
    public abstract class PinCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        // The type of the object this cmdlet last made sure its runspace has views for. A cmdlet writes on one
        // runspace's pipeline thread, and a report's million rows are one type: one comparison a row, instead
        // of looking up the runspace and two thread-static caches for each.
        private Type? _viewsEnsuredFor;

        /// <summary>
        /// Writes an object; entities (<see cref="Engine.Formatting.ExportableObject"/>) go out as
        /// their hiding host type (see <see cref="Engine.Formatting.HostTypes"/>), everything else as is.
        /// </summary>
        protected new void WriteObject(object? sendToPipeline)
        {
            if (sendToPipeline is null)
            {
                base.WriteObject(null);
                return;
            }
            Type type = sendToPipeline.GetType();
            if (!ReferenceEquals(type, _viewsEnsuredFor))
            {
                Loading.ModuleViews.Ensure(this);
                RowTableViews.Ensure(this, sendToPipeline);
                _viewsEnsuredFor = type;
            }
            Completion.SeenIds.Remember(sendToPipeline);
            base.WriteObject(Engine.Formatting.HostTypes.ForHost(sendToPipeline));
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops (a token, where Cmdlet.Stopping is a flag).</summary>
        protected new CancellationToken Stopping => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs engine work, writing its output and messages as they come.</summary>
        internal void Pump(Func<PipelinePump, CancellationToken, Task> work)
        {
            var pump = NewPump();
            pump.Run(ct => work(pump, ct), Stopping);
        }

        /// <summary>Runs engine work that returns one value, still writing its messages as they come.</summary>
        internal T Pump<T>(Func<PipelinePump, CancellationToken, Task<T>> work)
        {
            T result = default!;
            // A block body, so the lambda is a Func<..., Task> and calls the non-generic overload.
            Pump(async (pump, ct) => { result = await work(pump, ct).ConfigureAwait(false); });
            return result;
        }

        internal PipelinePump NewPump() => new PipelinePump(this, IsEnabled("Verbose", "VerbosePreference"), IsEnabled("Debug", "DebugPreference"));

        /// <summary>This item failed; write a non-terminating error and let the rest go on.</summary>
        protected void WriteFailure(Exception exception, object? target)
        {
            if (exception is PipelineStoppedException || exception is OperationCanceledException && Stopping.IsCancellationRequested) throw new PipelineStoppedException();
            WriteError(ErrorRecords.From(exception, target));
        }

        /// <summary>
        /// Runs one item's work (an ad account, a job, an id): a failure is that item's non-terminating error
        /// and the command goes on with the next item; Ctrl+C still stops it. Failures that
        /// <paramref name="endsCommand"/> matches (<see cref="FailureScope.EndsCommand"/>) stop the command instead.
        /// </summary>
        protected void RunItem(object? target, Action work, Func<Exception, bool>? endsCommand = null)
        {
            try
            {
                work();
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                if (endsCommand != null && endsCommand(ex)) Fail(ex, target);
                else WriteFailure(ex, target);
            }
        }

        /// <summary>
        /// Why <paramref name="session"/> (-Session, else the default) cannot be used, or null when it can:
        /// <see cref="ErrorIds.NotConnected"/> (there is none) or <see cref="ErrorIds.SessionClosed"/> (it was disconnected).
        /// </summary>
        internal static PinterestException? Unusable(PinterestSession? session) =>
            session == null
                ? new PinterestException(ErrorIds.NotConnected, PinErrorKind.NotConnected,
                    "There is no Pinterest session. Run Connect-PinAccount first (or pass -Session).")
                : session.IsDisposed
                    ? new PinterestException(ErrorIds.SessionClosed, PinErrorKind.NotConnected,
                        "The Pinterest session was disconnected. Run Connect-PinAccount again.")
                    : null;

        /// <summary>Nothing can go on: stop the command with a terminating error.</summary>
        protected void Fail(Exception exception, object? target)
        {
            if (exception is PipelineStoppedException || exception is OperationCanceledException && Stopping.IsCancellationRequested) throw new PipelineStoppedException();
            ThrowTerminatingError(ErrorRecords.From(exception, target));
        }

        /// <summary>Whether a preference stream is on: the -Verbose/-Debug switch, else the preference variable.</summary>
        private bool IsEnabled(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
                return bound is SwitchParameter s ? s.IsPresent : bound is bool b && b;
            object? value = SessionState?.PSVariable.GetValue(preferenceVariable);
            if (value is ActionPreference preference) return preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
            return value != null && Enum.TryParse(value.ToString(), true, out ActionPreference parsed)
                && parsed != ActionPreference.SilentlyContinue && parsed != ActionPreference.Ignore;
        }

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
