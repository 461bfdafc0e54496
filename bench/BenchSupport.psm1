# What the campaign-fan-out benchmarks (SyncFanout, LongRange, SyncNightly) share: importing the built
# module, and an emulator of one account with many one-ad-group campaigns when none is given. The emulator
# launcher is the tests' (tests/Pester/TestSupport.psm1), the pwsh launcher tools/Build/PinProcess.psm1's.

$repoRoot = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $repoRoot 'tools/Build/PinProcess.psm1')

function Import-PinBenchModule {
    <# Imports the module at -ModulePath (a manifest or its version folder), else the newest one built under out/. #>
    param([string] $ModulePath)
    if (-not $ModulePath) {
        $ModulePath = Get-ChildItem (Join-Path $repoRoot 'out/PinterestAds') -Directory | Sort-Object { [version]$_.Name } -Descending |
            Select-Object -First 1 -ExpandProperty FullName
    }
    if (Test-Path $ModulePath -PathType Container) { $ModulePath = Join-Path $ModulePath 'PinterestAds.psd1' }
    # Resolved against the caller's location (inside a module a relative path would be looked up elsewhere).
    Import-Module (Resolve-Path $ModulePath).Path -Force -Global
}

function Connect-PinBenchEmulator {
    <#
    The API and admin addresses to measure against: the given ones, or those of an emulator started here
    (one ad account, -CampaignCount campaigns of one ad group and one ad each, -LatencyMs per request).
    Returns ApiBaseUri, AdminUri (no trailing slash) and Emulator (what Stop-PinTestEmulator takes; null when given).
    #>
    param([uri] $ApiBaseUri, [uri] $AdminUri, [int] $CampaignCount, [int] $LatencyMs)
    $emulator = $null
    if (-not $ApiBaseUri) {
        Import-Module (Join-Path $repoRoot 'tests/Pester/TestSupport.psm1') -Force -Global
        $emulator = Start-PinTestEmulator -Option @{
            AdAccounts = 1; CampaignsPerAccount = $CampaignCount; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1; ProductGroupsPerAdGroup = 0
            TemplatesPerAccount = 0; LatencyMs = $LatencyMs
        } -TimeoutSeconds 60
        $ApiBaseUri = $emulator.ApiBaseUri
        $AdminUri = $emulator.AdminUri
    }
    if (-not $AdminUri) { $AdminUri = [uri]($ApiBaseUri.AbsoluteUri -replace '/v5/?$', '/_emulator') }
    [pscustomobject]@{ ApiBaseUri = $ApiBaseUri; AdminUri = $AdminUri.AbsoluteUri.TrimEnd('/'); Emulator = $emulator }
}

Export-ModuleMember -Function Import-PinBenchModule, Connect-PinBenchEmulator, Get-PinChildPwshCommand
