#Requires -Modules Pester
# New-PinAsyncReport, Get-PinReport, Wait-PinReport, Receive-PinReport and Invoke-PinReport against the
# emulator: every level, both formats and JSON layouts, splitting, final statuses, link expiry, gzip,
# truncated and stalled downloads, -OutFile atomicity, and no credentials sent to the object store.
# Row values are compared with the emulator's ground truth (POST /_emulator/expected-rows).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; BulkPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-12)
    $script:end = $today.AddDays(-9)
    $script:metrics = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1'
    $script:outFolder = Join-Path ([IO.Path]::GetTempPath()) ("pin-reports-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $outFolder
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
    Remove-Item $outFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Every reporting level' {
    It 'level <Level> returns the ground-truth rows keyed by <IdColumn>' -ForEach @(
        @{ Level = 'ADVERTISER'; IdColumn = 'AD_ACCOUNT_ID' }
        @{ Level = 'ADVERTISER_TARGETING'; IdColumn = 'AD_ACCOUNT_ID'; Targeting = 'GENDER' }
        @{ Level = 'CAMPAIGN'; IdColumn = 'CAMPAIGN_ID' }
        @{ Level = 'CAMPAIGN_TARGETING'; IdColumn = 'CAMPAIGN_ID'; Targeting = 'GENDER' }
        @{ Level = 'AD_GROUP'; IdColumn = 'AD_GROUP_ID' }
        @{ Level = 'AD_GROUP_TARGETING'; IdColumn = 'AD_GROUP_ID'; Targeting = 'AGE_BUCKET' }
        @{ Level = 'PIN_PROMOTION'; IdColumn = 'AD_ID' }
        @{ Level = 'PIN_PROMOTION_TARGETING'; IdColumn = 'AD_ID'; Targeting = 'GENDER' }
        @{ Level = 'PRODUCT_GROUP'; IdColumn = 'PRODUCT_GROUP_ID' }
        @{ Level = 'PRODUCT_GROUP_TARGETING'; IdColumn = 'PRODUCT_GROUP_ID'; Targeting = 'GENDER' }
    ) {
        # Two days keep the targeting breakdowns small.
        $params = @{ Level = $Level; StartDate = $start; EndDate = $start.AddDays(1); Column = $metrics; Granularity = 'DAY'; Format = 'Csv' }
        if ($Targeting) { $params.TargetingType = $Targeting }
        $rows = @(Invoke-PinReport @params)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0].PSTypeNames | Should -Contain 'PinterestAds.ReportRow'
        # The analytics row shape leads: AdAccountId, Currency, Level (the job's), then the file's columns.
        $leading = if ($Targeting) { @($IdColumn, 'DATE', 'TARGETING_TYPE', 'TARGETING_VALUE') } else { @($IdColumn, 'DATE') }
        @($rows[0].PSObject.Properties.Name) | Should -Be (@('AdAccountId', 'Currency', 'Level') + $leading + $metrics)
        @($rows.AdAccountId | Sort-Object -Unique) | Should -Be $account
        @($rows.Currency | Sort-Object -Unique) | Should -Be ($world.adAccounts | Where-Object id -eq $account).currency
        @($rows.Level | Sort-Object -Unique) | Should -Be $Level
        $expected = Get-ExpectedReportRow $emu $account $Level $start $start.AddDays(1) 'DAY' $metrics -TargetingTypes $Targeting
        Assert-RowsMatchTruth $rows $expected $IdColumn $metrics
    }

    It 'sends <Level> spelled as the API does, whichever spelling was given' -ForEach @(
        @{ Level = 'KEYWORD'; Given = 'Keyword' }
        @{ Level = 'PRODUCT_ITEM'; Given = 'product_item' }
        @{ Level = 'PRODUCT_ITEM_TARGETING'; Given = 'ProductItemTargeting' }
    ) {
        $params = @{ Level = $Given; StartDate = $start; EndDate = $end; Column = 'SPEND_IN_DOLLAR' }
        if ($Level -like '*_TARGETING') { $params.TargetingType = 'GENDER' }
        $jobs = @(New-PinAsyncReport @params)
        $jobs.Count | Should -Be 1
        $jobs[0].Level | Should -Be $Level
        # The emulator's world has keywords and product items: the report has rows keyed by their ids.
        $rows = @($jobs | Wait-PinReport | Receive-PinReport)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0].PSObject.Properties.Name | Should -Contain ($(if ($Level -eq 'KEYWORD') { 'KEYWORD_ID' } else { 'PRODUCT_ITEM_ID' }))
    }

    It 'accepts CampaignTargeting and CAMPAIGN_TARGETING alike' {
        $a = New-PinAsyncReport -Level CampaignTargeting -TargetingType GENDER -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
        $b = New-PinAsyncReport -Level CAMPAIGN_TARGETING -TargetingType gender -StartDate $start -EndDate $end -Column spend_in_dollar
        $a.Level | Should -Be 'CAMPAIGN_TARGETING'
        $b.Level | Should -Be 'CAMPAIGN_TARGETING'
        $b.Columns | Should -Be @('SPEND_IN_DOLLAR')
        $a.PSTypeNames | Should -Contain 'PinterestAds.ReportJob'
    }
}

Describe 'Formats and layouts' {
    BeforeAll {
        $script:truth = Get-ExpectedReportRow $emu $account 'AD_GROUP' $start $end 'DAY' $metrics
    }

    It 'CSV, JSON by id and JSON by date give the same typed rows with the same properties' {
        $csv = @(Invoke-PinReport -Level AdGroup -StartDate $start -EndDate $end -Column $metrics -Format Csv)
        $byId = @(Invoke-PinReport -Level AdGroup -StartDate $start -EndDate $end -Column $metrics -Format Json)
        $byDate = @(Invoke-PinReport -Level AdGroup -StartDate $start -EndDate $end -Column $metrics -Format Json -PrimarySort ByDate)
        foreach ($rows in $csv, $byId, $byDate) {
            Assert-RowsMatchTruth $rows $truth 'AD_GROUP_ID' $metrics
            @($rows[0].PSObject.Properties.Name) | Should -Be (@('AdAccountId', 'Currency', 'Level', 'AD_GROUP_ID', 'DATE') + $metrics)
            # Every row of one report is one type: Export-Csv never loses a column to a sparse first row.
            @($rows | ForEach-Object { $_.GetType() } | Select-Object -Unique).Count | Should -Be 1
        }
        $csv[0].GetType() | Should -Be $byId[0].GetType()
    }

    It 'TOTAL granularity has no DATE column' {
        $rows = @(Invoke-PinReport -Level Campaign -StartDate $start -EndDate $end -Column $metrics -Granularity Total -Format Json)
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'DATE'
        Assert-RowsMatchTruth $rows (Get-ExpectedReportRow $emu $account 'CAMPAIGN' $start $end 'TOTAL' $metrics) 'CAMPAIGN_ID' $metrics
    }

    It 'accepts every body field the description defines (the emulator validates each)' {
        $job = New-PinAsyncReport -Level CampaignTargeting -StartDate $start -EndDate $end -Column $metrics -Granularity Day -Format Json `
            -CampaignId $world.adAccounts[0].campaigns.id -CampaignStatus RUNNING, PAUSED -CampaignObjectiveType AWARENESS, CONSIDERATION `
            -TargetingType GENDER, LOCATION -CombineTargetingTypes -ClickWindowDays 7 -EngagementWindowDays 14 -ViewWindowDays 1 `
            -AttributionType Individual, HOUSEHOLD -ConversionReportTime TIME_OF_CONVERSION -PrimarySort ById -ReportingTimeZone AdAccountTimeZone `
            -MetricsFilter 'SPEND_IN_DOLLAR > 0.5', @{ Field = 'TOTAL_IMPRESSION'; Operator = 'LessThan'; Values = 1e9 } `
            -CustomConversionEventMetric 'ADE_ROAS:signup', @{ Type = 'ADE_TOTAL_CONVERSIONS'; Name = 'lead' } -CampaignBrandLabel 'brand' `
            -AdGroupStatus RUNNING -AdStatus APPROVED -ProductGroupStatus RUNNING
        $job.Status | Should -Be 'IN_PROGRESS'
        $hourly = New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-2) -EndDate $today.AddDays(-2) -Column SPEND_IN_DOLLAR -Granularity Hour -StartHour 3 -EndHour 20
        $hourly.Granularity | Should -Be 'HOUR'
    }
}

Describe 'Validation before any request' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'refuses <Name> with <ErrorId> naming -<Parameter>' -ForEach @(
        @{ Name = 'an unknown column'; ErrorId = 'UnknownColumn'; Parameter = 'Column'; Extra = @{ Column = 'SPEND_IN_DOLARS' } }
        @{ Name = 'a targeting level without types'; ErrorId = 'TargetingTypeRequired'; Parameter = 'TargetingType'; Extra = @{ Level = 'AdGroupTargeting' } }
        @{ Name = 'too many campaign statuses'; ErrorId = 'TooManyValues'; Parameter = 'CampaignStatus'; Extra = @{ CampaignStatus = 'RUNNING', 'PAUSED', 'NOT_STARTED', 'COMPLETED', 'ADVERTISER_DISABLED', 'ARCHIVED', 'DRAFT' } }
        @{ Name = 'a start beyond 914 days'; ErrorId = 'StartDateBeyondLookback'; Parameter = 'StartDate'; Extra = @{ StartDate = (Get-Date).ToUniversalTime().Date.AddDays(-1000) } }
        @{ Name = 'an attribution window Pinterest lacks'; ErrorId = 'AttributionWindowInvalid'; Parameter = 'ClickWindowDays'; Extra = @{ ClickWindowDays = 3 } }
        @{ Name = 'hours without HOUR granularity'; ErrorId = 'HourNeedsHourGranularity'; Parameter = 'StartHour'; Extra = @{ StartHour = 2 } }
        @{ Name = 'ad ids at PRODUCT_ITEM'; ErrorId = 'AdFilterNotAllowed'; Parameter = 'AdId'; Extra = @{ Level = 'ProductItem'; AdId = '123' } }
        @{ Name = 'an id that is not digits'; ErrorId = 'IdNotNumeric'; Parameter = 'CampaignId'; Extra = @{ CampaignId = 'abc' } }
    ) {
        $params = @{ Level = 'Campaign'; StartDate = $start; EndDate = $end; Column = 'SPEND_IN_DOLLAR' }
        foreach ($key in $Extra.Keys) { $params[$key] = $Extra[$key] }
        $null = New-PinAsyncReport @params -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failures[0].Exception.ParameterName | Should -Be $Parameter
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_report').Count | Should -Be 0
    }

    It 'suggests the closest column names' {
        $null = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column 'SPEND_IN_DOLARS' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].Exception.Message | Should -BeLike '*SPEND_IN_DOLLAR*'
    }
}

Describe 'Splitting a request beyond one report' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'splits 200 days into two reports and streams them as one, equal to the ground truth' {
        $from = $today.AddDays(-210); $to = $today.AddDays(-11)
        $jobs = @(New-PinAsyncReport -Level Campaign -StartDate $from -EndDate $to -Column SPEND_IN_DOLLAR -Granularity Day)
        $jobs.Count | Should -Be 2
        $jobs.PartCount | Should -Be @(2, 2)
        $jobs[0].StartDate | Should -Be $from
        $jobs[0].EndDate | Should -Be $from.AddDays(185)
        $jobs[1].StartDate | Should -Be $from.AddDays(186)
        $jobs[1].EndDate | Should -Be $to
        $rows = @(Invoke-PinReport -Level Campaign -StartDate $from -EndDate $to -Column SPEND_IN_DOLLAR -Granularity Day)
        @($rows | ForEach-Object { $_.GetType() } | Select-Object -Unique).Count | Should -Be 1
        Assert-RowsMatchTruth $rows (Get-ExpectedReportRow $emu $account 'CAMPAIGN' $from $to 'DAY' 'SPEND_IN_DOLLAR') 'CAMPAIGN_ID' 'SPEND_IN_DOLLAR'
    }

    It 'splits HOUR beyond 3 days and PRODUCT_ITEM beyond 31 days' {
        @(New-PinAsyncReport -Level Campaign -StartDate $today.AddDays(-6) -EndDate $today.AddDays(-1) -Column SPEND_IN_DOLLAR -Granularity Hour).Count | Should -Be 2
        # PRODUCT_ITEM: at most 31 days a report.
        Clear-PinTestEmulatorRequest $emu
        @(New-PinAsyncReport -Level ProductItem -StartDate $today.AddDays(-60) -EndDate $today.AddDays(-1) -Column SPEND_IN_DOLLAR).Count | Should -Be 2
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_report' | Where-Object status -eq 200).Count | Should -Be 2
    }

    It 'splits more than 500 ids per list' {
        $ids = 1..600 | ForEach-Object { [string](900000000000 + $_) }
        $jobs = @(New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -CampaignId $ids)
        $jobs.Count | Should -Be 2
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_report').Count | Should -Be 2
    }
}

Describe 'Waiting and final statuses' {
    It 'waits for many jobs in one loop and emits them all' {
        Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 1500 }
        try {
            Clear-PinTestEmulatorRequest $emu
            $jobs = 1..3 | ForEach-Object { New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR }
            $done = @($jobs | Wait-PinReport)
            $done.Count | Should -Be 3
            $done.Status | Should -Be @('FINISHED', 'FINISHED', 'FINISHED')
            $done | ForEach-Object { $_.Size | Should -BeGreaterThan 0 }
            $polls = @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/get_report')
            $polls.Count | Should -BeLessOrEqual 18 -Because 'backoff keeps polling of 3 jobs over ~1.5 s modest'
            $polls | ForEach-Object { $_.rateLimitCategory | Should -Be 'ads_analytics' }
        } finally { Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 0 } }
    }

    It '<Status> gives a non-terminating <ErrorId> naming the token while the other jobs go on' -ForEach @(
        @{ Status = 'FAILED'; ErrorId = 'ReportFailed' }
        @{ Status = 'CANCELLED'; ErrorId = 'ReportCancelled' }
        @{ Status = 'EXPIRED'; ErrorId = 'ReportExpired' }
    ) {
        $bad = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
        $good = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
        $null = Set-PinTestEmulatorReportStatus $emu -Token $bad.Token -Status $Status
        $done = @($bad, $good | Wait-PinReport -ErrorVariable failures -ErrorAction SilentlyContinue)
        $done.Token | Should -Be @($good.Token)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failures[0].Exception.Message | Should -BeLike "*$($bad.Token)*"
        $failures[0].TargetObject.Token | Should -Be $bad.Token
    }

    It 'DOES_NOT_EXIST for an unknown token' {
        $job = Get-PinReport -Token 'rpt_unknown_token'
        $job.Status | Should -Be 'DOES_NOT_EXIST'
        $null = $job | Wait-PinReport -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportDoesNotExist,*'
        $failures[0].Exception.Message | Should -BeLike '*rpt_unknown_token*'
    }

    It 'times out with a non-terminating error that says how to resume' {
        Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 60000 }
        try {
            $job = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
            $done = @($job | Wait-PinReport -TimeoutSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue)
            $done.Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportWaitTimedOut,*'
            $failures[0].Exception.Message | Should -BeLike "*-Token $($job.Token)*"
        } finally { Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 0 } }
    }

    It 'Ctrl+C stops the wait at once, and a non-interactive host gets no progress' {
        Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 60000 }
        $ps = [powershell]::Create()
        try {
            $job = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
            $null = $ps.AddScript({ param($Job) Import-Module PinterestAds; $ProgressPreference = 'Continue'; $Job | Wait-PinReport }).AddArgument($job)
            Clear-PinTestEmulatorRequest $emu
            $null = $ps.BeginInvoke()
            # Stop once the wait is under way: its first status poll has reached the emulator.
            $null = Wait-PinTestEmulatorRequest $emu -OperationId 'analytics/get_report'
            $ps.InvocationStateInfo.State | Should -Be 'Running'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Progress.Count | Should -Be 0
            (Get-PinReport -Token $job.Token).Status | Should -Be 'IN_PROGRESS' -Because 'the report goes on and can be resumed'
        } finally {
            $ps.Dispose()
            Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 0 }
        }
    }

    It 'Get-PinReport refreshes piped jobs' {
        $job = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
        # The emulator sizes the file in the background: wait for the report (a copy; $job stays as created), not the clock.
        $null = $job | Wait-PinReport
        $now = $job | Get-PinReport
        $now.Status | Should -Be 'FINISHED'
        $now.HasDownloadLink | Should -BeTrue
        "$now" | Should -Not -BeLike '*sig=*'
        ($now | Format-List * | Out-String) | Should -Not -BeLike '*sig=*'
    }
}

Describe 'Downloads' {
    BeforeAll {
        $script:truth = Get-ExpectedReportRow $emu $account 'CAMPAIGN' $start $end 'DAY' $metrics
        function script:New-FinishedJob([string] $Format = 'Csv') {
            New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column $metrics -Format $Format | Wait-PinReport
        }
        # Truncation and stalls need a body that arrives in several reads (a tiny one is cut before its headers and retried).
        function script:New-LargeFinishedJob {
            New-PinAsyncReport -Level PinPromotion -StartDate $today.AddDays(-190) -EndDate $today.AddDays(-9) -Column ($metrics + 'CTR') -Format Csv | Wait-PinReport
        }
    }
    AfterEach { Clear-PinTestEmulatorFault $emu }

    It 'never sends credentials to the object store' {
        Clear-PinTestEmulatorRequest $emu
        $null = New-FinishedJob | Receive-PinReport
        $store = @(Get-PinTestEmulatorRequest $emu -HostKind 'store')
        $store.Count | Should -BeGreaterThan 0
        $store | ForEach-Object { $_.hadAuthorization | Should -BeFalse }
        @(Get-PinTestEmulatorRequest $emu -HostKind 'api') | ForEach-Object { $_.hadAuthorization | Should -BeTrue }
    }

    It 'asks for a fresh link when the store says the link expired' {
        $job = New-FinishedJob
        Clear-PinTestEmulatorRequest $emu
        Add-PinTestEmulatorFault $emu -Kind 'expired-link' -Target store -Count 1
        $rows = @($job | Receive-PinReport)
        Assert-RowsMatchTruth $rows $truth 'CAMPAIGN_ID' $metrics
        @(Get-PinTestEmulatorRequest $emu -HostKind 'store').status | Should -Be @(403, 200)
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/get_report').Count | Should -Be 1
    }

    It 'asks for a fresh link when the 5-minute one has lapsed' {
        # The job's link is issued with no lifetime left, so it has lapsed when used: no wall-clock wait for it
        # to run out. The refreshed link gets the normal five minutes again.
        Set-PinTestEmulatorOption $emu @{ linkLifetimeSeconds = 0 }
        try { $job = New-FinishedJob }
        finally { Set-PinTestEmulatorOption $emu @{ linkLifetimeSeconds = 300 } }
        Clear-PinTestEmulatorRequest $emu
        $rows = @($job | Receive-PinReport)
        Assert-RowsMatchTruth $rows $truth 'CAMPAIGN_ID' $metrics
        @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/get_report').Count | Should -BeGreaterOrEqual 1
    }

    It 'decompresses gzip downloads (<Format>)' -ForEach @(@{ Format = 'Csv' }, @{ Format = 'Json' }) {
        Set-PinTestEmulatorOption $emu @{ gzipDownloads = $true }
        try {
            $rows = @(New-FinishedJob $Format | Receive-PinReport)
            Assert-RowsMatchTruth $rows $truth 'CAMPAIGN_ID' $metrics
            $file = New-FinishedJob $Format | Receive-PinReport -OutFile (Join-Path $outFolder "gz.$Format")
            $first = [IO.File]::ReadAllBytes($file.FullName)[0]
            $first | Should -Not -Be 0x1F -Because 'the transport gzip is undone in the saved file'
        } finally { Set-PinTestEmulatorOption $emu @{ gzipDownloads = $false } }
    }

    It 'never presents a truncated download as complete' {
        # The emulator cuts the connection after 40,000 bytes. Depending on when the reset lands, the module
        # either sees the body end short of Content-Length (an error) or the request fail before its headers
        # (then it is retried and must arrive whole). Both are safe; a short, silent result is not.
        $job = New-LargeFinishedJob
        $job.Size | Should -BeGreaterThan 40000 -Because 'the cut must fall inside the body'
        $expected = @($job | Receive-PinReport).Count
        Clear-PinTestEmulatorRequest $emu
        Add-PinTestEmulatorFault $emu -Kind truncate -Target store -Count 1 -AfterBytes 40000
        $rows = @($job | Receive-PinReport -ErrorVariable failures -ErrorAction SilentlyContinue)
        if ($failures.Count -gt 0) {
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportDownloadTruncated,*'
            $failures[0].Exception.Message | Should -BeLike "*$($job.Token)*"
            $rows.Count | Should -BeLessThan $expected
        } else {
            $rows.Count | Should -Be $expected
            @(Get-PinTestEmulatorRequest $emu -HostKind 'store').Count | Should -BeGreaterOrEqual 2 -Because 'the broken request was retried'
        }
    }

    It 'ends a stalled download with ReportDownloadStalled' {
        $job = New-LargeFinishedJob
        Add-PinTestEmulatorFault $emu -Kind stall -Target store -Count 1 -AfterBytes 40000
        $elapsed = Measure-Command { $null = $job | Receive-PinReport -IdleTimeoutSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue }
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportDownloadStalled,*'
        $elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It '-OutFile writes the file as served, atomically' {
        $job = New-FinishedJob
        $path = Join-Path $outFolder 'campaigns.csv'
        $file = $job | Receive-PinReport -OutFile $path
        $file | Should -BeOfType ([IO.FileInfo])
        $file.FullName | Should -Be $path
        $file.Length | Should -Be $job.Size
        @(Import-Csv $path).Count | Should -Be $truth.Count
        @(Get-ChildItem $outFolder -Force -Filter '*.partial').Count | Should -Be 0
    }

    It '-OutFile never leaves a partial file under the final name' {
        $job = New-LargeFinishedJob
        $path = Join-Path $outFolder 'truncated.csv'
        Add-PinTestEmulatorFault $emu -Kind truncate -Target store -Count 1 -AfterBytes 40000
        $file = $job | Receive-PinReport -OutFile $path -ErrorVariable failures -ErrorAction SilentlyContinue
        if ($failures.Count -gt 0) {
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportDownloadTruncated,*'
            Test-Path $path | Should -BeFalse
        } else {
            (Get-Item $path).Length | Should -Be $job.Size -Because 'a retried download must be whole'
        }
        @(Get-ChildItem $outFolder -Force -Filter '*.partial').Count | Should -Be 0
    }

    It 'refuses to receive a job that is not finished' {
        Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 60000 }
        try {
            $job = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR
            $null = $job | Receive-PinReport -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReportNotFinished,*'
        } finally { Set-PinTestEmulatorOption $emu @{ reportPreparationMs = 0 } }
    }

    It 'Receive-PinReport | Export-Csv round-trips the rows' {
        $path = Join-Path $outFolder 'export.csv'
        New-FinishedJob 'Json' | Receive-PinReport | Export-Csv $path
        $back = @(Import-Csv $path)
        $back.Count | Should -Be $truth.Count
        @($back[0].PSObject.Properties.Name) | Should -Be (@('AdAccountId', 'Currency', 'Level', 'CAMPAIGN_ID', 'DATE') + $metrics)
    }
}

Describe 'Tab completion (from the catalogue and the session cache; never a request)' {
    BeforeAll {
        function script:Complete([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText) }
    }

    It 'completes <Line> with <Expected>' -ForEach @(
        @{ Line = 'New-PinAsyncReport -Level CampaignT'; Expected = 'CampaignTargeting'; Not = 'Campaign' }
        @{ Line = 'New-PinAsyncReport -Level AdGroupT'; Expected = 'AdGroupTargeting'; Not = 'AdGroup' }
        @{ Line = 'New-PinAsyncReport -Column SPEND_IN_D'; Expected = 'SPEND_IN_DOLLAR'; Not = 'IMPRESSION_1' }
        @{ Line = 'New-PinAsyncReport -Level CampaignTargeting -TargetingType GEN'; Expected = 'GENDER'; Not = 'LOCATION' }
        @{ Line = 'New-PinAsyncReport -TargetingType AGE_BUCKET,LOC'; Expected = 'LOCATION'; Not = 'GENDER' }
        @{ Line = 'New-PinAsyncReport -CampaignStatus ARCH'; Expected = 'ARCHIVED'; Not = 'ACTIVE' }
        @{ Line = 'New-PinAsyncReport -CampaignObjectiveType AWARE'; Expected = 'AWARENESS'; Not = 'CONSIDERATION' }
        @{ Line = 'Invoke-PinReport -AdStatus PAU'; Expected = 'PAUSED'; Not = 'ACTIVE' }
    ) {
        Clear-PinTestEmulatorRequest $emu
        $completions = Complete $Line
        $completions | Should -Contain $Expected
        $completions | Should -Not -Contain $Not
        @(Get-PinTestEmulatorRequest $emu).Count | Should -Be 0 -Because 'completion never calls the network'
    }

    It 'completes template ids and names from templates the session has listed' {
        # Nothing is cached yet: the first Tab lists the templates (within 2 s; Templates.Tests covers it).
        $templates = @(Get-PinTemplate)
        $templates.Count | Should -BeGreaterThan 0
        $first = $templates[0]
        Complete "New-PinAsyncReport -TemplateId $($first.Id.Substring(0, 4))" | Should -Contain $first.Id
        $byName = Complete "Get-PinTemplate -Name $($first.Name.Substring(0, 3))"
        @($byName | Where-Object { $_.Trim("'") -eq $first.Name }).Count | Should -Be 1
    }
}

