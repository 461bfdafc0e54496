using System;
using System.Management.Automation;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Session
{
    /// <summary>
    /// Changes a session's default ad account without reconnecting. The account is read first
    /// (GET /ad_accounts/{id}), so a mistyped or inaccessible id fails here, before any report.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PinSession", SupportsShouldProcess = true, HelpUri = HelpLinks.Pages + "Set-PinSession.md")]
    [OutputType(typeof(PinterestSession))]
    public sealed class SetPinSessionCommand : PinApiCmdlet
    {
        /// <summary>The new default ad account; ad account objects bind by their AdAccountId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string AdAccountId { get; set; } = null!;

        /// <summary>Write the session after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            RunItem(AdAccountId, () =>
            {
                var session = ResolveSession();
                string id = Ids.RequireAdAccount(nameof(AdAccountId), AdAccountId);
                if (!ShouldProcess(session.ToString(), $"Make ad account {id} the default")) return;
                var account = Pump(async (pump, ct) => await EntityQueries.AdAccountAsync(session.Api, id, pump, ct).ConfigureAwait(false));
                session.SetDefaultAdAccount(account.Id, account.Name);
                WriteVerbose($"The default ad account is now {account.Id} ({account.Name}).");
                if (PassThru) WriteObject(session);
            });
        }
    }
}
