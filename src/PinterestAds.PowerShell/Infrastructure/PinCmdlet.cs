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

        // Rows are dictionaries (fast Export-Csv); PowerShell would list the dictionary interface's
        // properties beside the columns unless the generated row types hide their shadows. Runs
        // before the first cmdlet of the module, so before any row type is generated.
        static PinCmdlet()
        {
            Engine.Rows.RowTypeFactory.HideMembersWith(typeof(HiddenAttribute));
            // Entities are dictionaries too (culture-independent Export-Csv): same reason.
            Engine.Formatting.HostTypes.HideMembersWith(typeof(HiddenAttribute));
        }

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
            Loading.ModuleViews.Ensure(this);
            RowTableViews.Ensure(this, sendToPipeline);
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
