<#
.SYNOPSIS
    The benchmark runner behind `build.ps1 -Task Bench`: runs every scenario several times, each run in
    a fresh pwsh, and prints ONE table of medians (each a ratio to the alternative measured in the same
    run) with peak working sets; the table and every raw run are written as JSON under bench/results/.

.DESCRIPTION
    Scenarios (each script starts its own emulator and returns one result object):
      ImportTime       Import-Module PinterestAds over a bare pwsh start.
      SyncFanout       2,000 campaigns x 90 days: Get-PinAnalytics vs a per-campaign Invoke-RestMethod loop.
      LongRange        2,000 campaigns x 730 days, DAY: Get-PinAnalytics -Mode Auto (async reports) vs a loop of
                       90-day synchronous windows; report creations next to the minimum the limits allow.
      SyncNightly      Sync-PinAnalytics: a nightly run for 20 accounts (30 days restated) vs the minimum
                       requests; rows/s landing into SQLite and PostgreSQL vs Export-Csv -Append.
      ReportStreaming  a 1,000,000-row report: Receive-PinReport vs Import-Csv / ConvertFrom-Json,
                       | Export-Csv vs Import-Csv | Export-Csv, and Wait-PinReport polls and latency.
    Runs are alternated per scenario; the runner keeps to -BudgetMinutes by cutting the number of runs of
    a scenario when its first run shows that the planned runs would not fit (the table says how many ran).
#>
[CmdletBinding()]
param(
    # Only the scenarios whose name matches (e.g. 'SyncFanout').
    [string] $Name = '*',
    [ValidateRange(1, 9)] [int] $Runs = 3,
    [int] $Rows = 1000000,
    [double] $BudgetMinutes = 9.5,
    [string] $ResultsFolder = (Join-Path $PSScriptRoot 'results')
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$modulePath = if ($env:PINTEREST_MODULE_PATH) { $env:PINTEREST_MODULE_PATH } else {
    Get-ChildItem (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/PinterestAds') -Directory |
        Sort-Object { [version]$_.Name } -Descending | Select-Object -First 1 -ExpandProperty FullName
}
# Scenarios import by path: the manifest, since a version folder is not importable by its name.
if (Test-Path $modulePath -PathType Container) { $modulePath = Join-Path $modulePath 'PinterestAds.psd1' }
$clock = [Diagnostics.Stopwatch]::StartNew()

# Scenario order: cheapest first. Arguments per run; the runner does the repetition, so scenarios run once inside -
# except ReportStreaming, whose contenders each run twice and count their better run: the first run of a pipeline at
# full size also pays for the JIT's second tier and the heap's growth, and Export-Csv's code, warmed by whichever
# contender goes first, then serves the other one warm (one run each read Receive | Export-Csv about 10% low).
$plan = @(
    @{ Name = 'ImportTime'; Arguments = @{ Samples = 3 } }
    @{ Name = 'SyncFanout'; Arguments = @{} }
    @{ Name = 'LongRange'; Arguments = @{} }
    @{ Name = 'SyncNightly'; Arguments = @{} }
    @{ Name = 'ReportStreaming'; Arguments = @{ Rows = $Rows; Repeat = 2 } }
) | Where-Object { $_.Name -like $Name -and (Test-Path (Join-Path $PSScriptRoot "$($_.Name).ps1")) }

Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
$pwsh = Get-PinChildPwshCommand   # the shared launcher: pwsh as a .NET tool runs as 'dotnet pwsh.dll'
$processPath = $pwsh.FilePath
$prefix = @($pwsh.Prefix)

function Invoke-ScenarioRun([string] $Scenario, [hashtable] $Arguments) {
    # A fresh pwsh per run: the peak working set is that run's own, and no run warms the next.
    $wrapper = Join-Path ([IO.Path]::GetTempPath()) ("pin-bench-run-" + [guid]::NewGuid().ToString('N') + '.ps1')
    $argumentJson = ConvertTo-Json $Arguments -Compress
    Set-Content -Path $wrapper -Encoding utf8 -Value @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$arguments = @{}
(ConvertFrom-Json '$($argumentJson -replace "'", "''")').PSObject.Properties | ForEach-Object { `$arguments[`$_.Name] = `$_.Value }
`$result = & '$((Join-Path $PSScriptRoot "$Scenario.ps1") -replace "'", "''")' -ModulePath '$($modulePath -replace "'", "''")' @arguments
`$result = @(`$result)[-1]
`$flat = [ordered]@{}
foreach (`$p in `$result.PSObject.Properties) { if (`$p.Value -is [string] -or `$p.Value -is [ValueType]) { `$flat[`$p.Name] = `$p.Value } }
`$flat['ProcessPeakWorkingSetMB'] = [math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
[Console]::Out.WriteLine('##BENCH## ' + (ConvertTo-Json `$flat -Compress))
"@
    try {
        $line = $null
        & $processPath @prefix -NoProfile -NonInteractive -File $wrapper 2>&1 | ForEach-Object {
            $text = "$_"
            if ($text.StartsWith('##BENCH## ')) { $line = $text.Substring(10) } else { Write-Host "    $text" }
        }
        if ($LASTEXITCODE -ne 0 -or -not $line) { throw "$Scenario failed (exit code $LASTEXITCODE)." }
        $line | ConvertFrom-Json
    }
    finally { Remove-Item $wrapper -ErrorAction SilentlyContinue }
}

function Get-Median([object[]] $Values) {
    $numbers = @($Values | Where-Object { $null -ne $_ } | ForEach-Object { [double]$_ } | Sort-Object)
    if ($numbers.Count -eq 0) { return $null }
    $middle = [math]::Floor($numbers.Count / 2)
    if ($numbers.Count % 2) { $numbers[$middle] } else { ($numbers[$middle - 1] + $numbers[$middle]) / 2 }
}

# ---- run ----
$raw = [ordered]@{}
foreach ($scenario in $plan) {
    # Not $runs: PowerShell names are case-insensitive, and $Runs is the [int] parameter.
    $scenarioRuns = [System.Collections.Generic.List[object]]::new()
    $planned = $Runs
    for ($i = 1; $i -le $planned; $i++) {
        Write-Host ("== {0} run {1}/{2} ({3:N0} s elapsed)" -f $scenario.Name, $i, $planned, $clock.Elapsed.TotalSeconds)
        $started = $clock.Elapsed
        $scenarioRuns.Add((Invoke-ScenarioRun $scenario.Name $scenario.Arguments))
        if ($i -eq 1) {
            # Keep the whole bench inside the budget: leave room for the scenarios still to come.
            $runSeconds = ($clock.Elapsed - $started).TotalSeconds
            $left = $BudgetMinutes * 60 - $clock.Elapsed.TotalSeconds
            $reserve = switch ($scenario.Name) { 'ImportTime' { 240 } 'SyncFanout' { 180 } default { 0 } }
            $fits = [math]::Floor(($left - $reserve) / [math]::Max($runSeconds, 1))
            if ($fits -lt $planned - 1) {
                $planned = [math]::Max(1, 1 + [int]$fits)
                Write-Host "   ($($scenario.Name): $([math]::Round($runSeconds)) s per run; $planned run(s) fit the $BudgetMinutes-minute budget)"
            }
        }
    }
    $raw[$scenario.Name] = $scenarioRuns.ToArray()
}

# ---- one table ----
function Get-RunValue([string] $Scenario, [string] $Property) {
    if (-not $raw.Contains($Scenario)) { return @() }
    @($raw[$Scenario] | ForEach-Object { if ($_.PSObject.Properties[$Property]) { $_.$Property } })
}
function New-Row([string] $Scenario, [string] $Comparison, [string] $RatioProperty, [string] $PeakProperty, [string] $Notes) {
    if (-not $raw.Contains($Scenario)) { return }
    $ratio = Get-Median (Get-RunValue $Scenario $RatioProperty)
    [pscustomobject]@{
        Benchmark        = $Comparison
        Ratio            = if ($null -ne $ratio) { [math]::Round($ratio, 2) } else { $null }
        Runs             = @($raw[$Scenario]).Count
        PeakWorkingSetMB = Get-Median (Get-RunValue $Scenario $PeakProperty)
        Notes            = $Notes
    }
}
function Get-MedianText([string] $Scenario, [string] $Property, [string] $Format = '{0:N0}') {
    $value = Get-Median (Get-RunValue $Scenario $Property)
    if ($null -eq $value) { '?' } else { $Format -f $value }
}

$table = @(
    New-Row 'ReportStreaming' 'CSV: Receive-PinReport vs Import-Csv (rows/s)' 'CsvReceiveVsImportCsv' 'PeakWorkingSetMB' `
        ("{0} rows x {1} columns; peak = a pwsh that only receives" -f (Get-MedianText 'ReportStreaming' 'Rows'), (Get-MedianText 'ReportStreaming' 'Columns'))
    New-Row 'ReportStreaming' 'CSV: Receive-PinReport | Export-Csv vs Import-Csv | Export-Csv' 'CsvReceiveExportVsImportExport' 'ProcessPeakWorkingSetMB' 'peak = the whole bench process'
    New-Row 'ReportStreaming' 'CSV limit: Import-Csv vs time to first row + floor (ready rows piped on)' 'CsvLimitVsImportCsv' 'ProcessPeakWorkingSetMB' `
        ("the best the receive ratio can be; floor {0} s, first row after {1} s" -f (Get-MedianText 'ReportStreaming' 'CsvFloorSeconds' '{0:N2}'), (Get-MedianText 'ReportStreaming' 'CsvToFirstRowSeconds' '{0:N2}'))
    New-Row 'ReportStreaming' 'CSV export reference: Import-Csv | Export-Csv vs first row + floor | Export-Csv' 'CsvExportLimitVsImportExport' 'ProcessPeakWorkingSetMB' 'ready-made rows; received ones can pass it (the parsing worker makes their decimal text)'
    New-Row 'ReportStreaming' 'JSON: Receive-PinReport vs ConvertFrom-Json (rows/s)' 'JsonReceiveVsConvertFromJson' 'ProcessPeakWorkingSetMB' 'ConvertFrom-Json measured on a smaller report of the same shape'
    New-Row 'SyncFanout' 'Sync fan-out 2,000 campaigns x 90 days: Get-PinAnalytics vs Invoke-RestMethod loop' 'Ratio' 'ProcessPeakWorkingSetMB' `
        ("module {0} s, {1} analytics requests (minimum {2}) + {3} other; loop {4} s for 2,000 requests (extrapolated from {5})" -f
            (Get-MedianText 'SyncFanout' 'ModuleSeconds' '{0:N1}'), (Get-MedianText 'SyncFanout' 'ModuleAnalyticsRequests'), (Get-MedianText 'SyncFanout' 'MinimumAnalyticsRequests'),
            (Get-MedianText 'SyncFanout' 'ModuleOtherRequests'), (Get-MedianText 'SyncFanout' 'LoopSecondsForAll' '{0:N1}'), (Get-MedianText 'SyncFanout' 'LoopCampaignsTimed'))
    New-Row 'LongRange' 'Two years x 2,000 campaigns, DAY: Get-PinAnalytics Auto vs a per-90-day sync loop' 'Ratio' 'ProcessPeakWorkingSetMB' `
        ("module {0} s, {1} report creations (minimum {2}), {3} polls, {4} downloads; loop {5} s ({6} windows, one timed)" -f
            (Get-MedianText 'LongRange' 'ModuleSeconds' '{0:N1}'), (Get-MedianText 'LongRange' 'ReportCreations'), (Get-MedianText 'LongRange' 'MinimumReportCreations'),
            (Get-MedianText 'LongRange' 'StatusPolls'), (Get-MedianText 'LongRange' 'Downloads'), (Get-MedianText 'LongRange' 'LoopSecondsEstimated' '{0:N1}'), (Get-MedianText 'LongRange' 'LoopWindows'))
    New-Row 'SyncNightly' 'Sync-PinAnalytics landing: SQLite vs Export-Csv -Append (rows/s)' 'LandingRatioSqlite' 'ProcessPeakWorkingSetMB' `
        ("{0} rows; nightly run for {1} accounts: {2} requests, minimum {3}" -f (Get-MedianText 'SyncNightly' 'RowsLanded'), (Get-MedianText 'SyncNightly' 'Accounts'),
            (Get-MedianText 'SyncNightly' 'NightlyRequests'), (Get-MedianText 'SyncNightly' 'NightlyMinimumRequests'))
    New-Row 'SyncNightly' 'Sync-PinAnalytics landing: PostgreSQL (binary COPY) vs Export-Csv -Append (rows/s)' 'LandingRatioPostgres' 'ProcessPeakWorkingSetMB' 'empty when PostgreSQL is not installed'
    New-Row 'ImportTime' 'Import-Module PinterestAds vs bare pwsh start (time)' 'Ratio' 'PeakWorkingSetMB' `
        ("bare {0} ms, with import {1} ms, overhead {2} ms" -f (Get-MedianText 'ImportTime' 'BareStartMs'), (Get-MedianText 'ImportTime' 'WithImportMs'), (Get-MedianText 'ImportTime' 'ImportOverheadMs'))
    New-Row 'ReportStreaming' 'Wait-PinReport: polls, ready -> first row' 'ReadyToFirstRowSeconds' 'ProcessPeakWorkingSetMB' `
        ("{0} polls; Ratio column = seconds from ready to first row" -f (Get-MedianText 'ReportStreaming' 'WaitPolls'))
) | Where-Object { $_ }

Write-Host ''
Write-Host ("Benchmarks: medians over runs ({0:N0} s in all). Ratio > 1 means the module is faster, except where noted." -f $clock.Elapsed.TotalSeconds)
$table | Format-Table -AutoSize -Wrap | Out-String -Width 220 | Write-Host

$null = New-Item -ItemType Directory -Path $ResultsFolder -Force
$resultFile = Join-Path $ResultsFolder ("bench-{0:yyyyMMdd-HHmmss}.json" -f [datetime]::UtcNow)
[ordered]@{
    Date = [datetime]::UtcNow.ToString('o'); Machine = [Environment]::MachineName; ProcessorCount = [Environment]::ProcessorCount
    Module = $modulePath; TotalSeconds = [math]::Round($clock.Elapsed.TotalSeconds); Table = $table; Runs = $raw
} | ConvertTo-Json -Depth 6 | Set-Content -Path $resultFile -Encoding utf8
Write-Host "Results: $resultFile"
