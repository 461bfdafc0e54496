<#
.SYNOPSIS
    The benchmark runner build.ps1 -Task Bench calls: runs every scenario script in bench/ (each
    starts what it needs and returns one result object) against the built module and prints them.
#>
[CmdletBinding()]
param(
    # Only the scenarios whose file name matches (e.g. 'SyncFanout').
    [string] $Name = '*'
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$modulePath = if ($env:PINTEREST_MODULE_PATH) { $env:PINTEREST_MODULE_PATH } else {
    Get-ChildItem (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/PinterestAds') -Directory |
        Sort-Object { [version]$_.Name } -Descending | Select-Object -First 1 -ExpandProperty FullName
}
$scenarios = Get-ChildItem $PSScriptRoot -Filter '*.ps1' | Where-Object { $_.Name -ne 'Invoke-PinBenchmark.ps1' -and $_.BaseName -like $Name }
foreach ($scenario in $scenarios) {
    Write-Host "== $($scenario.BaseName)"
    $result = & $scenario.FullName -ModulePath $modulePath
    $result | Format-List | Out-String | Write-Host
}
