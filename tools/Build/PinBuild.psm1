# Helpers for build.ps1: one function per build concept, so build.ps1 reads as a list of tasks.
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ModuleName = 'PinterestAds'

# Get-PinChildPwshCommand: the one way to start a fresh pwsh, shared with the tests, benchmarks and demo.
Import-Module (Join-Path $PSScriptRoot 'PinProcess.psm1')

function Write-PinBuildStep([string] $Message) {
    Write-Host ''
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-PinNative {
    <#
    Runs a native command, streams its output to the host and throws on a non-zero exit code.
    A simple function on purpose: arguments such as --verbosity quiet must reach the command untouched
    instead of binding to common parameters like -Verbose.
    #>
    $command, $arguments = $args
    & $command @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-PinModuleVersion([string] $RepoRoot) {
    $props = [xml](Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props'))
    $node = $props.SelectSingleNode('/Project/PropertyGroup/ModuleVersion')
    if (-not $node -or -not $node.InnerText.Trim()) {
        throw 'Directory.Build.props has no <ModuleVersion>; it is the single source of the module version.'
    }
    $version = $node.InnerText.Trim()
    $null = [version]::Parse($version)   # a manifest ModuleVersion must be a System.Version
    $version
}

function Invoke-PinChildScript {
    <# Runs a script in a fresh `pwsh -NoProfile` with extra environment variables; returns its exit code. #>
    param(
        [Parameter(Mandatory)] [string] $File,
        [string[]] $Arguments = @(),
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = (Get-Location).Path
    )
    $pwsh = Get-PinChildPwshCommand
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    Push-Location $WorkingDirectory
    try {
        & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $File @Arguments | Out-Host
        $LASTEXITCODE
    }
    finally {
        Pop-Location
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

function Get-PinNuGetPackagesFolder {
    $lines = @(& dotnet nuget locals global-packages --list 2>$null)
    $line = $lines | Where-Object { $_ -match 'global-packages:' } | Select-Object -First 1
    if ($LASTEXITCODE -ne 0 -or -not $line) { throw 'Could not read the NuGet global packages folder (dotnet nuget locals global-packages --list).' }
    ($line -replace '^\s*global-packages:\s*', '').Trim()
}

function Get-PinPesterModulePath([string] $RepoRoot) {
    <# Restores Pester from NuGet (tools/PackageDownloads) and returns the path of Pester.psd1. #>
    $downloads = Join-Path $RepoRoot 'tools/PackageDownloads/PackageDownloads.csproj'
    $xml = [xml](Get-Content -Raw $downloads)
    $versionRange = $xml.SelectSingleNode("//PackageDownload[@Include='Pester']").Version
    $version = $versionRange.Trim('[', ']', '(', ')')
    $manifest = Join-Path (Get-PinNuGetPackagesFolder) "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) {
        Invoke-PinNative dotnet restore $downloads --verbosity quiet
    }
    if (-not (Test-Path $manifest)) { throw "Pester $version was restored but $manifest does not exist." }
    $manifest
}

function Get-PinCmdletNames([string] $AssemblyPath) {
    if (-not ('PinterestAds.Build.CmdletInventory' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'CmdletInventory.cs')
    }
    , [PinterestAds.Build.CmdletInventory]::GetCmdletNames($AssemblyPath)
}

function Build-PinModuleFolder {
    <#
    Assembles out/PinterestAds/<version>/ from the compiled output: assemblies, manifest with an
    explicit cmdlet list, format and types files, MAML and about help. Returns what it exported.
    #>
    param(
        [Parameter(Mandatory)] [string] $RepoRoot,
        [Parameter(Mandatory)] [string] $Configuration,
        [Parameter(Mandatory)] [string] $ModuleFolder,
        [Parameter(Mandatory)] [string] $ModuleVersion
    )
    $projectFolder = Join-Path $RepoRoot 'src/PinterestAds.PowerShell'
    $binFolder = Join-Path $projectFolder "bin/$Configuration"
    $moduleRoot = Split-Path $ModuleFolder -Parent     # out/PinterestAds: holds only this version
    if (Test-Path $moduleRoot) { Remove-Item $moduleRoot -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ModuleFolder -Force

    $layout = Copy-PinModuleAssemblies -BinFolder $binFolder -ModuleFolder $ModuleFolder

    $formats = Get-PinFormatFileNames -RepoRoot $RepoRoot
    foreach ($file in @($formats) + 'PinterestAds.types.ps1xml') {
        Copy-Item (Join-Path $RepoRoot "module/$file") $ModuleFolder
    }

    $cmdlets = Get-PinCmdletNames -AssemblyPath $layout.CmdletAssembly
    Build-PinHelp -RepoRoot $RepoRoot -HelpFolders $layout.HelpFolders

    # The type and format files ship beside the manifest, which does not list them: the cmdlets load
    # them on their first output in a runspace (src/PinterestAds.PowerShell/Loading/ModuleViews.cs).
    New-PinModuleManifest -RepoRoot $RepoRoot -ModuleFolder $ModuleFolder -ModuleVersion $ModuleVersion `
        -RootModule $layout.RootModule -Cmdlets $cmdlets

    Assert-PinModuleFolder -ModuleFolder $ModuleFolder
    [pscustomobject]@{ ModuleFolder = $ModuleFolder; Cmdlets = $cmdlets }
}

function Get-PinFormatFileNames([string] $RepoRoot) {
    <#
    Every module/*.format.ps1xml (each area keeps its views in its own file), sorted ordinally: the
    order the module loads them in (ModuleViews) on every machine.
    #>
    $names = [string[]]@(Get-ChildItem (Join-Path $RepoRoot 'module') -Filter '*.format.ps1xml' -File | ForEach-Object Name)
    [Array]::Sort($names, [StringComparer]::Ordinal)
    , $names
}

function Copy-PinModuleAssemblies([string] $BinFolder, [string] $ModuleFolder) {
    <#
    Lays out the assemblies per edition (see module/PinterestAds.psm1):
      <root>/PinterestAds.dll               cmdlets, net8.0, for PowerShell 7
      <root>/dependencies/*.dll             engine and third-party, loaded in a private load context
      <root>/desktop/*.dll                  netstandard2.0 cmdlets and everything beside them, for 5.1
    #>
    $coreSource = Join-Path $BinFolder 'net8.0'
    $desktopSource = Join-Path $BinFolder 'netstandard2.0'
    foreach ($source in $coreSource, $desktopSource) {
        if (-not (Test-Path (Join-Path $source "$ModuleName.dll"))) { throw "No compiled cmdlet assembly in $source; build first." }
    }
    $dependencies = Join-Path $ModuleFolder 'dependencies'
    $desktop = Join-Path $ModuleFolder 'desktop'
    $null = New-Item -ItemType Directory -Path $dependencies, $desktop -Force

    $shippable = { param($folder) Get-ChildItem $folder -Filter '*.dll' | Where-Object Name -ne 'System.Management.Automation.dll' }
    foreach ($file in & $shippable $coreSource) {
        $target = if ($file.Name -eq "$ModuleName.dll") { $ModuleFolder } else { $dependencies }
        Copy-Item $file.FullName $target
    }
    & $shippable $desktopSource | Copy-Item -Destination $desktop
    Copy-PinNativeLibraries -Source (Join-Path $coreSource 'runtimes') -Dependencies $dependencies -Desktop $desktop
    Copy-Item (Join-Path (Split-Path $PSScriptRoot -Parent | Split-Path -Parent) "module/$ModuleName.psm1") $ModuleFolder

    [pscustomobject]@{
        RootModule     = "$ModuleName.psm1"
        CmdletAssembly = Join-Path $ModuleFolder "$ModuleName.dll"
        # Get-Help looks for the MAML beside the assembly that defines the cmdlets.
        HelpFolders    = @((Join-Path $ModuleFolder 'en-US'), (Join-Path $desktop 'en-US'))
    }
}

# The platforms PowerShell 7 runs on; their native libraries (SQLite's e_sqlite3) ship in the module.
$NativeRuntimeIdentifiers = 'win-x64', 'win-x86', 'win-arm64', 'linux-x64', 'linux-arm64', 'linux-arm', 'linux-musl-x64', 'linux-musl-arm64', 'osx-x64', 'osx-arm64'

function Copy-PinNativeLibraries([string] $Source, [string] $Dependencies, [string] $Desktop) {
    <#
    Copies runtimes/<rid>/native/* of the dependencies into dependencies/runtimes (PowerShell 7: the private
    load context resolves them, see Loading/NativeRuntimeIdentifiers.cs) and the Windows ones into
    desktop/runtimes (Windows PowerShell).
    #>
    if (-not (Test-Path $Source)) { return }
    foreach ($rid in $NativeRuntimeIdentifiers) {
        $native = Join-Path $Source "$rid/native"
        if (-not (Test-Path $native)) { continue }
        $targets = @(Join-Path $Dependencies "runtimes/$rid/native")
        if ($rid -like 'win-*') { $targets += Join-Path $Desktop "runtimes/$rid/native" }
        foreach ($target in $targets) {
            $null = New-Item -ItemType Directory -Path $target -Force
            Copy-Item (Join-Path $native '*') $target
        }
    }
}

function Build-PinHelp([string] $RepoRoot, [string[]] $HelpFolders) {
    $docs = Join-Path $RepoRoot 'docs/en-US'
    $converter = Join-Path $RepoRoot 'tools/ConvertTo-PinMamlHelp.ps1'
    foreach ($folder in $HelpFolders) {
        $null = New-Item -ItemType Directory -Path $folder -Force
        & $converter -Path $docs -OutputFolder $folder
    }
}

function New-PinModuleManifest {
    param([string] $RepoRoot, [string] $ModuleFolder, [string] $ModuleVersion, [string] $RootModule, [string[]] $Cmdlets)
    $template = Import-PowerShellDataFile (Join-Path $RepoRoot "module/$ModuleName.psd1")
    $psData = $template.PrivateData.PSData
    $parameters = @{}
    foreach ($key in $template.Keys) {
        if ($key -ne 'PrivateData') { $parameters[$key] = $template[$key] }
    }
    foreach ($key in $psData.Keys) { $parameters[$key] = $psData[$key] }
    $parameters.Path = Join-Path $ModuleFolder "$ModuleName.psd1"
    $parameters.RootModule = $RootModule
    $parameters.ModuleVersion = $ModuleVersion
    $parameters.CmdletsToExport = [string[]]@($Cmdlets)
    $parameters.FunctionsToExport = @()
    $parameters.AliasesToExport = @()
    $parameters.VariablesToExport = @()
    New-ModuleManifest @parameters

    # New-ModuleManifest writes an empty export list as a commented-out entry (which means
    # "export everything"); every list must be explicit, so write the empty ones out.
    $text = Get-Content -Raw $parameters.Path
    foreach ($kind in 'Cmdlets', 'Functions', 'Aliases', 'Variables') {
        if ($text -notmatch "(?m)^${kind}ToExport\s*=") {
            $text = $text -replace "(?m)^#\s*${kind}ToExport\s*=.*$", "${kind}ToExport = @()"
        }
    }
    Set-Content -Path $parameters.Path -Value $text -Encoding utf8NoBOM
    $null = Test-ModuleManifest -Path $parameters.Path
}

function Assert-PinModuleFolder([string] $ModuleFolder) {
    $forbidden = Get-ChildItem $ModuleFolder -Recurse -Filter 'System.Management.Automation.dll'
    if ($forbidden) { throw "System.Management.Automation.dll must never ship in the module: $($forbidden.FullName -join ', ')" }
    $manifestText = Get-Content -Raw (Join-Path $ModuleFolder "$ModuleName.psd1")
    if ($manifestText -match "(?m)^\s*(Cmdlets|Functions|Aliases|Variables)ToExport\s*=.*'\*'") {
        throw 'The generated manifest exports a wildcard; every export list must be explicit.'
    }
}

function Read-PinTrxCounts([string] $TrxPath) {
    $trx = [xml](Get-Content -Raw $TrxPath)
    $ns = @{ t = 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010' }
    $results = @(Select-Xml -Xml $trx -XPath '//t:Results/t:UnitTestResult' -Namespace $ns | ForEach-Object Node)
    $passed = @($results | Where-Object outcome -eq 'Passed').Count
    $skipped = @($results | Where-Object outcome -eq 'NotExecuted').Count
    $failed = $results.Count - $passed - $skipped
    $failedNames = @($results | Where-Object { $_.outcome -notin 'Passed', 'NotExecuted' } | ForEach-Object testName)
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; FailedNames = $failedNames }
}

function Invoke-PinXunitProject {
    param([string] $ProjectPath, [string] $Configuration, [string] $ResultsFolder, [string] $Filter)
    $name = [IO.Path]::GetFileNameWithoutExtension($ProjectPath)
    $trxName = "$name.trx"
    $arguments = @('test', $ProjectPath, '-c', $Configuration, '--no-build', '--nologo',
        '--logger', "trx;LogFileName=$trxName", '--results-directory', $ResultsFolder)
    if ($Filter) { $arguments += @('--filter', $Filter) }
    & dotnet @arguments | Out-Host
    $exitCode = $LASTEXITCODE

    $suite = [pscustomobject]@{ Name = "xunit $name"; Passed = 0; Failed = 0; Skipped = 0; Note = ''; FailedNames = @() }
    $trxPath = Join-Path $ResultsFolder $trxName
    if (Test-Path $trxPath) {
        $counts = Read-PinTrxCounts $trxPath
        $suite.Passed = $counts.Passed; $suite.Failed = $counts.Failed; $suite.Skipped = $counts.Skipped
        $suite.FailedNames = $counts.FailedNames
    }
    if ($exitCode -ne 0 -and $suite.Failed -eq 0) {
        # dotnet test failed without a failing test: the run itself crashed or did not start.
        $suite.Failed = 1
        $suite.Note = "dotnet test exited with $exitCode and reported no failing test (crash or no results)"
    }
    elseif ($suite.Passed + $suite.Failed + $suite.Skipped -eq 0) {
        $suite.Note = 'no tests in project'
    }
    $suite
}

function Invoke-PinPesterSuite {
    param([string] $RepoRoot, [string[]] $TestPath, [string] $Filter, [string] $ResultsFolder, [hashtable] $Environment)
    $suite = [pscustomobject]@{ Name = 'Pester'; Passed = 0; Failed = 0; Skipped = 0; Note = ''; FailedNames = @() }
    $existing = @($TestPath | Where-Object { Test-Path $_ })
    $testFiles = @($existing | ForEach-Object { Get-ChildItem $_ -Recurse -Filter '*.Tests.ps1' -File })
    if ($testFiles.Count -eq 0) {
        $suite.Note = 'no *.Tests.ps1 files'
        return $suite
    }

    $settingsPath = Join-Path $ResultsFolder 'pester-settings.json'
    $resultPath = Join-Path $ResultsFolder 'pester-summary.json'
    @{
        PesterModulePath = Get-PinPesterModulePath -RepoRoot $RepoRoot
        TestPath         = $existing
        Filter           = $Filter
        SummaryPath      = $resultPath
        NUnitPath        = Join-Path $ResultsFolder 'pester-results.xml'
    } | ConvertTo-Json | Set-Content -Path $settingsPath -Encoding utf8

    $exitCode = Invoke-PinChildScript -File (Join-Path $PSScriptRoot 'Invoke-PinPesterRun.ps1') `
        -Arguments @('-SettingsPath', $settingsPath) -Environment $Environment -WorkingDirectory $RepoRoot

    if (Test-Path $resultPath) {
        $summary = Get-Content -Raw $resultPath | ConvertFrom-Json
        $suite.Passed = $summary.Passed
        $suite.Failed = $summary.Failed
        $suite.Skipped = $summary.Skipped
        $suite.FailedNames = @($summary.FailedNames)
        $suite.Note = $summary.Note
    }
    if ($exitCode -ne 0 -and $suite.Failed -eq 0) {
        $suite.Failed = 1
        $suite.Note = "the Pester process exited with $exitCode and reported no failing test (crash)"
    }
    $suite
}

function Write-PinTestSummary([object[]] $Suites) {
    Write-Host ''
    Write-Host 'Test summary' -ForegroundColor Cyan
    foreach ($suite in $Suites) {
        $colour = if ($suite.Failed -gt 0) { 'Red' } else { 'Green' }
        $line = '  {0,-40} {1,5} passed {2,5} failed {3,5} skipped' -f $suite.Name, $suite.Passed, $suite.Failed, $suite.Skipped
        if ($suite.Note) { $line += "  ($($suite.Note))" }
        Write-Host $line -ForegroundColor $colour
        foreach ($failedName in $suite.FailedNames) { Write-Host "      FAILED: $failedName" -ForegroundColor Red }
    }
    $passed = [int]($Suites | Measure-Object -Property Passed -Sum).Sum
    $failed = [int]($Suites | Measure-Object -Property Failed -Sum).Sum
    $skipped = [int]($Suites | Measure-Object -Property Skipped -Sum).Sum
    $last = "Tests: $passed passed, $failed failed"
    if ($skipped -gt 0) { $last += ", $skipped skipped" }
    Write-Host $last
}

function Publish-PinModulePackage {
    <#
    Publishes the module folder as a .nupkg into $PackagesFolder through a temporary PSResourceGet
    file repository (unique name, always unregistered). Returns the package path.
    #>
    param([Parameter(Mandatory)] [string] $ModuleFolder, [Parameter(Mandatory)] [string] $PackagesFolder)
    Import-Module Microsoft.PowerShell.PSResourceGet
    $null = Test-ModuleManifest -Path (Join-Path $ModuleFolder "$ModuleName.psd1")
    $manifest = Import-PowerShellDataFile (Join-Path $ModuleFolder "$ModuleName.psd1")
    $null = New-Item -ItemType Directory -Path $PackagesFolder -Force
    $packagePath = Join-Path $PackagesFolder ("{0}.{1}.nupkg" -f $ModuleName, $manifest.ModuleVersion)
    if (Test-Path $packagePath) { Remove-Item $packagePath -Force }

    # Publish-PSResource wants a folder named after the module.
    $staging = Join-Path ([IO.Path]::GetTempPath()) ("pinads-stage-" + [guid]::NewGuid().ToString('N'))
    $stagedModule = Join-Path $staging $ModuleName
    $repositoryName = 'PinterestAdsBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    try {
        $null = New-Item -ItemType Directory -Path $stagedModule -Force
        Copy-Item (Join-Path $ModuleFolder '*') $stagedModule -Recurse
        Register-PSResourceRepository -Name $repositoryName -Uri $PackagesFolder -Trusted
        Publish-PSResource -Path $stagedModule -Repository $repositoryName -SkipDependenciesCheck
    }
    finally {
        if (Get-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue) {
            Unregister-PSResourceRepository -Name $repositoryName
        }
        Remove-Item $staging -Recurse -Force -ErrorAction SilentlyContinue
    }
    $published = Get-ChildItem $PackagesFolder -Filter "$ModuleName.*.nupkg" | Where-Object FullName -eq $packagePath
    if (-not $published) {
        $found = (Get-ChildItem $PackagesFolder -Filter '*.nupkg').Name -join ', '
        throw "Publish-PSResource did not produce $packagePath (found: $found)."
    }
    $packagePath
}

Export-ModuleMember -Function *-Pin*
