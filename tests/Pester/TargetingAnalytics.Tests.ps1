#Requires -Modules Pester
# Get-PinTargetingAnalytics against the emulator: every targeting level compared with the ground
# truth, names of coded targeting values, targeting-type splitting and validation.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 3; AdGroupsPerCampaign = 2; AdsPerAdGroup = 1; ActivityRate = 0.7 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -ne 'FORBIDDEN' | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-15)
    $script:end = $today.AddDays(-6)
    $script:idsByLevel = @{
        AdAccount = @()
        Campaign  = @($account.campaigns.id)
        AdGroup   = @($account.campaigns.adGroups.id)
        Ad        = @($account.campaigns.adGroups.ads.id)
    }
    $script:truthLevel = @{ AdAccount = 'ADVERTISER_TARGETING'; Campaign = 'CAMPAIGN_TARGETING'; AdGroup = 'AD_GROUP_TARGETING'; Ad = 'PIN_PROMOTION_TARGETING' }
    $script:idColumn = @{ AdAccount = 'AD_ACCOUNT_ID'; Campaign = 'CAMPAIGN_ID'; AdGroup = 'AD_GROUP_ID'; Ad = 'AD_ID' }

    function script:Get-TargetingRequest { @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/targeting_analytics' }) }
    function script:Format-Day($value) { if ($value -is [datetime]) { $value.ToString('yyyy-MM-dd') } else { [string]$value } }
    function script:Key($row, [string] $IdColumn, [string] $Type, [string] $Value) {
        "$($row.$IdColumn)|$(Format-Day $row.PSObject.Properties['DATE']?.Value)|$Type|$Value"
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinTargetingAnalytics rows equal the ground truth' {
    It 'at level <Level>' -TestCases @(@{ Level = 'AdAccount' }, @{ Level = 'Campaign' }, @{ Level = 'AdGroup' }, @{ Level = 'Ad' }) {
        $columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1'
        $types = 'LOCATION', 'GENDER', 'APPTYPE'
        $params = @{ Level = $Level; TargetingType = $types; StartDate = $start; EndDate = $end; Column = $columns; Granularity = 'Day' }
        if ($idsByLevel[$Level]) { $params.Id = $idsByLevel[$Level] }
        $rows = @(Get-PinTargetingAnalytics @params)

        $query = @{ ad_account_id = $account.id; level = $truthLevel[$Level]; start_date = $start.ToString('yyyy-MM-dd'); end_date = $end.ToString('yyyy-MM-dd')
                    granularity = 'DAY'; columns = $columns; targeting_types = $types }
        if ($idsByLevel[$Level]) { $query.ids = $idsByLevel[$Level] }
        $truth = @(Get-PinTestEmulatorExpectedRow $emu $query)

        $truth.Count | Should -BeGreaterThan 0
        $rows.Count | Should -Be $truth.Count
        $rows[0].PSObject.TypeNames | Should -Contain 'PinterestAds.AnalyticsRow'
        $rows[0].PSObject.Properties.Name | Should -Be (@('AdAccountId', 'Currency', 'Level', $idColumn[$Level], 'DATE', 'TargetingType', 'TargetingValue', 'TargetingName') + $columns)
        $index = @{}
        foreach ($row in $rows) { $index[(Key $row $idColumn[$Level] $row.TargetingType $row.TargetingValue)] = $row }
        foreach ($want in $truth) {
            $got = $index[(Key $want $idColumn[$Level] $want.targeting_type $want.targeting_value)]
            $got | Should -Not -BeNullOrEmpty
            foreach ($name in $columns) {
                $p = $want.PSObject.Properties[$name]
                if ($null -eq $p) { $got.$name | Should -BeNullOrEmpty } else { [decimal]$got.$name | Should -Be ([decimal]$p.Value) }
            }
        }
    }
}

Describe 'Targeting names' {
    It 'names LOCATION metro codes from the targeting options, fetched once per session' {
        $rows = @(Get-PinTargetingAnalytics -TargetingType Location -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR)
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object { $_.TargetingName | Should -Not -BeNullOrEmpty -Because "metro $($_.TargetingValue) has a name" }
        $portland = $rows | Where-Object TargetingValue -eq '500'
        if ($portland) { $portland.TargetingName | Should -Be 'U.S.: Portland-Auburn' }
        # The options are cached in the session: asking again costs no options request.
        Clear-PinTestEmulatorRequest $emu
        $again = @(Get-PinTargetingAnalytics -TargetingType Location -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR)
        $again.TargetingName | Should -Be $rows.TargetingName
        @(Get-PinTestEmulatorRequest $emu | Where-Object Path -like '*/resources/targeting/*').Count | Should -Be 0
    }
}

Describe 'Targeting types and attribution' {
    It 'splits targeting types over the operation''s maximum into calls (15 at the campaign level take 2)' {
        $types = 'KEYWORD', 'APPTYPE', 'GENDER', 'LOCATION', 'PLACEMENT', 'COUNTRY', 'TARGETED_INTEREST', 'PINNER_INTEREST',
                 'AUDIENCE_INCLUDE', 'GEO', 'AGE_BUCKET', 'REGION', 'CREATIVE_TYPE', 'AGE_BUCKET_AND_GENDER', 'AUDIENCE_MULTIPLIER'
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinTargetingAnalytics -Level Campaign -Id $idsByLevel.Campaign -TargetingType $types -StartDate $start -EndDate $end -Column IMPRESSION_1)
        $calls = Get-TargetingRequest
        $calls.Count | Should -Be 2
        @($rows.TargetingType | Select-Object -Unique).Count | Should -BeGreaterThan 3
    }

    It 'sends attribution types in the API''s spelling' {
        Clear-PinTestEmulatorRequest $emu
        $null = Get-PinTargetingAnalytics -TargetingType Gender -AttributionType Individual, HOUSEHOLD -StartDate $start -EndDate $end -Column IMPRESSION_1
        (Get-TargetingRequest)[0].QueryString | Should -Match 'attribution_types=INDIVIDUAL,HOUSEHOLD'
    }

    It 'refuses <Case> before any request' -TestCases @(
        @{ Case = 'a type the level lacks'; ErrorId = 'TargetingTypeNotSupported'; Extra = @{ Level = 'Campaign'; Id = '1'; TargetingType = 'QuizResult' } }
        @{ Case = 'the product group level'; ErrorId = 'LevelNotSupported'; Extra = @{ Level = 'ProductGroup'; Id = '1'; TargetingType = 'Gender' } }
        @{ Case = 'an unknown column'; ErrorId = 'UnknownColumn'; Extra = @{ TargetingType = 'Gender'; Column = 'IMPRESSIONS_1' } }
    ) {
        Clear-PinTestEmulatorRequest $emu
        $params = @{ StartDate = $start; Column = 'IMPRESSION_1' }
        foreach ($key in $Extra.Keys) { $params[$key] = $Extra[$key] }
        { Get-PinTargetingAnalytics @params -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*"
        @(Get-PinTestEmulatorRequest $emu | Where-Object Path -like '/v5/*').Count | Should -Be 0
    }
}
