#Requires -Modules Pester
# Issue 18: every parameter the description defines is reachable and sent as it encodes it (templates'
# order, bulk include_details, ads/list with campaign and ad group filters, the client_credentials grant
# and the scope field), bulk statuses read only as bulk values, and each operation's rate-limit category
# and retry rule taken from the catalogue (bulk polling paced by ads_read, the transient 400 retried for
# targeting analytics too). Checked through the emulator's request journal.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ BulkPreparationMs = 1200; ReportPreparationMs = 1200; CampaignsPerAccount = 3; AdGroupsPerCampaign = 2; AdsPerAdGroup = 2; TemplatesPerAccount = 4 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:accountInfo = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    $script:account = $accountInfo.id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $script:visible = 'ACTIVE', 'PAUSED'
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)

    function script:Get-FirstError([scriptblock] $Command) {
        $ErrorActionPreference = 'Stop'
        try { $null = & $Command; $null } catch { $_ }
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinTemplate -Order' {
    It 'sends order=<Order> and lists the templates in that order' -ForEach @(@{ Order = 'ASCENDING' }, @{ Order = 'DESCENDING' }) {
        Clear-PinTestEmulatorRequest $emu
        $templates = @(Get-PinTemplate -Order $Order)
        $entries = @(Get-PinTestEmulatorRequest $emu -OperationId 'templates/list')
        $entries.Count | Should -BeGreaterThan 0
        $entries | ForEach-Object { $_.queryString | Should -BeLike "*order=$Order*" }
        $ids = @($templates.Id | ForEach-Object { [decimal]$_ })
        $sorted = @($ids | Sort-Object -Descending:($Order -eq 'DESCENDING'))
        $ids | Should -Be $sorted
        $ids.Count | Should -Be @($accountInfo.templates).Count
    }

    It 'leaves order out when not given' {
        Clear-PinTestEmulatorRequest $emu
        $null = Get-PinTemplate
        @(Get-PinTestEmulatorRequest $emu -OperationId 'templates/list')[0].queryString | Should -Not -BeLike '*order=*'
    }
}

Describe 'Get-PinAd with -CampaignId and -AdGroupId together' {
    BeforeAll {
        $script:campaigns = @($accountInfo.campaigns)
        $script:groupA = $campaigns[0].adGroups[0]
    }

    It 'sends both filters, repeated as explode: true encodes them, and the answer honours both' {
        Clear-PinTestEmulatorRequest $emu
        $ads = @(Get-PinAd -CampaignId $campaigns[0].id -AdGroupId $groupA.id -Status Active, Paused, Archived)
        $query = @(Get-PinTestEmulatorRequest $emu -OperationId 'ads/list')[0].queryString
        $query | Should -BeLike "*campaign_ids=$($campaigns[0].id)*"
        $query | Should -BeLike "*ad_group_ids=$($groupA.id)*"
        ($ads.Id | Sort-Object) | Should -Be @($groupA.ads.id | Sort-Object)
    }

    It 'finds nothing for an ad group outside the campaign: the campaign filter is not dropped' {
        $ads = @(Get-PinAd -CampaignId $campaigns[1].id -AdGroupId $groupA.id -Status Active, Paused, Archived)
        $ads.Count | Should -Be 0
    }

    It 'sends a command-line -CampaignId with piped ad groups' {
        Clear-PinTestEmulatorRequest $emu
        $null = @(Get-PinAdGroup -CampaignId $campaigns[0].id | Get-PinAd -CampaignId $campaigns[0].id)
        $queries = @(Get-PinTestEmulatorRequest $emu -OperationId 'ads/list').queryString
        $queries.Count | Should -BeGreaterThan 0
        $queries | ForEach-Object { $_ | Should -BeLike "*campaign_ids=$($campaigns[0].id)*"; $_ | Should -BeLike '*ad_group_ids=*' }
    }
}

Describe 'Bulk requests: include_details and statuses' {
    It 'Get-PinReport -Kind Bulk -IncludeDetails sends include_details=true; without it, nothing' {
        $job = New-PinBulkDownload -EntityType CAMPAIGN
        Clear-PinTestEmulatorRequest $emu
        $null = Get-PinReport -Token $job.Token -Kind Bulk -IncludeDetails
        $null = $job | Get-PinReport -IncludeDetails
        $null = Get-PinReport -Token $job.Token -Kind Bulk
        $queries = @(Get-PinTestEmulatorRequest $emu -OperationId 'bulk_request/get').queryString
        $queries.Count | Should -Be 3
        $queries[0] | Should -Be '?include_details=true'
        $queries[1] | Should -Be '?include_details=true'
        $queries[2] | Should -Be ''
    }

    It 'an unknown bulk request is a BulkRequestNotFound error, not a DOES_NOT_EXIST job' {
        $failure = Get-FirstError { Get-PinReport -Token '98765' -Kind Bulk }
        $failure.FullyQualifiedErrorId | Should -BeLike 'BulkRequestNotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -BeLike '*98765*'
        @(Get-PinReport -Token '98765' -Kind Bulk -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'an answer without a status is BulkStatusMissing and never reads as FAILED' {
        $job = New-PinBulkDownload -EntityType CAMPAIGN
        $null = Set-PinTestEmulatorReportStatus $emu -Token $job.Token -Status ABSENT
        $failure = Get-FirstError { Get-PinReport -Token $job.Token -Kind Bulk }
        $failure.FullyQualifiedErrorId | Should -BeLike 'BulkStatusMissing,*'
        $failure.Exception.Message | Should -BeLike '*not failed*'
        $done = @($job | Wait-PinReport -ErrorVariable failures -ErrorAction SilentlyContinue)
        $done | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'BulkStatusMissing,*'
    }

    It 'a bulk job only ever holds RUNNING, SUCCEEDED or FAILED' {
        $job = New-PinBulkDownload -EntityType CAMPAIGN
        $job.Status | Should -Be 'RUNNING'
        ($job | Wait-PinReport).Status | Should -Be 'SUCCEEDED'
        $failed = New-PinBulkDownload -EntityType CAMPAIGN
        $null = Set-PinTestEmulatorReportStatus $emu -Token $failed.Token -Status FAILED
        ($failed | Get-PinReport).Status | Should -Be 'FAILED'
    }
}

Describe 'Polling is paced by each status operation''s own rate-limit category' {
    # With the other category's budget at 1-2 a minute, polling paced by the wrong category would space its
    # polls a minute or more apart, past the timeout.
    It '<Kind> polling uses the <Category> budget: a tiny <Other> budget does not slow it' -ForEach @(
        @{ Kind = 'Bulk'; Category = 'ads_read'; Other = 'ads_analytics'; Operation = 'bulk_request/get'; Final = 'SUCCEEDED' }
        @{ Kind = 'Report'; Category = 'ads_analytics'; Other = 'ads_read'; Operation = 'analytics/get_report'; Final = 'FINISHED' }) {
        $session = Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account -RequestsPerMinute @{ $Other = 2 } -PassThru -NoDefault
        try {
            $job = if ($Kind -eq 'Bulk') { New-PinBulkDownload -Session $session -EntityType CAMPAIGN }
                   else { New-PinAsyncReport -Session $session -Level Campaign -StartDate $today.AddDays(-5) -EndDate $today.AddDays(-4) -Column SPEND_IN_DOLLAR }
            Clear-PinTestEmulatorRequest $emu
            ($job | Wait-PinReport -Session $session -TimeoutSec 20).Status | Should -Be $Final
            $polls = @(Get-PinTestEmulatorRequest $emu -OperationId $Operation)
            $polls.Count | Should -BeGreaterOrEqual 2
            $polls | ForEach-Object { $_.rateLimitCategory | Should -Be $Category }
        }
        finally { $session.Dispose() }
    }
}

Describe 'The transient 400 ("Retry after N seconds") is retried for every analytics operation' {
    AfterEach { Clear-PinTestEmulatorFault $emu }

    It 'retries <Operation>' -ForEach @(
        @{ Operation = 'campaign_targeting_analytics/get'; Targeting = $true }
        @{ Operation = 'ad_account_targeting_analytics/get'; Targeting = $true }
        @{ Operation = 'campaigns/analytics'; Targeting = $false }) {
        $campaignIds = @($accountInfo.campaigns.id)
        Add-PinTestEmulatorFault $emu -Kind status -Target $Operation -Status 400 -RetryAfterSeconds 1 -Count 1
        Clear-PinTestEmulatorRequest $emu
        $level = if ($Operation -like 'ad_account*') { 'AdAccount' } else { 'Campaign' }
        $params = @{ Level = $level; StartDate = $today.AddDays(-10); EndDate = $today.AddDays(-8); Column = 'SPEND_IN_DOLLAR'; ErrorAction = 'Stop' }
        if ($level -eq 'Campaign') { $params.Id = $campaignIds }
        $rows = if ($Targeting) { @(Get-PinTargetingAnalytics @params -TargetingType GENDER) } else { @(Get-PinAnalytics @params) }
        $rows.Count | Should -BeGreaterThan 0
        $statuses = @((@(Get-PinTestEmulatorRequest $emu -OperationId $Operation)).status)
        $statuses | Should -Be @(400, 200)
    }

    It 'does not retry a 400 of another operation' {
        Add-PinTestEmulatorFault $emu -Kind status -Target 'campaigns/list' -Status 400 -RetryAfterSeconds 1 -Count 1
        Clear-PinTestEmulatorRequest $emu
        $failure = Get-FirstError { Get-PinCampaign }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ApiBadRequest,*'
        @((@(Get-PinTestEmulatorRequest $emu -OperationId 'campaigns/list')).status) | Should -Be @(400)
    }
}

Describe 'Connect-PinAccount: the client_credentials grant and the scope field' {
    It '-ClientCredentials sends grant_type=client_credentials with scope, and renews the same way' {
        Clear-PinTestEmulatorRequest $emu
        $session = Connect-PinAccount -ClientCredentials -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret -Scope 'ads:read' `
            -ApiBaseUri $emu.ApiBaseUri -AdAccountId $account -PassThru -NoDefault
        try {
            $grants = @(Get-PinTestEmulatorRequest $emu -OperationId 'oauth/token')
            $grants.Count | Should -Be 1
            $grants[0].tokenRequest.grant_type | Should -Be 'client_credentials'
            $grants[0].tokenRequest.scope | Should -Be 'ads:read'
            $grants[0].hadAuthorization | Should -BeTrue -Because 'client id and secret travel as HTTP Basic'
            $session.CanRefresh | Should -BeTrue
            $session.TakeRefreshToken() | Should -BeNullOrEmpty

            $null = Invoke-PinTestEmulatorTokenExpiry $emu
            @(Get-PinCampaign -Session $session).Count | Should -BeGreaterThan 0
            $grants = @(Get-PinTestEmulatorRequest $emu -OperationId 'oauth/token')
            $grants.Count | Should -Be 2
            $grants[1].tokenRequest.grant_type | Should -Be 'client_credentials'
        }
        finally { $session.Dispose() }
    }

    It 'joins several scopes with commas' {
        Clear-PinTestEmulatorRequest $emu
        $session = Connect-PinAccount -ClientCredentials -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret -Scope 'ads:read', 'user_accounts:read' `
            -ApiBaseUri $emu.ApiBaseUri -PassThru -NoDefault
        $session.Dispose()
        @(Get-PinTestEmulatorRequest $emu -OperationId 'oauth/token')[0].tokenRequest.scope | Should -Be 'ads:read,user_accounts:read'
    }

    It '-RefreshToken -Scope sends scope with the refresh grant; without -Scope the field is left out' {
        Clear-PinTestEmulatorRequest $emu
        $first = Connect-PinAccount -RefreshToken $emu.RefreshToken -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret -Scope 'ads:read' `
            -ApiBaseUri $emu.ApiBaseUri -PassThru -NoDefault
        $rotated = $first.TakeRefreshToken()   # the rotated refresh token is handed over once
        $first.Dispose()
        $second = Connect-PinAccount -RefreshToken $rotated -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret -ApiBaseUri $emu.ApiBaseUri -PassThru -NoDefault
        $second.Dispose()
        $grants = @(Get-PinTestEmulatorRequest $emu -OperationId 'oauth/token')
        $grants.Count | Should -Be 2
        $grants[0].tokenRequest.grant_type | Should -Be 'refresh_token'
        $grants[0].tokenRequest.scope | Should -Be 'ads:read'
        $grants[1].tokenRequest.PSObject.Properties.Name | Should -Not -Contain 'scope'
    }

    It 'the emulator refuses a client_credentials grant without scope, as the description requires it' {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($emu.ClientId):$([Net.NetworkCredential]::new('', $emu.ClientSecret).Password)"))
        $answer = Invoke-WebRequest -Method Post -Uri "$($emu.ApiBaseUri)/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
            -Body @{ grant_type = 'client_credentials' } -ContentType 'application/x-www-form-urlencoded' -SkipHttpErrorCheck
        $answer.StatusCode | Should -Be 400
        ($answer.Content | ConvertFrom-Json).message | Should -BeLike "*scope*"
    }
}
