<#
.SYNOPSIS
    End-to-end demo of the PinterestAds module: the read-only jobs a marketing analyst runs.
.DESCRIPTION
    Against the local emulator by default: starts out/emulator/PinterestAds.Emulator.dll on free
    ports (with the tests' launcher, tests/Pester/TestSupport.psm1), connects with the emulator's
    token, runs each step, and always stops the emulator.
    With PINTEREST_ACCESS_TOKEN set it runs the same read-only steps against the real API
    (Connect-PinAccount with no parameters reads the PINTEREST_* environment variables).

    Each step names the cmdlets it needs; a step whose cmdlets are missing fails (and so does the
    demo), like a step that throws. Files go to out/demo/.
    Run it through the build:  dotnet pwsh ./build.ps1 -Task Demo
.PARAMETER OutputFolder
    Where the CSV files are written. Default: out/demo under the repository root.
#>
[CmdletBinding()]
param(
    [string] $OutputFolder = (Join-Path $PSScriptRoot '../out/demo')
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$null = New-Item -ItemType Directory -Path $OutputFolder -Force
$OutputFolder = (Resolve-Path $OutputFolder).Path

# The tests' support module: the emulator launcher, and Invoke-PinTestSqliteQuery for the SQLite step. Any SQLite
# client reads that file (sqlite3, DB Browser, Python); the query here uses the module's own Microsoft.Data.Sqlite,
# reached through its private load context, so the demo needs nothing else installed.
Import-Module (Join-Path $repoRoot 'tests/Pester/TestSupport.psm1')

# The demo steps, in order. Each: a name, the cmdlets it needs, and the code (which returns a
# one-line summary). Add a step by appending to this list.
$steps = @(
    [pscustomobject]@{
        Name     = 'Campaigns of the first ad account to CSV'
        Requires = @('Get-PinAdAccount', 'Get-PinCampaign')
        Run      = {
            $path = Join-Path $OutputFolder 'campaigns.csv'
            Get-PinAdAccount | Select-Object -First 1 | Get-PinCampaign | Export-Csv $path -NoTypeInformation
            $rows = @(Import-Csv $path)
            "$($rows.Count) campaigns -> $path"
        }
    }
    [pscustomobject]@{
        Name     = '30-day daily campaign report (sync analytics) to CSV'
        Requires = @('Get-PinCampaign', 'Get-PinAnalytics')
        Run      = {
            $path = Join-Path $OutputFolder 'campaigns-30d-daily.csv'
            $end = [DateTime]::UtcNow.Date.AddDays(-1)
            Get-PinAdAccount | Select-Object -First 1 | Get-PinCampaign |
                Get-PinAnalytics -StartDate $end.AddDays(-29) -EndDate $end -Granularity Day `
                    -Column SPEND_IN_DOLLAR, TOTAL_IMPRESSION, TOTAL_CLICKTHROUGH, CTR, TOTAL_CONVERSIONS -WarningAction SilentlyContinue |
                Export-Csv $path -NoTypeInformation
            $rows = @(Import-Csv $path)
            $spend = ($rows | Measure-Object SPEND_IN_DOLLAR -Sum).Sum
            "$($rows.Count) rows, spend {0:N2} -> $path" -f $spend
        }
    }
    [pscustomobject]@{
        Name     = 'LOCATION breakdown with metro names'
        Requires = @('Get-PinTargetingAnalytics')
        Run      = {
            $path = Join-Path $OutputFolder 'location-breakdown.csv'
            $end = [DateTime]::UtcNow.Date.AddDays(-1)
            $rows = @(Get-PinAdAccount | Select-Object -First 1 |
                Get-PinTargetingAnalytics -TargetingType Location -StartDate $end.AddDays(-29) -EndDate $end `
                    -Column SPEND_IN_DOLLAR, TOTAL_IMPRESSION -WarningAction SilentlyContinue)
            $rows | Export-Csv $path -NoTypeInformation
            $top = $rows | Sort-Object SPEND_IN_DOLLAR -Descending | Select-Object -First 3
            "$($rows.Count) metros; top by spend: " + (($top | ForEach-Object { '{0} ({1:N2})' -f $_.TargetingName, $_.SPEND_IN_DOLLAR }) -join '; ')
        }
    }
    [pscustomobject]@{
        Name     = '180-day daily campaign report (async) to CSV'
        Requires = @('Get-PinAdAccount', 'Invoke-PinReport')
        Run      = {
            $path = Join-Path $OutputFolder 'campaigns-180-days.csv'
            $end = [datetime]::UtcNow.Date.AddDays(-2)
            $account = Get-PinAdAccount | Select-Object -First 1
            Invoke-PinReport -AdAccountId $account.Id -Level Campaign -Granularity Day -StartDate $end.AddDays(-179) -EndDate $end `
                -Column SPEND_IN_DOLLAR, IMPRESSION_1, CLICKTHROUGH_1, CTR | Export-Csv $path -NoTypeInformation
            $rows = @(Import-Csv $path)
            "$($rows.Count) rows over 180 days -> $path"
        }
    }
    [pscustomobject]@{
        Name     = 'Top keywords by spend (30 days, async KEYWORD report) to CSV'
        Requires = @('Get-PinAdAccount', 'Get-PinAdGroup', 'Get-PinKeyword', 'Get-PinAnalytics')
        Run      = {
            $path = Join-Path $OutputFolder 'top-keywords.csv'
            $end = [DateTime]::UtcNow.Date.AddDays(-1)
            # Pinterest reports keywords only asynchronously: Get-PinAnalytics creates the KEYWORD report,
            # waits and streams the rows of exactly these keywords, each with its text.
            $rows = @(Get-PinAdAccount | Select-Object -First 1 | Get-PinAdGroup | Get-PinKeyword -MatchType Broad, Phrase, Exact |
                Get-PinAnalytics -StartDate $end.AddDays(-29) -EndDate $end -Column SPEND_IN_DOLLAR, TOTAL_IMPRESSION, TOTAL_CLICKTHROUGH -WarningAction SilentlyContinue)
            $top = @($rows | Sort-Object SPEND_IN_DOLLAR -Descending | Select-Object -First 10)
            $top | Export-Csv $path -NoTypeInformation
            "$($rows.Count) keywords; top by spend: " + (($top | Select-Object -First 3 | ForEach-Object { '"{0}" ({1:N2})' -f $_.KeywordText, $_.SPEND_IN_DOLLAR }) -join '; ') + " -> $path"
        }
    }
    [pscustomobject]@{
        Name     = 'Nightly sync into SQLite (twice: no duplicates), then queried'
        Requires = @('Sync-PinAnalytics')
        Run      = {
            $path = Join-Path $OutputFolder 'pinterest.sqlite'
            Remove-Item "$path", "$path-wal", "$path-shm" -ErrorAction SilentlyContinue   # the demo shows a first run
            $sync = @{ Destination = $path; Level = 'Campaign'; Column = 'SPEND_IN_DOLLAR', 'TOTAL_IMPRESSION', 'TOTAL_CONVERSIONS'; StartDate = [datetime]::UtcNow.Date.AddDays(-30) }
            $first = Sync-PinAnalytics @sync
            $second = Sync-PinAnalytics @sync     # tomorrow night's run, today: restates, adds nothing
            $count = (Invoke-PinTestSqliteQuery $path 'SELECT count(*) AS n FROM pin_analytics').n
            $top = Invoke-PinTestSqliteQuery $path 'SELECT CAMPAIGN_ID, round(sum(SPEND_IN_DOLLAR), 2) AS spend FROM pin_analytics GROUP BY CAMPAIGN_ID ORDER BY spend DESC LIMIT 3'
            "{0} rows landed in {1} request(s); the second run replaced {2} and the table still holds {3}; top campaigns by spend: {4} -> {5}" -f `
                $first.RowsWritten, $first.Requests, $second.RowsReplaced, $count, (($top | ForEach-Object { '{0} ({1:N2})' -f $_.CAMPAIGN_ID, $_.spend }) -join '; '), $path
        }
    }
    [pscustomobject]@{
        Name     = 'Top interests of the engaged audience'
        Requires = @('Get-PinAdAccount', 'Get-PinAudienceInsight')
        Run      = {
            $top = Get-PinAdAccount | Select-Object -First 1 |
                Get-PinAudienceInsight -AudienceInsightType YourEngagedAudience |
                ForEach-Object Categories | Sort-Object Ratio -Descending | Select-Object -First 5
            ($top | ForEach-Object { '{0} ({1:P1}, index {2})' -f $_.Name, $_.Ratio, $_.Index }) -join '; '
        }
    }
)

$results = [System.Collections.Generic.List[object]]::new()
$emulator = $null
try {
    Import-Module PinterestAds
    $module = Get-Module PinterestAds
    Write-Host "PinterestAds $($module.Version) from $($module.ModuleBase)"

    if ($env:PINTEREST_ACCESS_TOKEN) {
        Write-Host 'Target: the real Pinterest API (PINTEREST_ACCESS_TOKEN is set); read-only steps only.'
        Connect-PinAccount
    }
    else {
        $emulator = Start-PinTestEmulator -TimeoutSeconds 60
        Write-Host "Target: the local emulator at $($emulator.ApiBaseUri)"
        Connect-PinAccount -ApiBaseUri $emulator.ApiBaseUri -AccessToken $emulator.AccessToken
    }

    foreach ($step in $steps) {
        $missing = @($step.Requires | Where-Object { -not (Get-Command $_ -Module PinterestAds -ErrorAction SilentlyContinue) })
        if ($missing) {
            $results.Add([pscustomobject]@{ Step = $step.Name; Result = 'FAILED'; Detail = "the module has no $($missing -join ', ')" })
            continue
        }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        try {
            $detail = & $step.Run
            $results.Add([pscustomobject]@{ Step = $step.Name; Result = 'ok'; Detail = "$detail ($([int]$watch.Elapsed.TotalMilliseconds) ms)" })
        }
        catch {
            $results.Add([pscustomobject]@{ Step = $step.Name; Result = 'FAILED'; Detail = $_.Exception.Message })
        }
    }
}
finally {
    if ($emulator) { Stop-PinTestEmulator $emulator }
}

Write-Host ''
Write-Host 'Demo summary'
foreach ($result in $results) {
    Write-Host ('  [{0,-7}] {1}: {2}' -f $result.Result, $result.Step, $result.Detail)
}
$failedSteps = @($results | Where-Object Result -eq 'FAILED').Count
if ($failedSteps -gt 0) { exit 1 }
