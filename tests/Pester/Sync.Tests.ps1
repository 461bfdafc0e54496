#Requires -Modules Pester
# Sync-PinAnalytics against the emulator: thirty simulated nights into each destination (SQLite, CSV
# folder, PostgreSQL) end with exactly the data of one fresh full pull; a second run the same day changes
# nothing and sends only restatement requests; a killed run resumes without pulling a window twice; one
# forbidden account of three fails alone with a non-zero ending; bad input is refused before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:firstDay = [datetime]'2026-06-01'
    $script:emu = Start-PinTestEmulator -Option @{ Today = $firstDay.ToString('yyyy-MM-dd'); AdAccounts = 2; CampaignsPerAccount = 2; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1; ProductGroupsPerAdGroup = 0; ActivityRate = 0.9 }
    Set-PinTestToday $emu $firstDay
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken
    Use-PinTestClock
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:readable = @($world.adAccounts | Where-Object access -ne 'FORBIDDEN' | ForEach-Object id)
    $script:forbidden = @($world.adAccounts | Where-Object access -eq 'FORBIDDEN' | ForEach-Object id)[0]
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ('pin-sync-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
    $null = New-Item -ItemType Directory -Path $work
    $script:pg = Start-PinTestPostgres

    # The definition every test syncs (few columns, small world, so the whole file stays quick).
    $script:definition = @{ Level = 'Campaign'; Column = 'SPEND_IN_DOLLAR', 'TOTAL_CONVERSIONS', 'TOTAL_IMPRESSION'; StartDate = $firstDay.AddDays(-12) }

    function script:Format-Value($Value) {
        if ($null -eq $Value -or $Value -is [DBNull] -or "$Value" -eq '') { return '' }
        if ($Value -is [bool]) { return "$Value" }
        if ("$Value" -in 't', 'f') { return [string]("$Value" -eq 't') }
        $number = 0.0
        if ([decimal]::TryParse([string]$Value, [Globalization.NumberStyles]::Float, [cultureinfo]::InvariantCulture, [ref]$number)) { return $number.ToString([cultureinfo]::InvariantCulture) }
        [string]$Value
    }
    # One line per row, key first, every value normalised (SQLite REAL/0-1, PostgreSQL numeric/t-f and CSV text compare alike).
    function script:ConvertTo-Line($Row) {
        $final = if ($Row.MetricsFinal -is [long] -or $Row.MetricsFinal -is [int]) { [string]([bool]$Row.MetricsFinal) } else { Format-Value $Row.MetricsFinal }
        $date = if ($Row.DATE -is [datetime]) { $Row.DATE.ToString('yyyy-MM-dd') } else { ([string]$Row.DATE).Substring(0, 10) }
        @($Row.AdAccountId, $Row.CAMPAIGN_ID, $date, $Row.Currency, $Row.Level, (Format-Value $Row.SPEND_IN_DOLLAR),
            (Format-Value $Row.TOTAL_CONVERSIONS), (Format-Value $Row.TOTAL_IMPRESSION), $final) -join '|'
    }
    function script:Get-SqliteLines([string] $Path, [string] $Table = 'pin_analytics') {
        @(Invoke-PinTestSqliteQuery $Path "SELECT * FROM $Table" | ForEach-Object { ConvertTo-Line $_ } | Sort-Object)
    }
    function script:Get-CsvLines([string] $Folder) {
        @(Get-ChildItem $Folder -Recurse -Filter '*.csv' | ForEach-Object { Import-Csv $_.FullName } | ForEach-Object { ConvertTo-Line $_ } | Sort-Object)
    }
    function script:Get-PostgresLines([string] $Table) {
        @(Invoke-PinTestPostgresQuery $pg "SELECT * FROM $Table" | ForEach-Object { ConvertTo-Line $_ } | Sort-Object)
    }
    function script:Get-AnalyticsRequest { @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '*/analytics' }) }
    function script:Get-Query($Request, [string] $Name) { [regex]::Match($Request.QueryString, "[?&]$Name=([^&]*)").Groups[1].Value }
}

AfterAll {
    Reset-PinTestToday
    if ($script:emu) { Stop-PinTestEmulator $emu }
    Stop-PinTestPostgres $script:pg
    if ($script:work) { Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Thirty simulated nights' {
    BeforeAll {
        $script:sqlite = Join-Path $work 'nightly.sqlite'
        $script:csv = Join-Path $work 'nightly-csv'
        $script:summaries = [System.Collections.Generic.List[object]]::new()
        for ($night = 0; $night -le 30; $night++) {
            Set-PinTestToday $emu $firstDay.AddDays($night)
            $summaries.Add((Sync-PinAnalytics -Destination $sqlite @definition))
            $null = Sync-PinAnalytics -Destination $csv @definition
            if ($pg.Available) { $null = Sync-PinAnalytics -ConnectionString $pg.ConnectionString -Table nightly @definition }
        }
        # The fresh full pull on the last day, into a new file.
        $script:fresh = Join-Path $work 'fresh.sqlite'
        $script:freshSummary = Sync-PinAnalytics -Destination $fresh @definition
        $script:freshLines = Get-SqliteLines $fresh
    }

    It 'lands every night without failures' {
        @($summaries | Where-Object Failed -gt 0) | Should -BeNullOrEmpty
        $summaries[0].Accounts.Count | Should -Be $readable.Count
        $freshLines.Count | Should -BeGreaterThan 50
    }

    It 'restated days whose conversions arrived late (rows replaced, not appended)' {
        ($summaries | Select-Object -Skip 1 | Measure-Object RowsReplaced -Sum).Sum | Should -BeGreaterThan 0
        $notFinal = @(Invoke-PinTestSqliteQuery $sqlite 'SELECT * FROM pin_sync_days WHERE final = 0')
        $notFinal.date | Sort-Object -Unique | Should -Be @($firstDay.AddDays(29).ToString('yyyy-MM-dd'))
    }

    It 'ends with exactly the data of one fresh full pull in SQLite' {
        $lines = Get-SqliteLines $sqlite
        $lines.Count | Should -Be $freshLines.Count
        Compare-Object $freshLines $lines | Should -BeNullOrEmpty
    }

    It 'ends with exactly the data of one fresh full pull in the CSV folder' {
        $lines = Get-CsvLines $csv
        $lines.Count | Should -Be $freshLines.Count
        Compare-Object $freshLines $lines | Should -BeNullOrEmpty
        Join-Path $csv 'pin-sync-state.json' | Should -Exist
        @(Get-ChildItem $csv -Recurse -Filter '*.partial') | Should -BeNullOrEmpty
    }

    It 'ends with exactly the data of one fresh full pull in PostgreSQL' {
        if (-not $pg.Available) { Set-ItResult -Skipped -Because $pg.Reason; return }
        $lines = Get-PostgresLines 'nightly'
        $lines.Count | Should -Be $freshLines.Count
        Compare-Object $freshLines $lines | Should -BeNullOrEmpty
    }

    It 'matches the emulator''s ground truth for a settled day' {
        $day = $firstDay.AddDays(10).ToString('yyyy-MM-dd')
        $account = $world.adAccounts | Where-Object id -eq $readable[0]
        $truth = @(Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $readable[0]; level = 'CAMPAIGN'; ids = @($account.campaigns.id); start_date = $day; end_date = $day; granularity = 'DAY'; columns = @('SPEND_IN_DOLLAR', 'TOTAL_CONVERSIONS', 'TOTAL_IMPRESSION') })
        $rows = @(Invoke-PinTestSqliteQuery $sqlite "SELECT * FROM pin_analytics WHERE AdAccountId = '$($readable[0])' AND DATE = '$day'")
        $rows.Count | Should -Be $truth.Count
        foreach ($t in $truth) {
            $row = $rows | Where-Object CAMPAIGN_ID -eq $t.CAMPAIGN_ID
            [long]$row.TOTAL_IMPRESSION | Should -Be ([long]$t.TOTAL_IMPRESSION)
            $row.Currency | Should -Not -BeNullOrEmpty
            $row.MetricsFinal | Should -Be 1
        }
    }

    It 'changes nothing on a second run the same day and sends only the restatement requests' {
        $before = Get-SqliteLines $sqlite
        Clear-PinTestEmulatorRequest $emu
        $summary = Sync-PinAnalytics -Destination $sqlite @definition
        (Get-SqliteLines $sqlite) | Should -Be $before
        $summary.Accounts.NewDays | Should -Be (@(0) * $readable.Count)
        $today = $firstDay.AddDays(30)
        $analytics = Get-AnalyticsRequest
        $analytics.Count | Should -Be $readable.Count
        foreach ($request in $analytics) {
            Get-Query $request 'start_date' | Should -Be $today.AddDays(-30).ToString('yyyy-MM-dd')   # -RestateDays default: the 30-day click window
            Get-Query $request 'end_date' | Should -Be $today.AddDays(-1).ToString('yyyy-MM-dd')
        }
        $summary.Requests | Should -Be @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }).Count
    }
}

Describe 'Hourly and targeting definitions' {
    BeforeAll { Set-PinTestToday $emu $firstDay.AddDays(30) }

    It 'lands hourly rows keyed by date and hour, the same rows Get-PinAnalytics returns' {
        $path = Join-Path $work 'hourly.sqlite'
        $start = $firstDay.AddDays(27)
        $summary = Sync-PinAnalytics -Destination $path -AdAccountId $readable[0] -Granularity Hour -Column SPEND_IN_DOLLAR, TOTAL_IMPRESSION -StartDate $start -RestateDays 1
        $summary.Failed | Should -Be 0
        $expected = @(Get-PinAnalytics -AdAccountId $readable[0] -Granularity Hour -Column SPEND_IN_DOLLAR, TOTAL_IMPRESSION -StartDate $start -EndDate $firstDay.AddDays(29) -WarningAction SilentlyContinue)
        $rows = @(Invoke-PinTestSqliteQuery $path 'SELECT * FROM pin_analytics ORDER BY DATE')
        $rows.Count | Should -Be $expected.Count
        $rows[0].DATE | Should -Match '^\d{4}-\d{2}-\d{2} \d{2}:00:00$'
        ($rows | ForEach-Object { [long]$_.TOTAL_IMPRESSION } | Measure-Object -Sum).Sum | Should -Be ($expected | ForEach-Object { [long]$_.TOTAL_IMPRESSION } | Measure-Object -Sum).Sum
    }

    It 'lands targeting rows keyed by targeting type and value, with names' {
        $path = Join-Path $work 'targeting-csv'
        $start = $firstDay.AddDays(25)
        $null = Sync-PinAnalytics -Destination $path -AdAccountId $readable[0] -TargetingType Gender, AgeBucket -Column SPEND_IN_DOLLAR -StartDate $start
        $expected = @(Get-PinTargetingAnalytics -AdAccountId $readable[0] -TargetingType Gender, AgeBucket -Granularity Day -Column SPEND_IN_DOLLAR -StartDate $start -EndDate $firstDay.AddDays(29) -WarningAction SilentlyContinue)
        $rows = @(Get-ChildItem $path -Recurse -Filter '*.csv' | ForEach-Object { Import-Csv $_.FullName })
        $rows.Count | Should -Be $expected.Count
        @($rows | Group-Object AdAccountId, DATE, TargetingType, TargetingValue | Where-Object Count -gt 1) | Should -BeNullOrEmpty -Because 'the key is unique'
        @($rows.TargetingType | Sort-Object -Unique) | Should -Be @('AGE_BUCKET', 'GENDER')
        @($rows | Where-Object TargetingName).Count | Should -BeGreaterThan 0
    }
}

Describe 'A first run beyond the synchronous reach' {
    BeforeAll {
        $script:backfillToday = $firstDay.AddDays(30)
        Set-PinTestToday $emu $backfillToday
        $script:backfill = Join-Path $work 'backfill.sqlite'
        $script:backfillStart = $backfillToday.AddDays(-200)
        $script:backfillDefinition = $definition.Clone()
        $backfillDefinition.StartDate = $backfillStart
        Clear-PinTestEmulatorRequest $emu
        $script:backfillSummary = Sync-PinAnalytics -Destination $backfill -AdAccountId $readable @backfillDefinition -WarningVariable backfillWarnings -WarningAction SilentlyContinue
        $script:backfillJournal = @(Get-PinTestEmulatorRequest $emu)
        $script:truthLine = { param($Row, $Account) @($Account, $Row.CAMPAIGN_ID, ([string]$Row.DATE).Substring(0, 10), (Format-Value $Row.SPEND_IN_DOLLAR), (Format-Value $Row.TOTAL_CONVERSIONS), (Format-Value $Row.TOTAL_IMPRESSION)) -join '|' }
    }

    It 'lands every day from -StartDate, 200 days back, without a warning' {
        $backfillSummary.Failed | Should -Be 0
        $backfillSummary.Accounts.NewDays | Should -Be (@(200) * $readable.Count)
        @($backfillWarnings) | Should -BeNullOrEmpty -Because 'async reports reach 914 days back'
        foreach ($account in $readable) {
            $days = @(Invoke-PinTestSqliteQuery $backfill "SELECT date FROM pin_sync_days WHERE ad_account_id = '$account' ORDER BY date" | ForEach-Object { ([string]$_.date).Substring(0, 10) })
            $days | Should -Be @(0..199 | ForEach-Object { $backfillStart.AddDays($_).ToString('yyyy-MM-dd') })
        }
    }

    It 'lands exactly the emulator''s ground truth for every day of the range' {
        $expected = foreach ($account in $readable) {
            $campaigns = @(($world.adAccounts | Where-Object id -eq $account).campaigns.id)
            Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $account; level = 'CAMPAIGN'; ids = $campaigns; start_date = $backfillStart.ToString('yyyy-MM-dd'); end_date = $backfillToday.AddDays(-1).ToString('yyyy-MM-dd'); granularity = 'DAY'; columns = @('SPEND_IN_DOLLAR', 'TOTAL_CONVERSIONS', 'TOTAL_IMPRESSION') } |
                ForEach-Object { & $truthLine $_ $account }
        }
        $expected = @($expected | Sort-Object)
        $landed = @(Invoke-PinTestSqliteQuery $backfill 'SELECT * FROM pin_analytics' | ForEach-Object { & $truthLine $_ $_.AdAccountId } | Sort-Object)
        $expected.Count | Should -BeGreaterThan 200
        @($landed | Where-Object { $_.Split('|')[2] -lt $backfillToday.AddDays(-90).ToString('yyyy-MM-dd') }).Count | Should -BeGreaterThan 0 -Because 'the async part lands rows too'
        $landed.Count | Should -Be $expected.Count
        Compare-Object $expected $landed | Should -BeNullOrEmpty
    }

    It 'asks async reports for the part beyond 90 days and the synchronous endpoints for the rest' {
        $created = @($backfillJournal | Where-Object operationId -eq 'analytics/create_report')
        $created.Count | Should -Be $readable.Count -Because '110 days beyond the synchronous reach are one 186-day report per account'
        $analytics = @($backfillJournal | Where-Object { $_.Path -like '*/analytics' })
        $analytics.Count | Should -Be $readable.Count
        foreach ($request in $analytics) {
            Get-Query $request 'start_date' | Should -Be $backfillToday.AddDays(-90).ToString('yyyy-MM-dd')
            Get-Query $request 'end_date' | Should -Be $backfillToday.AddDays(-1).ToString('yyyy-MM-dd')
        }
    }

    It 'prints the backfill''s plan with -WhatIf: an async window and a synchronous one, the report creations and polls counted' {
        $path = Join-Path $work 'backfill-whatif.sqlite'
        Clear-PinTestEmulatorRequest $emu
        $plan = Sync-PinAnalytics -Destination $path -AdAccountId $readable @backfillDefinition -WhatIf -WarningVariable planWarnings -WarningAction SilentlyContinue
        @($planWarnings) | Should -BeNullOrEmpty
        $plan.Accounts[0].Windows | Should -Be @("$($backfillStart.ToString('yyyy-MM-dd'))..$($backfillToday.AddDays(-91).ToString('yyyy-MM-dd'))", "$($backfillToday.AddDays(-90).ToString('yyyy-MM-dd'))..$($backfillToday.AddDays(-1).ToString('yyyy-MM-dd'))")
        # Per account: the campaign listing, one synchronous call, one report's creation and its first status poll.
        $plan.Accounts.Requests | Should -Be (@(4) * $readable.Count)
        foreach ($account in $backfillSummary.Accounts) { $account.Requests | Should -BeGreaterOrEqual 4 -Because 'the plan is the least the run costs' }
        $path | Should -Not -Exist
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
    }

    It 'keeps the synchronous reach in the sandbox (no async reports there): clamped with a warning, not failed' {
        $sandbox = Connect-PinAccount -Environment Sandbox -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -PassThru -NoDefault
        Use-PinTestClock $sandbox
        try {
            $path = Join-Path $work 'backfill-sandbox.sqlite'
            Clear-PinTestEmulatorRequest $emu
            $summary = Sync-PinAnalytics -Session $sandbox -Destination $path -AdAccountId $readable[0] @backfillDefinition -WarningVariable sandboxWarnings -WarningAction SilentlyContinue
            $summary.Failed | Should -Be 0
            $summary.Accounts[0].NewDays | Should -Be 90
            @($sandboxWarnings | Where-Object { "$_" -like '*90-day reach of synchronous analytics*' }).Count | Should -Be 1
            @(Get-PinTestEmulatorRequest $emu | Where-Object operationId -eq 'analytics/create_report') | Should -BeNullOrEmpty
        }
        finally { Disconnect-PinAccount -Session $sandbox }
    }

    It 'refuses, before any request, a backfill whose definition async reports cannot answer' {
        # CREATIVE_TYPE exists on campaigns/targeting_analytics only: async reports do not offer it.
        $path = Join-Path $work 'backfill-creative.sqlite'
        Clear-PinTestEmulatorRequest $emu
        $caught = $null
        try { $null = Sync-PinAnalytics -Destination $path -AdAccountId $readable[0] -Level Campaign -TargetingType CreativeType -Column SPEND_IN_DOLLAR -StartDate $backfillStart -ErrorAction Stop }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'TargetingTypeNotSupported*'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
        $path | Should -Not -Exist
    }

    It 'sends only the restatement requests on a second run the same day' {
        Clear-PinTestEmulatorRequest $emu
        $summary = Sync-PinAnalytics -Destination $backfill -AdAccountId $readable @backfillDefinition
        $summary.Accounts.NewDays | Should -Be (@(0) * $readable.Count)
        $journal = @(Get-PinTestEmulatorRequest $emu)
        @($journal | Where-Object operationId -like 'analytics/*report*') | Should -BeNullOrEmpty
        $analytics = @($journal | Where-Object { $_.Path -like '*/analytics' })
        $analytics.Count | Should -Be $readable.Count
        foreach ($request in $analytics) {
            Get-Query $request 'start_date' | Should -Be $backfillToday.AddDays(-30).ToString('yyyy-MM-dd')
            Get-Query $request 'end_date' | Should -Be $backfillToday.AddDays(-1).ToString('yyyy-MM-dd')
        }
    }
}

Describe 'A killed run, then a rerun' {
    It 'resumes: the same final data, no window pulled twice' {
        $killed = Join-Path $work 'killed.sqlite'
        $modulePath = (Get-Module PinterestAds).Path
        $child = Join-Path $work 'child.ps1'
        @"
Import-Module '$((Join-Path $PSScriptRoot 'TestSupport.psm1') -replace "'", "''")'
Import-Module '$($modulePath -replace "'", "''")'
`$emu = [pscustomobject]@{ AdminUri = '$($emu.AdminUri)' }
Set-PinTestToday `$emu ([datetime]'$($firstDay.AddDays(30).ToString('yyyy-MM-dd'))')
Connect-PinAccount -ApiBaseUri '$($emu.ApiBaseUri)' -AccessToken (ConvertTo-SecureString emulator-access-token -AsPlainText -Force)
Use-PinTestClock
# Every verbose line (one per request and per landed window) goes to stdout as it happens: the parent's cue to look.
Sync-PinAnalytics -Destination '$killed' -Level Campaign -Column SPEND_IN_DOLLAR, TOTAL_CONVERSIONS, TOTAL_IMPRESSION -StartDate '$($definition.StartDate.ToString('yyyy-MM-dd'))' -Verbose 4>&1 |
    ForEach-Object { [Console]::Out.WriteLine([string]`$_); [Console]::Out.Flush() }
"@ | Set-Content $child
        $null = Set-PinTestEmulatorOption $emu @{ latencyMs = 700 }
        try {
            $pwsh = Get-PinChildPwshCommand
            $startInfo = [Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
            foreach ($argument in @($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-File', $child)) { $startInfo.ArgumentList.Add($argument) }
            $startInfo.RedirectStandardOutput = $true
            $startInfo.RedirectStandardError = $true
            $startInfo.UseShellExecute = $false
            $process = [Diagnostics.Process]::Start($startInfo)
            $errors = $process.StandardError.ReadToEndAsync()
            # No polling: each line the child writes (or its exit) is the cue to look at the destination.
            $deadline = [DateTime]::UtcNow.AddSeconds(90)
            $firstDone = $false
            while (-not $firstDone) {
                $line = $process.StandardOutput.ReadLineAsync()
                $left = $deadline - [DateTime]::UtcNow
                if ($left -le [TimeSpan]::Zero -or -not $line.Wait($left) -or $null -eq $line.Result) { break }
                if (Test-Path $killed) {
                    $done = @(try { Invoke-PinTestSqliteQuery $killed "SELECT * FROM pin_sync_runs WHERE ad_account_id = '$($readable[0])' AND status = 'Succeeded'" } catch { })
                    $firstDone = $done.Count -gt 0
                }
            }
            $process.Kill($true)
            $process.WaitForExit()
            $firstDone | Should -BeTrue -Because "the child run lands the first account before it is killed ($($errors.Result))"
            @(Invoke-PinTestSqliteQuery $killed "SELECT * FROM pin_sync_runs WHERE ad_account_id = '$($readable[1])' AND status = 'Succeeded'") | Should -BeNullOrEmpty -Because 'the second account was not finished when the run was killed'
        }
        finally {
            $null = Set-PinTestEmulatorOption $emu @{ latencyMs = 0 }
        }
        Clear-PinTestEmulatorRequest $emu
        $summary = Sync-PinAnalytics -Destination $killed @definition
        $analytics = Get-AnalyticsRequest
        @($analytics | Where-Object Path -like "*/$($readable[0])/*") | Should -BeNullOrEmpty -Because 'the killed run had finished the first account'
        @($analytics | Where-Object Path -like "*/$($readable[1])/*").Count | Should -Be 1
        ($summary.Accounts | Where-Object AdAccountId -eq $readable[0]).Status | Should -Be 'UpToDate'
        $fresh = Join-Path $work 'killed-fresh.sqlite'
        $null = Sync-PinAnalytics -Destination $fresh @definition
        Compare-Object (Get-SqliteLines $fresh) (Get-SqliteLines $killed) | Should -BeNullOrEmpty
    }
}

Describe 'One account of three answers 403' {
    It 'lands the two others, says why in the summary, and ends with a terminating error' {
        $path = Join-Path $work 'forbidden.sqlite'
        $accounts = @($readable) + $forbidden
        $caught = $null
        try { $null = Sync-PinAnalytics -Destination $path -AdAccountId $accounts @definition -OutVariable summary -ErrorAction Stop }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'SyncAccountsFailed*'
        $summary = @($summary)[0]
        $summary.Failed | Should -Be 1
        $summary.Succeeded | Should -Be 2
        $bad = $summary.Accounts | Where-Object AdAccountId -eq $forbidden
        $bad.Status | Should -Be 'Failed'
        $bad.Error | Should -Match 'Owner, Admin, Analyst or Campaign Manager|Forbidden|permission'
        @(Invoke-PinTestSqliteQuery $path 'SELECT DISTINCT AdAccountId FROM pin_analytics').AdAccountId | Sort-Object | Should -Be ($readable | Sort-Object)
        (Invoke-PinTestSqliteQuery $path "SELECT status FROM pin_sync_runs WHERE ad_account_id = '$forbidden'").status | Should -Be 'Failed'
    }

    It 'exits a script with a non-zero code' {
        $text = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$((Join-Path $PSScriptRoot 'TestSupport.psm1') -replace "'", "''")'
Import-Module '$((Get-Module PinterestAds).Path -replace "'", "''")'
Set-PinTestToday ([pscustomobject]@{ AdminUri = '$($emu.AdminUri)' }) ([datetime]'$($firstDay.AddDays(30).ToString('yyyy-MM-dd'))')
Connect-PinAccount -ApiBaseUri '$($emu.ApiBaseUri)' -AccessToken (ConvertTo-SecureString emulator-access-token -AsPlainText -Force)
Use-PinTestClock
Sync-PinAnalytics -Destination '$(Join-Path $work 'runbook.sqlite')' -AdAccountId $($accounts = @($readable) + $forbidden; ($accounts | ForEach-Object { "'$_'" }) -join ',') -Level Campaign -Column SPEND_IN_DOLLAR -StartDate '$($firstDay.AddDays(20).ToString('yyyy-MM-dd'))'
"@
        $run = Invoke-PinFreshPwsh -Script $text
        $run.ExitCode | Should -Not -Be 0
        $run.Error | Should -Match 'SyncAccountsFailed|were not synced'
    }
}

Describe 'Bad input is refused before any request' {
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It 'refuses <Name>' -ForEach @(
        @{ Name = 'an unknown destination type'; Override = @{ Destination = 'TESTDRIVE/rows.parquet' }; ErrorId = 'SyncDestinationTypeUnknown' }
        @{ Name = 'a folder that is a file'; Override = @{ Destination = 'FILE' }; ErrorId = 'SyncDestinationIsFile' }
        @{ Name = 'a connection string that cannot connect'; Override = @{ ConnectionString = 'CLOSED' }; ErrorId = 'SyncConnectionFailed' }
        @{ Name = 'a WEEK granularity'; Override = @{ Destination = 'TESTDRIVE/week.sqlite'; Granularity = 'Week' }; ErrorId = 'SyncGranularityNotSupported' }
        @{ Name = 'the Keyword level'; Override = @{ Destination = 'TESTDRIVE/keyword.sqlite'; Level = 'Keyword' }; ErrorId = 'LevelNotSupported' }
        @{ Name = 'the Pin level'; Override = @{ Destination = 'TESTDRIVE/pin.sqlite'; Level = 'Pin' }; ErrorId = 'SyncLevelNotSupported' }
    ) {
        $arguments = @{} + $definition
        foreach ($key in $Override.Keys) { $arguments[$key] = $Override[$key] }
        if ($arguments.Destination -eq 'FILE') { $file = Join-Path $work 'a-file'; Set-Content $file 'x'; $arguments.Destination = $file }
        elseif ($arguments.Destination) { $arguments.Destination = $arguments.Destination -replace '^TESTDRIVE', $work }
        if ($arguments.ConnectionString -eq 'CLOSED') { $arguments.ConnectionString = "Host=127.0.0.1;Port=$(Get-PinTestFreePort);Database=none;Username=nobody;Password=secret-password;Timeout=3" }
        $caught = $null
        try { $null = Sync-PinAnalytics @arguments -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike "$($ErrorId)*"
        "$caught" | Should -Not -Match 'secret-password'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
    }

    It 'refuses a definition that does not match the destination, saying what differs' {
        $path = Join-Path $work 'mismatch.sqlite'
        $null = Sync-PinAnalytics -Destination $path @definition -StartDate $firstDay.AddDays(25)
        $rowsBefore = @(Invoke-PinTestSqliteQuery $path 'SELECT count(*) AS n FROM pin_analytics').n
        Clear-PinTestEmulatorRequest $emu
        $caught = $null
        try { $null = Sync-PinAnalytics -Destination $path -Level Campaign -Column SPEND_IN_DOLLAR -StartDate $firstDay.AddDays(25) -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'SyncDefinitionMismatch*'
        "$caught" | Should -Match "-Column: the destination holds 'SPEND_IN_DOLLAR,TOTAL_CONVERSIONS,TOTAL_IMPRESSION', this run asks for 'SPEND_IN_DOLLAR'"
        "$caught" | Should -Match 'new destination'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
        @(Invoke-PinTestSqliteQuery $path 'SELECT count(*) AS n FROM pin_analytics').n | Should -Be $rowsBefore
    }

    It 'refuses a PostgreSQL table synced with another definition, before any request' {
        if (-not $pg.Available) { Set-ItResult -Skipped -Because $pg.Reason; return }
        $null = Sync-PinAnalytics -ConnectionString $pg.ConnectionString -Table mismatch @definition -StartDate $firstDay.AddDays(28)
        Clear-PinTestEmulatorRequest $emu
        $caught = $null
        try { $null = Sync-PinAnalytics -ConnectionString $pg.ConnectionString -Table mismatch -Level Campaign -Column SPEND_IN_DOLLAR -Granularity Hour -StartDate $firstDay.AddDays(28) -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'SyncDefinitionMismatch*'
        "$caught" | Should -Match '-Granularity: the destination holds ''Day'', this run asks for ''Hour'''
        "$caught" | Should -Match 'postgres@127\.0\.0\.1'
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
    }

    It 'refuses a second run while one holds the destination' {
        $path = Join-Path $work 'locked.sqlite'
        $handle = [IO.File]::Open("$path.sync-lock", 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            $caught = $null
            try { $null = Sync-PinAnalytics -Destination $path @definition -ErrorAction Stop } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'SyncDestinationLocked*'
        }
        finally { $handle.Dispose() }
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
    }

    It 'prints the plan and its request cost with -WhatIf, sending nothing and writing nothing' {
        $path = Join-Path $work 'whatif.sqlite'
        $plan = Sync-PinAnalytics -Destination $path -AdAccountId $readable @definition -WhatIf
        $plan.WhatIf | Should -BeTrue
        $plan.Accounts.Status | Should -Be (@('Planned') * $readable.Count)
        $plan.Accounts[0].Windows | Should -Be @("$($definition.StartDate.ToString('yyyy-MM-dd'))..$($firstDay.AddDays(29).ToString('yyyy-MM-dd'))")
        $plan.Requests | Should -BeGreaterThan 0
        $path | Should -Not -Exist
        @(Get-PinTestEmulatorRequest $emu | Where-Object { $_.Path -like '/v5/*' }) | Should -BeNullOrEmpty
    }
}
