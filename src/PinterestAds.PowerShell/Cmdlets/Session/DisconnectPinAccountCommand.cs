using System.Management.Automation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Session
{
    /// <summary>Closes a session (the default one unless -Session is given) and forgets its credentials.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PinAccount", HelpUri = HelpLinks.Pages + "Disconnect-PinAccount.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPinAccountCommand : PinCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public PinterestSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? PinterestSession.Default;
            if (session == null)
            {
                WriteVerbose("There is no Pinterest session to disconnect.");
                return;
            }
            if (ReferenceEquals(PinterestSession.Default, session)) PinterestSession.ReplaceDefault(null);
            session.Dispose();
            WriteVerbose($"Disconnected {session}.");
        }
    }
}
