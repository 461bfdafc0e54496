#Requires -Modules Pester
# The sandbox: a session that says Sandbox (also with -ApiBaseUri standing in for it) refuses, before any
# request, every operation the description marks x-sandbox: disabled, naming the environment and what works
# instead; the engine's Supports() query says the same; the emulator's sandbox mode answers those operations
# as the sandbox does. An app token (client_credentials) is refused where the description's security lacks it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ Sandbox = $true; ReportPreparationMs = 0; BulkPreparationMs = 0 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    $script:sandbox = Connect-PinAccount -Environment Sandbox -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account -PassThru -NoDefault

    # Every operation the module covers (its catalogue) with the description's x-sandbox mark, read from the description's digest.
    $catalogue = Get-Content -Raw (Join-Path $PSScriptRoot '../../src/PinterestAds.Engine/Api/api-catalog.json') | ConvertFrom-Json
    $digest = Get-Content -Raw (Join-Path $PSScriptRoot '../../../shared/pinterest-api/reporting-operations.json') | ConvertFrom-Json
    $script:covered = @($digest.operations | Where-Object operationId -in $catalogue.operations.operationId)
    $script:disabled = @($covered | Where-Object sandbox -eq 'disabled' | ForEach-Object operationId | Sort-Object)

    # The first error a command raises, terminating or not.
    function script:Get-FirstError([scriptblock] $Command) {
        $ErrorActionPreference = 'Stop'
        try { $null = & $Command; $null } catch { $_ }
    }

    $script:start = (Get-Date).ToUniversalTime().Date.AddDays(-10)
    # One command per disabled operation, reaching it the way a user would.
    $script:reach = [ordered]@{
        'analytics/create_report'               = { New-PinAsyncReport -Session $sandbox -Level Campaign -StartDate $start -EndDate $start.AddDays(2) -Column SPEND_IN_DOLLAR -Confirm:$false }
        'analytics/create_mmm_report'           = { New-PinMmmReport -Session $sandbox -Name 'sandbox' -StartDate $start -EndDate $start.AddDays(2) -TargetingType GENDER -Column SPEND_IN_DOLLAR -Confirm:$false }
        'analytics/create_template_report'      = { New-PinAsyncReport -Session $sandbox -TemplateId 123 -Confirm:$false }
        'analytics/get_mmm_report'              = { Get-PinReport -Session $sandbox -Token 'some-mmm-token' -Kind Mmm }
        'analytics/get_report'                  = { Get-PinReport -Session $sandbox -Token 'some-report-token' }
        'audience_insights/get'                 = { Get-PinAudienceInsight -Session $sandbox }
        'audience_insights_scope_and_type/get'  = { Get-PinAudienceDefinition -Session $sandbox }
        'bulk_download/create'                  = { New-PinBulkDownload -Session $sandbox -EntityType CAMPAIGN -Confirm:$false }
        'bulk_request/get'                      = { Get-PinReport -Session $sandbox -Token '12345' -Kind Bulk }
        'product_group_promotions/list'         = { Get-PinProductGroup -Session $sandbox -AdGroupId 123 }
        'product_groups/analytics'              = { Get-PinAnalytics -Session $sandbox -Level ProductGroup -StartDate $start -EndDate $start.AddDays(2) -Column SPEND_IN_DOLLAR }
    }
    # Disabled operations no cmdlet reaches yet: the engine refuses them all the same (every request passes
    # the session's rules). Move an operation to $reach when a cmdlet comes to call it.
    $script:noCmdletYet = @('ad_pins/analytics')
}

AfterAll {
    if ($sandbox) { $sandbox.Dispose() }
    Stop-PinTestEmulator $emu
}

Describe 'A Sandbox session' {
    It 'keeps the sandbox''s rules with -ApiBaseUri: the session says Sandbox, not Custom' {
        $sandbox.Environment | Should -Be 'Sandbox'
        $sandbox.ApiBaseUri | Should -Be $emu.ApiBaseUri
        (Get-PinSession -Session $sandbox).Environment | Should -Be 'Sandbox'
    }

    It 'has a command for every operation the description marks x-sandbox: disabled' {
        $disabled.Count | Should -BeGreaterThan 0
        @(@($reach.Keys) + @($noCmdletYet) | Sort-Object) | Should -Be $disabled
        foreach ($operationId in $noCmdletYet) { $sandbox.Supports($operationId) | Should -BeFalse }
    }

    It 'refuses <_> before any request, naming the environment and what works instead' -ForEach @(
        'analytics/create_mmm_report', 'analytics/create_report', 'analytics/create_template_report', 'analytics/get_mmm_report',
        'analytics/get_report', 'audience_insights/get', 'audience_insights_scope_and_type/get', 'bulk_download/create',
        'bulk_request/get', 'product_group_promotions/list', 'product_groups/analytics') {
        $operationId = $_
        Clear-PinTestEmulatorRequest $emu
        $failure = Get-FirstError $reach[$operationId]
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'NotAvailableInSandbox,*'
        $failure.Exception.OperationId | Should -Be $operationId
        $failure.Exception.Message | Should -BeLike '*sandbox*Sandbox*'
        $failure.Exception.Message | Should -BeLike '*Instead:*'
        @(Get-PinTestEmulatorRequest $emu -HostKind api) | Should -BeNullOrEmpty -Because 'nothing may be sent for an operation the sandbox lacks'
    }

    It 'answers Supports() from the description for every covered operation' {
        foreach ($operation in $covered) {
            $sandbox.Supports($operation.operationId) | Should -Be ($operation.sandbox -ne 'disabled') -Because $operation.operationId
        }
    }

    It 'still serves what the sandbox has (entities, sync analytics, templates list)' {
        @(Get-PinCampaign -Session $sandbox).Count | Should -BeGreaterThan 0
        @(Get-PinTemplate -Session $sandbox).Count | Should -BeGreaterThan 0
        $rows = @(Get-PinAnalytics -Session $sandbox -Level AdAccount -StartDate (Get-Date).ToUniversalTime().Date.AddDays(-5) -Column SPEND_IN_DOLLAR -ErrorAction Stop)
        $rows | Should -Not -BeNullOrEmpty
    }
}

Describe 'Production and Custom sessions' {
    It 'support every operation; -Environment Production with -ApiBaseUri is Custom' {
        $custom = Connect-PinAccount -Environment Production -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -PassThru -NoDefault
        try {
            $custom.Environment | Should -Be 'Custom'
            foreach ($operationId in $disabled) { $custom.Supports($operationId) | Should -BeTrue }
        }
        finally { $custom.Dispose() }
    }
}

Describe 'The emulator''s sandbox mode' {
    It 'answers 404 with a Pinterest error to <_> (x-sandbox: disabled) when the client does not refuse it' -ForEach @('bulk_download/create', 'analytics/create_report') {
        # A Custom session does not know it talks to a sandbox: the emulator's answer reaches it.
        $custom = Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account -PassThru -NoDefault
        try {
            $failure = if ($_ -eq 'bulk_download/create') { Get-FirstError { New-PinBulkDownload -Session $custom -EntityType CAMPAIGN -Confirm:$false } }
            else { Get-FirstError { New-PinAsyncReport -Session $custom -Level Campaign -StartDate (Get-Date).AddDays(-5) -EndDate (Get-Date).AddDays(-4) -Column SPEND_IN_DOLLAR -Confirm:$false } }
            $failure.FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
            $failure.Exception.ApiMessage | Should -BeLike '*not available in the API Sandbox*'
        }
        finally { $custom.Dispose() }
    }

    It 'serves every operation again when sandbox mode is switched off at run time' {
        $null = Set-PinTestEmulatorOption $emu @{ sandbox = $false }
        try {
            $custom = Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account -PassThru -NoDefault
            try { (New-PinBulkDownload -Session $custom -EntityType CAMPAIGN -Confirm:$false).Status | Should -Be 'RUNNING' }
            finally { $custom.Dispose() }
        }
        finally { $null = Set-PinTestEmulatorOption $emu @{ sandbox = $true } }
    }
}

Describe 'A client_credentials session' {
    It 'refuses, unsent, what the description''s security keeps from app tokens, and serves the rest' {
        $app = Connect-PinAccount -ClientCredentials -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret -Scope 'ads:read' `
            -ApiBaseUri $emu.ApiBaseUri -AdAccountId $account -PassThru -NoDefault
        try {
            $app.Supports('analytics/create_report') | Should -BeFalse
            $app.Supports('campaigns/list') | Should -BeTrue
            Clear-PinTestEmulatorRequest $emu
            $failure = Get-FirstError { New-PinAsyncReport -Session $app -Level Campaign -StartDate (Get-Date).AddDays(-5) -EndDate (Get-Date).AddDays(-4) -Column SPEND_IN_DOLLAR -Confirm:$false }
            $failure.FullyQualifiedErrorId | Should -BeLike 'NotAvailableWithClientCredentials,*'
            @(Get-PinTestEmulatorRequest $emu -HostKind api) | Should -BeNullOrEmpty
            @(Get-PinCampaign -Session $app).Count | Should -BeGreaterThan 0
        }
        finally { $app.Dispose() }
    }
}
