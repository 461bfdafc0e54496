<#
.SYNOPSIS
    Benchmark: the cost of `Import-Module PinterestAds` over a bare pwsh start.

.DESCRIPTION
    Starts a fresh `pwsh -NoProfile` -Samples times doing nothing but reading its peak working set, and
    -Samples times importing the module and then reading it, alternating (neighbours share the machine).
    Whole-process wall times, so start-up, the import and shutting down are all in them. Returns the median wall time of each, the import
    overhead in milliseconds, the ratio importing/bare, and the peak working set of an importing process.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = $env:PINTEREST_MODULE_PATH,
    [int] $Samples = 5
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
if ($ModulePath -and (Test-Path $ModulePath -PathType Container)) { $ModulePath = Join-Path $ModulePath 'PinterestAds.psd1' }
$manifest = if ($ModulePath) { (Resolve-Path $ModulePath).Path } else { 'PinterestAds' }

# The same pwsh as this one (the repo's local tool runs as 'dotnet <pwsh.dll>').
Import-Module (Join-Path $PSScriptRoot '../tools/Build/PinProcess.psm1')
$pwsh = Get-PinChildPwshCommand
$processPath = $pwsh.FilePath
$prefix = @($pwsh.Prefix)

function Measure-Pwsh([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $output = & $processPath @prefix -NoProfile -NonInteractive -Command $Command
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh -Command '$Command' failed: $output" }
    [pscustomobject]@{ Milliseconds = $watch.Elapsed.TotalMilliseconds; Output = $output }
}
function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

# Both processes run the same command but for the import, so the difference is exactly the import
# (reading the peak working set loads the Process type, which a bare 'exit 0' would not pay).
$peakQuery = '[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64'
$bareCommand = $peakQuery
$importCommand = "Import-Module '$($manifest -replace "'", "''")'; $peakQuery"
$null = Measure-Pwsh $bareCommand   # warm the disk cache for both
$null = Measure-Pwsh $importCommand
$bare = [System.Collections.Generic.List[double]]::new()
$imported = [System.Collections.Generic.List[double]]::new()
$peaks = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Samples; $i++) {
    $bare.Add((Measure-Pwsh $bareCommand).Milliseconds)
    $run = Measure-Pwsh $importCommand
    $imported.Add($run.Milliseconds)
    $peaks.Add([double](@($run.Output)[-1]) / 1MB)
}
$bareMedian = Get-Median $bare
$importMedian = Get-Median $imported
[pscustomobject]@{
    Scenario         = "Import-Module PinterestAds vs bare pwsh start (median of $Samples)"
    BareStartMs      = [math]::Round($bareMedian)
    WithImportMs     = [math]::Round($importMedian)
    ImportOverheadMs = [math]::Round($importMedian - $bareMedian)
    Ratio            = [math]::Round($importMedian / $bareMedian, 2)
    PeakWorkingSetMB = [math]::Round((Get-Median $peaks))
}
