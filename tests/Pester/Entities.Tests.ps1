#Requires -Modules Pester
# Get-PinAdAccount, Get-PinCampaign, Get-PinAdGroup, Get-PinAd, Get-PinProductGroup against the
# emulator's world: paging to the end, stopping early, filters, pipeline binding and batching,
# validation before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 7; AdGroupsPerCampaign = 2; AdsPerAdGroup = 2 }
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken
    $script:world = Invoke-RestMethod "$($emu.AdminUri)/world"
    $script:account = $world.adAccounts | Where-Object access -ne 'FORBIDDEN' | Select-Object -First 1
    $script:deniedAccount = $world.adAccounts | Where-Object access -eq 'FORBIDDEN' | Select-Object -First 1
    $script:visible = 'ACTIVE', 'PAUSED'

    # The emulator journals a request once its answer is written: give it a moment to settle.
    function script:Get-AdminRequest { Start-Sleep -Milliseconds 200; Get-PinTestEmulatorRequest $emu | Where-Object Path -notlike '/_emulator*' }
    function script:Clear-AdminRequest { Invoke-RestMethod -Method Delete "$($emu.AdminUri)/requests" | Out-Null }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinAdAccount' {
    It 'lists the accounts the token can see, as typed objects' {
        $accounts = @(Get-PinAdAccount)
        $accounts.Count | Should -BeGreaterThan 0
        $accounts[0].PSTypeNames | Should -Contain 'PinterestAds.PinAdAccount'
        $accounts.Id | Should -Contain $account.id
        $accounts[0].AdAccountId | Should -Be $accounts[0].Id
    }

    It 'gets accounts by id, and reports a forbidden one as a non-terminating PermissionDenied error' {
        $result = @(Get-PinAdAccount -Id $account.id, $deniedAccount.id -ErrorVariable failures -ErrorAction SilentlyContinue)
        $result.Id | Should -Be @($account.id)
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PermissionDenied,*'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].TargetObject | Should -Be $deniedAccount.id
    }
}

Describe 'Get-PinCampaign' {
    It 'returns exactly the world''s active and paused campaigns, each carrying its ad account and id' {
        $expected = $account.campaigns | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id)
        ($campaigns.Id | Sort-Object) | Should -Be $expected
        $campaigns | ForEach-Object { $_.AdAccountId | Should -Be $account.id; $_.CampaignId | Should -Be $_.Id }
        $campaigns[0].PSTypeNames | Should -Contain 'PinterestAds.PinEntity'
    }

    It 'follows the bookmark to the end with small pages' {
        Clear-AdminRequest
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id -PageSize 2)
        $pages = @(Get-AdminRequest | Where-Object path -like '*/campaigns')
        $campaigns.Count | Should -Be @($account.campaigns | Where-Object status -in $visible).Count
        $pages.Count | Should -BeGreaterOrEqual ([math]::Ceiling($campaigns.Count / 2))
        $pages.Count | Should -BeLessOrEqual ([math]::Ceiling($campaigns.Count / 2) + 1) -Because 'one request per page, and at most one empty last page'
    }

    It 'stops requesting pages when the pipeline stops' {
        Clear-AdminRequest
        $first = @(Get-PinCampaign -AdAccountId $account.id -PageSize 1 | Select-Object -First 2)
        $first.Count | Should -Be 2
        $pages = @(Get-AdminRequest | Where-Object path -like '*/campaigns').Count
        $pages | Should -Be 2 -Because 'the next page is requested only when downstream wants more'
        $pages | Should -BeLessThan (@($account.campaigns | Where-Object status -in $visible).Count)
    }

    It 'filters by status, in either spelling' {
        $archived = $account.campaigns | Where-Object status -eq 'ARCHIVED' | ForEach-Object id | Sort-Object
        (@(Get-PinCampaign -AdAccountId $account.id -Status Archived).Id | Sort-Object) | Should -Be $archived
        (@(Get-PinCampaign -AdAccountId $account.id -Status ARCHIVED).Id | Sort-Object) | Should -Be $archived
        (@(Get-PinCampaign -AdAccountId $account.id -Status archived).Id | Sort-Object) | Should -Be $archived
    }

    It 'gets campaigns by id' {
        $ids = @($account.campaigns | Where-Object status -in $visible | Select-Object -First 2 -ExpandProperty id)
        (@(Get-PinCampaign -AdAccountId $account.id -Id $ids).Id | Sort-Object) | Should -Be ($ids | Sort-Object)
    }

    It 'binds the ad account from piped ad accounts' {
        $campaigns = @(Get-PinAdAccount -Id $account.id | Get-PinCampaign)
        $campaigns.Count | Should -Be @($account.campaigns | Where-Object status -in $visible).Count
    }

    It 'refuses bad ids before any request' -TestCases @(
        @{ Id = 'abc'; ErrorId = 'IdNotNumeric' }
        @{ Id = '1234567890123456789'; ErrorId = 'IdTooLong' }
    ) {
        param($Id, $ErrorId)
        Clear-AdminRequest
        Get-PinCampaign -AdAccountId $account.id -Id $Id -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -Match '-Id'
        @(Get-AdminRequest).Count | Should -Be 0
    }

    It 'needs an ad account, and says how to give one' {
        Get-PinCampaign -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'AdAccountIdRequired,*'
        $failure[0].Exception.Message | Should -Match 'Connect-PinAccount -AdAccountId'
    }
}

Describe 'Get-PinAdGroup, Get-PinAd and Get-PinProductGroup' {
    It 'lists the ad groups of piped campaigns in one batched request' {
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id)
        Clear-AdminRequest
        $groups = @($campaigns | Get-PinAdGroup)
        @(Get-AdminRequest | Where-Object path -like '*/ad_groups').Count | Should -Be 1
        $expected = $account.campaigns | Where-Object { $_.id -in $campaigns.Id } | ForEach-Object adGroups | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        ($groups.Id | Sort-Object) | Should -Be $expected
        $groups | ForEach-Object { $_.CampaignId | Should -BeIn $campaigns.Id }
    }

    It 'lists the ads of piped ad groups' {
        $groups = @(Get-PinCampaign -AdAccountId $account.id | Get-PinAdGroup)
        $ads = @($groups | Get-PinAd)
        $expected = $account.campaigns.adGroups | Where-Object { $_.id -in $groups.Id } | ForEach-Object ads | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        ($ads.Id | Sort-Object) | Should -Be $expected
        $ads | ForEach-Object { $_.AdGroupId | Should -BeIn $groups.Id; $_.AdAccountId | Should -Be $account.id }
    }

    It 'lists the ads of piped campaigns' {
        $campaign = Get-PinCampaign -AdAccountId $account.id | Select-Object -First 1
        $ads = @($campaign | Get-PinAd)
        $ads | ForEach-Object { $_.CampaignId | Should -Be $campaign.Id }
    }

    It 'lists product group promotions, of all piped ad groups or of one' {
        # The API lists promotions only by ids or by ad group (product_group_promotions/list).
        $all = @(Get-PinAdGroup -AdAccountId $account.id | Get-PinProductGroup)
        $all.Count | Should -BeGreaterThan 0
        $all[0].PSTypeNames | Should -Contain 'PinterestAds.PinProductGroup'
        $group = Get-PinAdGroup -AdAccountId $account.id | Where-Object { $_.Id -in $all.AdGroupId } | Select-Object -First 1
        $some = @($group | Get-PinProductGroup)
        $some | ForEach-Object { $_.AdGroupId | Should -Be $group.Id }
    }

    It 'keeps every field the API sent' {
        $ad = Get-PinAd -AdAccountId $account.id | Select-Object -First 1
        $ad.Fields.Keys | Should -Contain 'id'
        $ad.Fields.Keys | Should -Contain 'ad_group_id'
        $ad.Fields['id'] | Should -Be $ad.Id
    }
}

Describe 'Long parent id lists' {
    It 'lists ad groups of more than 250 campaigns in requests of at most 250 ids' {
        $real = @($account.campaigns.id)
        $ids = @($real) + @(1..300 | ForEach-Object { [string](700000000000 + $_) })
        Clear-AdminRequest
        $groups = @(Get-PinAdGroup -AdAccountId $account.id -CampaignId $ids)
        $requests = @(Get-AdminRequest | Where-Object Path -like '*/ad_groups')
        $requests.Count | Should -Be 2
        $requests | ForEach-Object { ([regex]::Matches($_.QueryString, 'campaign_ids=')).Count | Should -BeLessOrEqual 250 }
        $expected = $account.campaigns.adGroups | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        ($groups.Id | Sort-Object) | Should -Be $expected
    }
}

Describe 'Ad account completion' {
    It 'completes ad account ids the session has seen, without a request' {
        $null = Get-PinAdAccount
        Clear-AdminRequest
        $line = 'Get-PinCampaign -AdAccountId '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain $account.id
        ($completions | Where-Object CompletionText -eq $account.id).ListItemText | Should -Match ([regex]::Escape($account.name))
        $line = "Get-PinAnalytics -Level Campaign -AdAccountId $($account.id.Substring(0, 6))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $account.id
        @(Get-AdminRequest).Count | Should -Be 0
    }
}
