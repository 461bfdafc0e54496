<#
.SYNOPSIS
    Runs the Pester suite inside a fresh pwsh (started by build.ps1) and writes a JSON summary.
.DESCRIPTION
    Pester is imported by path from the NuGet packages folder. The summary counts a test file that
    could not run (parse error, failing BeforeAll at file level) as a failure, never as zero tests.
#>
param([Parameter(Mandatory)] [string] $SettingsPath)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# Plain text everywhere: colour escape codes make test reports invalid XML and logs unreadable.
$PSStyle.OutputRendering = 'PlainText'
$env:NO_COLOR = '1'
$settings = Get-Content -Raw $SettingsPath | ConvertFrom-Json

# build.ps1 passes PSModulePath with out/ first; pwsh may have re-ordered it at start-up.
if ($env:PINTEREST_MODULE_PATH) {
    $outFolder = Split-Path (Split-Path $env:PINTEREST_MODULE_PATH -Parent) -Parent
    $env:PSModulePath = $outFolder + [IO.Path]::PathSeparator + $env:PSModulePath
}

Import-Module $settings.PesterModulePath -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = [string[]]@($settings.TestPath)
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Normal'
# Logs (CI, redirected output) get plain text rather than colour escape codes.
if ([Console]::IsOutputRedirected -or $env:CI) { $configuration.Output.RenderMode = 'Plaintext' }
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $settings.NUnitPath
if ($settings.Filter) { $configuration.Filter.FullName = [string[]]@($settings.Filter) }

$result = $null
$crash = $null
try { $result = Invoke-Pester -Configuration $configuration }
catch { $crash = $_ }
if ($null -eq $result -or $crash) {
    # Pester itself failed (not a test): never let that read as "0 tests, all fine".
    $reason = if ($crash) { $crash.Exception.Message } else { 'Invoke-Pester returned no result' }
    Write-Host "Pester run failed: $reason"
    [ordered]@{ Passed = 0; Failed = 1; Skipped = 0; FailedNames = @("(Pester run failed) $reason"); Note = 'Pester crashed' } |
        ConvertTo-Json | Set-Content -Path $settings.SummaryPath -Encoding utf8
    exit 1
}

$failedNames = [System.Collections.Generic.List[string]]::new()
foreach ($test in $result.Failed) { $failedNames.Add($test.ExpandedPath) }
foreach ($container in $result.FailedContainers) { $failedNames.Add("(file did not run) $($container.Item)") }
foreach ($block in $result.FailedBlocks) { $failedNames.Add("(block setup/teardown failed) $($block.ExpandedPath)") }

# A file that failed as a whole (parse error, failing top-level BeforeAll) or a block whose
# setup/teardown failed may have no failed test to carry the failure: count each such one once.
$failed = $result.FailedCount
foreach ($container in $result.FailedContainers) { if ($container.FailedCount -eq 0) { $failed++ } }
foreach ($block in $result.FailedBlocks) { if ($block.FailedCount -eq 0) { $failed++ } }

$note = '{0} files' -f @($result.Containers).Count
if ($result.NotRunCount -gt 0) { $note += ", $($result.NotRunCount) not run (filter)" }

[ordered]@{
    Passed      = $result.PassedCount
    Failed      = $failed
    Skipped     = $result.SkippedCount
    FailedNames = $failedNames
    Note        = $note
} | ConvertTo-Json | Set-Content -Path $settings.SummaryPath -Encoding utf8

exit ([int]($failed -gt 0))
