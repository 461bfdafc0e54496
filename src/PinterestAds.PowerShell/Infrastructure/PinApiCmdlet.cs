using System.Management.Automation;
using PinterestAds.Engine.Validation;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that calls the API: <c>-Session</c> overrides the process-wide default
    /// session set by Connect-PinAccount, and ad account ids default to the session's.
    /// </summary>
    public abstract class PinApiCmdlet : PinCmdlet
    {
        /// <summary>The session to use instead of the default one (from Connect-PinAccount -PassThru).</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(Completion.NoValueCompleter))]
        public PinterestSession? Session { get; set; }

        /// <summary>The session to use; a terminating error when there is none.</summary>
        protected PinterestSession ResolveSession()
        {
            var session = Session ?? PinterestSession.Default;
            if (Unusable(session) is PinterestException unusable) ThrowTerminatingError(ErrorRecords.From(unusable, session));
            return session!;
        }

        /// <summary>
        /// <see cref="ResolveAdAccountId"/> for a command whose items all belong to one ad account: false, after
        /// writing the failure (target: the -AdAccountId given), when there is none or it is malformed.
        /// </summary>
        protected bool TryResolveAdAccountId(PinterestSession session, string? given, out string adAccountId)
        {
            try
            {
                adAccountId = ResolveAdAccountId(session, given);
                return true;
            }
            catch (PinterestValidationException ex)
            {
                WriteFailure(ex, given);
                adAccountId = "";
                return false;
            }
        }

        /// <summary>
        /// The one way a piped report job gets a session: its own while it is alive, else this command's
        /// (-Session or the default; a terminating error when there is none). Jobs read back from disk
        /// (Import-Clixml) and jobs of a disconnected session come through here.
        /// </summary>
        private protected ReportJob BindToSession(ReportJob job) =>
            job.HasLiveSession ? job : job.WithSession(ResolveSession());

        /// <summary>The ad account id given, else the session's default; validated either way.</summary>
        protected string ResolveAdAccountId(PinterestSession session, string? given, string parameterName = "AdAccountId")
        {
            string? id = string.IsNullOrWhiteSpace(given) ? session.DefaultAdAccountId : given;
            if (string.IsNullOrWhiteSpace(id))
                throw new PinterestValidationException(ErrorIds.AdAccountIdRequired, parameterName,
                    $"-{parameterName} is required: give the ad account id, pipe ad accounts in (Get-PinAdAccount | ...), or connect with Connect-PinAccount -AdAccountId to set a default.");
            return Ids.RequireAdAccount(parameterName, id);
        }
    }
}
