#Requires -Modules Pester
# New-PinBulkDownload with Wait-PinReport and Receive-PinReport: bulk statuses (RUNNING, SUCCEEDED, FAILED),
# JSON and CSV files, one object per entity, filters, validation.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ BulkPreparationMs = 300; CampaignsPerAccount = 4 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:accountInfo = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    $script:account = $accountInfo.id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $script:activeCampaigns = @($accountInfo.campaigns | Where-Object status -eq 'ACTIVE')
    $script:activeAdGroups = @($activeCampaigns.adGroups | Where-Object status -eq 'ACTIVE')
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'New-PinBulkDownload' {
    It 'creates a Bulk job that is RUNNING, then SUCCEEDED' {
        $job = New-PinBulkDownload -EntityType CAMPAIGN
        $job.PSTypeNames | Should -Contain 'PinterestAds.ReportJob'
        $job.Kind | Should -Be 'Bulk'
        $job.Status | Should -Be 'RUNNING'
        $done = $job | Wait-PinReport
        $done.Status | Should -Be 'SUCCEEDED'
        $done.HasDownloadLink | Should -BeTrue
    }

    It 'emits one object per active entity (<Format>)' -ForEach @(@{ Format = 'Json' }, @{ Format = 'Csv' }) {
        $entities = @(New-PinBulkDownload -EntityType CAMPAIGN, AD_GROUP -Format $Format | Wait-PinReport | Receive-PinReport)
        $entities[0].PSTypeNames | Should -Contain 'PinterestAds.PinBulkEntity'
        @($entities | Where-Object EntityType -eq 'CAMPAIGN').Id | Sort-Object | Should -Be @($activeCampaigns.id | Sort-Object)
        @($entities | Where-Object EntityType -eq 'AD_GROUP').Id | Sort-Object | Should -Be @($activeAdGroups.id | Sort-Object)
        ($entities | Where-Object EntityType -eq 'CAMPAIGN' | Select-Object -First 1).Name | Should -Not -BeNullOrEmpty
    }

    It 'filters by entity id and campaign' {
        $campaign = $activeCampaigns[0]
        $entities = @(New-PinBulkDownload -EntityType CAMPAIGN -EntityId $campaign.id | Wait-PinReport | Receive-PinReport)
        $entities.Id | Should -Be @($campaign.id)
        $byName = @(New-PinBulkDownload -EntityType CAMPAIGN -CampaignName $campaign.name -CampaignObjectiveType $campaign.objectiveType | Wait-PinReport | Receive-PinReport)
        $byName.Id | Should -Contain $campaign.id
    }

    It 'sends the body the description defines' {
        Clear-PinTestEmulatorRequest $emu
        $job = New-PinBulkDownload -EntityType campaign, AdGroup -CampaignStatus RUNNING -UpdatedSince (Get-Date).AddDays(-30) `
            -CampaignStartTime (Get-Date).AddYears(-3) -CampaignEndTime (Get-Date).AddYears(1) -Format Csv
        $job.Format | Should -Be 'Csv'
        @(Get-PinTestEmulatorRequest $emu -OperationId 'bulk_download/create').status | Should -Be @(200)
    }

    It 'a FAILED bulk request gives a non-terminating error naming its id' {
        $job = New-PinBulkDownload -EntityType CAMPAIGN
        $null = Set-PinTestEmulatorReportStatus $emu -Token $job.Token -Status FAILED
        $ok = New-PinBulkDownload -EntityType AD_GROUP
        $done = @($job, $ok | Wait-PinReport -ErrorVariable failures -ErrorAction SilentlyContinue)
        $done.Token | Should -Be @($ok.Token)
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportFailed,*'
        $failures[0].Exception.Message | Should -BeLike "*$($job.Token)*"
    }

    It 'refuses an unknown entity type before any request' {
        Clear-PinTestEmulatorRequest $emu
        $null = New-PinBulkDownload -EntityType CAMPAIGNS_AND_MORE -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidValue,*'
        $failures[0].Exception.ParameterName | Should -Be 'EntityType'
        @(Get-PinTestEmulatorRequest $emu -OperationId 'bulk_download/create').Count | Should -Be 0
    }

    It 'never sends credentials to the object store' {
        Clear-PinTestEmulatorRequest $emu
        $null = New-PinBulkDownload -EntityType CAMPAIGN | Wait-PinReport | Receive-PinReport
        $store = @(Get-PinTestEmulatorRequest $emu -HostKind 'store')
        $store.Count | Should -Be 1
        $store[0].hadAuthorization | Should -BeFalse
    }
}
