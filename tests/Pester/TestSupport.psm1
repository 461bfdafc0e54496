# The one support module of the Pester suites: where the built module, the docs, the emulator and the OpenAPI
# description are, how to run code in a fresh pwsh, help pages against commands, and (one file per concern under
# Support/) the emulator, the hostile server, report rows against ground truth, and the sync destinations.
#   Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
# build.ps1 -Task Test sets PINTEREST_MODULE_PATH, PINTEREST_EMULATOR_DLL, PINTEREST_HOSTILE_DLL and PINTEREST_REPO_ROOT;
# without them (running Invoke-Pester by hand) the defaults below point into out/. The launchers (a fresh pwsh, a
# server that prints a ready line) are tools/Build/PinProcess.psm1, shared with build.ps1, the benchmarks and the demo.
Set-StrictMode -Version 3.0

Import-Module (Join-Path $PSScriptRoot '../../tools/Build/PinProcess.psm1')
foreach ($concern in 'Emulator', 'HostileServer', 'ReportRows', 'Sync') { . (Join-Path $PSScriptRoot "Support/$concern.ps1") }

function Get-PinRepoRoot {
    if ($env:PINTEREST_REPO_ROOT) { return $env:PINTEREST_REPO_ROOT }
    (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

function Get-PinModulePath {
    <# The built module folder out/PinterestAds/<version> (the one holding PinterestAds.psd1). #>
    if ($env:PINTEREST_MODULE_PATH) { return $env:PINTEREST_MODULE_PATH }
    $root = Join-Path (Get-PinRepoRoot) 'out/PinterestAds'
    $latest = Get-ChildItem $root -Directory -ErrorAction SilentlyContinue |
        Sort-Object { [version]$_.Name } -Descending | Select-Object -First 1
    if (-not $latest) { throw "No built module under $root; run: dotnet pwsh ./build.ps1 -Task Build" }
    $latest.FullName
}

function Get-PinModuleManifestPath { Join-Path (Get-PinModulePath) 'PinterestAds.psd1' }

function Get-PinDocsPath { Join-Path (Get-PinRepoRoot) 'docs/en-US' }

function Get-PinEmulatorDll {
    <# Path of the emulator: PINTEREST_EMULATOR_DLL, else out/emulator, else its build output; throws when not built. #>
    $repo = Get-PinRepoRoot
    Find-PinBuiltDll -Name PinterestAds.Emulator -EnvironmentVariable PINTEREST_EMULATOR_DLL `
        -PublishedPath (Join-Path $repo 'out/emulator/PinterestAds.Emulator.dll') -ProjectFolder (Join-Path $repo 'src/PinterestAds.Emulator')
}

function Get-PinHostileServerDll {
    <# Path of the hostile test server: PINTEREST_HOSTILE_DLL, else out/hostile, else its build output; throws when not built. #>
    $repo = Get-PinRepoRoot
    Find-PinBuiltDll -Name PinterestAds.HostileServer -EnvironmentVariable PINTEREST_HOSTILE_DLL `
        -PublishedPath (Join-Path $repo 'out/hostile/PinterestAds.HostileServer.dll') -ProjectFolder (Join-Path $repo 'tests/Tools/PinterestAds.HostileServer')
}

function Get-PinOpenApiPath {
    <# openapi.json from PINTEREST_OPENAPI or ../shared beside the repo; $null when absent (tests then skip). #>
    $path = if ($env:PINTEREST_OPENAPI) { $env:PINTEREST_OPENAPI } else { Join-Path (Get-PinRepoRoot) '../shared/pinterest-api/openapi.json' }
    if (Test-Path $path) { (Resolve-Path $path).Path } else { $null }
}

function Import-PinHelpTools {
    Import-Module (Join-Path (Get-PinRepoRoot) 'tools/Help/PinHelpMarkdown.psm1') -Force -Global
}

function Get-PinHelpPage {
    <# Parsed command pages of docs/en-US (not about_ topics), one object per page. #>
    Import-PinHelpTools
    Get-ChildItem (Get-PinDocsPath) -Filter '*.md' -File -ErrorAction SilentlyContinue |
        Where-Object Name -notlike 'about_*' |
        ForEach-Object { ConvertFrom-PinHelpMarkdown -Path $_.FullName }
}

function Get-PinHelpExample {
    <#
    The example code blocks of every command page (or of one command), prompt-free, ready to run:
    Get-PinHelpExample -Command Get-PinCampaign | ForEach-Object { ... Invoke-Expression $_.Code ... }
    #>
    param([string] $Command)
    Import-PinHelpTools
    Get-ChildItem (Get-PinDocsPath) -Filter '*.md' -File -ErrorAction SilentlyContinue |
        Where-Object { $_.Name -notlike 'about_*' -and (-not $Command -or $_.BaseName -eq $Command) } |
        ForEach-Object { Get-PinHelpExampleCode -Path $_.FullName }
}

function Invoke-PinFreshPwsh {
    <#
    Runs a script in a fresh `pwsh -NoProfile` whose PSModulePath is exactly -ModulePath (default:
    the build's out/ folder first, then the usual paths). The child's last call to
    Write-PinTestResult (defined in the child) travels back as an object in .Result.
    Returns ExitCode, Output (all stdout lines except the result line), Error (stderr text), Result.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [string] $ModulePath,
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 300
    )
    $prelude = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'
function Write-PinTestResult($Value) { [Console]::Out.WriteLine('##PINRESULT## ' + (ConvertTo-Json -InputObject $Value -Depth 6 -Compress)) }
'@
    if ($ModulePath) {
        $prelude += "`n`$env:PSModulePath = '$($ModulePath -replace "'", "''")'`n"
    }
    else {
        $out = Split-Path (Split-Path (Get-PinModulePath) -Parent) -Parent
        $prelude += "`n`$env:PSModulePath = '$($out -replace "'", "''")' + [IO.Path]::PathSeparator + `$env:PSModulePath`n"
    }
    $file = Join-Path ([IO.Path]::GetTempPath()) ("pinads-test-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value ($prelude + "`n" + $Script) -Encoding utf8

    $pwsh = Get-PinChildPwshCommand
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
    foreach ($argument in @($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $file)) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $startInfo.WorkingDirectory = Get-PinRepoRoot
    $startInfo.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $startInfo.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    foreach ($name in $Environment.Keys) { $startInfo.Environment[$name] = [string]$Environment[$name] }
    try {
        $process = [System.Diagnostics.Process]::Start($startInfo)
        $stdoutTask = $process.StandardOutput.ReadToEndAsync()
        $stderrTask = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "The fresh pwsh did not finish within $TimeoutSeconds s."
        }
        $process.WaitForExit()
        $lines = @($stdoutTask.Result -split "\r?\n")
        $resultLine = $lines | Where-Object { $_.StartsWith('##PINRESULT## ') } | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @($lines | Where-Object { -not $_.StartsWith('##PINRESULT## ') -and $_ -ne '' })
            Error    = $stderrTask.Result
            Result   = if ($resultLine) { $resultLine.Substring(14) | ConvertFrom-Json } else { $null }
        }
    }
    finally {
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}

function Get-PinExportedCmdletInfo {
    <#
    Imports the built module in this (test) process and returns its cmdlets. The test process
    is itself a fresh pwsh started by build.ps1, never the session that built the module.
    #>
    Import-Module (Get-PinModuleManifestPath) -Force -ErrorAction Stop
    @(Get-Command -Module PinterestAds -CommandType Cmdlet | Sort-Object Name)
}

function Get-PinDocumentedPipelineInput([string] $Text) {
    [pscustomobject]@{ ByValue = $Text -match 'ByValue'; ByPropertyName = $Text -match 'ByPropertyName' }
}

function Compare-PinHelpPageToCommand {
    <#
    Compares a parsed help page (ConvertFrom-PinHelpMarkdown) with the real command and returns
    one readable string per disagreement; nothing when they agree. Common parameters are not
    documented per parameter (the page's CommonParameters section covers them).
    #>
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $realParameters = @($Command.Parameters.Values | Where-Object Name -notin $common)
    $allSets = @($Command.ParameterSets.Name)
    $documented = @($Page.Parameters.Name)

    foreach ($name in $realParameters.Name) { if ($name -notin $documented) { "-${name}: exists but is not documented" } }
    foreach ($name in $documented) { if ($name -notin $realParameters.Name) { "-${name}: documented but does not exist" } }
    if (-not $Page.CommonParameters -and $Command.CmdletBinding) { 'the PARAMETERS section has no ### CommonParameters' }

    $pageSets = @($Page.Syntax.SetName | Sort-Object)
    $realSets = @($allSets | Sort-Object)
    if (($pageSets -join ',') -ne ($realSets -join ',')) { "SYNTAX documents sets [$($pageSets -join ', ')] but the cmdlet has [$($realSets -join ', ')]" }
    if ($allSets.Count -gt 1) {
        $pageDefault = @($Page.Syntax | Where-Object IsDefault | ForEach-Object SetName)
        if ($pageDefault -notcontains $Command.DefaultParameterSet) { "SYNTAX marks [$($pageDefault -join ', ')] as (Default) but the default set is $($Command.DefaultParameterSet)" }
    }

    foreach ($parameter in $realParameters) {
        $pageParameter = $Page.Parameters | Where-Object Name -eq $parameter.Name
        if (-not $pageParameter) { continue }
        $memberOf = [System.Collections.Generic.List[string]]::new()
        foreach ($setName in $parameter.ParameterSets.Keys) {
            $targets = if ($setName -eq '__AllParameterSets') { $allSets } else { @($setName) }
            foreach ($target in $targets) {
                $memberOf.Add($target)
                $metadata = $parameter.ParameterSets[$setName]
                $facts = $pageParameter.Facts | Where-Object { $_.ParameterSets -contains '(All)' -or $_.ParameterSets -contains $target } | Select-Object -First 1
                if (-not $facts) { "-$($parameter.Name): no yaml block covers parameter set $target"; continue }
                if ($facts.Required -ne $metadata.IsMandatory) { "-$($parameter.Name) [$target]: page says Required $($facts.Required), code says $($metadata.IsMandatory)" }
                $realPosition = if ($metadata.Position -eq [int]::MinValue) { 'Named' } else { [string]$metadata.Position }
                if ($facts.Position -ne $realPosition) { "-$($parameter.Name) [$target]: page says Position $($facts.Position), code says $realPosition" }
                $pipeline = Get-PinDocumentedPipelineInput $facts.PipelineInput
                if ($pipeline.ByValue -ne $metadata.ValueFromPipeline -or $pipeline.ByPropertyName -ne $metadata.ValueFromPipelineByPropertyName) {
                    "-$($parameter.Name) [$target]: page says pipeline input '$($facts.PipelineInput)', code says ByValue=$($metadata.ValueFromPipeline) ByPropertyName=$($metadata.ValueFromPipelineByPropertyName)"
                }
            }
        }
        foreach ($facts in $pageParameter.Facts) {
            foreach ($set in $facts.ParameterSets) {
                if ($set -ne '(All)' -and $set -notin $memberOf) { "-$($parameter.Name): page puts it in set $set, the code does not" }
            }
            if ($facts.ParameterSets -contains '(All)' -and @($memberOf | Select-Object -Unique).Count -ne $allSets.Count) {
                "-$($parameter.Name): page says (All) parameter sets, the code has it in [$(@($memberOf | Select-Object -Unique) -join ', ')]"
            }
        }
    }
}

# With the shared launchers, so a test file imports this one module only.
Export-ModuleMember -Function *
