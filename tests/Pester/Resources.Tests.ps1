#Requires -Modules Pester
# Get-PinMetricDefinition, Get-PinTargetingOption and Get-PinMetricsReadyState against the emulator:
# typed objects, filters, the per-session cache (one request for many lookups), completion from the
# cache, validation before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 1; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1 }
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken

}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinMetricDefinition' {
    It 'shows that CLICKTHROUGH_2 is "Earned Pin clicks", as a typed object' {
        $found = @(Get-PinMetricDefinition -Name *CLICKTHROUGH*)
        $found.Count | Should -BeGreaterThan 1
        $found | ForEach-Object { $_.PSTypeNames | Should -Contain 'PinterestAds.PinMetricDefinition' }
        ($found | Where-Object Name -eq 'CLICKTHROUGH_2').DisplayName | Should -Be 'Earned Pin clicks'
        $found.Name | ForEach-Object { $_ | Should -BeLike '*CLICKTHROUGH*' }
    }

    It 'fetches the catalogue once per session and report type, however many lookups' {
        Clear-PinTestEmulatorRequest $emu
        1..10 | ForEach-Object { $null = Get-PinMetricDefinition -Name SPEND_IN_DOLLAR -ReportType Sync }
        $null = Get-PinMetricDefinition -Name 'IMPRESSION_*' -ReportType Sync
        $requests = @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/resources/delivery_metrics')
        $requests.Count | Should -Be 1
        $requests[0].queryString | Should -Be '?report_type=SYNC'
    }

    It 'filters by category, in either spelling' {
        $organic = @(Get-PinMetricDefinition -Category ORGANIC)
        $ads = @(Get-PinMetricDefinition -Category Ads)
        $organic.Count + $ads.Count | Should -Be @(Get-PinMetricDefinition).Count
        $organic | ForEach-Object { $_.Category.ToString() | Should -Be 'Organic' }
        $ads.Count | Should -BeGreaterThan 0
    }

    It 'matches display names too, and reports an unknown exact name as MetricNotFound' {
        (Get-PinMetricDefinition -Name 'Earned Pin clicks').Name | Should -Contain 'CLICKTHROUGH_2'
        $result = @(Get-PinMetricDefinition -Name NO_SUCH_METRIC, SPEND_IN_DOLLAR -ErrorVariable failures -ErrorAction SilentlyContinue)
        $result.Name | Should -Be @('SPEND_IN_DOLLAR')
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MetricNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'completes metric names from the cache with display names as tooltips, without a request' {
        $null = Get-PinMetricDefinition -ReportType Sync
        Clear-PinTestEmulatorRequest $emu
        $completion = TabExpansion2 -inputScript 'Get-PinMetricDefinition -Name CLICKTHROUGH_' -cursorColumn 43
        $match = $completion.CompletionMatches | Where-Object CompletionText -eq 'CLICKTHROUGH_2'
        $match | Should -Not -BeNullOrEmpty
        $match.ToolTip | Should -BeLike 'Earned Pin clicks*'
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/*').Count | Should -Be 0
    }
}

Describe 'Get-PinTargetingOption' {
    It 'lists every type the operation allows, one object per option' -ForEach @(
        'APPTYPE', 'GENDER', 'LOCALE', 'AGE_BUCKET', 'LOCATION', 'GEO', 'INTEREST', 'KEYWORD', 'AUDIENCE_INCLUDE', 'AUDIENCE_EXCLUDE'
    ) {
        $options = @(Get-PinTargetingOption -TargetingType $_)
        $options.Count | Should -BeGreaterThan 0
        $options | ForEach-Object {
            $_.PSTypeNames | Should -Contain 'PinterestAds.PinTargetingOption'
            $_.TargetingType | Should -Be $_.TargetingType
            $_.Id | Should -Not -BeNullOrEmpty
        }
        ($options.TargetingType | Sort-Object -Unique) | Should -Be $_
    }

    It 'names metro 500 and accepts the PowerShell spelling of the type' {
        (Get-PinTargetingOption -TargetingType Location -Id 500).Name | Should -Be 'U.S.: Portland-Auburn'
        (Get-PinTargetingOption Location -Name '*Portland-Auburn*').Id | Should -Be '500'
    }

    It 'flattens GEO regions with their country and parent region' {
        $geo = @(Get-PinTargetingOption -TargetingType Geo)
        $countries = @($geo | Where-Object Depth -eq 0)
        $regions = @($geo | Where-Object Depth -gt 0)
        $countries.Count | Should -BeGreaterThan 0
        $regions.Count | Should -BeGreaterThan 0
        foreach ($region in $regions) {
            $parent = $countries | Where-Object Id -eq $region.Country
            $parent | Should -Not -BeNullOrEmpty
            $region.ParentRegion | Should -Be $parent.Name
            $region.CountryName | Should -Be $parent.Name
        }
    }

    It 'asks once per type and session for many lookups' {
        # A new session starts with an empty cache.
        Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken
        Clear-PinTestEmulatorRequest $emu
        1..10 | ForEach-Object { (Get-PinTargetingOption -TargetingType LOCATION -Id 500).Name | Should -Be 'U.S.: Portland-Auburn' }
        $null = Get-PinTargetingOption -TargetingType GENDER, Gender
        $null = Get-PinTargetingOption -TargetingType GENDER
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/resources/targeting/LOCATION').Count | Should -Be 1
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/resources/targeting/GENDER').Count | Should -Be 1
    }

    It 'refuses an unknown type before any request' {
        Clear-PinTestEmulatorRequest $emu
        { Get-PinTargetingOption -TargetingType PLACEMENT -ErrorAction Stop } | Should -Throw '*not a valid TargetingOptionType*'
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/*').Count | Should -Be 0
    }

    It 'refuses a malformed ad account id before any request' {
        Clear-PinTestEmulatorRequest $emu
        $null = Get-PinTargetingOption -TargetingType LOCATION -AdAccountId 'abc' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'IdNotNumeric,*'
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/*').Count | Should -Be 0
    }
}

Describe 'Get-PinMetricsReadyState' {
    BeforeAll { $script:today = [datetime]::UtcNow.Date }

    It 'answers one object per date, one request per date, in date order' {
        Clear-PinTestEmulatorRequest $emu
        $states = @(Get-PinMetricsReadyState -Date $today, $today.AddDays(-5), $today.AddDays(-1))
        $states | ForEach-Object { $_.PSTypeNames | Should -Contain 'PinterestAds.PinMetricsReadyState' }
        $states.Date | Should -Be @($today.AddDays(-5), $today.AddDays(-1), $today)
        $states.ConversionMetricsReady | Should -Be @($true, $false, $false)
        $states.NonConversionMetricsReady | Should -Be @($true, $true, $false)
        $requests = @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/resources/metrics_ready_state')
        $requests.Count | Should -Be 3
        $requests.queryString | Sort-Object | Should -Be (@($today.AddDays(-5), $today.AddDays(-1), $today) | ForEach-Object { '?date=' + $_.ToString('yyyy-MM-dd') })
    }

    It 'takes a range, inclusive' {
        $states = @(Get-PinMetricsReadyState -StartDate $today.AddDays(-6) -EndDate $today)
        $states.Count | Should -Be 7
        $states[0].Date | Should -Be $today.AddDays(-6)
        $states[-1].Date | Should -Be $today
    }

    It 'takes dates from the pipeline' {
        $states = @($today.AddDays(-3), $today.AddDays(-2) | Get-PinMetricsReadyState)
        $states.Date | Should -Be @($today.AddDays(-3), $today.AddDays(-2))
    }

    It 'asks about future dates and dates of any age, which the description does not limit' {
        # metrics_ready_state's date has only a format in the description: no lookback, no "not after today".
        Clear-PinTestEmulatorRequest $emu
        $states = @(Get-PinMetricsReadyState -Date $today.AddDays(1), $today.AddYears(-5) -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $states.Date | Should -Be @($today.AddYears(-5), $today.AddDays(1))
        $states[1].AllMetricsReady | Should -BeFalse -Because 'the emulator has no final metrics for a future date'
        $states[0].AllMetricsReady | Should -BeTrue
        @(Get-PinTestEmulatorRequest $emu -HostKind api -PathLike '/v5/resources/metrics_ready_state').Count | Should -Be 2
    }

    It 'refuses an inverted range' {
        $null = Get-PinMetricsReadyState -StartDate $today -EndDate $today.AddDays(-1) -ErrorVariable inverted -ErrorAction SilentlyContinue
        $inverted[0].FullyQualifiedErrorId | Should -BeLike 'EndDateBeforeStartDate,*'
    }
}
