#Requires -Modules Pester
# Keywords, pins and product items against the emulator: Get-PinKeyword with every filter the
# description defines and paging; keyword-level, pin-level and product-item rows equal to the
# emulator's ground truth; KEYWORD targeting names; the PRODUCT_ITEM limits before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:adGroups = @($account.campaigns.adGroups)
    $script:allKeywords = @($account.keywords)

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
        Clear-PinTestEmulatorRequest $emu
        $keywords = @(Get-PinAdGroup -Status Active, Paused, Archived | Get-PinKeyword)
        $expected = @($allKeywords | Where-Object parentType -eq 'ad_group')
        ($keywords.Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/keywords').Count | Should -Be 1
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
        Clear-PinTestEmulatorRequest $emu
        $keywords = @(Get-PinKeyword -AdGroupId $adGroups.id -PageSize 3)
        $keywords.Count | Should -Be @($allKeywords | Where-Object parentType -eq 'ad_group').Count
        @($keywords.Id | Sort-Object -Unique).Count | Should -Be $keywords.Count
        $pages = @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/keywords')
        $pages.Count | Should -BeGreaterOrEqual ([math]::Ceiling($keywords.Count / 3))
        $pages | ForEach-Object { $_.queryString | Should -BeLike '*page_size=3*' }
    }

    It 'refuses bad input before any request, naming the parameter' {
        Clear-PinTestEmulatorRequest $emu
        { Get-PinKeyword -AdGroupId 'abc' -ErrorAction Stop } | Should -Throw -ErrorId 'IdNotNumeric,*'
        { Get-PinKeyword -PageSize 251 -ErrorAction Stop } | Should -Throw '*PageSize*'
        { Get-PinKeyword -MatchType Fuzzy -ErrorAction Stop } | Should -Throw '*MatchType*'
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/keywords').Count | Should -Be 0
    }
}

Describe 'Pin-level ad analytics' {
    BeforeAll {
        $script:start = $today.AddDays(-20); $script:end = $today.AddDays(-1)
        $script:columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1', 'CTR'
        function script:Format-Day($value) { if ($value -is [datetime]) { $value.ToString('yyyy-MM-dd') } else { [string]$value } }
        function script:Get-PinTruth([string] $CampaignId, [string[]] $Pins, [string] $Granularity = 'DAY') {
            @(Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'PIN'; ids = $Pins; campaign_ids = @($CampaignId)
                start_date = $start.ToString('yyyy-MM-dd'); end_date = $end.ToString('yyyy-MM-dd'); granularity = $Granularity; columns = $columns })
        }
    }

    It 'gives one row per campaign, pin and day, equal to the ground truth' {
        $campaign = $account.campaigns[0]
        $pins = @($campaign.adGroups.ads.pinId | Sort-Object -Unique)
        $rows = @(Get-PinAnalytics -Level Pin -CampaignId $campaign.id -PinId $pins -StartDate $start -EndDate $end -Granularity Day -Column $columns)
        $truth = Get-PinTruth $campaign.id $pins
        $rows.Count | Should -Be $truth.Count
        $rows[0].PSObject.Properties.Name | Should -Be (@('AdAccountId', 'Currency', 'Level', 'CAMPAIGN_ID', 'PIN_ID', 'DATE') + $columns)
        $rows[0].Level | Should -Be 'PIN'
        $index = @{}; foreach ($r in $rows) { $index["$($r.PIN_ID)|$(Format-Day $r.DATE)"] = $r }
        foreach ($want in $truth) {
            $got = $index["$($want.PIN_ID)|$($want.DATE)"]
            $got | Should -Not -BeNullOrEmpty
            $got.CAMPAIGN_ID | Should -Be $campaign.id
            foreach ($name in $columns) { [decimal]$got.$name | Should -Be ([decimal]$want.$name) -Because "$($want.PIN_ID) $($want.DATE) $name" }
        }
    }

    It 'splits into one campaign and at most 100 pins per call, and no key comes twice' {
        $campaigns = @($account.campaigns[0], $account.campaigns[1])
        $real = @($campaigns.adGroups.ads.pinId | Sort-Object -Unique)
        $unknown = 1..130 | ForEach-Object { [string](900000000000 + $_) }
        $pins = @($real) + @($unknown)
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinAnalytics -Level Pin -CampaignId $campaigns.id -PinId $pins -StartDate $start -EndDate $end -Granularity Total -Column $columns)
        $calls = @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/pins/analytics')
        $calls.Count | Should -Be 4 -Because '2 campaigns x ceil(136 pins / 100)'
        foreach ($call in $calls) {
            @([regex]::Matches($call.queryString, 'campaign_id=')).Count | Should -Be 1
            @([regex]::Matches($call.queryString, 'pin_ids=')).Count | Should -BeLessOrEqual 100
        }
        $keys = $rows | ForEach-Object { "$($_.CAMPAIGN_ID)|$($_.PIN_ID)" }
        @($keys | Sort-Object -Unique).Count | Should -Be $rows.Count
        foreach ($campaign in $campaigns) {
            $truth = Get-PinTruth $campaign.id $real 'TOTAL'
            $mine = @($rows | Where-Object CAMPAIGN_ID -eq $campaign.id)
            $mine.Count | Should -Be $truth.Count
            ($mine | Measure-Object IMPRESSION_1 -Sum).Sum | Should -Be ($truth | Measure-Object IMPRESSION_1 -Sum).Sum
        }
    }

    It 'reports the pins of piped ads, per campaign' {
        $ads = @(Get-PinAd -Status Active, Paused, Archived)
        Clear-PinTestEmulatorRequest $emu
        $rows = @($ads | Get-PinAnalytics -Level Pin -StartDate $start -EndDate $end -Granularity Total -Column $columns)
        $campaigns = @($ads.CampaignId | Sort-Object -Unique)
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/pins/analytics').Count | Should -Be $campaigns.Count -Because 'one call per campaign (each has at most 100 pins)'
        foreach ($campaign in $campaigns) {
            $pins = @($ads | Where-Object CampaignId -eq $campaign | ForEach-Object PinId | Sort-Object -Unique)
            $truth = Get-PinTruth $campaign $pins 'TOTAL'
            $mine = @($rows | Where-Object CAMPAIGN_ID -eq $campaign)
            ($mine.PIN_ID | Sort-Object) | Should -Be (@($truth.PIN_ID) | Sort-Object)
            foreach ($want in $truth) { [decimal]($mine | Where-Object PIN_ID -eq $want.PIN_ID).SPEND_IN_DOLLAR | Should -Be ([decimal]$want.SPEND_IN_DOLLAR) }
        }
    }

    It 'needs a campaign, refused before any request' {
        Clear-PinTestEmulatorRequest $emu
        { Get-PinAnalytics -Level Pin -PinId 1 -StartDate $start -Column SPEND_IN_DOLLAR -ErrorAction Stop } | Should -Throw -ErrorId 'CampaignIdRequired,*'
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/analytics').Count | Should -Be 0
    }
}

Describe 'Keyword-level reporting' {
    BeforeAll {
        $script:start = $today.AddDays(-30); $script:end = $today.AddDays(-1)
        $script:columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1', 'CTR'
        function script:Get-KeywordTruth([string[]] $Ids, [string] $Granularity, [datetime] $From = $start, [datetime] $To = $end) {
            @(Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'KEYWORD'; ids = $Ids
                start_date = $From.ToString('yyyy-MM-dd'); end_date = $To.ToString('yyyy-MM-dd'); granularity = $Granularity; columns = $columns })
        }
        function script:Assert-KeywordRows($Rows, $Truth, [switch] $Daily) {
            @($Rows).Count | Should -Be @($Truth).Count
            $index = @{}
            foreach ($r in $Rows) { $index["$($r.KEYWORD_ID)|$(if ($Daily) { $r.DATE.ToString('yyyy-MM-dd') })"] = $r }
            foreach ($want in $Truth) {
                $got = $index["$($want.KEYWORD_ID)|$(if ($Daily) { $want.DATE })"]
                $got | Should -Not -BeNullOrEmpty -Because "keyword $($want.KEYWORD_ID) $($want.DATE) is in the ground truth"
                foreach ($name in $columns) {
                    $value = $want.PSObject.Properties[$name]
                    if ($null -eq $value) { $got.$name | Should -BeNullOrEmpty } else { [decimal]$got.$name | Should -Be ([decimal]$value.Value) -Because "$($want.KEYWORD_ID) $name" }
                }
            }
        }
    }

    It 'Get-PinKeyword | Get-PinAnalytics gives the piped keywords'' rows with their text, equal to the ground truth' {
        $keywords = @(Get-PinKeyword -AdGroupId $adGroups[0].id, $adGroups[1].id -MatchType Broad, Phrase, Exact)
        Clear-PinTestEmulatorRequest $emu
        $rows = @($keywords | Get-PinAnalytics -StartDate $start -EndDate $end -Granularity Day -Column $columns)
        $rows[0].PSObject.Properties.Name | Should -Be (@('AdAccountId', 'Currency', 'Level', 'KEYWORD_ID', 'KeywordText', 'DATE') + $columns)
        $rows[0].Level | Should -Be 'KEYWORD'
        Assert-KeywordRows $rows (Get-KeywordTruth $keywords.Id 'DAY') -Daily
        foreach ($row in $rows) { $row.KeywordText | Should -Be ($keywords | Where-Object Id -eq $row.KEYWORD_ID).Value }
        # The honest route: async KEYWORD reports filtered by the keywords' ad groups, no keyword listing.
        $created = @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/reports' })
        $created.Count | Should -Be 1
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/keywords').Count | Should -Be 0
    }

    It 'resolves the keyword text of ids given with -Id, over a range longer than one report' {
        $keyword = $allKeywords | Where-Object { $_.delivers } | Select-Object -First 1
        $from = $today.AddDays(-400)
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinAnalytics -Level Keyword -Id $keyword.id -StartDate $from -EndDate $end -Granularity Day -Column $columns)
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/reports' }).Count | Should -Be 3 -Because 'ceil(400 days / 186)'
        $rows | ForEach-Object { $_.KeywordText | Should -Be $keyword.value }
        Assert-KeywordRows $rows (Get-KeywordTruth @($keyword.id) 'DAY' $from $end) -Daily
        @($rows | ForEach-Object { $_.DATE } | Sort-Object -Unique).Count | Should -Be $rows.Count -Because 'no day comes twice'
    }

    It 'totals over one report equal the ground truth; longer TOTAL ranges are refused before any request' {
        $ids = @($allKeywords | Where-Object delivers | Select-Object -First 4).id
        $rows = @(Get-PinAnalytics -Level Keyword -Id $ids -StartDate $start -EndDate $end -Granularity Total -Column $columns)
        Assert-KeywordRows $rows (Get-KeywordTruth $ids 'TOTAL')
        Clear-PinTestEmulatorRequest $emu
        { Get-PinAnalytics -Level Keyword -Id $ids -StartDate $today.AddDays(-300) -EndDate $end -Granularity Total -Column $columns -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpanTooLongForGranularity,*'
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/reports').Count | Should -Be 0
    }

    It 'checks the metrics readiness like the sync path: -RequireFinalMetrics fails before any report' {
        $keyword = $allKeywords | Where-Object { $_.delivers } | Select-Object -First 1
        Clear-PinTestEmulatorRequest $emu
        { Get-PinAnalytics -Level Keyword -Id $keyword.id -StartDate $today.AddDays(-3) -EndDate $today -Column TOTAL_CONVERSIONS -RequireFinalMetrics -ErrorAction Stop } |
            Should -Throw -ErrorId 'MetricsNotFinal,*'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/reports' }).Count | Should -Be 0
        $null = Get-PinAnalytics -Level Keyword -Id $keyword.id -StartDate $today.AddDays(-3) -EndDate $today -Column SPEND_IN_DOLLAR -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'KEYWORD level async reports carry KEYWORD_ID rows' {
        $rows = @(Invoke-PinReport -Level Keyword -StartDate $start -EndDate $end -Granularity Total -Column SPEND_IN_DOLLAR, AD_GROUP_ID)
        ($rows.KEYWORD_ID | Sort-Object) | Should -Be (@($allKeywords | Where-Object delivers).id | Sort-Object)
    }

    It 'KEYWORD targeting analytics names the values: the ad group''s keyword texts' {
        $group = $adGroups[0]
        $rows = @(Get-PinTargetingAnalytics -Level AdGroup -Id $group.id -TargetingType Keyword -StartDate $start -EndDate $end -Granularity Total -Column IMPRESSION_1)
        $texts = @($group.keywords | Where-Object delivers).value
        ($rows.TargetingValue | Sort-Object) | Should -Be ($texts | Sort-Object)
        $rows | ForEach-Object { $_.TargetingName | Should -Be $_.TargetingValue }
        # Each text's impressions are its keyword's impressions.
        $keywordRows = @(Get-PinKeyword -AdGroupId $group.id -MatchType Broad, Phrase, Exact | Get-PinAnalytics -StartDate $start -EndDate $end -Granularity Total -Column IMPRESSION_1)
        foreach ($row in $rows) { $row.IMPRESSION_1 | Should -Be ($keywordRows | Where-Object KeywordText -eq $row.TargetingValue).IMPRESSION_1 }
    }
}

Describe 'PRODUCT_ITEM level reports' {
    BeforeAll {
        $script:itemColumns = 'AD_ACCOUNT_ID', 'AD_GROUP_ID', 'AD_GROUP_NAME', 'PRODUCT_ITEM_NAME', 'SPEND_IN_MICRO_DOLLAR', 'IMPRESSION_1'
        function script:Get-ReportCreation { @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/reports' }) }
    }

    It 'gives product item rows equal to the ground truth, with account and ad group columns, in 31-day parts' {
        $from = $today.AddDays(-45); $to = $today.AddDays(-1)
        $productGroups = @($adGroups.productGroups.id)
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Invoke-PinReport -Level ProductItem -ProductGroupId $productGroups -StartDate $from -EndDate $to -Granularity Day -Column $itemColumns)
        (Get-ReportCreation).Count | Should -Be 2 -Because 'ceil(45 days / 31)'
        $truth = @(Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'PRODUCT_ITEM'; start_date = $from.ToString('yyyy-MM-dd')
            end_date = $to.ToString('yyyy-MM-dd'); granularity = 'DAY'; columns = $itemColumns })
        $rows.Count | Should -Be $truth.Count
        $index = @{}; foreach ($r in $rows) { $index["$($r.PRODUCT_ITEM_ID)|$($r.DATE.ToString('yyyy-MM-dd'))"] = $r }
        foreach ($want in $truth) {
            $got = $index["$($want.PRODUCT_ITEM_ID)|$($want.DATE)"]
            $got | Should -Not -BeNullOrEmpty
            $got.AD_ACCOUNT_ID | Should -Be $account.id
            $got.AD_GROUP_NAME | Should -Be $want.AD_GROUP_NAME
            $got.PRODUCT_ITEM_NAME | Should -Be $want.PRODUCT_ITEM_NAME
            [long]$got.SPEND_IN_MICRO_DOLLAR | Should -Be ([long]$want.SPEND_IN_MICRO_DOLLAR)
        }
    }

    It 'refuses <What> before any request, naming the limit' -TestCases @(
        @{ What = 'a start more than 92 days back'; Params = @{ StartDate = (Get-Date).ToUniversalTime().Date.AddDays(-100); Column = 'SPEND_IN_DOLLAR' }; ErrorId = 'StartDateBeyondLookback'; Message = '*92 days*PRODUCT_ITEM*' }
        @{ What = 'an ad column'; Params = @{ Column = 'SPEND_IN_DOLLAR', 'AD_ID' }; ErrorId = 'AdColumnNotAllowed'; Message = '*AD_ID*PRODUCT_ITEM*' }
        @{ What = 'a pin promotion column'; Params = @{ Column = 'PIN_PROMOTION_NAME' }; ErrorId = 'AdColumnNotAllowed'; Message = '*PIN_PROMOTION_NAME*' }
        @{ What = 'an ad filter'; Params = @{ Column = 'SPEND_IN_DOLLAR'; AdId = '1' }; ErrorId = 'AdFilterNotAllowed'; Message = '*ad_ids*' }
        @{ What = 'an ad status filter'; Params = @{ Column = 'SPEND_IN_DOLLAR'; AdStatus = 'APPROVED' }; ErrorId = 'AdFilterNotAllowed'; Message = '*ad_statuses*' }
    ) {
        $p = @{ Level = 'ProductItem'; StartDate = $today.AddDays(-10); EndDate = $today.AddDays(-1) }
        foreach ($key in $Params.Keys) { $p[$key] = $Params[$key] }
        Clear-PinTestEmulatorRequest $emu
        { New-PinAsyncReport @p -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*" -ExpectedMessage $Message
        (Get-ReportCreation).Count | Should -Be 0
    }
}
