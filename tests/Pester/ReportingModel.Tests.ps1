#Requires -Modules Pester
# One reporting model (issue 12): -Mode Sync and -Mode Async give identical rows, values and shape for every
# level, granularity and with/without targeting; splits never change what a row means (HOUR seams, TOTAL
# re-aggregated over 400 days, WEEK/MONTH cut on their boundaries, no duplicate keys); piped entities filter
# reports by exactly their ids; the planner refuses what it cannot answer exactly, before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 3; AdGroupsPerCampaign = 2; AdsPerAdGroup = 2; ProductGroupsPerAdGroup = 1; ActivityRate = 0.7 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -ne 'FORBIDDEN' | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)

    $script:idsByLevel = @{
        AdAccount    = @()
        Campaign     = @($account.campaigns.id)
        AdGroup      = @($account.campaigns.adGroups.id)
        Ad           = @($account.campaigns.adGroups.ads.id)
        ProductGroup = @($account.campaigns.adGroups.productGroups.id)
    }
    $script:truthLevel = @{ AdAccount = 'ADVERTISER'; Campaign = 'CAMPAIGN'; AdGroup = 'AD_GROUP'; Ad = 'PIN_PROMOTION'; ProductGroup = 'PRODUCT_GROUP' }
    $script:idColumn = @{ AdAccount = 'AD_ACCOUNT_ID'; Campaign = 'CAMPAIGN_ID'; AdGroup = 'AD_GROUP_ID'; Ad = 'AD_ID'; ProductGroup = 'PRODUCT_GROUP_ID' }

    function script:Format-Value($value) {
        if ($null -eq $value) { return '<null>' }
        if ($value -is [datetime]) { return $value.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture) }
        if ($value -is [decimal] -or $value -is [double] -or $value -is [long] -or $value -is [int]) { return ([decimal]$value).ToString([cultureinfo]::InvariantCulture) }
        [string]$value
    }
    function script:Get-RowKey($row) {
        $parts = foreach ($name in @($row.PSObject.Properties.Name)) {
            if ($name -in 'AD_ACCOUNT_ID', 'CAMPAIGN_ID', 'AD_GROUP_ID', 'AD_ID', 'PRODUCT_GROUP_ID', 'DATE', 'TargetingType', 'TargetingValue') { "$name=$(Format-Value $row.$name)" }
        }
        $parts -join '|'
    }
    function script:ConvertTo-Comparable($rows) {
        @($rows | ForEach-Object {
                $row = $_
                (@($row.PSObject.Properties.Name) | ForEach-Object { "$_=$(Format-Value $row.$_)" }) -join ';'
            } | Sort-Object)
    }
    function script:Get-Report([string] $Level, [string] $Granularity, [bool] $Targeting, [string] $Mode, [datetime] $From, [datetime] $To, [string[]] $Column) {
        $common = @{ Level = $Level; StartDate = $From; EndDate = $To; Column = $Column; Granularity = $Granularity; Mode = $Mode; ErrorAction = 'Stop' }
        if ($idsByLevel[$Level].Count) { $common.Id = $idsByLevel[$Level] }
        if ($Targeting) { Get-PinTargetingAnalytics @common -TargetingType GENDER, AGE_BUCKET }
        else { Get-PinAnalytics @common }
    }
    function script:Assert-NoDuplicateKey($rows) {
        $keys = @($rows | ForEach-Object { Get-RowKey $_ })
        $dupes = @($keys | Group-Object | Where-Object Count -gt 1)
        $dupes.Count | Should -Be 0 -Because "no key yields two rows ($(($dupes | Select-Object -First 3 | ForEach-Object Name) -join ', '))"
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Sync and async give identical rows' {
    $cases = foreach ($level in 'AdAccount', 'Campaign', 'AdGroup', 'Ad', 'ProductGroup') {
        foreach ($granularity in 'Day', 'Week', 'Month', 'Total', 'Hour') {
            foreach ($targeting in $false, $true) {
                if ($targeting -and $level -eq 'ProductGroup') { continue } # no targeting analytics for product groups
                @{ Level = $level; Granularity = $granularity; Targeting = $targeting }
            }
        }
    }

    It '<Level> <Granularity> targeting=<Targeting>: same shape, keys and values from both paths' -TestCases $cases {
        param($Level, $Granularity, $Targeting)
        $from, $to = if ($Granularity -eq 'Hour') { $today.AddDays(-5), $today.AddDays(-4) } else { $today.AddDays(-40), $today.AddDays(-6) }
        $columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1', 'CTR'
        $sync = @(Get-Report $Level $Granularity $Targeting 'Sync' $from $to $columns)
        $async = @(Get-Report $Level $Granularity $Targeting 'Async' $from $to $columns)

        $sync.Count | Should -BeGreaterThan 0
        $async.Count | Should -Be $sync.Count
        ($async[0].PSObject.Properties.Name -join ',') | Should -Be ($sync[0].PSObject.Properties.Name -join ',')
        @($async[0].PSObject.Properties.Name)[0..2] | Should -Be @('AdAccountId', 'Currency', 'Level')
        $async[0].Currency | Should -Be $sync[0].Currency
        $async[0].Currency | Should -Not -BeNullOrEmpty
        foreach ($name in $sync[0].PSObject.Properties.Name) {
            if ($null -ne $sync[0].$name -and $null -ne $async[0].$name) { $async[0].$name.GetType() | Should -Be $sync[0].$name.GetType() -Because "$name has one type" }
        }
        ConvertTo-Comparable $async | Should -Be (ConvertTo-Comparable $sync)
        Assert-NoDuplicateKey $async
    }
}

Describe 'Splits never change what a row means' {
    It 'TOTAL over 400 days is re-aggregated exactly: equal to the ground truth of the whole range' {
        $columns = 'SPEND_IN_DOLLAR', 'SPEND_IN_MICRO_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1', 'CTR', 'CPC_IN_MICRO_DOLLAR', 'CPM_IN_MICRO_DOLLAR'
        $from, $to = $today.AddDays(-400), $today.AddDays(-6)
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $from -EndDate $to -Column $columns -Granularity Total -ErrorAction Stop)
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/reports' }).Count | Should -Be 3 -Because '395 days are three 186-day reports'
        $truth = Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'CAMPAIGN'; ids = $idsByLevel.Campaign; start_date = $from.ToString('yyyy-MM-dd'); end_date = $to.ToString('yyyy-MM-dd'); granularity = 'TOTAL'; columns = $columns }
        Assert-PinTestRowsEqualTruth $rows $truth $idColumn.Campaign $columns
        Assert-NoDuplicateKey $rows
        @($rows[0].PSObject.Properties.Name) | Should -Not -Contain 'OUTBOUND_CLICK_1' -Because 'hidden ingredients are not shown'
    }

    It 'WEEK and MONTH over 400 days equal the unsplit ground truth (parts cut on week and month boundaries)' -TestCases @(@{ Granularity = 'Week' }, @{ Granularity = 'Month' }) {
        param($Granularity)
        $columns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1'
        $from, $to = $today.AddDays(-400), $today.AddDays(-6)
        $rows = @(Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $from -EndDate $to -Column $columns -Granularity $Granularity -ErrorAction Stop)
        $truth = Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'CAMPAIGN'; ids = $idsByLevel.Campaign; start_date = $from.ToString('yyyy-MM-dd'); end_date = $to.ToString('yyyy-MM-dd'); granularity = $Granularity.ToUpperInvariant(); columns = $columns }
        Assert-PinTestRowsEqualTruth $rows $truth $idColumn.Campaign $columns
        Assert-NoDuplicateKey $rows
    }

    It 'DAY over 400 days equals the ground truth with no duplicate key' {
        $from, $to = $today.AddDays(-400), $today.AddDays(-6)
        $rows = @(Get-PinAnalytics -Level AdGroup -Id $idsByLevel.AdGroup -StartDate $from -EndDate $to -Column SPEND_IN_DOLLAR -ErrorAction Stop)
        $truth = Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'AD_GROUP'; ids = $idsByLevel.AdGroup; start_date = $from.ToString('yyyy-MM-dd'); end_date = $to.ToString('yyyy-MM-dd'); granularity = 'DAY'; columns = @('SPEND_IN_DOLLAR') }
        Assert-PinTestRowsEqualTruth $rows $truth $idColumn.AdGroup @('SPEND_IN_DOLLAR')
        Assert-NoDuplicateKey $rows
    }

    It 'HOUR over 7 days loses no hour at the seams of the 3-day calls' {
        $from, $to = $today.AddDays(-7), $today.AddDays(-1)
        $rows = @(Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $from -EndDate $to -Column IMPRESSION_1 -Granularity Hour -ErrorAction Stop -WarningAction SilentlyContinue)
        $truth = Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'CAMPAIGN'; ids = $idsByLevel.Campaign; start_date = $from.ToString('yyyy-MM-dd'); end_date = $to.ToString('yyyy-MM-dd'); granularity = 'HOUR'; columns = @('IMPRESSION_1') }
        Assert-PinTestRowsEqualTruth $rows $truth $idColumn.Campaign @('IMPRESSION_1')
        Assert-NoDuplicateKey $rows
    }

    It 'HOUR report parts carry start_hour only in the first part and end_hour only in the last' {
        $from, $to = $today.AddDays(-7), $today.AddDays(-2)
        $jobs = @(New-PinAsyncReport -Level Campaign -StartDate $from -EndDate $to -Column IMPRESSION_1 -Granularity Hour -StartHour 5 -EndHour 20 -Format Json -ErrorAction Stop)
        $jobs.Count | Should -Be 2
        $rows = @($jobs | Wait-PinReport | Receive-PinReport)
        $dates = @($rows | ForEach-Object { $_.DATE } | Sort-Object -Unique)
        $dates[0] | Should -Be $from.AddHours(5) -Because 'the first hour is start_hour of the start date'
        $dates[-1] | Should -Be $to.AddHours(20) -Because 'the last hour is end_hour of the end date'
        # Every hour in between is there: 6 days x 24 hours minus the 5 before start_hour and the 3 after end_hour.
        $dates.Count | Should -Be (6 * 24 - 5 - 3)
    }

    It 'TOTAL beyond one report with a column that cannot be re-aggregated is refused before any request, naming it' {
        Clear-PinTestEmulatorRequest $emu
        $err = { Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-400) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR, TOTAL_IMPRESSION_USER -Granularity Total -ErrorAction Stop } |
            Should -Throw -ErrorId 'TotalNotMergeable,*' -PassThru
        $err.Exception.Message | Should -Match 'TOTAL_IMPRESSION_USER'
        $err.Exception.Message | Should -Match 'Granularity Day'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/analytics' -or $_.Path -like '*/reports' }).Count | Should -Be 0
    }

    It 'New-PinAsyncReport refuses a TOTAL that would become several totals' {
        { New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-400) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -Granularity Total -ErrorAction Stop } |
            Should -Throw -ErrorId 'TotalSpanTooLong,*'
    }

    It 'An id list finer than the level that needs splitting is refused (one campaign would give partial rows)' {
        $many = 1..501 | ForEach-Object { [string](7000000000 + $_) }
        { New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-20) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -AdGroupId $many -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdListFinerThanLevel,*'
    }

    It '-AggregateReportRows over more ids than one call takes is refused' {
        $many = 1..251 | ForEach-Object { [string](7000000000 + $_) }
        { Get-PinAnalytics -Level Campaign -Id $many -StartDate $today.AddDays(-20) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -AggregateReportRows -ErrorAction Stop } |
            Should -Throw -ErrorId 'AggregateTooManyIds,*'
    }
}

Describe 'Auto mode and the plan' {
    It 'Auto stays synchronous inside the sync limits and goes async beyond them; -Verbose says why' {
        Clear-PinTestEmulatorRequest $emu
        $verbose = Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-30) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose -join "`n") | Should -Match 'Plan: .*synchronous campaigns/analytics.*Why: .*fit the synchronous limits'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/reports' }).Count | Should -Be 0

        $verbose = Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-200) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose -join "`n") | Should -Match 'Plan: 2 async report\(s\).*Why: .*more than 90 days back'
    }

    It '-WhatIf shows the plan and sends no analytics request' {
        Clear-PinTestEmulatorRequest $emu
        Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-300) -Column SPEND_IN_DOLLAR -WhatIf
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/reports' -or $_.Path -like '*/analytics' }).Count | Should -Be 0
    }

    It 'The README trap: -StartDate (Get-Date).AddDays(-90) with the defaults just works' {
        $rows = @(Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-91) -Column SPEND_IN_DOLLAR -ErrorAction Stop -WarningAction SilentlyContinue)
        $rows.Count | Should -BeGreaterThan 0
    }

    It 'The async level names are aliases on every cmdlet' {
        $a = @(Get-PinAnalytics -Level PIN_PROMOTION -Id $idsByLevel.Ad -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction Stop)
        $a[0].Level | Should -Be 'AD'
        $b = @(Get-PinAnalytics -Level ADVERTISER -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction Stop)
        $b[0].AD_ACCOUNT_ID | Should -Be $account.id
        $job = New-PinAsyncReport -Level Ad -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction Stop
        $job.Level | Should -Be 'PIN_PROMOTION'
    }

    It 'Wildcards and display-free API names work on the report cmdlets as on Get-PinAnalytics' {
        $job = New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -Column 'SPEND_IN_*DOLLAR', impression_1 -ErrorAction Stop
        $job.Columns | Should -Contain 'SPEND_IN_DOLLAR'
        $job.Columns | Should -Contain 'SPEND_IN_MICRO_DOLLAR'
        $job.Columns | Should -Contain 'IMPRESSION_1'
        { New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-10) -Column SPEND_IN_DOLAR -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownColumn,*'
    }

    It 'Invoke-PinReport -EndDate defaults to today (UTC), as Get-PinAnalytics' {
        $rows = @(Invoke-PinReport -Level Campaign -StartDate $today.AddDays(-10) -Column SPEND_IN_DOLLAR -ErrorAction Stop -WarningAction SilentlyContinue)
        $rows.Count | Should -BeGreaterThan 0
    }
}

Describe 'Validation the API would otherwise answer with a 400' {
    It '-Level Ad with only -CampaignId is refused before any request (ads analytics need ad ids, or campaign and pin ids)' {
        Clear-PinTestEmulatorRequest $emu
        $err = { Get-PinAnalytics -Level Ad -CampaignId $idsByLevel.Campaign[0] -StartDate $today.AddDays(-10) -Column SPEND_IN_DOLLAR -ErrorAction Stop } |
            Should -Throw -ErrorId 'IdRequired,*' -PassThru
        $err.Exception.Message | Should -Match 'PinId'
        @(Get-PinTestEmulatorRequest $emu | Where-Object Path -like '*/analytics').Count | Should -Be 0
    }

    It 'HOUR with conversion columns is refused before any request, naming the columns' -TestCases @(
        @{ Command = 'Get-PinAnalytics'; Extra = @{ Level = 'Campaign'; Id = '1' } },
        @{ Command = 'New-PinAsyncReport'; Extra = @{ Level = 'Campaign' } }) {
        param($Command, $Extra)
        Clear-PinTestEmulatorRequest $emu
        $err = { & $Command @Extra -StartDate $today.AddDays(-3) -EndDate $today.AddDays(-2) -Granularity Hour -Column IMPRESSION_1, TOTAL_CONVERSIONS -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConversionColumnsAtHour,*' -PassThru
        $err.Exception.Message | Should -Match 'TOTAL_CONVERSIONS'
        $err.Exception.Message | Should -Not -Match 'IMPRESSION_1'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/analytics' -or $_.Path -like '*/reports' }).Count | Should -Be 0
    }

    It 'The freshness warning speaks only of the kind of metric asked for' {
        $warnings = @()
        $null = Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-3) -EndDate $today -Column IMPRESSION_1 -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join "`n") | Should -Not -Match '(?<!non-)conversion metrics of'
        $null = Get-PinAnalytics -Level Campaign -Id $idsByLevel.Campaign -StartDate $today.AddDays(-3) -EndDate $today -Column TOTAL_CONVERSIONS -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join "`n") | Should -Match '(?<!non-)conversion metrics of'
    }
}

Describe 'Piped entities filter reports by exactly their ids' {
    It 'Get-PinCampaign | Select -First 2 | Invoke-PinReport: one report, rows of those two campaigns only, each key once' {
        Clear-PinTestEmulatorRequest $emu
        $two = @(Get-PinCampaign | Select-Object -First 2)
        $rows = @($two | Invoke-PinReport -Level Campaign -StartDate $today.AddDays(-20) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction Stop)
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/reports' }).Count | Should -Be 1
        @($rows.CAMPAIGN_ID | Sort-Object -Unique) | Should -Be @($two.Id | Sort-Object)
        @($rows | Group-Object { "$($_.CAMPAIGN_ID)|$($_.DATE)" } | Where-Object Count -gt 1).Count | Should -Be 0
        $truth = Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account.id; level = 'CAMPAIGN'; ids = @($two.Id); start_date = $today.AddDays(-20).ToString('yyyy-MM-dd'); end_date = $today.AddDays(-6).ToString('yyyy-MM-dd'); granularity = 'DAY'; columns = @('SPEND_IN_DOLLAR') }
        $rows.Count | Should -Be @($truth).Count
    }

    It 'Piped ad groups into New-PinAsyncReport at level AD_GROUP: one job per account, filtered by their ids' {
        $groups = @(Get-PinAdGroup | Select-Object -First 3)
        $jobs = @($groups | New-PinAsyncReport -Level AdGroup -StartDate $today.AddDays(-20) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction Stop)
        $jobs.Count | Should -Be 1
        $rows = @($jobs | Wait-PinReport | Receive-PinReport)
        @($rows.AD_GROUP_ID | Sort-Object -Unique) | Should -Be @($groups.Id | Sort-Object)
    }
}

Describe 'Several jobs, one stream' {
    It 'Templates piped through New-PinAsyncReport into Receive-PinReport | Export-Csv keep every template''s columns, and rows say which report they came from' {
        $templates = @(Get-PinTemplate)
        $templates.Count | Should -BeGreaterThan 1
        $jobs = @($templates | New-PinAsyncReport -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -ErrorAction Stop)
        $csv = Join-Path $TestDrive 'all.csv'
        $jobs | Wait-PinReport | Receive-PinReport | Export-Csv $csv
        $header = @((Get-Content $csv -TotalCount 1).Split(',') | ForEach-Object { $_.Trim('"') })
        $header[0..1] | Should -Be 'ReportToken', 'TemplateId'
        foreach ($template in $templates) {
            foreach ($column in $template.Columns) { $header | Should -Contain $column -Because "template $($template.Name) has $column" }
        }
        $rows = @(Import-Csv $csv)
        @($rows.TemplateId | Sort-Object -Unique) | Should -Be @($templates.Id | Sort-Object)
        @($rows.ReportToken | Sort-Object -Unique) | Should -Be @($jobs.Token | Sort-Object)
    }

    It 'A split Invoke-PinReport whose part fails to download writes no rows of the other parts' {
        Add-PinTestEmulatorFault $emu -Kind status -Target store -Status 503 -Count 20
        try {
            $csv = Join-Path $TestDrive 'split.csv'
            { Invoke-PinReport -Level Campaign -StartDate $today.AddDays(-200) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction Stop | Export-Csv $csv } | Should -Throw
            if (Test-Path $csv) { @(Import-Csv $csv).Count | Should -Be 0 }
            Clear-PinTestEmulatorFault $emu
            $rows = @(Invoke-PinReport -Level Campaign -StartDate $today.AddDays(-200) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -ErrorAction SilentlyContinue)
            $rows.Count | Should -BeGreaterThan 0 -Because 'without the fault both parts arrive'
        }
        finally { Clear-PinTestEmulatorFault $emu }
    }
}

Describe 'Missing metrics mean the same on every path' {
    It 'JSON report rows have $null for a metric the file leaves out, as sync rows do; CSV rows carry the API''s zero-fill' {
        $json = @(New-PinAsyncReport -Level Ad -StartDate $today.AddDays(-20) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR, TOTAL_CONVERSIONS -Format Json -ErrorAction Stop | Wait-PinReport | Receive-PinReport)
        @($json | Where-Object { $null -eq $_.TOTAL_CONVERSIONS }).Count | Should -BeGreaterThan 0
        @($json | Where-Object { $_.TOTAL_CONVERSIONS -eq 0 -and $null -ne $_.TOTAL_CONVERSIONS }).Count | Should -Be 0
        $csv = @(New-PinAsyncReport -Level Ad -StartDate $today.AddDays(-20) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR, TOTAL_CONVERSIONS -Format Csv -ErrorAction Stop | Wait-PinReport | Receive-PinReport)
        @($csv | Where-Object { $null -eq $_.TOTAL_CONVERSIONS }).Count | Should -Be 0 -Because 'Pinterest zero-fills CSV files'
        $csv.Count | Should -Be $json.Count
    }
}

Describe 'Resuming by token' {
    It 'Get-PinReport -Token receives a JSON report (the format is read from the file) with the same rows' -TestCases @(@{ Format = 'Json' }, @{ Format = 'Csv' }) {
        param($Format)
        $job = New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR, IMPRESSION_1 -Format $Format -ErrorAction Stop
        $direct = @($job | Wait-PinReport | Receive-PinReport)
        $resumed = @(Get-PinReport -AdAccountId $account.id -Token $job.Token | Wait-PinReport | Receive-PinReport -ErrorAction Stop)
        $resumed.Count | Should -Be $direct.Count
        ($resumed | ForEach-Object { "$($_.CAMPAIGN_ID)|$($_.DATE)|$($_.SPEND_IN_DOLLAR)" } | Sort-Object) | Should -Be ($direct | ForEach-Object { "$($_.CAMPAIGN_ID)|$($_.DATE)|$($_.SPEND_IN_DOLLAR)" } | Sort-Object)
    }

    It 'The resume command printed when waiting gives up runs as printed' {
        Set-PinTestEmulatorOption $emu @{ ReportPreparationMs = 4000 }
        try {
            $job = New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-10) -EndDate $today.AddDays(-6) -Column SPEND_IN_DOLLAR -Format Json -ErrorAction Stop
            $null = $job | Wait-PinReport -TimeoutSec 1 -ErrorVariable waitErrors -ErrorAction SilentlyContinue
            $message = ($waitErrors | Select-Object -First 1).Exception.Message
            $command = [regex]::Match($message, 'Get-PinReport .*\| Receive-PinReport').Value
            $command | Should -Not -BeNullOrEmpty
            # The report is ready once its preparation time is over: end it now rather than wait 4 s.
            Set-PinTestEmulatorOption $emu @{ ReportPreparationMs = 0 }
            $rows = @(Invoke-Expression $command)
            $rows.Count | Should -BeGreaterThan 0
            $rows[0].SPEND_IN_DOLLAR | Should -Not -BeNullOrEmpty
        }
        finally { Set-PinTestEmulatorOption $emu @{ ReportPreparationMs = 0 } }
    }
}
