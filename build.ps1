#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the PinterestAds module.

.DESCRIPTION
    Run from a fresh clone as:  dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
    Everything the build needs is bootstrapped from NuGet (Pester comes from the NuGet global
    packages folder, never from the PowerShell Gallery).

    Tasks
      Build    dotnet build of the solution, then assemble out/PinterestAds/<version>/ (manifest
               with an explicit cmdlet list, assemblies, format/types files, MAML help) and
               publish the emulator to out/emulator/.
      Test     Build, check the C# layout against .editorconfig (dotnet format whitespace
               --verify-no-changes; a departure is one failed test), run every xunit project and every
               tests/Pester/*.Tests.ps1 in a fresh pwsh; the last line printed is
               "Tests: N passed, N failed[, N skipped]". -Suite Format runs the layout check alone.
      Demo     Build, run demo/Invoke-PinDemo.ps1 in a fresh pwsh.
      Bench    Build, run bench/Invoke-PinBenchmark.ps1 (if present) in a fresh pwsh.
      Package  Build, publish the module folder as a .nupkg into out/packages/.
      Clean    Remove out/ and every bin/ and obj/ folder.

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -Suite Pester -TestPath tests/Pester/Help.Tests.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test only: which suites to run (All includes the Format check).
    [ValidateSet('All', 'Format', 'Xunit', 'Pester')]
    [string] $Suite = 'All',

    # Test only: Pester files or folders to run instead of tests/Pester.
    [string[]] $TestPath,

    # Test only: a Pester full-name wildcard (e.g. '*Help*'), and/or a `dotnet test --filter` expression.
    [string] $Filter,
    [string] $XunitFilter,

    # Skip the dotnet build step (assemble and test what is already built).
    [switch] $NoBuild
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$RepoRoot = $PSScriptRoot
$OutRoot = Join-Path $RepoRoot 'out'
$ModuleName = 'PinterestAds'
$BuildTools = Join-Path $RepoRoot 'tools/Build'

Import-Module (Join-Path $BuildTools 'PinBuild.psm1') -Force

$ModuleVersion = Get-PinModuleVersion -RepoRoot $RepoRoot
$ModuleFolder = Join-Path $OutRoot "$ModuleName/$ModuleVersion"
$EmulatorFolder = Join-Path $OutRoot 'emulator'
$HostileFolder = Join-Path $OutRoot 'hostile'

function Invoke-BuildTask {
    Write-PinBuildStep "Build $ModuleName $ModuleVersion ($Configuration)"
    if (-not $NoBuild) {
        Invoke-PinNative dotnet build (Join-Path $RepoRoot 'PinterestAds.sln') -c $Configuration -nologo --verbosity minimal
        Invoke-PinNative dotnet publish (Join-Path $RepoRoot 'src/PinterestAds.Emulator/PinterestAds.Emulator.csproj') `
            -c $Configuration -o $EmulatorFolder -nologo --verbosity minimal
        # The hostile test server (tests/Tools): broken and malicious answers for Reliability.Tests.ps1.
        Invoke-PinNative dotnet publish (Join-Path $RepoRoot 'tests/Tools/PinterestAds.HostileServer/PinterestAds.HostileServer.csproj') `
            -c $Configuration -o $HostileFolder -nologo --verbosity minimal
    }

    $moduleInfo = Build-PinModuleFolder -RepoRoot $RepoRoot -Configuration $Configuration `
        -ModuleFolder $ModuleFolder -ModuleVersion $ModuleVersion
    Write-Host ("Module: {0} ({1} cmdlets)" -f $ModuleFolder, $moduleInfo.Cmdlets.Count)
    Write-Host ("Emulator: {0}" -f (Join-Path $EmulatorFolder 'PinterestAds.Emulator.dll'))
}

function Get-ChildProcessEnvironment {
    # What every child pwsh (tests, demo, bench) needs to find the built module and emulator.
    @{
        PSModulePath            = $OutRoot + [IO.Path]::PathSeparator + $env:PSModulePath
        PINTEREST_MODULE_PATH   = $ModuleFolder
        PINTEREST_EMULATOR_DLL  = Join-Path $EmulatorFolder 'PinterestAds.Emulator.dll'
        PINTEREST_HOSTILE_DLL   = Join-Path $HostileFolder 'PinterestAds.HostileServer.dll'
        PINTEREST_REPO_ROOT     = $RepoRoot
        POWERSHELL_TELEMETRY_OPTOUT = '1'
        POWERSHELL_UPDATECHECK  = 'Off'
    }
}

function Invoke-TestTask {
    Invoke-BuildTask
    $resultsFolder = Join-Path $OutRoot 'test-results'
    if (Test-Path $resultsFolder) { Remove-Item $resultsFolder -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $resultsFolder -Force

    $suites = [System.Collections.Generic.List[object]]::new()
    if ($Suite -in 'All', 'Format') {
        Write-PinBuildStep 'Format: dotnet format whitespace --verify-no-changes'
        $suites.Add((Invoke-FormatCheck))
    }
    if ($Suite -in 'All', 'Xunit') {
        # Test projects only (*.Tests.csproj): tests/Tools holds programs the tests use, not tests.
        $testProjects = Get-ChildItem (Join-Path $RepoRoot 'tests') -Filter '*.Tests.csproj' -Recurse |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } | Sort-Object Name
        foreach ($project in $testProjects) {
            Write-PinBuildStep "xunit: $($project.BaseName)"
            $suites.Add((Invoke-PinXunitProject -ProjectPath $project.FullName -Configuration $Configuration `
                        -ResultsFolder $resultsFolder -Filter $XunitFilter))
        }
    }
    if ($Suite -in 'All', 'Pester') {
        $paths = if ($TestPath) { $TestPath | ForEach-Object { (Resolve-Path $_).Path } } else { @(Join-Path $RepoRoot 'tests/Pester') }
        Write-PinBuildStep "Pester: $($paths -join ', ')"
        $suites.Add((Invoke-PinPesterSuite -RepoRoot $RepoRoot -TestPath $paths -Filter $Filter `
                    -ResultsFolder $resultsFolder -Environment (Get-ChildProcessEnvironment)))
    }

    Write-PinTestSummary -Suites $suites
    $failed = ($suites | Measure-Object -Property Failed -Sum).Sum
    if ($failed -gt 0) { exit 1 }
}

function Invoke-FormatCheck {
    # Folder mode reads the files without loading the projects: the same verdict as the solution's
    # whitespace check, in a fraction of the time. One test: passed, or failed naming the files to fix.
    $output = & dotnet format whitespace --folder $RepoRoot --exclude (Join-Path $RepoRoot 'out') --verify-no-changes --verbosity quiet 2>&1
    $exitCode = $LASTEXITCODE
    $files = @($output | ForEach-Object { "$_" } | Where-Object { $_ -match 'WHITESPACE' } |
            ForEach-Object { ($_ -replace '\(\d+,\d+\).*$', '') -replace [regex]::Escape($RepoRoot + [IO.Path]::DirectorySeparatorChar), '' } |
            Sort-Object -Unique)
    $suite = [pscustomobject]@{ Name = 'format (.editorconfig)'; Passed = 0; Failed = 0; Skipped = 0; Note = ''; FailedNames = @() }
    if ($exitCode -eq 0) { $suite.Passed = 1 }
    else {
        $suite.Failed = 1
        $suite.FailedNames = if ($files.Count -gt 0) { $files | ForEach-Object { "layout differs: $_" } } else { @($output | Select-Object -Last 5 | ForEach-Object { "$_" }) }
        $suite.Note = 'fix with: dotnet format whitespace PinterestAds.sln'
    }
    $suite
}

function Invoke-ScriptInFreshPwsh([string] $ScriptPath, [string[]] $Arguments = @()) {
    $exitCode = Invoke-PinChildScript -File $ScriptPath -Arguments $Arguments -Environment (Get-ChildProcessEnvironment) -WorkingDirectory $RepoRoot
    if ($exitCode -ne 0) { throw "$ScriptPath failed with exit code $exitCode." }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    Write-PinBuildStep 'Demo'
    Invoke-ScriptInFreshPwsh (Join-Path $RepoRoot 'demo/Invoke-PinDemo.ps1')
}

function Invoke-BenchTask {
    if ($Configuration -ne 'Release') { Write-Warning 'Benchmarks always run on a Release build.' }
    $script:Configuration = 'Release'
    Invoke-BuildTask
    $benchScript = Join-Path $RepoRoot 'bench/Invoke-PinBenchmark.ps1'
    if (-not (Test-Path $benchScript)) {
        Write-Host "No benchmark yet: $benchScript does not exist."
        return
    }
    Write-PinBuildStep 'Bench'
    Invoke-ScriptInFreshPwsh $benchScript
}

function Invoke-PackageTask {
    Invoke-BuildTask
    Write-PinBuildStep 'Package'
    $packagesFolder = Join-Path $OutRoot 'packages'
    $package = Publish-PinModulePackage -ModuleFolder $ModuleFolder -PackagesFolder $packagesFolder
    Write-Host "Package: $package"
}

function Invoke-CleanTask {
    Write-PinBuildStep 'Clean'
    if (Test-Path $OutRoot) { Remove-Item $OutRoot -Recurse -Force }
    foreach ($top in 'src', 'tests', 'tools', 'bench', 'demo') {
        $folder = Join-Path $RepoRoot $top
        if (-not (Test-Path $folder)) { continue }
        Get-ChildItem $folder -Directory -Recurse -Include 'bin', 'obj' |
            Where-Object { Test-Path $_.FullName } |
            Remove-Item -Recurse -Force
    }
}

Push-Location $RepoRoot
try {
    # Harmless when already done; makes `dotnet pwsh` children work on a fresh machine.
    Invoke-PinNative dotnet tool restore --verbosity quiet
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Bench' { Invoke-BenchTask }
        'Package' { Invoke-PackageTask }
        'Clean' { Invoke-CleanTask }
    }
}
catch {
    Write-Host "build.ps1 -Task $Task failed: $($_.Exception.Message)" -ForegroundColor Red
    if ($Task -eq 'Test') {
        # Keep the contract: the last line is the count, and a crash counts as a failure.
        Write-Host 'Tests: 0 passed, 1 failed'
    }
    exit 1
}
finally {
    Pop-Location
}
