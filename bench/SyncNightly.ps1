<#
.SYNOPSIS
    Benchmark: Sync-PinAnalytics for a nightly job - the request count of a nightly run for many accounts
    against the minimum the limits allow, and rows per second landing into SQLite and PostgreSQL against
    Export-Csv -Append of the same rows, in the same run.

.DESCRIPTION
    Starts its own emulator (-Accounts ad accounts, -CampaignsPerAccount campaigns each, every day
    active) and, when PostgreSQL is installed, a throw-away server (tests/Pester/TestSupport.psm1).

      1. Backfill -Days days of every campaign into a new SQLite file (and PostgreSQL): rows landed per
         second of landing time (PinSyncSummary.LandingTime: deletes, inserts, state, commit).
      2. The nightly run the same day: -RestateDays days restated plus yesterday, every account. Its
         requests against the minimum: per account one campaign listing and one analytics call per
         window (up to 91 days) per 250 campaigns, plus one account listing (the metrics ready state of the last days
         comes on top, shared by all accounts).
      3. The same rows as Get-PinAnalytics writes them (collected first, untimed), landed with
         Export-Csv -Append into a new file: rows per second. SameRows says both sides landed as many rows.

    The defaults land 100,800 rows (20 accounts x 56 campaigns x 90 days), enough that what a run pays
    once (opening the file or connection, compiling the landing code on first use) does not decide the
    rate; with few rows those constants dominate both sides differently.

    Returns one object; LandingRatioSqlite and LandingRatioPostgres are module rows/s over Export-Csv's.

.EXAMPLE
    dotnet pwsh ./bench/SyncNightly.ps1 -Accounts 4 -CampaignsPerAccount 5 -Days 30   # a quick try, too small for the rates
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [int] $Accounts = 20,
    [int] $CampaignsPerAccount = 56,
    [int] $Days = 90,
    [int] $RestateDays = 30
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$repoRoot = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
Import-PinBenchModule $ModulePath
Import-Module (Join-Path $repoRoot 'tests/Pester/TestSupport.psm1') -Force
$columns = 'SPEND_IN_DOLLAR', 'TOTAL_IMPRESSION', 'TOTAL_CLICKTHROUGH', 'TOTAL_CONVERSIONS'
$work = Join-Path ([IO.Path]::GetTempPath()) ('pin-bench-sync-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
$null = New-Item -ItemType Directory -Path $work

$emulator = Start-PinTestEmulator -Option @{
    AdAccounts = $Accounts; CampaignsPerAccount = $CampaignsPerAccount; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1
    ProductGroupsPerAdGroup = 0; TemplatesPerAccount = 0; ActivityRate = 1.0
} -TimeoutSeconds 60
$postgres = $null
try {
    Connect-PinAccount -ApiBaseUri $emulator.ApiBaseUri -AccessToken $emulator.AccessToken
    $today = [datetime]::UtcNow.Date
    $sync = @{ Level = 'Campaign'; Column = $columns; StartDate = $today.AddDays(-$Days); RestateDays = $RestateDays }

    # 1. Backfill, landing rate.
    $sqlite = Join-Path $work 'bench.sqlite'
    $backfill = Sync-PinAnalytics -Destination $sqlite @sync
    $sqliteRate = $backfill.RowsWritten / [math]::Max($backfill.LandingTime.TotalSeconds, 1e-6)
    $postgresRate = $null
    $postgres = Start-PinTestPostgres
    if ($postgres.Available) {
        $pg = Sync-PinAnalytics -ConnectionString $postgres.ConnectionString @sync
        $postgresRate = $pg.RowsWritten / [math]::Max($pg.LandingTime.TotalSeconds, 1e-6)
    }
    else { Write-Host "  (PostgreSQL skipped: $($postgres.Reason))" }

    # 2. The nightly run.
    Clear-PinTestEmulatorRequest $emulator
    $nightly = Sync-PinAnalytics -Destination $sqlite @sync
    $journal = @(Get-PinTestEmulatorRequest $emulator | Where-Object { $_.Path -like '/v5/*' })
    $analyticsCalls = @($journal | Where-Object { $_.Path -like '*/analytics' }).Count
    $windowDays = $RestateDays
    $minimumAnalytics = $Accounts * [math]::Ceiling($windowDays / 91) * [math]::Ceiling($CampaignsPerAccount / 250)
    $minimum = $minimumAnalytics + $Accounts + 1

    # 3. The same rows through Export-Csv -Append (collected first; only the landing is timed).
    $rows = [System.Collections.Generic.List[object]]::new()
    foreach ($account in $backfill.Accounts) {
        Get-PinCampaign -AdAccountId $account.AdAccountId -Status Active, Paused, Archived |
            Get-PinAnalytics -StartDate $sync.StartDate -EndDate $today.AddDays(-1) -Granularity Day -Column $columns -WarningAction SilentlyContinue |
            ForEach-Object { $rows.Add($_) }
    }
    $csv = Join-Path $work 'append.csv'
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $rows | Export-Csv $csv -Append -NoTypeInformation
    $watch.Stop()
    $csvRate = $rows.Count / [math]::Max($watch.Elapsed.TotalSeconds, 1e-6)
    if ($rows.Count -ne $backfill.RowsWritten) { Write-Warning "Export-Csv landed $($rows.Count) rows, the sync $($backfill.RowsWritten): the rates do not compare the same rows." }

    $result = [pscustomobject]@{
        Accounts                 = $Accounts
        RowsLanded               = $backfill.RowsWritten
        CsvRows                  = $rows.Count
        SameRows                 = $rows.Count -eq $backfill.RowsWritten -and ($null -eq $postgresRate -or $pg.RowsWritten -eq $backfill.RowsWritten)
        SqliteRowsPerSecond      = [math]::Round($sqliteRate)
        PostgresRowsPerSecond    = if ($null -ne $postgresRate) { [math]::Round($postgresRate) } else { $null }
        ExportCsvRowsPerSecond   = [math]::Round($csvRate)
        LandingRatioSqlite       = [math]::Round($sqliteRate / $csvRate, 2)
        LandingRatioPostgres     = if ($null -ne $postgresRate) { [math]::Round($postgresRate / $csvRate, 2) } else { $null }
        NightlyRequests          = $journal.Count
        NightlyAnalyticsCalls    = $analyticsCalls
        NightlyMinimumRequests   = $minimum
        NightlyMinimumAnalytics  = $minimumAnalytics
        NightlySummaryRequests   = $nightly.Requests
        NightlySeconds           = [math]::Round($nightly.Duration.TotalSeconds, 2)
    }
    Write-Host ("Nightly run, {0} accounts, {1} days restated: {2} requests ({3} analytics), minimum {4} ({5} analytics); landing rows/s SQLite {6:N0}, PostgreSQL {7}, Export-Csv -Append {8:N0} (ratios {9} / {10})" -f `
            $Accounts, $RestateDays, $result.NightlyRequests, $analyticsCalls, $minimum, $minimumAnalytics, $sqliteRate,
            $(if ($null -ne $postgresRate) { '{0:N0}' -f $postgresRate } else { 'n/a' }), $csvRate, $result.LandingRatioSqlite, $result.LandingRatioPostgres)
    $result
}
finally {
    Stop-PinTestEmulator $emulator
    if ($postgres) { Stop-PinTestPostgres $postgres }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
