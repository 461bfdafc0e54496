#Requires -Modules Pester
# Get-PinAnalytics against the emulator: every level compared with the emulator's ground truth,
# pipeline batching, id chunking, window splitting, sparse rows and the CSV column set,
# validation before any request, enum spellings, freshness and deterministic order.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 4; AdGroupsPerCampaign = 2; AdsPerAdGroup = 2; ProductGroupsPerAdGroup = 1; ActivityRate = 0.6 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -ne 'FORBIDDEN' | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    # A settled range: no freshness warning, inside every lookback.
    $script:start = $today.AddDays(-20)
    $script:end = $today.AddDays(-6)

    $script:idsByLevel = @{
        AdAccount    = @()
        Campaign     = @($account.campaigns.id)
        AdGroup      = @($account.campaigns.adGroups.id)
        Ad           = @($account.campaigns.adGroups.ads.id)
        ProductGroup = @($account.campaigns.adGroups.productGroups.id)
    }
    $script:truthLevel = @{ AdAccount = 'ADVERTISER'; Campaign = 'CAMPAIGN'; AdGroup = 'AD_GROUP'; Ad = 'PIN_PROMOTION'; ProductGroup = 'PRODUCT_GROUP' }
    $script:idColumn = @{ AdAccount = 'AD_ACCOUNT_ID'; Campaign = 'CAMPAIGN_ID'; AdGroup = 'AD_GROUP_ID'; Ad = 'AD_ID'; ProductGroup = 'PRODUCT_GROUP_ID' }

    function script:Get-AnalyticsRequest { @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/analytics' }) }
    function script:Get-ApiRequest { @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) }

    function script:Get-Truth([string] $Level, [string[]] $Ids, [string[]] $Column, [string] $Granularity, [datetime] $From = $start, [datetime] $To = $end) {
        $query = @{ ad_account_id = $account.id; level = $truthLevel[$Level]; start_date = $From.ToString('yyyy-MM-dd')
                    end_date = $To.ToString('yyyy-MM-dd'); granularity = $Granularity; columns = $Column }
        if ($Ids) { $query.ids = $Ids }
        @(Get-PinTestEmulatorExpectedRow $emu $query)
    }

}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinAnalytics rows equal the ground truth' {
    It 'at level <Level>' -TestCases @(
        @{ Level = 'AdAccount' }, @{ Level = 'Campaign' }, @{ Level = 'AdGroup' }, @{ Level = 'Ad' }, @{ Level = 'ProductGroup' }
    ) {
        $columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1', 'TOTAL_CONVERSIONS', 'CTR'
        $ids = $idsByLevel[$Level]
        $params = @{ Level = $Level; StartDate = $start; EndDate = $end; Column = $columns; Granularity = 'Day' }
        if ($ids) { $params.Id = $ids }
        $rows = @(Get-PinAnalytics @params -WarningVariable warnings)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0].PSObject.TypeNames | Should -Contain 'PinterestAds.AnalyticsRow'
        $rows[0].Level | Should -Be $truthLevel[$Level].Replace('ADVERTISER', 'AD_ACCOUNT').Replace('PIN_PROMOTION', 'AD')
        $rows[0].AdAccountId | Should -Be $account.id
        $rows[0].DATE | Should -BeOfType [datetime]
        $rows[0].PSObject.Properties.Name | Should -Be (@('AdAccountId', 'Currency', 'Level', $idColumn[$Level], 'DATE') + $columns)
        Assert-PinTestRowsEqualTruth $rows (Get-Truth $Level $ids $columns 'DAY') $idColumn[$Level] $columns
        $warnings | Should -BeNullOrEmpty
    }

    It 'at TOTAL granularity, without DATE, with integers and decimals typed' {
        $rows = @(Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $start -EndDate $end -Column IMPRESSION_1, SPEND_IN_DOLLAR -Granularity Total)
        $rows[0].PSObject.Properties.Name | Should -Be 'AdAccountId', 'Currency', 'Level', 'CAMPAIGN_ID', 'IMPRESSION_1', 'SPEND_IN_DOLLAR'
        ($rows.IMPRESSION_1 | Where-Object { $null -ne $_ } | Select-Object -First 1) | Should -BeOfType [long]
        ($rows.SPEND_IN_DOLLAR | Where-Object { $null -ne $_ } | Select-Object -First 1) | Should -BeOfType [decimal]
        Assert-PinTestRowsEqualTruth $rows (Get-Truth Campaign $idsByLevel.Campaign IMPRESSION_1, SPEND_IN_DOLLAR 'TOTAL') CAMPAIGN_ID IMPRESSION_1, SPEND_IN_DOLLAR
    }
}

Describe 'Pipeline input' {
    It 'takes the level and ids from piped campaigns and batches them into one call' {
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinCampaign -AdAccountId $account.id | Get-PinAnalytics -StartDate $start -EndDate $end -Column IMPRESSION_1 -Granularity Day)
        $calls = Get-AnalyticsRequest
        $calls.Count | Should -Be 1
        $calls[0].Path | Should -BeLike '*/campaigns/analytics'
        $listed = @(Get-PinCampaign -AdAccountId $account.id).Id
        Assert-PinTestRowsEqualTruth $rows (Get-Truth Campaign $listed IMPRESSION_1 'DAY') CAMPAIGN_ID IMPRESSION_1
    }

    It 'reports piped ad groups as ad groups (their CampaignId does not bind as an id)' {
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinAdGroup -AdAccountId $account.id | Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR)
        (Get-AnalyticsRequest).Path | Should -BeLike '*/ad_groups/analytics'
        $rows.Level | Select-Object -Unique | Should -Be 'AD_GROUP'
    }

    It 'reports a piped ad account at the account level' {
        $rows = @(Get-PinAdAccount -Id $account.id | Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Granularity Total)
        $rows.Count | Should -Be 1
        $rows[0].AD_ACCOUNT_ID | Should -Be $account.id
    }
}

Describe 'The API limits are the module''s job' {
    It 'splits 600 ids into ceil(600/250) = 3 calls per window and merges them' {
        $fake = 0..(599 - $idsByLevel.Campaign.Count) | ForEach-Object { [string](900000000000 + $_) }
        $ids = @($idsByLevel.Campaign) + $fake
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinAnalytics -Level Campaign -Id $ids -StartDate $start -EndDate $end -Column IMPRESSION_1 -Granularity Day)
        $calls = Get-AnalyticsRequest
        $calls.Count | Should -Be 3
        foreach ($call in $calls) { ([regex]::Matches($call.QueryString, 'campaign_ids=')).Count | Should -BeLessOrEqual 250 }
        Assert-PinTestRowsEqualTruth $rows (Get-Truth Campaign $idsByLevel.Campaign IMPRESSION_1 'DAY') CAMPAIGN_ID IMPRESSION_1
    }

    It 'asks for 91 days in one call (end_date <= start_date + 90) as one day series' {
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinAnalytics -Level AdAccount -StartDate $today.AddDays(-90) -EndDate $today -Column SPEND_IN_DOLLAR -Granularity Day -WarningAction SilentlyContinue)
        (Get-AnalyticsRequest).Count | Should -Be 1
        $truth = Get-Truth AdAccount @() SPEND_IN_DOLLAR 'DAY' $today.AddDays(-90) $today
        Assert-PinTestRowsEqualTruth $rows $truth AD_ACCOUNT_ID SPEND_IN_DOLLAR
        $dates = @($rows.DATE)
        $dates | Should -Be ($dates | Sort-Object) -Because 'windows are written in date order'
    }

    It 'uses 3-day windows and an 8-day lookback at HOUR granularity (the ad account: no 3-day range)' {
        Clear-PinTestEmulatorRequest $emu
        $null = @(Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-8) -EndDate $today -Column IMPRESSION_1 -Granularity Hour -WarningAction SilentlyContinue)
        (Get-AnalyticsRequest).Count | Should -Be 3
        Clear-PinTestEmulatorRequest $emu
        $null = @(Get-PinAnalytics -Level AdAccount -StartDate $today.AddDays(-8) -EndDate $today -Column IMPRESSION_1 -Granularity Hour -WarningAction SilentlyContinue)
        (Get-AnalyticsRequest).Count | Should -Be 1
        { Get-PinAnalytics -Level AdAccount -StartDate $today.AddDays(-9) -Column IMPRESSION_1 -Granularity Hour -ErrorAction Stop } |
            Should -Throw -ErrorId 'StartDateBeyondLookback,*'
    }

    It '-Mode Sync refuses a start beyond the lookback pointing to New-PinAsyncReport, or trims it with -ClampToAvailable' {
        Clear-PinTestEmulatorRequest $emu
        $err = { Get-PinAnalytics -StartDate $today.AddDays(-120) -EndDate $end -Column SPEND_IN_DOLLAR -Mode Sync -ErrorAction Stop } | Should -Throw -ErrorId 'StartDateBeyondLookback,*' -PassThru
        $err.Exception.Message | Should -Match 'New-PinAsyncReport'
        Get-ApiRequest | Should -BeNullOrEmpty
        $rows = @(Get-PinAnalytics -StartDate $today.AddDays(-120) -EndDate $end -Column SPEND_IN_DOLLAR -Granularity Day -Mode Sync -ClampToAvailable -WarningVariable warnings -WarningAction SilentlyContinue)
        ($warnings -join ' ') | Should -Match 'ClampToAvailable'
        ($rows.DATE | Measure-Object -Minimum).Minimum | Should -BeGreaterOrEqual $today.AddDays(-90)
    }

    It 'writes rows in the same order whatever the concurrency' {
        $fake = 0..299 | ForEach-Object { [string](800000000000 + $_) }
        $ids = $fake[0..149] + @($idsByLevel.Campaign) + $fake[150..299]
        $one = Get-PinAnalytics -Level Campaign -Id $ids -StartDate $start -EndDate $end -Column IMPRESSION_1 -Granularity Day -ThrottleLimit 1
        $many = Get-PinAnalytics -Level Campaign -Id $ids -StartDate $start -EndDate $end -Column IMPRESSION_1 -Granularity Day -ThrottleLimit 8
        ($many | ForEach-Object { "$($_.CAMPAIGN_ID)|$($_.DATE)|$($_.IMPRESSION_1)" }) |
            Should -Be ($one | ForEach-Object { "$($_.CAMPAIGN_ID)|$($_.DATE)|$($_.IMPRESSION_1)" })
    }
}

Describe 'Sparse rows and the CSV column set' {
    It 'gives every row the same properties, so Export-Csv keeps every column even when the first row is sparse' {
        $columns = 'TOTAL_CONVERSIONS', 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'TOTAL_CHECKOUT'
        $rows = @(Get-PinAnalytics -Level Ad -Id $idsByLevel.Ad -StartDate $start -EndDate $end -Column $columns -Granularity Day)
        $sparse = @($rows | Where-Object { $null -eq $_.TOTAL_CONVERSIONS -or $null -eq $_.TOTAL_CHECKOUT })
        $sparse.Count | Should -BeGreaterThan 0 -Because 'the emulator omits zero metrics'
        $csv = Join-Path $TestDrive 'ads.csv'
        $sparse + $rows | Export-Csv -Path $csv -NoTypeInformation
        (Get-Content $csv -TotalCount 1) | Should -Be ('"AdAccountId","Currency","Level","AD_ID","DATE",' + (($columns | ForEach-Object { "`"$_`"" }) -join ','))
        @(Import-Csv $csv).Count | Should -Be ($sparse.Count + $rows.Count)
    }

    It 'fills missing metrics with 0 under -ZeroFill' {
        $rows = @(Get-PinAnalytics -Level Ad -Id $idsByLevel.Ad -StartDate $start -EndDate $end -Column TOTAL_CONVERSIONS, SPEND_IN_DOLLAR -Granularity Day -ZeroFill)
        $rows.TOTAL_CONVERSIONS | Should -Not -Contain $null
        ($rows | Where-Object TOTAL_CONVERSIONS -eq 0).Count | Should -BeGreaterThan 0
    }
}

Describe 'Validation before any request' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'refuses an unknown column, naming the closest valid ones' {
        $err = { Get-PinAnalytics -StartDate $start -Column SPEND_IN_DOLARS -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownColumn,*' -PassThru
        $err.Exception.Message | Should -Match 'did you mean SPEND_IN_DOLLAR'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-ApiRequest | Should -BeNullOrEmpty
    }

    It 'refuses <Case> with <ErrorId>' -TestCases @(
        @{ Case = 'an attribution window Pinterest lacks'; ErrorId = 'AttributionWindowInvalid'; Extra = @{ ViewWindowDays = 3 } }
        @{ Case = '-Id at the ad account level'; ErrorId = 'IdNotApplicable'; Extra = @{ Level = 'AdAccount'; Id = '1' } }
        @{ Case = '-Id without -Level'; ErrorId = 'LevelRequired'; Extra = @{ Id = '1' } }
        @{ Case = 'a non-numeric id'; ErrorId = 'IdNotNumeric'; Extra = @{ Level = 'Campaign'; Id = 'abc' } }
        @{ Case = 'an end before the start'; ErrorId = 'EndDateBeforeStartDate'; Extra = @{ EndDate = [datetime]'2000-01-01' } }
        @{ Case = 'aggregate rows at the ad level'; ErrorId = 'ParameterNotApplicable'; Extra = @{ Level = 'Ad'; Id = '1'; AggregateReportRows = $true } }
        @{ Case = 'more than 100 pin ids'; ErrorId = 'TooManyIds'; Extra = @{ Level = 'Ad'; Id = '1'; PinId = (1..101 | ForEach-Object { "$_" }) } }
    ) {
        { Get-PinAnalytics -StartDate $start -Column SPEND_IN_DOLLAR @Extra -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*"
        Get-ApiRequest | Should -BeNullOrEmpty
    }

    It 'accepts both spellings of enum values, case-insensitively' {
        $a = @(Get-PinAnalytics -Level AD_GROUP -Id $idsByLevel.AdGroup -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Granularity day -ConversionReportTime TIME_OF_CONVERSION -ReportingTimeZone ad_account_time_zone)
        $b = @(Get-PinAnalytics -Level AdGroup -Id $idsByLevel.AdGroup -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Granularity Day -ConversionReportTime TimeOfConversion -ReportingTimeZone AdAccountTimeZone)
        $a.Count | Should -Be $b.Count
        $calls = Get-AnalyticsRequest
        $calls[0].QueryString | Should -Match 'conversion_report_time=TIME_OF_CONVERSION'
        $calls[0].QueryString | Should -Match 'reporting_timezone=AD_ACCOUNT_TIME_ZONE'
        $calls[0].QueryString | Should -Be $calls[1].QueryString
        { Get-PinAnalytics -Level Nope -StartDate $start -Column SPEND_IN_DOLLAR } | Should -Throw
    }

    It 'accepts Ads Manager display names and wildcards for columns' {
        $rows = @(Get-PinAnalytics -StartDate $start -EndDate $end -Column 'Spend', 'CLICKTHROUGH_*')
        $names = $rows[0].PSObject.Properties.Name
        $names[5] | Should -Be 'SPEND_IN_DOLLAR' -Because 'AdAccountId, Currency, Level, AD_ACCOUNT_ID and DATE (the default Day granularity) come first'
        $names | Should -Contain 'CLICKTHROUGH_1'
    }

    It 'completes -Column with the valid columns' {
        $completions = (TabExpansion2 -inputScript 'Get-PinAnalytics -Column CLICKTHR' -cursorColumn 33).CompletionMatches.CompletionText
        $completions | Should -Contain 'CLICKTHROUGH_1'
        $completions | Should -Not -Contain 'SPEND_IN_DOLLAR'
    }
}

Describe 'Freshness' {
    It 'warns which recent dates may still change' {
        $null = Get-PinAnalytics -StartDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR -Granularity Day -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join ' ') | Should -Match ([regex]::Escape($world.today))
    }

    It 'fails under -RequireFinalMetrics when metrics are not final' {
        { Get-PinAnalytics -StartDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR -RequireFinalMetrics -ErrorAction Stop } | Should -Throw -ErrorId 'MetricsNotFinal,*'
        @(Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Granularity Total -RequireFinalMetrics).Count | Should -Be 1
    }
}
