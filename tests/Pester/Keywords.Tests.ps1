#Requires -Modules Pester
# Keywords, pins and product items against the emulator: Get-PinKeyword with every filter the
# description defines and paging; keyword-level, pin-level and product-item rows equal to the
# emulator's ground truth; KEYWORD targeting names; the PRODUCT_ITEM limits before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0 }
    $script:world = Invoke-RestMethod "$($emu.AdminUri)/world"
    $script:account = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:adGroups = @($account.campaigns.adGroups)
    $script:allKeywords = @($account.keywords)

    function script:Get-AdminRequest { Start-Sleep -Milliseconds 200; Get-PinTestEmulatorRequest $emu | Where-Object Path -notlike '/_emulator*' }
    function script:Clear-AdminRequest { Invoke-RestMethod -Method Delete "$($emu.AdminUri)/requests" | Out-Null }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinKeyword' {
    It 'without a filter lists the ad account''s own keywords, as typed objects' {
        $keywords = @(Get-PinKeyword)
        $expected = @($allKeywords | Where-Object parentType -eq 'advertiser')
        ($keywords.Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
        $keywords[0].PSTypeNames | Should -Contain 'PinterestAds.PinKeyword'
        $keywords | ForEach-Object {
            $_.AdAccountId | Should -Be $account.id
            $_.ParentId | Should -Be $account.id
            $_.IsNegative | Should -BeTrue
            $_.Name | Should -Be $_.Value
            $_.Level | Should -Be 'Keyword'
        }
    }

    It 'lists the keywords of piped ad groups in one request, every match type with its parent' {
        Clear-AdminRequest
        $keywords = @(Get-PinAdGroup -Status Active, Paused, Archived | Get-PinKeyword)
        $expected = @($allKeywords | Where-Object parentType -eq 'ad_group')
        ($keywords.Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
        @(Get-AdminRequest | Where-Object path -like '*/keywords').Count | Should -Be 1
        ($keywords.MatchType | ForEach-Object ToString | Sort-Object -Unique) | Should -Be ('Broad', 'Phrase', 'Exact', 'ExactNegative', 'PhraseNegative' | Sort-Object)
        $keywords | ForEach-Object { $_.AdGroupId | Should -Be $_.ParentId; $_.CampaignId | Should -BeNullOrEmpty }
        $truth = $expected | Where-Object id -eq $keywords[0].Id
        $keywords[0].Value | Should -Be $truth.value
        $keywords[0].Archived | Should -Be $truth.archived
        $keywords[0].Bid | Should -BeNullOrEmpty
    }

    It 'filters by ad group, by campaign and by match type' {
        $group = $adGroups[0]
        $byGroup = @(Get-PinKeyword -AdGroupId $group.id)
        ($byGroup.Id | Sort-Object) | Should -Be (@($group.keywords.id) | Sort-Object)

        $campaign = $account.campaigns[0]
        $byCampaign = @(Get-PinKeyword -CampaignId $campaign.id)
        ($byCampaign.Id | Sort-Object) | Should -Be (@($allKeywords | Where-Object parentId -eq $campaign.id).id | Sort-Object)
        $byCampaign | ForEach-Object { $_.IsNegative | Should -BeTrue; $_.CampaignId | Should -Be $campaign.id }

        $exact = @(Get-PinKeyword -AdGroupId $adGroups.id -MatchType Exact, PHRASE_NEGATIVE)
        ($exact.MatchType | ForEach-Object ToString | Sort-Object -Unique) | Should -Be @('Exact', 'PhraseNegative')
        $exact.Count | Should -Be @($allKeywords | Where-Object { $_.parentType -eq 'ad_group' -and $_.matchType -in 'EXACT', 'PHRASE_NEGATIVE' }).Count
    }

    It 'follows the bookmark to the end with small pages, never repeating a keyword' {
        Clear-AdminRequest
        $keywords = @(Get-PinKeyword -AdGroupId $adGroups.id -PageSize 3)
        $keywords.Count | Should -Be @($allKeywords | Where-Object parentType -eq 'ad_group').Count
        @($keywords.Id | Sort-Object -Unique).Count | Should -Be $keywords.Count
        $pages = @(Get-AdminRequest | Where-Object path -like '*/keywords')
        $pages.Count | Should -BeGreaterOrEqual ([math]::Ceiling($keywords.Count / 3))
        $pages | ForEach-Object { $_.queryString | Should -BeLike '*page_size=3*' }
    }

    It 'refuses bad input before any request, naming the parameter' {
        Clear-AdminRequest
        { Get-PinKeyword -AdGroupId 'abc' -ErrorAction Stop } | Should -Throw -ErrorId 'IdNotNumeric,*'
        { Get-PinKeyword -PageSize 251 -ErrorAction Stop } | Should -Throw '*PageSize*'
        { Get-PinKeyword -MatchType Fuzzy -ErrorAction Stop } | Should -Throw '*MatchType*'
        @(Get-AdminRequest | Where-Object path -like '*/keywords').Count | Should -Be 0
    }
}
