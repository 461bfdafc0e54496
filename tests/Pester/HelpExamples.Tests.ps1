#Requires -Modules Pester
# Every example of every help page (docs/en-US/*.md, and the powershell code blocks of
# about_PinterestAds.md and of README.md) runs, as its text stands, against a real emulator. One It per example. An example fails when it
# throws, writes an error record (terminating or not), writes a warning its table entry does not
# expect, does not finish within its time limit, or does not produce what it claims: the table
# below ($Expected) says, for every example, which objects it writes (by type name), which files it
# leaves behind (they must exist and have rows), and any further checks. An example without a table
# entry, or an entry without an example, fails too: a new example must say what it produces.
#
# How each example runs:
# - in a fresh runspace with the built module imported (fresh variables and preferences, like a new
#   console), in its own fresh temporary working directory (Push-Location), where the files it reads
#   are staged first ($Staging: a refresh token, a client secret, the published emulator);
# - with a default session connected to the emulator with its first (owner) ad account as the
#   default ad account; examples that read the PINTEREST_* environment variables ($Expected entry
#   Environment) get PINTEREST_API_BASE_URI, PINTEREST_ACCESS_TOKEN and PINTEREST_AD_ACCOUNT_ID set
#   for their run (all PINTEREST_* credential variables are cleared for every other example);
# - with a time limit (30 s unless the entry says otherwise): the runspace is stopped after it.
#
# Stand-ins, only for what needs a human or the real Pinterest:
# - Read-Host: a function of the same name (it shadows the cmdlet) that answers the prompt an
#   example asks, from $ReadHostAnswers ('Client secret' -> the emulator's client secret), as a
#   SecureString with -AsSecureString. A prompt it does not know fails the example.
# - The browser of Connect-PinAccount -Interactive: $PSDefaultParameterValues gives -BrowserAction a
#   script block that GETs the consent URL and follows the emulator's consent stand-in (GET /oauth/,
#   which approves at once and redirects to the loopback -RedirectUri with a code and the state).
# - Pinterest's production API: Connect-PinAccount calls that name a credential (-AccessToken,
#   -RefreshToken, -Interactive, -ClientCredentials) but neither -ApiBaseUri nor -Environment would go to
#   api.pinterest.com; $PSDefaultParameterValues gives them the emulator's -ApiBaseUri instead (the
#   consent page then lives on the emulator too). Calls without credentials read
#   PINTEREST_API_BASE_URI as written, and explicit -ApiBaseUri values are untouched.
# - Long waits: the emulator prepares reports and bulk downloads in 200 ms, where Pinterest may take
#   minutes (ReportPreparationMs, BulkPreparationMs); Wait-PinReport still polls and waits for real.
# The emulator's world uses Seed 2, whose first ad account has an archived campaign (Get-PinCampaign
# Example 2 exports archived campaigns). Its "today" is the real UTC date, as the examples use Get-Date.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force

    # The powershell code blocks of a markdown page (about_PinterestAds.md, README.md), titled by the
    # heading above each. Blocks without the powershell tag (README's build and emulator commands) are
    # shell commands that build.ps1 and CI run, not examples.
    function Get-AboutExample([string] $Path, [string] $Page = 'about_PinterestAds') {
        $heading = ''
        $code = $null
        $index = 0
        foreach ($line in Get-Content -LiteralPath $Path -Encoding utf8) {
            if ($null -ne $code) {
                if ($line -match '^```\s*$') {
                    $index++
                    [pscustomobject]@{ Command = $Page; Index = $index; Title = $heading; Code = $code -join "`n" }
                    $code = $null
                }
                else { $code.Add($line) }
            }
            elseif ($line -match '^```powershell\s*$') { $code = [System.Collections.Generic.List[string]]::new() }
            elseif ($line -match '^#{2,3}\s+(.+?)\s*$') { $heading = $Matches[1] }
        }
    }

    $examples = @(Get-PinHelpExample) + @(Get-AboutExample (Join-Path (Get-PinDocsPath) 'about_PinterestAds.md')) +
        @(Get-AboutExample (Join-Path (Get-PinRepoRoot) 'README.md') -Page 'README')
    $cases = @(foreach ($example in $examples) {
            @{
                Page  = $example.Command
                Title = $example.Title
                Code  = $example.Code
                Key   = '{0}: {1}' -f $example.Command, ($example.Title -replace '^Example \d+:\s*', '')
            }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force

    # -------------------------------------------------------------------------------------------
    # What every example produces. Keys: '<page>: <title without "Example N: ">'.
    #   Output      type names (as in PSTypeNames; wildcards allowed) of the objects it writes: each
    #               must appear, and every object written must carry one of them. @() = writes nothing.
    #   Files       files (relative to its working directory) it leaves behind, with rows.
    #   Environment $true: PINTEREST_API_BASE_URI, PINTEREST_ACCESS_TOKEN, PINTEREST_AD_ACCOUNT_ID set.
    #   Stage       names from $Staging to create in its working directory first.
    #   Fresh       $true: a console without the module imported and without a session (the example
    #               imports and connects itself, as README.md's quick start does).
    #   Warning     a regex every warning it writes must match (none allowed otherwise).
    #   Probe       code run in the example's runspace after it; its output is $Run.Probe.
    #   Journal     $true: $Run.Requests holds the emulator's journal of the example's requests.
    #   Check       { param($Run) ... } further Should assertions ($Run: Output, Errors, Warnings,
    #               Information, Verbose, Probe, Requests, Folder, Staged, AccountId, ApiBaseUri).
    #   TimeoutSec  time limit (default 30).
    # -------------------------------------------------------------------------------------------
    $notFinalWarning = 'are not final yet and may still change'
    $script:Expected = @{
        # README.md's Quick start, run from a folder holding ./out/PinterestAds (the built module) as the
        # repository root does after build.ps1 -Task Build.
        'README: Quick start' = @{
            Stage = 'out/PinterestAds'; Fresh = $true; Warning = $notFinalWarning; Journal = $true
            Output = 'PinterestAds.AnalyticsRow', 'PinterestAds.PinMetricDefinition', 'Selected.PinterestAds.Generated.AnalyticsRow*'
            Files = 'campaigns-30d.csv', 'campaigns-2y.csv', 'campaigns-180d.csv'
            Check = { param($Run)
                $metros = @($Run.Output | Where-Object { $_.PSObject.TypeNames -contains 'PinterestAds.AnalyticsRow' })
                $metros.Count | Should -BeLessOrEqual 10
                $metros.TargetingName | Should -Match '^U\.S\.: ' -Because 'the metros come with their names'
                ($Run.Output | Where-Object { $_.PSObject.TypeNames -like '*PinMetricDefinition' }).Name | Should -BeLike '*CLICKTHROUGH*'
                $Run.Output | Where-Object { $_.PSObject.TypeNames[0] -like 'Selected.*AnalyticsRow*' } | ForEach-Object { $_.KeywordText | Should -Not -BeNullOrEmpty }
                @($Run.Requests | Where-Object operationId -eq 'analytics/create_report').Count | Should -Be 6 -Because 'two years are four 186-day reports (Get-PinAnalytics Auto), 181 days one (Invoke-PinReport), the keywords one KEYWORD report'
                $twoYears = @(Import-Csv (Join-Path $Run.Folder 'campaigns-2y.csv'))
                ($twoYears.DATE | ForEach-Object { [datetime]$_ } | Measure-Object -Minimum).Minimum | Should -BeLessThan ([datetime]::UtcNow.Date.AddDays(-600)) -Because 'the rows reach two years back'
                (Import-Csv (Join-Path $Run.Folder 'campaigns-180d.csv'))[0].PSObject.Properties.Name | Should -Contain 'TOTAL_CONVERSIONS' }
        }
        'README: Nightly sync into CSV, SQLite or PostgreSQL' = @{
            Environment = $true; Output = 'PinterestAds.PinSyncSummary'; Files = 'pinterest.sqlite'
            Check = { param($Run)
                $Run.Output[0].Failed | Should -Be 0
                $Run.Output[0].RowsWritten | Should -BeGreaterThan 0 }
        }
        'Connect-PinAccount: Connect to the local emulator' = @{
            Environment = $true; Output = 'PinterestAds.PinSessionInfo'
            Check = { param($Run)
                $Run.Output[0].ApiBaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $Run.ApiBaseUri.AbsoluteUri.TrimEnd('/')
                $Run.Output[0].IsDefault | Should -BeTrue }
        }
        'Connect-PinAccount: A second session with a default ad account, beside the default one' = @{
            Output = 'PinterestAds.PinCampaign'
            Check = { param($Run) $Run.Output.AdAccountId | Sort-Object -Unique | Should -Be $Run.AccountId }
        }
        'Connect-PinAccount: A runbook or CI job reading PINTEREST_* environment variables' = @{
            Environment = $true; Output = @(); Files = 'campaigns.csv'
            Check = { param($Run) (Import-Csv (Join-Path $Run.Folder 'campaigns.csv')).AdAccountId | Sort-Object -Unique | Should -Be $Run.AccountId }
        }
        'Connect-PinAccount: Renew with a refresh token and store the rotated one for the next run' = @{
            Stage = 'refresh-token.txt', 'client-secret.txt'; Output = @(); Files = 'ad-accounts.csv', 'refresh-token.txt'
            Probe = 'Get-PinSession'
            Check = { param($Run)
                $Run.Probe[0].CanRefresh | Should -BeTrue
                $Run.Probe[0].TokenRefreshCount | Should -BeGreaterOrEqual 1
                Assert-RotatedRefreshToken $Run }
        }
        'Connect-PinAccount: Interactive consent with a loopback redirect URI' = @{
            Output = @(); Probe = 'Get-PinSession'
            Check = { param($Run)
                $Run.Probe[0].CanRefresh | Should -BeTrue -Because 'the code was exchanged for an access and a refresh token'
                $Run.Probe[0].ApiBaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $Run.ApiBaseUri.AbsoluteUri.TrimEnd('/')
                ($Run.Information -join "`n") | Should -Match 'Open this URL to grant PinterestAds access' }
        }
        'Connect-PinAccount: An app token with the client_credentials grant' = @{
            Stage = 'client-secret.txt'; Output = @(); Files = 'ad-accounts.csv'; Probe = 'Get-PinSession'
            Check = { param($Run)
                $Run.Probe[0].CanRefresh | Should -BeTrue -Because 'an app token is asked for again when it expires'
                $Run.Probe[0].TokenRefreshCount | Should -BeGreaterOrEqual 1 }
        }
        'Connect-PinAccount: Tighter budgets and timeouts for a shared app' = @{
            Output = @(); Probe = '(Get-PinSession).RateLimitBudgets'
            Check = { param($Run)
                ($Run.Probe | Where-Object Category -eq 'ads_analytics').PerMinute | Should -Be 100
                ($Run.Probe | Where-Object Category -eq 'ads_read').PerMinute | Should -Be 300 }
        }
        'Disconnect-PinAccount: Close the default session at the end of a script' = @{
            Output = @(); Files = 'ad-accounts.csv'
            Probe = 'try { $null = Get-PinSession -ErrorAction Stop; "still connected" } catch { $_.FullyQualifiedErrorId }'
            Check = { param($Run)
                $Run.Probe | Should -BeLike 'NotConnected,*'
                # "the verbose message names the session that was closed, without any secret"
                ($Run.Verbose -join "`n") | Should -Match ('Disconnected PinterestSession .*' + [regex]::Escape($Run.ApiBaseUri.Authority))
                ($Run.Verbose -join "`n") | Should -Not -Match 'emulator-access-token' }
        }
        'Disconnect-PinAccount: Close an extra session and keep the default one' = @{
            Output = 'PinterestAds.PinCampaign', 'PinterestAds.PinSessionInfo'
            Check = { param($Run) $Run.Output[-1].IsDefault | Should -BeTrue }
        }
        'Get-PinAd: Ads of the ad groups of one campaign' = @{
            Output = 'PinterestAds.PinAd'; Journal = $true
            Check = { param($Run) @($Run.Requests | Where-Object operationId -eq 'ads/list').Count | Should -Be 1 -Because 'the ads of the ad groups come in one listing' }
        }
        'Get-PinAd: Ads by review status, to CSV' = @{
            Output = @(); Files = 'ads.csv'; Journal = $true
            Check = { param($Run)
                (Import-Csv (Join-Path $Run.Folder 'ads.csv'))[0].PSObject.Properties.Name | Should -Contain 'ReviewStatus'
                @($Run.Requests | Where-Object operationId -eq 'ads/list').QueryString | Should -Match 'page_size=100' }
        }
        'Get-PinAd: Ads of some campaigns' = @{
            Output = 'PinterestAds.PinAd'
            Check = { param($Run) $Run.Output.Status | Sort-Object -Unique | Should -Be 'ACTIVE' }
        }
        'Get-PinAdAccount: List every ad account' = @{ Output = 'PinterestAds.PinAdAccount' }
        'Get-PinAdAccount: Own accounts only, to CSV' = @{
            Output = @(); Files = 'ad-accounts.csv'
            # Every account but the one shared by another business (its owner is someone else), however many the world has.
            Probe = 'Get-PinAdAccount | Select-Object Id, OwnerUsername'
            Check = { param($Run)
                $ids = @((Import-Csv (Join-Path $Run.Folder 'ad-accounts.csv')).Id)
                $owner = ($Run.Probe | Where-Object Id -eq $Run.AccountId).OwnerUsername
                $shared = @($Run.Probe | Where-Object OwnerUsername -ne $owner)
                $shared.Count | Should -BeGreaterThan 0
                $ids | Should -Be @($Run.Probe | Where-Object OwnerUsername -eq $owner).Id }
        }
        'Get-PinAdAccount: Get accounts by id' = @{
            Output = 'PinterestAds.PinAdAccount'; Journal = $true
            Check = { param($Run)
                $Run.Output.Count | Should -Be 2
                @($Run.Requests | Where-Object operationId -eq 'ad_accounts/get').Count | Should -Be 2 -Because 'each id is read with its own request' }
        }
        'Get-PinAdGroup: Ad groups of the active campaigns' = @{
            Output = 'PinterestAds.PinAdGroup'; Journal = $true
            Check = { param($Run) @($Run.Requests | Where-Object operationId -eq 'ad_groups/list').Count | Should -Be 1 -Because 'the ad groups of all the campaigns come in one listing' }
        }
        'Get-PinAdGroup: Every ad group of every account, with budgets' = @{
            Output = @(); Files = 'ad-groups.csv'
            Check = { param($Run) (Import-Csv (Join-Path $Run.Folder 'ad-groups.csv')).Status | Should -Contain 'ARCHIVED' }
        }
        'Get-PinAdGroup: Ad groups of one campaign by id' = @{
            Output = 'PinterestAds.PinAdGroup'
            Check = { param($Run)
                @($Run.Output.CampaignId | Sort-Object -Unique).Count | Should -Be 1
                $Run.Output.Id | Should -Be ($Run.Output.Id | Sort-Object { [long]$_ }) -Because 'ascending id order' }
        }
        'Get-PinAnalytics: Daily spend and clicks of every campaign over the last two weeks' = @{
            Output = 'PinterestAds.AnalyticsRow'; Warning = $notFinalWarning; Journal = $true
            Check = { param($Run) @($Run.Requests | Where-Object operationId -eq 'campaigns/analytics').Count | Should -Be 1 -Because 'all campaigns are reported in one call per 250' }
        }
        'Get-PinAnalytics: Account totals exported to CSV' = @{
            Output = @(); Files = 'account.csv'; Warning = $notFinalWarning
            Check = { param($Run)
                $header = (Import-Csv (Join-Path $Run.Folder 'account.csv'))[0].PSObject.Properties.Name
                $header | Should -Contain 'SPEND_IN_DOLLAR'
                $header | Should -Contain 'IMPRESSION_1'
                $header | Should -Contain 'CLICKTHROUGH_1' }
        }
        'Get-PinAnalytics: Ad groups by id, conversions at the time of conversion, failing on unsettled data' = @{
            Output = 'PinterestAds.AnalyticsRow'
        }
        'Get-PinAnalytics: Top keywords by spend over the last 30 days' = @{
            Output = 'Selected.PinterestAds.Generated.AnalyticsRow*'; Warning = $notFinalWarning; Journal = $true
            Check = { param($Run)
                $Run.Output.Count | Should -BeGreaterThan 0
                $Run.Output | ForEach-Object { $_.KeywordText | Should -Not -BeNullOrEmpty }
                @($Run.Requests | Where-Object operationId -eq 'analytics/create_report').Count | Should -Be 1 }
        }
        'Get-PinAnalytics: Daily numbers of a campaign''s pins' = @{
            Output = 'PinterestAds.AnalyticsRow'; Warning = $notFinalWarning; Journal = $true
            Check = { param($Run)
                $Run.Output | ForEach-Object { $_.Level | Should -Be 'PIN'; $_.PIN_ID | Should -Not -BeNullOrEmpty }
                @($Run.Requests | Where-Object operationId -eq 'ad_pins/analytics').Count | Should -Be 1 }
        }
        'Get-PinAnalytics: Two years of daily campaign numbers in one command' = @{
            Output = 'PinterestAds.AnalyticsRow', 'System.Management.Automation.VerboseRecord'; Journal = $true; TimeoutSec = 120; Warning = $notFinalWarning
            Check = { param($Run)
                @($Run.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })[0].Message | Should -Match 'Plan: \d+ async report'
                @($Run.Requests | Where-Object operationId -eq 'analytics/create_report').Count | Should -BeGreaterThan 3 -Because '730 days are five 186-day reports' }
        }
        'Get-PinAnalytics: Ids from a CSV file, by the names the module wrote' = @{
            Output = 'PinterestAds.AnalyticsRow'; Files = 'campaigns.csv', 'campaign-days.csv'; Warning = $notFinalWarning; Journal = $true
            Check = { param($Run)
                $campaigns = @(Import-Csv (Join-Path $Run.Folder 'campaigns.csv'))
                @($Run.Output.CAMPAIGN_ID | Sort-Object -Unique) | Should -Be @($campaigns.Id | Sort-Object -Unique) -Because 'the rows of the row file name the same campaigns'
                @(Import-Csv (Join-Path $Run.Folder 'campaign-days.csv')).Count | Should -BeGreaterThan $campaigns.Count -Because 'a row per campaign and day'
                @($Run.Requests | Where-Object operationId -eq 'campaigns/analytics').Count | Should -Be 2 -Because 'each file is one call: its ids batched, a row file''s repeated ids once' }
        }
        'Sync-PinAnalytics: Nightly campaign numbers into a SQLite file' = @{
            Output = 'Microsoft.PowerShell.Commands.Internal.Format.*'; Files = 'pinterest.sqlite'; Journal = $true
            Check = { param($Run)
                @($Run.Requests | Where-Object operationId -eq 'campaigns/analytics').Count | Should -BeGreaterThan 0
                @($Run.Requests | Where-Object operationId -eq 'metrics_ready_state/get').Count | Should -BeLessOrEqual 3 -Because 'only the last days can still change' }
        }
        'Sync-PinAnalytics: Accounts from Get-PinAdAccount into a folder of CSV files' = @{
            Output = 'System.Management.Automation.PSCustomObject', 'PinterestAds.PinSyncSummary'; Files = 'pinterest-csv/pin-sync-state.json'
            Check = { param($Run)
                @($Run.Output | Where-Object { $_.PSTypeNames -contains 'PinterestAds.PinSyncSummary' })[0].Failed | Should -Be 0
                @($Run.Output | Where-Object { $_.PSTypeNames -notcontains 'PinterestAds.PinSyncSummary' })[0].PSObject.Properties.Name | Should -Contain 'SPEND_IN_DOLLAR' }
        }
        'Sync-PinAnalytics: See tonight''s plan and its cost, sending nothing' = @{
            Output = 'PinterestAds.PinSyncSummary'; Journal = $true
            Check = { param($Run)
                $Run.Output[0].Accounts[0].Status | Should -Be 'Planned'
                $Run.Output[0].Requests | Should -BeGreaterThan 0
                @($Run.Requests | Where-Object operationId -like '*analytics*') | Should -BeNullOrEmpty
                Join-Path $Run.Folder 'pinterest.sqlite' | Should -Not -Exist }
        }
        'Get-PinAudienceDefinition: Audiences of the first ad account' = @{ Output = 'PinterestAds.PinAudienceDefinition' }
        'Get-PinAudienceDefinition: Only the Pinterest-wide scope' = @{
            Output = 'PinterestAds.PinAudienceDefinition'
            Check = { param($Run) $Run.Output.Scope | Sort-Object -Unique | Should -Be 'PINTEREST' }
        }
        'Get-PinAudienceInsight: Top interests of the engaged audience' = @{
            Output = 'Selected.PinterestAds.PinAudienceCategory'
            Check = { param($Run)
                $Run.Output.Count | Should -Be 5
                $Run.Output[0].Name | Should -Not -BeNullOrEmpty }
        }
        'Get-PinAudienceInsight: Export every audience as one table' = @{ Output = @(); Files = 'audiences.csv' }
        'Get-PinCampaign: List the campaigns of every ad account' = @{
            # Every readable account, however many the emulator's world has.
            Output = 'PinterestAds.PinCampaign'; Probe = '(Get-PinAdAccount).Id'
            Check = { param($Run)
                @($Run.Output.AdAccountId | Sort-Object -Unique) | Should -Be @($Run.Probe | Sort-Object -Unique)
                $Run.Output.Status | Should -Not -Contain 'ARCHIVED' -Because 'the API lists active and paused campaigns by default' }
        }
        'Get-PinCampaign: Archived campaigns of one account to CSV' = @{
            Output = @(); Files = 'archived-campaigns.csv'
            Check = { param($Run)
                $rows = @(Import-Csv (Join-Path $Run.Folder 'archived-campaigns.csv'))
                $rows.Status | Sort-Object -Unique | Should -Be 'ARCHIVED'
                $rows.AdAccountId | Sort-Object -Unique | Should -Be $Run.AccountId
                $rows.Id | Should -Be ($rows.Id | Sort-Object { [long]$_ } -Descending) -Because 'newest id first' }
        }
        'Get-PinCampaign: Get campaigns by id' = @{
            # Format-Table writes formatting records; the table must show both campaigns.
            Output = 'Microsoft.PowerShell.Commands.Internal.Format.*'
            Check = { param($Run)
                $table = $Run.Output | Out-String -Width 200
                @($Run.Output | Where-Object { $_.PSTypeNames[0] -like '*FormatEntryData' }).Count | Should -Be 2
                $table | Should -Match 'ObjectiveType' }
        }
        'Get-PinMetricDefinition: Find what a column means' = @{
            Output = 'PinterestAds.PinMetricDefinition'
            Check = { param($Run) ($Run.Output | Where-Object Name -eq 'CLICKTHROUGH_2').DisplayName | Should -Be 'Earned Pin clicks' }
        }
        'Get-PinMetricDefinition: Export the ads metrics of synchronous analytics' = @{ Output = @(); Files = 'metrics.csv' }
        'Get-PinMetricDefinition: Look a metric up by its display name' = @{
            Output = 'PinterestAds.PinMetricDefinition'
            Check = { param($Run) $Run.Output.Name | Should -Contain 'SPEND_IN_DOLLAR' }
        }
        'Get-PinMetricsReadyState: Check the last week' = @{
            Output = 'PinterestAds.PinMetricsReadyState'
            Check = { param($Run) $Run.Output.Count | Should -Be 8 }
        }
        'Get-PinMetricsReadyState: Report only on settled days' = @{ Output = 'System.DateTime' }
        'Get-PinKeyword: Every keyword of every ad group of the default account' = @{ Output = 'PinterestAds.PinKeyword' }
        'Get-PinKeyword: The positive keywords of the account, to CSV' = @{ Output = @(); Files = 'keywords.csv' }
        'Get-PinKeyword: The negative keywords of the account and of its campaigns' = @{ Output = 'PinterestAds.PinKeyword' }
        'Get-PinProductGroup: Product groups of every ad group of the default account' = @{ Output = 'PinterestAds.PinProductGroup' }
        'Get-PinProductGroup: Product groups with their catalog ids, to CSV' = @{ Output = @(); Files = 'product-groups.csv' }
        'Get-PinReport: Check a job' = @{ Output = 'PinterestAds.ReportJob' }
        'Get-PinReport: Resume by token' = @{
            Output = 'PinterestAds.ReportRow'
            Check = { param($Run) $Run.Output[0].PSObject.Properties.Name | Should -Contain 'SPEND_IN_DOLLAR' }
        }
        'Get-PinSession: Check the connection' = @{ Output = 'PinterestAds.PinSessionInfo' }
        'Get-PinSession: Watch the rate budget during a long job' = @{
            Output = 'PinterestAds.RateLimitBudgetInfo'
            Check = { param($Run)
                # Budgets refill continuously (1,000 read requests a minute), so a short job leaves them nearly full.
                ($Run.Output | Where-Object Category -eq 'ads_read').PerMinute | Should -Be 1000
                ($Run.Output | Where-Object Category -eq 'ads_analytics').PerMinute | Should -Be 300
                foreach ($budget in $Run.Output) { $budget.Available | Should -BeLessOrEqual $budget.PerMinute } }
        }
        'Get-PinSession: Fail a runbook early when the token cannot be renewed' = @{ Output = @() }
        'Set-PinSession: Switch the default ad account' = @{
            Output = 'PinterestAds.PinCampaign'
            Probe = '(Get-PinSession).DefaultAdAccountId'
            Check = { param($Run)
                $Run.Probe | Should -Not -Be $Run.AccountId -Because 'the default moved to another account'
                $Run.Output.AdAccountId | Sort-Object -Unique | Should -Be $Run.Probe }
        }
        'Set-PinSession: Pick the account by name from the listing' = @{
            Output = 'PinterestAds.PinterestSession'
            Check = { param($Run) $Run.Output[0].DefaultAdAccountId | Should -Not -Be $Run.AccountId }
        }
        'Get-PinTargetingAnalytics: Spend by metro area, with names' = @{
            Output = 'Selected.PinterestAds.Generated.AnalyticsRow*'
            Check = { param($Run)
                $Run.Output.Count | Should -Be 10
                $Run.Output.TargetingName | Should -Match '^U\.S\.: ' }
        }
        'Get-PinTargetingAnalytics: Gender and age breakdown of piped campaigns, per day' = @{
            Output = 'PinterestAds.AnalyticsRow'; Warning = $notFinalWarning; Journal = $true
            Check = { param($Run)
                $Run.Output.TargetingType | Sort-Object -Unique | Should -Be 'AGE_BUCKET', 'GENDER'
                @($Run.Requests | Where-Object operationId -eq 'campaign_targeting_analytics/get').Count | Should -Be 1 -Because 'the campaigns are reported in one call per 250' }
        }
        'Get-PinTargetingOption: Name a metro code' = @{
            Output = 'PinterestAds.PinTargetingOption'
            Check = { param($Run) $Run.Output[0].Name | Should -Match 'Portland' }
        }
        'Get-PinTargetingOption: List the regions of one country' = @{ Output = 'PinterestAds.PinTargetingOption' }
        'Get-PinTargetingOption: Find interests by name' = @{ Output = 'PinterestAds.PinTargetingOption' }
        'Get-PinTemplate: The weekly templates' = @{ Output = 'PinterestAds.PinTemplate' }
        'Get-PinTemplate: Run one template for last month' = @{ Output = 'PinterestAds.ReportRow' }
        'Invoke-PinReport: Spend per ad group and day' = @{ Output = @(); Files = 'ad-groups.csv' }
        'Invoke-PinReport: Which keywords spend the most, in the account''s currency' = @{
            Output = 'Selected.PinterestAds.Generated.ReportRow*'
            Check = { param($Run)
                $Run.Output.Count | Should -Be 5
                $Run.Output | ForEach-Object { $_.KeywordText | Should -Not -BeNullOrEmpty; $_.Currency | Should -Be 'USD'; $_.SPEND_IN_LOCAL_CURRENCY | Should -BeOfType [decimal] }
                $spend = @($Run.Output.SPEND_IN_LOCAL_CURRENCY)
                $spend | Should -Be @($spend | Sort-Object -Descending) }
        }
        'Invoke-PinReport: Half a year of campaign totals by week' = @{
            Output = 'Microsoft.PowerShell.Commands.GenericMeasureInfo'; Journal = $true
            Check = { param($Run)
                $Run.Output[0].Sum | Should -BeGreaterThan 0
                @($Run.Requests | Where-Object operationId -eq 'analytics/create_report').Count | Should -Be 2 -Because 'the 190-day range becomes two reports' }
        }
        'New-PinAsyncReport: Daily campaign spend for the last four weeks' = @{ Output = @(); Files = 'campaigns.csv' }
        'New-PinAsyncReport: Run the weekly templates' = @{
            Output = 'PinterestAds.ReportJob'
            Check = { param($Run) $Run.Output.Count | Should -Be 3 }
        }
        'New-PinAsyncReport: A year of ad group metrics by gender' = @{
            # -WhatIf: nothing is written and no report is requested.
            Output = @(); Journal = $true
            Check = { param($Run) @($Run.Requests | Where-Object { $_.method -eq 'POST' }) | Should -BeNullOrEmpty }
        }
        'New-PinBulkDownload: All campaigns and ad groups' = @{
            Output = 'PinterestAds.PinBulkEntity'
            Check = { param($Run) $Run.Output.EntityType | Sort-Object -Unique | Should -Be 'AD_GROUP', 'CAMPAIGN' }
        }
        'New-PinBulkDownload: What changed this week, as CSV' = @{ Output = 'System.IO.FileInfo'; Files = 'campaigns-bulk.csv' }
        'New-PinMmmReport: Weekly campaign spend by gender and app type' = @{
            Output = @(); Files = 'mmm-weekly.csv'
            Check = { param($Run) (Import-Csv (Join-Path $Run.Folder 'mmm-weekly.csv'))[0].PSObject.Properties.Name | Should -Contain 'SPEND_IN_DOLLAR' }
        }
        'New-PinMmmReport: Ad groups in two countries, resumed later by token' = @{
            Output = 'PinterestAds.ReportJob'
            Check = { param($Run) $Run.Output[-1].Status | Should -Be 'FINISHED' }
        }
        'Receive-PinReport: Stream rows into a CSV file' = @{
            Output = @(); Files = 'ad-groups.csv'
            Check = { param($Run) (Import-Csv (Join-Path $Run.Folder 'ad-groups.csv'))[0].PSObject.Properties.Name | Should -Contain 'CTR' }
        }
        'Receive-PinReport: Save the file itself' = @{ Output = 'System.IO.FileInfo'; Files = 'campaigns.json' }
        'Receive-PinReport: Spend in the account''s currency, for two accounts in one file' = @{
            Output = @(); Files = 'spend.csv'
            Check = { param($Run)
                $rows = @(Import-Csv (Join-Path $Run.Folder 'spend.csv'))
                @($rows[0].PSObject.Properties.Name)[0..4] | Should -Be 'ReportToken', 'TemplateId', 'AdAccountId', 'Currency', 'Level'
                @($rows.AdAccountId | Sort-Object -Unique).Count | Should -Be 2
                $rows | ForEach-Object { $_.Currency | Should -Not -BeNullOrEmpty; $_.SPEND_IN_LOCAL_CURRENCY | Should -Not -BeNullOrEmpty } }
        }
        'Wait-PinReport: Wait for three reports at once' = @{
            Output = 'PinterestAds.ReportJob'
            Check = { param($Run)
                $Run.Output.Count | Should -Be 3
                $Run.Output.Status | Sort-Object -Unique | Should -Be 'FINISHED' }
        }
        'Wait-PinReport: Give up after a minute' = @{
            Output = 'PinterestAds.ReportJob'; Probe = '$late.Count'
            Check = { param($Run) $Run.Probe | Should -Be 0 }
        }
        'about_PinterestAds: The local emulator' = @{
            # Starts a second emulator from ./out/emulator (staged), connects to it and stops it.
            Stage = 'out/emulator'; Output = @(); Files = 'ready.json'
            Probe = '$emulator.WaitForExit(5000)'
            Check = { param($Run) $Run.Probe | Should -BeTrue -Because 'the example stops the emulator it started' }
        }
        'about_PinterestAds: Top keywords by spend' = @{
            Output = 'Selected.PinterestAds.Generated.AnalyticsRow*'; Warning = $notFinalWarning
            Check = { param($Run) $Run.Output | ForEach-Object { $_.KeywordText | Should -Not -BeNullOrEmpty } }
        }
        'about_PinterestAds: CSV files and cultures' = @{
            Output = @(); Files = 'spend.csv'; Warning = $notFinalWarning
            Check = {
                param($Run)
                $lines = @(Import-Csv (Join-Path $Run.Folder 'spend.csv'))
                $lines.Count | Should -BeGreaterThan 0
                $lines[0].DATE | Should -Match '^\d{4}-\d\d-\d\d$'
                $lines | ForEach-Object { [decimal]::Parse($_.SPEND_IN_DOLLAR, [cultureinfo]::InvariantCulture) | Should -BeGreaterThan 10 }
            }
        }
        'about_PinterestAds: Campaigns of the first ad account to CSV' = @{ Environment = $true; Output = @(); Files = 'campaigns.csv' }
        'about_PinterestAds: A runbook or CI job' = @{
            Environment = $true; Output = @(); Files = 'campaigns.csv'; Probe = '(Get-PinAdAccount).Id'
            Check = { param($Run) @(Import-Csv (Join-Path $Run.Folder 'campaigns.csv') | Sort-Object AdAccountId -Unique).AdAccountId | Should -Be @($Run.Probe | Sort-Object -Unique) }
        }
        'about_PinterestAds: A scheduled job that keeps its rotating refresh token' = @{
            Stage = 'refresh-token.txt', 'client-secret.txt'; Output = @(); Files = 'campaigns.csv', 'refresh-token.txt'
            Check = { param($Run) Assert-RotatedRefreshToken $Run }
        }
        'about_PinterestAds: Several accounts in parallel with one session' = @{
            Output = @(); Files = 'campaigns.csv'; Probe = '(Get-PinAdAccount).Id'
            Check = { param($Run) @(Import-Csv (Join-Path $Run.Folder 'campaigns.csv') | Sort-Object AdAccountId -Unique).AdAccountId | Should -Be @($Run.Probe | Sort-Object -Unique) }
        }
    }

    # The emulator's client secret (Start-PinTestEmulator's default), which the examples' user knows.
    $script:clientSecret = 'emulator-client-secret'

    # Answers of the Read-Host stand-in, by prompt.
    $script:ReadHostAnswers = @{ 'Client secret' = $clientSecret }

    # Files an example reads, created in its working directory before it runs. Each script block
    # gets the full path and returns the plain value it stored (or $null).
    $script:Staging = @{
        # A refresh token the emulator issued through the consent stand-in and has not seen used,
        # stored the way the example stores it (ConvertFrom-SecureString).
        'refresh-token.txt' = { param($Path)
            $token = New-EmulatorRefreshToken
            ConvertTo-SecureString $token -AsPlainText -Force | ConvertFrom-SecureString | Set-Content -LiteralPath $Path
            $token }
        'client-secret.txt' = { param($Path)
            ConvertTo-SecureString $clientSecret -AsPlainText -Force | ConvertFrom-SecureString | Set-Content -LiteralPath $Path
            $null }
        # The README imports the built module from the repository root: out/PinterestAds/<version>/PinterestAds.psd1.
        'out/PinterestAds' = { param($Path) New-StagedLink $Path (Split-Path (Get-PinModulePath) -Parent) }
        # The about page starts the emulator from the repository root: out/emulator/PinterestAds.Emulator.dll.
        'out/emulator' = { param($Path) New-StagedLink $Path (Split-Path (Get-PinEmulatorDll) -Parent) }
    }

    # A link (a junction on Windows) at $Path to a built folder, as if the example ran in the repository root.
    function script:New-StagedLink([string] $Path, [string] $Target) {
        $null = New-Item -ItemType Directory -Path (Split-Path $Path -Parent) -Force
        $kind = if ($IsWindows) { 'Junction' } else { 'SymbolicLink' }
        $null = New-Item -ItemType $kind -Path $Path -Target $Target
        $null
    }

    $script:CredentialVariables = 'PINTEREST_ACCESS_TOKEN', 'PINTEREST_REFRESH_TOKEN', 'PINTEREST_CLIENT_ID', 'PINTEREST_CLIENT_SECRET',
    'PINTEREST_AD_ACCOUNT_ID', 'PINTEREST_API_BASE_URI'

    $script:manifest = Get-PinModuleManifestPath
    # Examples import the module by name (and ForEach-Object -Parallel runspaces load it): the build's out/ first.
    $script:savedModulePath = $env:PSModulePath
    $outFolder = Split-Path (Split-Path (Get-PinModulePath) -Parent) -Parent
    $env:PSModulePath = $outFolder + [IO.Path]::PathSeparator + $env:PSModulePath

    $script:emu = Start-PinTestEmulator -Option @{ Seed = 2; ReportPreparationMs = 200; BulkPreparationMs = 200 }
    $world = Get-PinTestEmulatorWorld $emu
    $script:accountId = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    # The README's quick start asks its user for the token and the ad account id.
    $ReadHostAnswers['Pinterest token'] = 'emulator-access-token'
    $ReadHostAnswers['Ad account id'] = $accountId

    function script:New-EmulatorRefreshToken {
        # What a person's first consent gives a scheduled job: the consent stand-in's code, exchanged.
        $redirect = 'http://127.0.0.1:8085/'
        $consent = '{0}/oauth/?client_id={1}&redirect_uri={2}&response_type=code' -f $emu.ApiBaseUri.GetLeftPart('Authority'), $emu.ClientId, [uri]::EscapeDataString($redirect)
        $client = [System.Net.Http.HttpClient]::new([System.Net.Http.HttpClientHandler]@{ AllowAutoRedirect = $false })
        try { $answer = $client.GetAsync($consent).GetAwaiter().GetResult() } finally { $client.Dispose() }
        $code = [regex]::Match([string]$answer.Headers.Location, '[?&]code=([^&]+)').Groups[1].Value
        if (-not $code) { throw "The emulator's consent stand-in gave no code (status $([int]$answer.StatusCode))." }
        $tokens = Invoke-EmulatorTokenEndpoint @{ grant_type = 'authorization_code'; code = [uri]::UnescapeDataString($code); redirect_uri = $redirect }
        $tokens.refresh_token
    }

    function script:Invoke-EmulatorTokenEndpoint([hashtable] $Form) {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($emu.ClientId):$clientSecret"))
        Invoke-RestMethod -Method Post -Uri "$($emu.ApiBaseUri.AbsoluteUri.TrimEnd('/'))/oauth/token" -Headers @{ Authorization = "Basic $basic" } -Body $Form -ErrorAction Stop
    }

    function script:Assert-RotatedRefreshToken($Run) {
        # The example wrote back the rotated refresh token: a new one, and the emulator still accepts it.
        $stored = Get-Content -LiteralPath (Join-Path $Run.Folder 'refresh-token.txt') | ConvertTo-SecureString
        $plain = [Net.NetworkCredential]::new('', $stored).Password
        $plain | Should -Not -Be $Run.Staged['refresh-token.txt'] -Because 'Pinterest rotates refresh tokens'
        (Invoke-EmulatorTokenEndpoint @{ grant_type = 'refresh_token'; refresh_token = $plain }).access_token | Should -Not -BeNullOrEmpty
    }

    # Runs in the example's runspace before it: working directory, stand-ins, default session.
    $script:setupScript = @'
param($Folder, $ApiBaseUri, $AccessToken, $AdAccountId, $Answers, [switch] $Fresh)
$ErrorActionPreference = 'Stop'
Push-Location -LiteralPath $Folder
$readHost = {
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromRemainingArguments)] [object] $Prompt, [switch] $AsSecureString, [switch] $MaskInput)
    $key = "$Prompt"
    if (-not $Answers.ContainsKey($key)) { throw "The Read-Host stand-in of HelpExamples.Tests.ps1 has no answer for the prompt '$key'." }
    if ($AsSecureString) { ConvertTo-SecureString $Answers[$key] -AsPlainText -Force } else { $Answers[$key] }
}.GetNewClosure()
Set-Item -Path function:global:Read-Host -Value $readHost
# A script block default is evaluated for its value: the outer block returns the -BrowserAction
# block, only for -Interactive calls (other parameter sets have no -BrowserAction).
$global:PSDefaultParameterValues['Connect-PinAccount:BrowserAction'] = {
    if ($args[0].BoundParameters -contains 'Interactive') {
        {
            param([string] $ConsentUrl)
            # The emulator's consent page approves at once and redirects to the loopback -RedirectUri.
            $null = Invoke-WebRequest -Uri $ConsentUrl -MaximumRedirection 5
        }
    }
}
$global:PSDefaultParameterValues['Connect-PinAccount:ApiBaseUri'] = {
    $bound = $args[0].BoundParameters
    if (($bound -contains 'AccessToken' -or $bound -contains 'RefreshToken' -or $bound -contains 'Interactive' -or $bound -contains 'ClientCredentials') -and $bound -notcontains 'Environment') { $ApiBaseUri }
}.GetNewClosure()
if (-not $Fresh) { Connect-PinAccount -ApiBaseUri $ApiBaseUri -AccessToken $AccessToken -AdAccountId $AdAccountId }
'@

    # Runs in the example's runspace after it: close what it opened, stop what it started.
    $script:cleanupScript = @'
foreach ($variable in @(Get-Variable -Scope Global)) {
    $value = $variable.Value
    if ($value -is [System.Diagnostics.Process]) { if (-not $value.HasExited) { $value.Kill($true) } }
    elseif ($null -ne $value -and $value.PSObject.TypeNames -contains 'PinterestAds.PinterestSession') { Disconnect-PinAccount -Session $value -ErrorAction SilentlyContinue }
}
Disconnect-PinAccount -ErrorAction SilentlyContinue
Pop-Location
'@

    function script:Invoke-HelpExample {
        <#
        Runs one example's code as described at the top of this file and returns what happened:
        Output, Errors, Terminating, TimedOut, Warnings, Information, Verbose, Probe, Requests,
        Folder (left for the caller to inspect and remove), Staged, Duration, AccountId, ApiBaseUri.
        #>
        param([Parameter(Mandatory)] [string] $Code, [hashtable] $Spec = @{})
        $timeout = if ($Spec.TimeoutSec) { [int]$Spec.TimeoutSec } else { 30 }
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('pinads-example-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
        $null = New-Item -ItemType Directory -Path $folder
        $run = [ordered]@{
            Output = @(); Errors = @(); Terminating = $null; TimedOut = $false; Warnings = @(); Information = @(); Verbose = @()
            Probe = @(); Requests = @(); Folder = $folder; Staged = @{}; Duration = [timespan]::Zero; TimeoutSec = $timeout
            AccountId = $accountId; ApiBaseUri = $emu.ApiBaseUri
        }
        try {
            foreach ($name in @($Spec.Stage | Where-Object { $_ })) {
                if (-not $Staging.ContainsKey($name)) { throw "No staging entry '$name' in HelpExamples.Tests.ps1." }
                $run.Staged[$name] = & $Staging[$name] (Join-Path $folder $name)
            }
        }
        catch {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
            throw
        }

        $savedEnvironment = @{}
        foreach ($name in $CredentialVariables) {
            $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
        if ($Spec.Environment) {
            $env:PINTEREST_API_BASE_URI = $emu.ApiBaseUri.AbsoluteUri
            $env:PINTEREST_ACCESS_TOKEN = 'emulator-access-token'
            $env:PINTEREST_AD_ACCOUNT_ID = $accountId
        }

        $state = [initialsessionstate]::CreateDefault2()
        if (-not $Spec.Fresh) { $state.ImportPSModule([string[]]@($manifest)) }
        $runspace = [runspacefactory]::CreateRunspace($state)
        $shell = $null
        $stopped = $false
        try {
            $runspace.Open()
            $shell = [powershell]::Create($runspace)
            $null = $shell.AddScript($setupScript, $true).AddParameters(@{
                    Folder = $folder; ApiBaseUri = $emu.ApiBaseUri; AccessToken = $emu.AccessToken; AdAccountId = $accountId; Answers = $ReadHostAnswers
                    Fresh = [bool]$Spec.Fresh
                })
            try { $null = $shell.Invoke() }
            catch { throw "The example's set-up failed: $($_.Exception.InnerException.Message ?? $_.Exception.Message)" }
            if ($shell.Streams.Error.Count) { throw "The example's set-up failed: $($shell.Streams.Error[0])" }
            $shell.Streams.ClearStreams()
            if ($Spec.Journal) { Clear-PinTestEmulatorRequest $emu }

            # The example itself, in the global scope like a line typed at the prompt.
            $shell.Commands.Clear()
            $null = $shell.AddScript($Code)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $pending = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            if ($pending.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($timeout))) {
                try { $null = $shell.EndInvoke($pending) }
                catch {
                    $inner = $_.Exception
                    while ($inner.InnerException) { $inner = $inner.InnerException }
                    $run.Terminating = $inner.Message
                }
            }
            else {
                $run.TimedOut = $true
                $stopping = $shell.BeginStop($null, $null)
                $stopped = $stopping.AsyncWaitHandle.WaitOne(5000)
            }
            $run.Duration = $clock.Elapsed
            $run.Output = @($output)
            $run.Errors = @($shell.Streams.Error)
            $run.Warnings = @($shell.Streams.Warning | ForEach-Object Message)
            $run.Information = @($shell.Streams.Information | ForEach-Object { "$($_.MessageData)" })
            $run.Verbose = @($shell.Streams.Verbose | ForEach-Object Message)
            if ($Spec.Journal) { $run.Requests = @(Get-PinTestEmulatorRequest $emu) }

            if ($Spec.Probe -and -not $run.TimedOut) {
                $shell.Streams.ClearStreams()
                $shell.Commands.Clear()
                $null = $shell.AddScript($Spec.Probe)
                $run.Probe = @($shell.Invoke())
                if ($shell.Streams.Error.Count) { $run.Errors += @($shell.Streams.Error | ForEach-Object { "(probe) $_" }) }
            }
        }
        finally {
            if ($shell) {
                # After a timeout the runspace is usable again only if the stop went through.
                if (-not $run.TimedOut -or $stopped) {
                    try {
                        $shell.Commands.Clear()
                        $null = $shell.AddScript($cleanupScript).Invoke()
                    }
                    catch { Write-Warning "Cleaning up after an example failed: $_" }
                }
                $shell.Dispose()
            }
            $runspace.Dispose()
            foreach ($name in $CredentialVariables) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
        }
        [pscustomobject]$run
    }

    function script:Get-HelpExampleProblem {
        <# Everything wrong with one run, given its table entry, as readable strings; nothing when it is right. #>
        param([Parameter(Mandatory)] $Run, [Parameter(Mandatory)] [hashtable] $Spec)
        if ($Run.TimedOut) { "did not finish within $($Run.TimeoutSec) s" }
        if ($Run.Terminating) { "threw: $($Run.Terminating)" }
        foreach ($record in $Run.Errors) {
            $id = if ($record -is [System.Management.Automation.ErrorRecord]) { $record.FullyQualifiedErrorId } else { 'error' }
            "wrote an error record ($id): $record"
        }
        foreach ($warning in $Run.Warnings) {
            if (-not $Spec.Warning -or $warning -notmatch $Spec.Warning) { "wrote an unexpected warning: $warning" }
        }

        if (-not $Spec.ContainsKey('Output')) { 'its table entry does not say what it writes (Output)' }
        else {
            $types = @($Spec.Output | Where-Object { $_ })
            foreach ($type in $types) {
                if (-not @($Run.Output | Where-Object { $null -ne $_ -and @($_.PSObject.TypeNames) -like $type })) { "wrote no $type" }
            }
            foreach ($object in $Run.Output) {
                $names = if ($null -eq $object) { @('$null') } else { @($object.PSObject.TypeNames) }
                if (-not @($names | Where-Object { $name = $_; @($types | Where-Object { $name -like $_ }) })) {
                    "wrote an object it does not claim to write: $($names[0])"
                    break
                }
            }
        }

        foreach ($file in @($Spec.Files | Where-Object { $_ })) {
            $path = Join-Path $Run.Folder $file
            if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { "did not write $file"; continue }
            switch -Regex ($file) {
                '\.csv$' { if (@(Import-Csv -LiteralPath $path).Count -eq 0) { "wrote $file without any row" } }
                '\.json$' { if (-not (Get-Content -Raw -LiteralPath $path | ConvertFrom-Json)) { "wrote $file without any content" } }
                default { if ((Get-Item -LiteralPath $path).Length -eq 0) { "wrote $file empty" } }
            }
        }
    }
}

AfterAll {
    if ($emu) { Stop-PinTestEmulator $emu }
    if ($null -ne $savedModulePath) { $env:PSModulePath = $savedModulePath }
}

Describe 'Help examples' {
    It '<Page>: <Title>' -ForEach $cases {
        $Expected.ContainsKey($Key) | Should -BeTrue -Because "every example needs an entry '$Key' in `$Expected saying what it produces"
        $spec = $Expected[$Key]
        $run = Invoke-HelpExample -Code $Code -Spec $spec
        try {
            $problems = @(Get-HelpExampleProblem -Run $run -Spec $spec)
            $problems -join "`n" | Should -BeNullOrEmpty -Because "the example must run cleanly and produce what it claims (it took $([int]$run.Duration.TotalMilliseconds) ms)"
            if ($spec.Check) { & $spec.Check $run }
        }
        finally { Remove-Item -LiteralPath $run.Folder -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'has an example for every entry of the table' -ForEach @(@{ Keys = @($cases | ForEach-Object { $_.Key }) }) {
        @($Expected.Keys | Where-Object { $_ -notin $Keys }) | Should -BeNullOrEmpty -Because 'a table entry without an example is stale'
    }
}

Describe 'The example runner' {
    # The checks above can fail: broken examples, run the same way, are reported.
    It 'reports <Name>' -ForEach @(
        @{ Name = 'a misspelt parameter'; Code = 'Get-PinCampaign -Statuss Active'; Spec = @{ Output = 'PinterestAds.PinCampaign' }; Problem = 'error record \(NamedParameterNotFound' }
        @{ Name = 'a non-terminating API error'; Code = 'Get-PinCampaign -AdAccountId 549755410999; Get-PinAdAccount'; Spec = @{ Output = 'PinterestAds.PinAdAccount' }; Problem = 'error record \(PermissionDenied' }
        @{ Name = 'a terminating error'; Code = '$ErrorActionPreference = "Stop"; Get-PinCampaign -AdAccountId 12x'; Spec = @{ Output = @() }; Problem = '^threw: ' }
        @{ Name = 'a thrown exception'; Code = 'throw "broken"'; Spec = @{ Output = @() }; Problem = '^threw: broken' }
        @{ Name = 'missing output'; Code = '$null = Get-PinCampaign'; Spec = @{ Output = 'PinterestAds.PinCampaign' }; Problem = '^wrote no PinterestAds.PinCampaign' }
        @{ Name = 'output it does not claim'; Code = 'Get-PinAdAccount'; Spec = @{ Output = @() }; Problem = 'does not claim to write: PinterestAds.PinAdAccount' }
        @{ Name = 'a file not written'; Code = 'Get-PinCampaign | Out-Null'; Spec = @{ Output = @(); Files = 'campaigns.csv' }; Problem = '^did not write campaigns.csv' }
        @{ Name = 'a CSV without rows'; Code = 'Get-PinCampaign | Where-Object Name -eq "no such campaign" | Export-Csv ./campaigns.csv'; Spec = @{ Output = @(); Files = 'campaigns.csv' }; Problem = 'campaigns.csv without any row' }
        @{ Name = 'an unexpected warning'; Code = 'Write-Warning "careful"'; Spec = @{ Output = @() }; Problem = 'unexpected warning: careful' }
        @{ Name = 'an example that runs too long'; Code = 'Start-Sleep -Seconds 20'; Spec = @{ Output = @(); TimeoutSec = 1 }; Problem = 'did not finish within 1 s' }
        @{ Name = 'an entry that does not say what the example writes'; Code = 'Get-PinSession'; Spec = @{}; Problem = 'does not say what it writes' }
    ) {
        $run = Invoke-HelpExample -Code $Code -Spec $Spec
        try { (Get-HelpExampleProblem -Run $run -Spec $Spec) -join "`n" | Should -Match $Problem }
        finally { Remove-Item -LiteralPath $run.Folder -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'reports a real example with a misspelt parameter' {
        $example = Get-PinHelpExample -Command Get-PinCampaign | Where-Object Title -like '*Archived campaigns*'
        $broken = $example.Code -replace '-Status Archived', '-Statuss Archived'
        $broken | Should -Not -Be $example.Code
        $spec = $Expected['Get-PinCampaign: Archived campaigns of one account to CSV']
        $run = Invoke-HelpExample -Code $broken -Spec $spec
        try {
            $problems = @(Get-HelpExampleProblem -Run $run -Spec $spec) -join "`n"
            $problems | Should -Match 'NamedParameterNotFound'
            $problems | Should -Match 'did not write archived-campaigns.csv|archived-campaigns.csv without any row'
        }
        finally { Remove-Item -LiteralPath $run.Folder -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
