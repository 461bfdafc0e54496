#Requires -Modules Pester
# Ids bind by property name from Import-Csv objects whose columns are named as the module's output names
# them: entity CSVs (Level, Id, AdAccountId) and analytics/report row CSVs (CAMPAIGN_ID, AD_GROUP_ID, ...),
# for every entity level, into Get-PinAnalytics, Get-PinTargetingAnalytics and the report cmdlets that take
# piped entities. The values are text (no typed object); a row without an id is that row's error.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-PinModuleManifestPath) -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account | Out-Null
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:day = $today.AddDays(-3)
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ('pin-csvbind-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $folder

    # Every entity level, as the entity cmdlets write it.
    $adGroups = @(Get-PinAdGroup | Select-Object -First 3)
    $script:entities = [ordered]@{
        AdAccount    = @(Get-PinAdAccount -Id $account)
        Campaign     = @(Get-PinCampaign | Select-Object -First 3)
        AdGroup      = $adGroups
        Ad           = @(Get-PinAd | Select-Object -First 3)
        ProductGroup = @($adGroups | Get-PinProductGroup | Select-Object -First 3)
    }
    $script:idColumn = @{ AdAccount = 'AD_ACCOUNT_ID'; Campaign = 'CAMPAIGN_ID'; AdGroup = 'AD_GROUP_ID'; Ad = 'AD_ID'; ProductGroup = 'PRODUCT_GROUP_ID' }

    function script:Write-Csv($Objects, [string] $Name) {
        $path = Join-Path $folder "$Name.csv"
        $Objects | Export-Csv -Path $path
        $path
    }
    function script:Get-Spend($InputObject, [hashtable] $Extra = @{}) {
        @($InputObject | Get-PinAnalytics -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR @Extra)
    }
}

AfterAll {
    Disconnect-PinAccount -ErrorAction SilentlyContinue
    Stop-PinTestEmulator $emu
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Import-Csv of entity CSVs binds to Get-PinAnalytics' {
    It '<_>: the CSV rows give the same rows as the typed entities' -ForEach 'AdAccount', 'Campaign', 'AdGroup', 'Ad', 'ProductGroup' {
        $level = $_
        $typed = $entities[$level]
        $typed.Count | Should -BeGreaterThan 0 -Because "the emulator has $level entities"
        $csv = @(Import-Csv (Write-Csv $typed "entities-$level"))
        $csv[0].Id | Should -BeOfType [string]
        $expected = Get-Spend $typed
        $fromCsv = Get-Spend $csv @{ Level = $level }
        $fromCsv.Count | Should -Be $expected.Count
        $fromCsv.Count | Should -BeGreaterThan 0
        ($fromCsv | ConvertTo-Csv) | Should -Be ($expected | ConvertTo-Csv) -Because 'the same ids, account and level: the same rows'
        # Without -Level, the Level column says what the rows are.
        (Get-Spend $csv | ConvertTo-Csv) | Should -Be ($expected | ConvertTo-Csv)
    }

    It 'a plain Id column needs -Level and then binds; the default ad account is the session''s' {
        $path = Join-Path $folder 'ids.csv'
        $entities.Campaign | Select-Object Id | Export-Csv -Path $path
        $rows = Get-Spend (Import-Csv $path) @{ Level = 'Campaign' }
        @($rows.CAMPAIGN_ID | Sort-Object -Unique) | Should -Be @($entities.Campaign.Id | Sort-Object)
        $rows.AdAccountId | Sort-Object -Unique | Should -Be $account
    }

    It 'Get-PinTargetingAnalytics takes the CSV rows too' {
        $csv = Import-Csv (Write-Csv $entities.Campaign 'targeting-campaigns')
        $rows = @($csv | Get-PinTargetingAnalytics -TargetingType AGE_BUCKET -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR -WarningAction SilentlyContinue)
        $rows.Count | Should -BeGreaterThan 0
        @($rows.CAMPAIGN_ID | Sort-Object -Unique | Where-Object { $_ -notin $entities.Campaign.Id }) | Should -BeNullOrEmpty
    }
}

Describe 'Import-Csv of analytics and report row CSVs binds' {
    It '<_> analytics rows: their id column names the entities again, each once' -ForEach 'AdAccount', 'Campaign', 'AdGroup', 'Ad', 'ProductGroup' {
        $level = $_
        $rows = Get-Spend $entities[$level]
        $csv = @(Import-Csv (Write-Csv $rows "rows-$level"))
        $csv[0].PSObject.Properties.Name | Should -Contain $idColumn[$level]
        $again = Get-Spend $csv
        ($again | ConvertTo-Csv) | Should -Be ($rows | ConvertTo-Csv) -Because 'the same entities once each, not once per row'
    }

    It 'report rows (CAMPAIGN_ID, DATE, metrics) bind to New-PinAsyncReport and Get-PinAnalytics' {
        $report = @(New-PinAsyncReport -Level Campaign -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR -CampaignId $entities.Campaign[0].Id | Wait-PinReport | Receive-PinReport)
        $report.Count | Should -BeGreaterThan 0
        $csv = @(Import-Csv (Write-Csv $report 'report-rows'))
        $csv[0].PSObject.Properties.Name | Should -Contain 'CAMPAIGN_ID'
        $analytics = Get-Spend $csv
        @($analytics.CAMPAIGN_ID | Sort-Object -Unique) | Should -Be $entities.Campaign[0].Id
        $again = @($csv | New-PinAsyncReport -Level Campaign -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR | Wait-PinReport | Receive-PinReport)
        ($again | ConvertTo-Csv) | Should -Be ($report | ConvertTo-Csv)
    }

    It 'entity CSV rows filter New-PinAsyncReport and Invoke-PinReport by exactly their ids' {
        $csv = @(Import-Csv (Write-Csv $entities.AdGroup 'report-adgroups'))
        $typed = @($entities.AdGroup | Invoke-PinReport -Level AdGroup -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR)
        $fromCsv = @($csv | Invoke-PinReport -Level AdGroup -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR)
        $fromCsv.Count | Should -BeGreaterThan 0
        ($fromCsv | ConvertTo-Csv) | Should -Be ($typed | ConvertTo-Csv)
        $jobs = @($csv | New-PinAsyncReport -Level AdGroup -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR)
        $jobs.Count | Should -Be 1 -Because 'the rows are batched into one report'
    }
}

Describe 'Rows without an id' {
    It 'a row with no id column is that row''s error (InputObjectIdMissing), and the other rows go on' {
        $good = @(Import-Csv (Write-Csv $entities.Campaign 'mixed'))
        $bad = [pscustomobject]@{ Name = 'no id here'; Status = 'ACTIVE' }
        $rows = @(@($bad) + $good | Get-PinAnalytics -Level Campaign -StartDate $day -EndDate $day -Column SPEND_IN_DOLLAR -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectIdMissing,*'
        "$($failures[0])" | Should -Match 'Campaign id'
        "$($failures[0])" | Should -Match 'CampaignId or CAMPAIGN_ID'
        @($rows.CAMPAIGN_ID | Sort-Object -Unique) | Should -Be @($entities.Campaign.Id | Sort-Object)
    }

    It 'an object with no id column and no -Level says which columns bind' {
        $null = [pscustomobject]@{ Name = 'x' } | Get-PinAnalytics -StartDate $day -Column SPEND_IN_DOLLAR -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectIdMissing,*'
        "$($failures[0])" | Should -Match 'Level and Id'
        "$($failures[0])" | Should -Match 'AD_GROUP_ID'
    }

    It 'an empty id cell counts as missing, and an id that is not one is refused before any request' {
        Clear-PinTestEmulatorRequest $emu
        $rows = @([pscustomobject]@{ Level = 'Campaign'; Id = '' }, [pscustomobject]@{ Level = 'Campaign'; Id = 'abc' })
        $null = $rows | Get-PinAnalytics -StartDate $day -Column SPEND_IN_DOLLAR -ErrorVariable failures -ErrorAction SilentlyContinue
        @($failures).Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectIdMissing,*'
        $failures[1].FullyQualifiedErrorId | Should -Not -BeLike 'InputObjectIdMissing,*'
        "$($failures[1])" | Should -Match 'abc'
        @(Get-PinTestEmulatorRequest $emu | Where-Object operationId -like '*analytics*') | Should -BeNullOrEmpty
    }

    It 'a Level column that names no level is refused (InputObjectLevelInvalid)' {
        $null = [pscustomobject]@{ Level = 'Galaxy'; Id = '123' } | Get-PinAnalytics -StartDate $day -Column SPEND_IN_DOLLAR -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectLevelInvalid,*'
    }

    It 'a row whose Level differs from -Level is refused as typed entities are (LevelMismatch)' {
        $csv = @(Import-Csv (Write-Csv $entities.Campaign[0] 'mismatch'))
        $null = $csv | Get-PinAnalytics -Level AdGroup -StartDate $day -Column SPEND_IN_DOLLAR -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LevelMismatch,*'
    }
}
