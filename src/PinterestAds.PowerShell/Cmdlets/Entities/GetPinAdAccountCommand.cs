using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Engine.Entities;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Entities
{
    /// <summary>Lists the ad accounts the token can see, or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAdAccount", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Pages + "Get-PinAdAccount.md")]
    [OutputType(typeof(PinAdAccount))]
    public sealed class GetPinAdAccountCommand : PinApiCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdAccountId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string[] Id { get; set; } = null!;

        /// <summary>Leave out accounts shared with the token's user by other businesses.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ExcludeSharedAccounts { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 250)]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public int PageSize { get; set; } = 250;

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            if (ParameterSetName == ListSet)
            {
                try
                {
                    var filter = new EntityFilter { PageSize = PageSize, IncludeSharedAccounts = ExcludeSharedAccounts ? false : (bool?)null };
                    Pump(async (pump, ct) =>
                    {
                        await foreach (var account in EntityQueries.AdAccounts(session.Api, filter, pump, ct).WithCancellation(ct).ConfigureAwait(false))
                        {
                            session.KnownAdAccounts[account.Id] = account.Name;
                            await pump.OutputAndWaitAsync(account).ConfigureAwait(false);
                        }
                    });
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteFailure(ex, null);
                }
                return;
            }

            foreach (string raw in Id)
            {
                RunItem(raw, () =>
                {
                    string id = Ids.RequireAdAccount(nameof(Id), raw);
                    var account = Pump(async (pump, ct) => await EntityQueries.AdAccountAsync(session.Api, id, pump, ct).ConfigureAwait(false));
                    session.KnownAdAccounts[account.Id] = account.Name;
                    WriteObject(account);
                });
            }
        }
    }
}
