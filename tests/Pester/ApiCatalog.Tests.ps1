#Requires -Modules Pester
# The embedded API catalogue is exactly what tools/Update-ApiCatalog.ps1 makes from Pinterest's
# OpenAPI description: no hand edits, no drift.

BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $sharedApi = if ($env:PINTEREST_OPENAPI) { Split-Path $env:PINTEREST_OPENAPI } else { Join-Path $repoRoot '../shared/pinterest-api' }
    $script:descriptionPresent = (Test-Path (Join-Path $sharedApi 'openapi.json')) -and (Test-Path (Join-Path $sharedApi 'reporting-operations.json'))
}

Describe 'API catalogue' {
    BeforeAll {
        $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $sharedApi = if ($env:PINTEREST_OPENAPI) { Split-Path $env:PINTEREST_OPENAPI } else { Join-Path $repoRoot '../shared/pinterest-api' }
        $catalogPath = Join-Path $repoRoot 'src/PinterestAds.Engine/Api/api-catalog.json'
        if (-not (Test-Path (Join-Path $sharedApi 'openapi.json'))) {
            Write-Warning "Skipping the API catalogue checks: $sharedApi/openapi.json is absent (set PINTEREST_OPENAPI to its path)."
        }
    }

    It 'equals a fresh extraction from the OpenAPI description' -Skip:(-not $descriptionPresent) {
        $fresh = & (Join-Path $repoRoot 'tools/Update-ApiCatalog.ps1') -SharedApiFolder $sharedApi -PassThru
        $committed = (Get-Content -Raw $catalogPath).TrimEnd("`n")
        $fresh | Should -BeExactly $committed -Because 'run tools/Update-ApiCatalog.ps1 after updating the description'
    }

    It 'covers every operation of the digest' -Skip:(-not $descriptionPresent) {
        $digest = Get-Content -Raw (Join-Path $sharedApi 'reporting-operations.json') | ConvertFrom-Json
        $catalog = Get-Content -Raw $catalogPath | ConvertFrom-Json
        ($catalog.operations.operationId | Sort-Object) | Should -Be ($digest.operations.operationId | Sort-Object)
    }

}
