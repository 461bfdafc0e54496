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
        public PinterestSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? PinterestSession.Default;
            if (session == null)
            {
                WriteError(ErrorRecords.From(new PinterestException(ErrorIds.NotConnected, PinErrorKind.NotConnected,
                    "There is no Pinterest session. Run Connect-PinAccount first."), null));
                return;
            }
            if (session.IsDisposed)
            {
                WriteError(ErrorRecords.From(new PinterestException(ErrorIds.SessionClosed, PinErrorKind.NotConnected,
                    "The Pinterest session was disconnected. Run Connect-PinAccount again."), session));
                return;
            }
            if (TokenManager.RefreshTokenExpiryWarning(session.RefreshTokenExpiresAt, session.Time.GetUtcNow()) is string warning) WriteWarning(warning);
            WriteObject(session.GetInfo());
        }
    }
}
