using System;
using System.Management.Automation;
using PinterestAds.Engine.Session;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Session
{
    /// <summary>
    /// Shows a session without its secrets: environment, base URI, default ad account, token expiries,
    /// request counts and the rate-limit budget per category.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinSession", HelpUri = HelpLinks.Pages + "Get-PinSession.md")]
    [OutputType(typeof(PinSessionInfo))]
    public sealed class GetPinSessionCommand : PinCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public PinterestSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? PinterestSession.Default;
            if (Unusable(session) is PinterestException unusable)
            {
                WriteError(ErrorRecords.From(unusable, session));
                return;
            }
            var live = session!; // Unusable is null only for a live session
            if (TokenManager.RefreshTokenExpiryWarning(live.RefreshTokenExpiresAt, live.Time.GetUtcNow()) is string warning) WriteWarning(warning);
            WriteObject(live.GetInfo());
        }
    }
}
