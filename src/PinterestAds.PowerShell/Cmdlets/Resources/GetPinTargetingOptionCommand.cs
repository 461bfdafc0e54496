using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Engine.Resources;
using PinterestAds.Engine.Validation;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// Lists the targeting options of one or more types (GET /resources/targeting/{targeting_type}), one
    /// object per option, GEO regions flattened with their country and parent. Cached per session.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinTargetingOption", HelpUri = HelpLinks.Pages + "Get-PinTargetingOption.md")]
    [OutputType(typeof(PinTargetingOption))]
    public sealed class GetPinTargetingOptionCommand : PinApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ApiEnumArgumentTransformation(typeof(TargetingOptionType))]
        public TargetingOptionType[] TargetingType { get; set; } = new TargetingOptionType[0];

        /// <summary>Only options whose name or id matches; wildcards allowed.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only options with exactly these ids (e.g. metro code 500).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public string[]? Id { get; set; }

        /// <summary>
        /// The ad account to ask for. Audiences (AUDIENCE_INCLUDE/EXCLUDE) belong to an account and use the
        /// session's default account when none is given; other types are the same for every account.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            string? givenAccount;
            try
            {
                givenAccount = AdAccountId != null ? Ids.RequireAdAccount(nameof(AdAccountId), AdAccountId) : null;
            }
            catch (PinterestValidationException ex)
            {
                WriteFailure(ex, AdAccountId);
                return;
            }

            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var ids = Id != null ? new HashSet<string>(Id.Select(i => i.Trim()), StringComparer.OrdinalIgnoreCase) : null;
            foreach (var type in TargetingType.Distinct())
            {
                string apiType = ApiNames.ToApi(type);
                bool isAudience = type == TargetingOptionType.AudienceInclude || type == TargetingOptionType.AudienceExclude;
                string? account = givenAccount ?? (isAudience ? session.DefaultAdAccountId : null);
                RunItem(apiType, () =>
                {
                    var options = Pump((pump, ct) => TargetingOptionCatalog.GetAsync(session, apiType, account, pump, ct));
                    foreach (var option in options)
                    {
                        if (ids != null && !ids.Contains(option.Id)) continue;
                        if (patterns != null && !patterns.Any(p => p.IsMatch(option.Id) || (option.Name != null && p.IsMatch(option.Name)))) continue;
                        WriteObject(option);
                    }
                });
            }
        }
    }
}
