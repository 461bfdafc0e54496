#Requires -Modules Pester
# New-PinMmmReport: Marketing Mix Modeling reports end to end against the emulator (create, wait,
# receive, resume by token), and bad input refused before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-10)
    $script:end = $today.AddDays(-4)
    $script:columns = 'CAMPAIGN_ID', 'SPEND_IN_DOLLAR', 'TOTAL_IMPRESSION'
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'New-PinMmmReport' {
    It 'creates a job that Wait-PinReport and Receive-PinReport turn into the ground-truth rows' {
        $job = New-PinMmmReport -Name 'mmm daily' -StartDate $start -EndDate $end -TargetingType GENDER -Column $columns
        $job.PSTypeNames | Should -Contain 'PinterestAds.ReportJob'
        $job.Kind | Should -Be 'Mmm'
        $job.Level | Should -Be 'CAMPAIGN_TARGETING'
        $rows = @($job | Wait-PinReport -TimeoutSec 60 | Receive-PinReport)
        $truth = @(Get-PinTestEmulatorExpectedRow $emu @{
                ad_account_id = $account; level = 'CAMPAIGN_TARGETING'; targeting_types = @('GENDER'); columns = $columns
                granularity = 'DAY'; start_date = $start.ToString('yyyy-MM-dd'); end_date = $end.ToString('yyyy-MM-dd') })
        $truth.Count | Should -BeGreaterThan 0
        $rows.Count | Should -Be $truth.Count
        [math]::Round(($rows | Measure-Object SPEND_IN_DOLLAR -Sum).Sum, 4) | Should -Be ([math]::Round(($truth | Measure-Object SPEND_IN_DOLLAR -Sum).Sum, 4))
        ($rows | Measure-Object TOTAL_IMPRESSION -Sum).Sum | Should -Be ($truth | Measure-Object TOTAL_IMPRESSION -Sum).Sum
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/get_mmm_report').Count | Should -BeGreaterThan 0
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/get_report').Count | Should -Be 0
    }

    It 'reports ad groups weekly, and resumes from the token with Get-PinReport -Kind Mmm' {
        $job = New-PinMmmReport -Name 'mmm weekly' -StartDate $start -EndDate $end -Level AD_GROUP_TARGETING -Granularity Week `
            -TargetingType APPTYPE, GENDER -Column AD_GROUP_ID, SPEND_IN_DOLLAR
        $job.Level | Should -Be 'AD_GROUP_TARGETING'
        $job.Granularity | Should -Be 'WEEK'
        $resumed = Get-PinReport -Kind Mmm -Token $job.Token | Wait-PinReport -TimeoutSec 60
        $resumed.Status | Should -Be 'FINISHED'
        $resumed.Size | Should -BeGreaterThan 0
    }

    It 'narrows to advertiser countries' {
        $all = @(New-PinMmmReport -Name all -StartDate $start -EndDate $end -TargetingType GENDER -Column $columns | Wait-PinReport -TimeoutSec 60 | Receive-PinReport)
        $jp = @(New-PinMmmReport -Name jp -StartDate $start -EndDate $end -TargetingType GENDER -Column $columns -Country JP | Wait-PinReport -TimeoutSec 60 | Receive-PinReport)
        $jp.Count | Should -BeLessThan $all.Count
    }

    It 'sends nothing under -WhatIf' {
        Clear-PinTestEmulatorRequest $emu
        New-PinMmmReport -Name 'what if' -StartDate $start -EndDate $end -TargetingType GENDER -Column $columns -WhatIf | Should -BeNullOrEmpty
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_mmm_report').Count | Should -Be 0
    }

    It 'refuses <Case> before any request, naming the parameter' -ForEach @(
        @{ Case = 'a column MMM reports lack'; Id = 'InvalidValue'; Parameter = 'Column'; Override = @{ Column = 'TOTAL_CONVERSIONS' } }
        @{ Case = 'a targeting type MMM reports lack'; Id = 'InvalidValue'; Parameter = 'TargetingType'; Override = @{ TargetingType = 'KEYWORD' } }
        @{ Case = 'an unknown country'; Id = 'InvalidValue'; Parameter = 'Country'; Override = @{ Country = 'ZZ' } }
        @{ Case = 'an end before the start'; Id = 'EndDateBeforeStartDate'; Parameter = 'EndDate'; Override = @{ EndDate = (Get-Date).AddDays(-30) } }
    ) {
        Clear-PinTestEmulatorRequest $emu
        $arguments = @{ Name = 'bad'; StartDate = $start; EndDate = $end; TargetingType = 'GENDER'; Column = $columns }
        foreach ($key in $Override.Keys) { $arguments[$key] = $Override[$key] }
        $err = $null
        New-PinMmmReport @arguments -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err[0].Exception.Message | Should -Match "-$Parameter"
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_mmm_report').Count | Should -Be 0
    }
}
