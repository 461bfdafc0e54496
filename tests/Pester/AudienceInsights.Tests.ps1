#Requires -Modules Pester
# Get-PinAudienceInsight and Get-PinAudienceDefinition against the emulator: each type as a typed
# object, the flattened rows and their CSV, pipeline binding, validation before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 1; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1 }
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken
    $script:account = (Get-PinAdAccount | Select-Object -First 1).Id
    $script:types = 'YourTotalAudience', 'YourEngagedAudience', 'PinterestTotalAudience'

    # The emulator's own answer, to compare the module's objects with.
    function script:Get-RawInsight([string] $ApiType) {
        $token = [System.Net.NetworkCredential]::new('', $emu.AccessToken).Password
        Invoke-RestMethod "$($emu.ApiBaseUri)/ad_accounts/$account/audience_insights?audience_insight_type=$ApiType" -Headers @{ Authorization = "Bearer $token" }
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinAudienceInsight' {
    It 'returns <_> as a typed object equal to the API''s answer' -ForEach @('YOUR_TOTAL_AUDIENCE', 'YOUR_ENGAGED_AUDIENCE', 'PINTEREST_TOTAL_AUDIENCE') {
        $insight = Get-PinAudienceInsight -AdAccountId $account -AudienceInsightType $_
        $raw = Get-RawInsight $_
        $insight.PSTypeNames | Should -Contain 'PinterestAds.PinAudienceInsight'
        ($insight.Type.ToString() -creplace '([a-z])([A-Z])', '$1_$2').ToUpperInvariant() | Should -Be $_
        $insight.Size | Should -Be $raw.size
        $insight.SizeIsUpperBound | Should -Be $raw.size_is_upper_bound
        $insight.Date.ToString('yyyy-MM-dd') | Should -Be $raw.date
        $insight.Categories.Count | Should -Be $raw.categories.Count
        $insight.Categories[0].Name | Should -Be $raw.categories[0].name
        $insight.Categories[0].Ratio | Should -Be ([decimal]$raw.categories[0].ratio)
        $insight.Categories[0].Index | Should -Be ([decimal]$raw.categories[0].index)
        $insight.Categories[0].Subcategories.Count | Should -Be $raw.categories[0].subcategories.Count
        foreach ($dimension in 'Ages', 'Genders', 'Devices', 'Metros', 'Countries') {
            $insight.Demographics.$dimension.Key | Should -Be $raw.demographics.($dimension.ToLowerInvariant()).key
        }
    }

    It 'asks for all three types by default, one request each, in order' {
        Clear-PinTestEmulatorRequest $emu
        $insights = @(Get-PinAudienceInsight -AdAccountId $account)
        $insights.Type | Should -Be $types
        $requests = @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike "/v5/ad_accounts/$account/audience_insights")
        $requests.queryString | Should -Be @('?audience_insight_type=YOUR_TOTAL_AUDIENCE', '?audience_insight_type=YOUR_ENGAGED_AUDIENCE', '?audience_insight_type=PINTEREST_TOTAL_AUDIENCE')
    }

    It 'binds AdAccountId from piped ad accounts' {
        $insight = Get-PinAdAccount | Select-Object -First 1 | Get-PinAudienceInsight -AudienceInsightType YourEngagedAudience
        $insight.AdAccountId | Should -Be $account
        $insight.Type | Should -Be 'YourEngagedAudience'
    }

    It 'flattens into one row per category, subcategory and demographic value, and the CSV holds them all' {
        $insights = @(Get-PinAudienceInsight -AdAccountId $account)
        $rows = @(Get-PinAudienceInsight -AdAccountId $account -Flatten)
        @($rows | Where-Object { 'PinterestAds.PinAudienceInsightRow' -notin $_.PSTypeNames }).Count | Should -Be 0
        $expected = 0
        foreach ($insight in $insights) {
            $d = $insight.Demographics
            $expected += $insight.Categories.Count + ($insight.Categories.Subcategories | Measure-Object).Count +
                $d.Ages.Count + $d.Genders.Count + $d.Devices.Count + $d.Metros.Count + $d.Countries.Count
        }
        $rows.Count | Should -Be $expected

        $csvPath = Join-Path $TestDrive 'audience.csv'
        $rows | Export-Csv $csvPath -NoTypeInformation
        $csv = @(Import-Csv $csvPath)
        $csv.Count | Should -Be $rows.Count
        $columns = $csv[0].PSObject.Properties.Name
        foreach ($column in 'Type', 'Dimension', 'ParentName', 'Key', 'Name', 'Ratio', 'Index') { $columns | Should -Contain $column }
        ($csv | Select-Object -ExpandProperty Type -Unique) | Should -Be $types
        ($csv | Select-Object -ExpandProperty Dimension -Unique) | Sort-Object | Should -Be (@('Age', 'Category', 'Country', 'Device', 'Gender', 'Metro', 'Subcategory') | Sort-Object)

        # Each subcategory row names its category; the genders of each audience sum to 1.
        $sub = $rows | Where-Object Dimension -eq 'Subcategory' | Select-Object -First 1
        $category = $insights[0].Categories | Where-Object { $_.Subcategories.Key -contains $sub.Key }
        $sub.ParentName | Should -Be $category.Name
        foreach ($type in $types) {
            $sum = ($rows | Where-Object { $_.Type -eq $type -and $_.Dimension -eq 'Gender' } | Measure-Object Ratio -Sum).Sum
            [math]::Round($sum, 3) | Should -Be 1
        }
    }

    It 'lists the top interests of the engaged audience' {
        $top = Get-PinAudienceInsight -AdAccountId $account -AudienceInsightType YOUR_ENGAGED_AUDIENCE |
            ForEach-Object Categories | Sort-Object Ratio -Descending | Select-Object -First 3
        $raw = (Get-RawInsight 'YOUR_ENGAGED_AUDIENCE').categories | Sort-Object { [decimal]$_.ratio } -Descending | Select-Object -First 3
        $top.Name | Should -Be $raw.name
    }

    It 'refuses a malformed account id before any request' {
        Clear-PinTestEmulatorRequest $emu
        $null = Get-PinAudienceInsight -AdAccountId 12345678901234567890 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'IdTooLong,*'
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/*').Count | Should -Be 0
    }

    It 'refuses an unknown audience type' {
        { Get-PinAudienceInsight -AdAccountId $account -AudienceInsightType Everyone -ErrorAction Stop } | Should -Throw '*not a valid AudienceInsightType*'
    }

    It 'reports an account the token cannot read as a non-terminating error per type' {
        $world = Get-PinTestEmulatorWorld $emu
        $denied = $world.adAccounts | Where-Object access -eq 'FORBIDDEN' | Select-Object -First 1
        $denied | Should -Not -BeNullOrEmpty -Because 'the emulator world always holds an account the token cannot read'
        $null = Get-PinAudienceInsight -AdAccountId $denied.id -AudienceInsightType YourTotalAudience, YourEngagedAudience -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PermissionDenied,*'
    }
}

Describe 'Get-PinAudienceDefinition' {
    It 'lists the available audience scopes and types of the account' {
        $definitions = @(Get-PinAudienceDefinition -AdAccountId $account)
        $definitions.Count | Should -BeGreaterThan 0
        $definitions | ForEach-Object {
            $_.PSTypeNames | Should -Contain 'PinterestAds.PinAudienceDefinition'
            $_.Scope | Should -Not -BeNullOrEmpty
            $_.Type | Should -Not -BeNullOrEmpty
            $_.AdAccountId | Should -Be $account
        }
    }
}
