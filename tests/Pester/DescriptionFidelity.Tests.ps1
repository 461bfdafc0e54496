#Requires -Modules Pester
# The module's limits are the OpenAPI description's, no stricter and no looser, against the emulator:
# nested required fields, the sync "end_date <= start_date + 90" rule, the ad account's HOUR window,
# the template report's 2.5 years, the product group listing's filter rule, targeting types per level,
# and id lengths per parameter. Each refusal comes before any request; each allowance reaches the API.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 100 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    $script:today = [datetime]::UtcNow.Date
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id

    # The failure of one call as an ErrorRecord, or $null when it did not fail.
    function script:Get-Failure([scriptblock] $Call) {
        try { $null = & $Call -ErrorAction Stop 2>$null; $null } catch { $_ }
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Nested required fields of the async report body' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'refuses a custom conversion metric without its event name, before any request' {
        $failure = Get-Failure { New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR -CustomConversionEventMetric ADE_ROAS }
        $failure.FullyQualifiedErrorId | Should -BeLike 'RequiredFieldMissing,*'
        $failure.Exception.Message | Should -Match 'custom_event_name'
        $failure.Exception.Message | Should -Match "ADE_ROAS:event name"
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }

    It 'sends the event name when given' {
        $job = New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR -CustomConversionEventMetric 'ADE_ROAS:lead'
        $job.Token | Should -Not -BeNullOrEmpty
        $post = Get-PinTestEmulatorRequest $emu -PathLike '*/reports' | Where-Object method -eq 'POST'
        $post.Count | Should -Be 1
    }
}

Describe 'Sync spans: end_date <= start_date + 90 days' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'asks for the 91 days from 90 days back to today in one call per id chunk' {
        $rows = @(Get-PinAnalytics -Level Campaign -Id $account.campaigns[0].id -StartDate $today.AddDays(-90) -Granularity Day -Column IMPRESSION_1 -WarningAction SilentlyContinue -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $calls = Get-PinTestEmulatorRequest $emu -PathLike '*/campaigns/analytics'
        $calls.Count | Should -Be 1
        $calls[0].queryString | Should -Match ("start_date={0:yyyy-MM-dd}&end_date={1:yyyy-MM-dd}" -f $today.AddDays(-90), $today)
        $rows.Count | Should -BeGreaterThan 0
    }

    It 'gives a TOTAL over those 91 days in one call' {
        $rows = @(Get-PinAnalytics -Level AdAccount -StartDate $today.AddDays(-90) -EndDate $today -Granularity Total -Column SPEND_IN_DOLLAR -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 1
        (Get-PinTestEmulatorRequest $emu -PathLike '*/analytics').Count | Should -Be 1
    }
}

Describe 'HOUR on the ad account: 8 days back, no 3-day range' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'asks for 9 days of hours in one ad account call, where campaigns take 3-day parts' {
        $null = Get-PinAnalytics -Level AdAccount -StartDate $today.AddDays(-8) -EndDate $today -Granularity Hour -Column IMPRESSION_1 -WarningAction SilentlyContinue -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        (Get-PinTestEmulatorRequest $emu -PathLike '*/ad_accounts/*/analytics').Count | Should -Be 1
        Clear-PinTestEmulatorRequest $emu
        $null = Get-PinAnalytics -Level Campaign -Id $account.campaigns[0].id -StartDate $today.AddDays(-8) -EndDate $today -Granularity Hour -Column IMPRESSION_1 -WarningAction SilentlyContinue
        (Get-PinTestEmulatorRequest $emu -PathLike '*/campaigns/analytics').Count | Should -Be 3
    }

    It 'still refuses hours more than 8 days back' {
        $failure = Get-Failure { Get-PinAnalytics -Level AdAccount -StartDate $today.AddDays(-9) -EndDate $today -Granularity Hour -Column IMPRESSION_1 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'StartDateBeyondLookback,*'
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }
}

Describe 'Template reports: 2.5 years back, 2.5 years long, one report' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'runs a template over 2.5 years as one report' {
        $template = $account.templates[0].id
        $job = @(New-PinAsyncReport -TemplateId $template -StartDate $today.AddMonths(-30) -EndDate $today -WarningAction SilentlyContinue -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $job.Count | Should -Be 1 -Because 'more than 914 days back and longer than 186 days is still one template report'
        $posts = @(Get-PinTestEmulatorRequest $emu -PathLike '*/templates/*/reports' | Where-Object method -eq 'POST')
        $posts.Count | Should -Be 1
        $posts[0].queryString | Should -Match ("start_date={0:yyyy-MM-dd}" -f $today.AddMonths(-30))
    }

    It 'refuses a start more than 2.5 years back, before any request' {
        $failure = Get-Failure { New-PinAsyncReport -TemplateId $account.templates[0].id -StartDate $today.AddMonths(-30).AddDays(-1) -EndDate $today }
        $failure.FullyQualifiedErrorId | Should -BeLike 'StartDateBeyondLookback,*'
        $failure.Exception.Message | Should -Match '2\.5 years'
        @(Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Where-Object method -eq 'POST') | Should -BeNullOrEmpty
    }
}

Describe 'Product group promotions need ids or an ad group' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'refuses a listing of the whole ad account, before any request' {
        $failure = Get-Failure { Get-PinProductGroup }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ProductGroupFilterRequired,*'
        $failure.Exception.Message | Should -Match 'Get-PinAdGroup \| Get-PinProductGroup'
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }

    It 'refuses ids and an ad group together, which the API would not intersect' {
        $group = $account.campaigns[0].adGroups[0]
        $failure = Get-Failure { Get-PinProductGroup -Id $group.productGroups[0].id -AdGroupId $account.campaigns[1].adGroups[0].id }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ProductGroupFilterConflict,*'
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }

    It 'lists by ids alone' {
        $group = $account.campaigns[0].adGroups[0]
        $listed = @(Get-PinProductGroup -Id $group.productGroups[0].id -Status Active, Paused, Archived)
        $listed.Id | Should -Be $group.productGroups[0].id
    }
}

Describe 'Targeting types that exist at one level only' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'refuses <Type> at <Level>, naming <OnlyAt>' -ForEach @(
        @{ Type = 'AUDIENCE_MULTIPLIER'; Level = 'AdGroupTargeting'; OnlyAt = 'CAMPAIGN_TARGETING' }
        @{ Type = 'MEDIA_TYPE'; Level = 'CampaignTargeting'; OnlyAt = 'PRODUCT_ITEM_TARGETING' }
    ) {
        $failure = Get-Failure { New-PinAsyncReport -Level $Level -TargetingType $Type -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR }
        $failure.FullyQualifiedErrorId | Should -BeLike 'TargetingTypeNotAtLevel,*'
        $failure.Exception.Message | Should -Match $OnlyAt
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }

    It 'creates an AUDIENCE_MULTIPLIER report at CAMPAIGN_TARGETING' {
        $job = New-PinAsyncReport -Level CampaignTargeting -TargetingType AUDIENCE_MULTIPLIER -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR
        $job.Token | Should -Not -BeNullOrEmpty
    }
}

Describe 'Ids: the pattern and length the description gives for each parameter' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'sends a 19-digit ad id (ad_ids: ^\d+$, no maxLength)' {
        $ads = @(Get-PinAd -Id ('7' * 19) -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $ads | Should -BeNullOrEmpty
        (Get-PinTestEmulatorRequest $emu -PathLike '*/ads').Count | Should -Be 1
    }

    It 'refuses a 19-digit parent campaign id of ad groups (ad_groups/list campaign_ids: maxLength 18), before any request' {
        $failure = Get-Failure { Get-PinAdGroup -CampaignId ('7' * 19) }
        $failure.FullyQualifiedErrorId | Should -BeLike 'IdTooLong,*'
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }

    It 'refuses a 19-digit campaign id (campaign_ids: maxLength 18), before any request' {
        $failure = Get-Failure { Get-PinCampaign -Id ('7' * 19) }
        $failure.FullyQualifiedErrorId | Should -BeLike 'IdTooLong,*'
        $failure.Exception.Message | Should -Match '18'
        Get-PinTestEmulatorRequest $emu -PathLike '/v5/*' | Should -BeNullOrEmpty
    }
}
