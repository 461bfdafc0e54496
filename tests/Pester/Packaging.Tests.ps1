# The module as users get it: published as a .nupkg to a PowerShell repository, installed from
# there into an empty folder, imported by name in a fresh pwsh that sees only that folder (plus
# PowerShell's own modules). Uses temporary PSResourceGet repositories with unique names and
# always unregisters them: the user's real repository list is never touched otherwise.
BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Join-Path (Get-PinRepoRoot) 'tools/Build/PinBuild.psm1') -Force
    Import-Module Microsoft.PowerShell.PSResourceGet

    $manifest = Import-PowerShellDataFile (Get-PinModuleManifestPath)
    $workFolder = Join-Path ([IO.Path]::GetTempPath()) ('pinads-pkg-' + [guid]::NewGuid().ToString('N'))
    $feedFolder = Join-Path $workFolder 'feed'
    $installFolder = Join-Path $workFolder 'modules'
    $null = New-Item -ItemType Directory -Path $feedFolder, $installFolder -Force

    $packagePath = Publish-PinModulePackage -ModuleFolder (Get-PinModulePath) -PackagesFolder $feedFolder

    $repositoryName = 'PinterestAdsTest-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Register-PSResourceRepository -Name $repositoryName -Uri $feedFolder -Trusted
    try {
        Save-PSResource -Name PinterestAds -Repository $repositoryName -Path $installFolder -TrustRepository -SkipDependencyCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName
    }
    $isolatedModulePath = $installFolder + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
}

AfterAll {
    if ($workFolder) { Remove-Item $workFolder -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Packaging' {
    It 'publishes PinterestAds.<version>.nupkg with the manifest inside' {
        $packagePath | Should -Exist
        Split-Path $packagePath -Leaf | Should -Be "PinterestAds.$($manifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($packagePath)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'PinterestAds.psd1'
        $entries | Should -Contain 'PinterestAds.nuspec'
        $entries | Should -Contain 'en-US/PinterestAds.dll-Help.xml'
        @($entries | Where-Object { $_ -like '*System.Management.Automation.dll' }) | Should -BeNullOrEmpty
    }

    It 'leaves no temporary repository registered' {
        @(Get-PSResourceRepository | Where-Object Name -like 'PinterestAds*-*') | Should -BeNullOrEmpty
    }

    It 'installs from the repository into <installFolder>/PinterestAds/<version>' {
        Join-Path $installFolder "PinterestAds/$($manifest.ModuleVersion)/PinterestAds.psd1" | Should -Exist
    }

    It 'imports by name in a fresh pwsh that sees only the installed copy, with the same cmdlets' {
        $run = Invoke-PinFreshPwsh -ModulePath $isolatedModulePath -Script @'
Import-Module PinterestAds
$module = Get-Module PinterestAds
Write-PinTestResult @{
    ModuleBase = $module.ModuleBase
    Version    = $module.Version.ToString()
    Cmdlets    = @(Get-Command -Module PinterestAds -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
    HelpFound  = [bool](Get-Help about_PinterestAds -ErrorAction SilentlyContinue)
}
'@
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Result.ModuleBase | Should -BeLike "$installFolder*"
        $run.Result.Version | Should -Be $manifest.ModuleVersion
        @($run.Result.Cmdlets) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $run.Result.HelpFound | Should -BeTrue
    }

    It 'runs a read against the emulator from the installed copy' {
        $emulatorModule = Join-Path $PSScriptRoot 'TestSupport.psm1'
        $script = @"
Import-Module '$($emulatorModule -replace "'", "''")'
`$emulator = Start-PinTestEmulator
try {
    Import-Module PinterestAds
    Connect-PinAccount -ApiBaseUri `$emulator.ApiBaseUri -AccessToken (ConvertTo-SecureString 'emulator-access-token' -AsPlainText -Force)
    `$accounts = @(Get-PinAdAccount)
    Write-PinTestResult @{ Count = `$accounts.Count; ModuleBase = (Get-Module PinterestAds).ModuleBase }
}
finally { Stop-PinTestEmulator `$emulator }
"@
        $run = Invoke-PinFreshPwsh -ModulePath $isolatedModulePath -Script $script
        $run.Error | Should -BeNullOrEmpty
        $run.Result.Count | Should -BeGreaterThan 0
        $run.Result.ModuleBase | Should -BeLike "$installFolder*"
    }
}
