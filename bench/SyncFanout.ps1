<#
.SYNOPSIS
    Benchmark: 2,000 campaigns x 90 days at DAY granularity - Get-PinAnalytics against the loop a
    user writes today (one Invoke-RestMethod per campaign).

.DESCRIPTION
    Runs against the local emulator with 100 ms latency and its default rate budget. When no
    -ApiBaseUri is given, the script starts its own emulator (tests/Pester/TestSupport.psm1) with that
    world and latency, and stops it at the end.

    The module phase must use the minimum number of analytics requests, ceil(campaigns / 250) per
    90-day window (8 here); readiness lookups for the last days are counted separately.

    The per-campaign loop is timed on a sample (-LoopSample campaigns, sequential, as a user's
    foreach would run) and extrapolated linearly to all campaigns. That extrapolation is a lower
    bound: the full loop would also exceed the 300 requests/minute analytics budget after 300
    campaigns and have to wait for it. -FullLoop runs the whole loop instead (it then waits out
    429s the way a careful user script would; expect minutes).

    Returns one object with both timings, request counts and the ratio; prints a summary line.

.EXAMPLE
    dotnet pwsh ./bench/SyncFanout.ps1 -ModulePath ./out/PinterestAds/0.1.0/PinterestAds.psd1
#>
[CmdletBinding()]
param(
    # The module manifest (or folder) to benchmark.
    [string] $ModulePath,
    # An emulator already running with the benchmark world; when absent the script starts one.
    [uri] $ApiBaseUri,
    [uri] $AdminUri,
    [string] $AccessToken = 'emulator-access-token',
    [int] $CampaignCount = 2000,
    [int] $Days = 90,
    [int] $LatencyMs = 100,
    [int] $LoopSample = 100,
    [switch] $FullLoop,
    [int] $ThrottleLimit = 4
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

function Get-RequestCount([string] $Like) {
    @(Invoke-RestMethod "$admin/requests" | ForEach-Object { $_ } | Where-Object { $_.Path -like $Like }).Count
}

try {
    $world = Invoke-RestMethod "$admin/world"
    $account = $world.adAccounts | Where-Object { $_.access -ne 'DENIED' -and @($_.campaigns).Count -ge $CampaignCount } | Select-Object -First 1
    if (-not $account) { throw "The emulator has no ad account with $CampaignCount campaigns; start it with CampaignsPerAccount = $CampaignCount." }
    $campaignIds = @($account.campaigns.id)[0..($CampaignCount - 1)]
    $today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $start = $today.AddDays(-($Days - 1))
    $secureToken = ConvertTo-SecureString $AccessToken -AsPlainText -Force
    Connect-PinAccount -ApiBaseUri $ApiBaseUri -AccessToken $secureToken -AdAccountId $account.id

    # ---- the module ----
    Invoke-RestMethod -Method Delete "$admin/requests" | Out-Null
    $moduleTime = [Diagnostics.Stopwatch]::StartNew()
    $moduleRows = @(Get-PinAnalytics -Level Campaign -Id $campaignIds -StartDate $start -EndDate $today -Column $columns -Granularity Day -ThrottleLimit $ThrottleLimit -WarningAction SilentlyContinue).Count
    $moduleTime.Stop()
    $moduleAnalyticsRequests = Get-RequestCount '*/campaigns/analytics'
    $moduleOtherRequests = Get-RequestCount '/v5/*' 
    $moduleOtherRequests -= $moduleAnalyticsRequests
    $windows = [math]::Ceiling($Days / 91)   # one sync call covers end_date <= start_date + 90: 91 days
    $minimum = [math]::Ceiling($CampaignCount / 250) * $windows

    # ---- the loop a user writes today ----
    Invoke-RestMethod -Method Delete "$admin/requests" | Out-Null
    $headers = @{ Authorization = "Bearer $AccessToken" }
    $base = $ApiBaseUri.AbsoluteUri.TrimEnd('/')
    $loopIds = if ($FullLoop) { $campaignIds } else { $campaignIds[0..([math]::Min($LoopSample, $CampaignCount) - 1)] }
    $loopRows = 0
    $loopTime = [Diagnostics.Stopwatch]::StartNew()
    foreach ($id in $loopIds) {
        $uri = "$base/ad_accounts/$($account.id)/campaigns/analytics?start_date=$($start.ToString('yyyy-MM-dd'))&end_date=$($today.ToString('yyyy-MM-dd'))&campaign_ids=$id&columns=$($columns -join ',')&granularity=DAY"
        while ($true) {
            try { $loopRows += @(Invoke-RestMethod -Uri $uri -Headers $headers).Count; break }
            catch {
                if ($_.Exception.Response.StatusCode.value__ -ne 429) { throw }
                $reset = 1; $values = $null
                if ($_.Exception.Response.Headers.TryGetValues('X-RateLimit-Reset', [ref]$values)) { $reset = [double]@($values)[0] }
                Start-Sleep -Milliseconds ([int](1000 * [math]::Max($reset, 0.2)))
            }
        }
    }
    $loopTime.Stop()
    $loopRequests = Get-RequestCount '*/campaigns/analytics'
    $loopSeconds = $loopTime.Elapsed.TotalSeconds
    $loopEstimate = if ($FullLoop) { $loopSeconds } else { $loopSeconds / $loopIds.Count * $CampaignCount }

    $result = [pscustomobject]@{
        Scenario                 = "$CampaignCount campaigns x $Days days, DAY, $LatencyMs ms latency"
        ModuleSeconds            = [math]::Round($moduleTime.Elapsed.TotalSeconds, 2)
        ModuleRows               = $moduleRows
        ModuleAnalyticsRequests  = $moduleAnalyticsRequests
        MinimumAnalyticsRequests = $minimum
        ModuleOtherRequests      = $moduleOtherRequests
        LoopCampaignsTimed       = $loopIds.Count
        LoopSecondsMeasured      = [math]::Round($loopSeconds, 2)
        LoopSecondsForAll        = [math]::Round($loopEstimate, 2)
        LoopIsExtrapolated       = -not $FullLoop
        LoopRequests             = $loopRequests
        Ratio                    = [math]::Round($loopEstimate / $moduleTime.Elapsed.TotalSeconds, 1)
    }
    Write-Host ("SyncFanout: module {0:N2} s ({1} analytics requests, minimum {2}) vs per-campaign loop {3:N2} s{4} -> {5}x faster" -f
        $result.ModuleSeconds, $moduleAnalyticsRequests, $minimum, $loopEstimate, $(if ($FullLoop) { '' } else { " (extrapolated from $($loopIds.Count))" }), $result.Ratio)
    $result
}
finally {
    if (Get-Command Disconnect-PinAccount -ErrorAction SilentlyContinue) { Disconnect-PinAccount -ErrorAction SilentlyContinue }
    if ($ownEmulator) { Stop-PinTestEmulator $ownEmulator }
}
