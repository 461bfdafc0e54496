<#
.SYNOPSIS
    Benchmark: a two-year DAY campaign query for 2,000 campaigns at 100 ms latency through
    Get-PinAnalytics -Mode Auto (async reports beyond the 90 synchronous days), against the
    per-90-day synchronous loop a user would otherwise write.

.DESCRIPTION
    Starts its own emulator (tests/Pester/TestSupport.psm1) with that world and latency unless -ApiBaseUri
    is given. The module phase must send the minimum number of report creations the limits allow:
    ceil(days / 186) date parts x ceil(campaigns / 500) id chunks; status polls, downloads and other
    requests are counted separately.

    The alternative is a loop over 90-day windows, each a synchronous Get-PinAnalytics -Mode Sync of all
    campaigns (ceil(campaigns / 250) calls a window). The synchronous endpoints only reach 90 days back,
    so the loop cannot actually fetch two years: one window inside the lookback is timed and multiplied
    by the number of windows - the least such a loop would take if it could.

.EXAMPLE
    dotnet pwsh ./bench/LongRange.ps1 -CampaignCount 200
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [uri] $ApiBaseUri,
    [uri] $AdminUri,
    [string] $AccessToken = 'emulator-access-token',
    [int] $CampaignCount = 2000,
    [int] $Days = 730,
    [int] $LatencyMs = 100
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
Import-PinBenchModule $ModulePath
$columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1'

$target = Connect-PinBenchEmulator -ApiBaseUri $ApiBaseUri -AdminUri $AdminUri -CampaignCount $CampaignCount -LatencyMs $LatencyMs
$ownEmulator = $target.Emulator
$ApiBaseUri = $target.ApiBaseUri
$admin = $target.AdminUri

function Get-Journal { @(Invoke-RestMethod "$admin/requests" | ForEach-Object { $_ }) }

try {
    $world = Invoke-RestMethod "$admin/world"
    $account = $world.adAccounts | Where-Object { $_.access -ne 'DENIED' -and @($_.campaigns).Count -ge $CampaignCount } | Select-Object -First 1
    if (-not $account) { throw "The emulator has no ad account with $CampaignCount campaigns; start it with CampaignsPerAccount = $CampaignCount." }
    $campaignIds = @($account.campaigns.id)[0..($CampaignCount - 1)]
    $today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $end = $today.AddDays(-2)              # settled data: no readiness lookups in either phase
    $start = $end.AddDays(-($Days - 1))
    Connect-PinAccount -ApiBaseUri $ApiBaseUri -AccessToken (ConvertTo-SecureString $AccessToken -AsPlainText -Force) -AdAccountId $account.id

    # ---- the module: one command, Auto ----
    Invoke-RestMethod -Method Delete "$admin/requests" | Out-Null
    $moduleTime = [Diagnostics.Stopwatch]::StartNew()
    $moduleRows = @(Get-PinAnalytics -Level Campaign -Id $campaignIds -StartDate $start -EndDate $end -Column $columns -Granularity Day -WarningAction SilentlyContinue).Count
    $moduleTime.Stop()
    $journal = Get-Journal
    $creations = @($journal | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/reports' }).Count
    $polls = @($journal | Where-Object { $_.Method -eq 'GET' -and $_.Path -like '*/reports' }).Count
    $downloads = @($journal | Where-Object { $_.Host -eq 'store' }).Count
    $other = @($journal | Where-Object { $_.Host -ne 'store' }).Count - $creations - $polls
    $minimum = [math]::Ceiling($Days / 186) * [math]::Ceiling($CampaignCount / 500)

    # ---- the alternative: a loop of 90-day synchronous windows (one timed, multiplied) ----
    $windows = [math]::Ceiling($Days / 90)
    Invoke-RestMethod -Method Delete "$admin/requests" | Out-Null
    $windowTime = [Diagnostics.Stopwatch]::StartNew()
    $windowRows = @(Get-PinAnalytics -Level Campaign -Id $campaignIds -StartDate $today.AddDays(-90) -EndDate $today.AddDays(-1) -Column $columns -Granularity Day -Mode Sync -WarningAction SilentlyContinue).Count
    $windowTime.Stop()
    $windowRequests = @(Get-Journal | Where-Object { $_.Path -like '*/campaigns/analytics' }).Count
    $loopSeconds = $windowTime.Elapsed.TotalSeconds * $windows

    $result = [pscustomobject]@{
        Scenario                   = "$CampaignCount campaigns x $Days days, DAY, $LatencyMs ms latency, Get-PinAnalytics Auto"
        ModuleSeconds              = [math]::Round($moduleTime.Elapsed.TotalSeconds, 2)
        ModuleRows                 = $moduleRows
        ReportCreations            = $creations
        MinimumReportCreations     = $minimum
        StatusPolls                = $polls
        Downloads                  = $downloads
        OtherRequests              = $other
        SyncWindowSeconds          = [math]::Round($windowTime.Elapsed.TotalSeconds, 2)
        SyncWindowRequests         = $windowRequests
        SyncWindowRows             = $windowRows
        LoopWindows                = $windows
        LoopSecondsEstimated       = [math]::Round($loopSeconds, 2)
        Ratio                      = [math]::Round($loopSeconds / $moduleTime.Elapsed.TotalSeconds, 2)
    }
    Write-Host ("LongRange: module {0:N2} s ({1} report creations, minimum {2}; {3} polls, {4} downloads) vs a {5}-window sync loop {6:N2} s -> ratio {7}" -f
        $result.ModuleSeconds, $creations, $minimum, $polls, $downloads, $windows, $loopSeconds, $result.Ratio)
    $result
}
finally {
    if (Get-Command Disconnect-PinAccount -ErrorAction SilentlyContinue) { Disconnect-PinAccount -ErrorAction SilentlyContinue }
    if ($ownEmulator) { Stop-PinTestEmulator $ownEmulator }
}
