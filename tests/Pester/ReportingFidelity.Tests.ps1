#Requires -Modules Pester
# The module against emulator behaviour the description documents: targeting options in the
# [{"<id>": "<name>"}] shape, every value of a metrics filter, attribution types, combined
# targeting types, and bulk downloads filtered by updated_since and the campaign schedule.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; BulkPreparationMs = 0 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-14); $script:end = $today.AddDays(-3)
    $script:campaign = $account.campaigns[0].id
    $script:headers = @{ Authorization = 'Bearer ' + [System.Net.NetworkCredential]::new('', $emu.AccessToken).Password }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Targeting options in the documented shape' {
    It 'the emulator answers one object mapping code to name, and Get-PinTargetingOption reads it' {
        $raw = Invoke-WebRequest "$($emu.ApiBaseUri)/resources/targeting/GENDER" -Headers $headers
        $raw.Content | Should -BeLike '`[{"female":"Female",*'
        $options = @(Get-PinTargetingOption -TargetingType Gender)
        ($options | ForEach-Object { "$($_.Id)=$($_.Name)" }) | Should -Be @('female=Female', 'male=Male', 'unknown=Unspecified')
        (Get-PinTargetingOption -TargetingType Geo -Id US-CA).CountryName | Should -Be 'United States'
    }
}

Describe 'metrics_filters' {
    It 'applies every value of a filter, not only the first' {
        $all = @(Invoke-PinReport -Level Campaign -StartDate $start -EndDate $end -Granularity Day -Column TOTAL_IMPRESSION)
        $sorted = @($all.TOTAL_IMPRESSION | Sort-Object)
        $low = $sorted[[int]($sorted.Count / 4)]; $high = $sorted[[int]($sorted.Count * 3 / 4)]
        $both = @(Invoke-PinReport -Level Campaign -StartDate $start -EndDate $end -Granularity Day -Column TOTAL_IMPRESSION -MetricsFilter "TOTAL_IMPRESSION > $low,$high")
        $both.Count | Should -Be @($all | Where-Object TOTAL_IMPRESSION -gt $high).Count
        $both | ForEach-Object { $_.TOTAL_IMPRESSION | Should -BeGreaterThan $high }
        @(Invoke-PinReport -Level Campaign -StartDate $start -EndDate $end -Granularity Day -Column TOTAL_IMPRESSION -MetricsFilter "TOTAL_IMPRESSION > $low").Count |
            Should -BeGreaterThan $both.Count
    }
}

Describe 'attribution_types' {
    It 'HOUSEHOLD credits more conversions than INDIVIDUAL and changes nothing else' {
        $common = @{ Level = 'Campaign'; Id = $campaign; TargetingType = 'Gender'; StartDate = $start; EndDate = $end; Column = 'TOTAL_CONVERSIONS', 'IMPRESSION_1' }
        $individual = @(Get-PinTargetingAnalytics @common -AttributionType Individual)
        $household = @(Get-PinTargetingAnalytics @common -AttributionType HOUSEHOLD)
        ($household | Measure-Object TOTAL_CONVERSIONS -Sum).Sum | Should -BeGreaterThan ($individual | Measure-Object TOTAL_CONVERSIONS -Sum).Sum
        ($household | Measure-Object IMPRESSION_1 -Sum).Sum | Should -Be ($individual | Measure-Object IMPRESSION_1 -Sum).Sum
        $report = @(Invoke-PinReport -Level Campaign -CampaignId $campaign -StartDate $start -EndDate $end -Granularity Total -Column TOTAL_CONVERSIONS -AttributionType Household)
        $report.TOTAL_CONVERSIONS | Should -Be ($household | Measure-Object TOTAL_CONVERSIONS -Sum).Sum
    }
}

Describe 'combine_targeting_types' {
    It 'gives one breakdown of joined types and values that adds up to each type' {
        $common = @{ Level = 'CampaignTargeting'; CampaignId = $campaign; TargetingType = 'GENDER', 'COUNTRY'; StartDate = $start; EndDate = $end; Granularity = 'Total'; Column = 'IMPRESSION_1' }
        $combined = @(Invoke-PinReport @common -CombineTargetingTypes)
        $separate = @(Invoke-PinReport @common)
        $combined.TARGETING_TYPE | Sort-Object -Unique | Should -Be 'GENDER_AND_COUNTRY'
        $combined.TARGETING_VALUE | Should -Contain 'female&US'
        foreach ($gender in $separate | Where-Object TARGETING_TYPE -eq 'GENDER') {
            ($combined | Where-Object { $_.TARGETING_VALUE -like "$($gender.TARGETING_VALUE)&*" } | Measure-Object IMPRESSION_1 -Sum).Sum | Should -Be $gender.IMPRESSION_1
        }
    }
}

Describe 'Bulk download filters' {
    It 'updated_since keeps only entities changed since then' {
        $ads = @(New-PinBulkDownload -EntityType AD | Wait-PinReport | Receive-PinReport)
        $times = @($ads | ForEach-Object { [long]$_.Fields['updated_time'] } | Sort-Object)
        $times.Count | Should -BeGreaterThan 1
        $since = [DateTimeOffset]::FromUnixTimeSeconds($times[-1]).UtcDateTime
        $recent = @(New-PinBulkDownload -EntityType AD -UpdatedSince $since | Wait-PinReport | Receive-PinReport)
        $recent.Count | Should -Be @($times | Where-Object { $_ -ge $times[-1] }).Count
        $recent.Count | Should -BeLessThan $ads.Count
    }

    It 'the campaign schedule filter keeps campaigns that start inside the window' {
        $campaigns = @(New-PinBulkDownload -EntityType CAMPAIGN | Wait-PinReport | Receive-PinReport)
        $started = [DateTimeOffset]::FromUnixTimeSeconds([long]$campaigns[0].Fields['start_time']).UtcDateTime
        @(New-PinBulkDownload -EntityType CAMPAIGN -CampaignStartTime $started.AddHours(-1) -CampaignEndTime $started.AddHours(1) | Wait-PinReport | Receive-PinReport).Count |
            Should -Be $campaigns.Count
        @(New-PinBulkDownload -EntityType CAMPAIGN -CampaignStartTime $started.AddHours(1) | Wait-PinReport | Receive-PinReport).Count | Should -Be 0
    }

    It 'include_details attaches the per-type counts, and only when asked' {
        $job = New-PinBulkDownload -EntityType CAMPAIGN, KEYWORD | Wait-PinReport
        (Get-PinReport -Token $job.Token -Kind Bulk).Message | Should -BeNullOrEmpty
        $details = (Get-PinReport -Token $job.Token -Kind Bulk -IncludeDetails).Message | ConvertFrom-Json
        $details.details.entity_type | Should -Be @('CAMPAIGN', 'KEYWORD')
        $keywords = @($job | Receive-PinReport | Where-Object EntityType -eq 'KEYWORD')
        ($details.details | Where-Object entity_type -eq 'KEYWORD').count | Should -Be $keywords.Count
    }

    It 'downloads keywords' {
        $keywords = @(New-PinBulkDownload -EntityType KEYWORD | Wait-PinReport | Receive-PinReport)
        $keywords.Count | Should -BeGreaterThan 0
        $keywords | ForEach-Object { $_.EntityType | Should -Be 'KEYWORD' }
    }
}
