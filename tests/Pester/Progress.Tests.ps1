#Requires -Modules Pester
# Progress records: downloads of report rows (bytes received, then rows), -OutFile downloads (bytes), several
# report parts (each part's bytes, then the rows), bulk downloads (bytes, then entities), analytics runs of
# several calls and Sync-PinAnalytics runs (calls done of planned, account of accounts) show progress on an
# interactive host, always end with a Completed record (also when a download fails), and stay silent on a
# non-interactive one.
# Each case runs in a fresh pwsh (the interactive one without -NonInteractive); the cmdlets run in a
# runspace on that pwsh's console host, so the records are both shown and collected.
# Ctrl+C: PowerShell accepts no record once the pipeline stops and clears the bars itself, so no Completed
# record is written then (ProgressReporter.Complete); that path is not asserted here.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; BulkPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id

    $script:childScript = @'
param([string] $ApiBaseUri, [string] $Account, [string] $Today, [string] $Scenario, [string] $Folder, [string] $SecondAccount)
$env:PSModulePath = $env:PIN_TEST_MODULE_PATH
$runspace = [runspacefactory]::CreateRunspace($Host)
$runspace.Open()
$ps = [powershell]::Create()
$ps.Runspace = $runspace
$null = $ps.AddScript({
    param($ApiBaseUri, $Account, $Today, $Scenario, $Folder, $SecondAccount)
    $ProgressPreference = 'Continue'
    Import-Module PinterestAds
    Connect-PinAccount -ApiBaseUri $ApiBaseUri -AccessToken (ConvertTo-SecureString 'emulator-access-token' -AsPlainText -Force) -AdAccountId $Account
    $today = [datetime]::ParseExact($Today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $end = $today.AddDays(-3)
    if ($Scenario -eq 'Failing') {
        # The object store stalls after some bytes: the download gives up after the idle timeout, and its bar must still close.
        $job = New-PinAsyncReport -Level Campaign -StartDate $end.AddDays(-80) -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1, CLICKTHROUGH_1 -Format Csv | Wait-PinReport
        $rows = @(try { $job | Receive-PinReport -IdleTimeoutSec 1 -ErrorVariable failed -ErrorAction SilentlyContinue } catch { $failed = @($_) })
        "rows=$($rows.Count) error=$(@($failed)[0].FullyQualifiedErrorId)"
        return
    }
    $rows = @(New-PinAsyncReport -Level Campaign -StartDate $end.AddDays(-20) -EndDate $end -Column SPEND_IN_DOLLAR -Format Csv | Wait-PinReport | Receive-PinReport)
    $file = New-PinAsyncReport -Level Campaign -StartDate $end.AddDays(-20) -EndDate $end -Column SPEND_IN_DOLLAR -Format Csv | Wait-PinReport | Receive-PinReport -OutFile (Join-Path $Folder 'report.csv')
    # Two templates' jobs are two parts: downloaded whole one after the other, then their rows.
    $parts = @(Get-PinTemplate | Select-Object -First 2 | ForEach-Object { New-PinAsyncReport -TemplateId $_.Id -StartDate $end.AddDays(-6) -EndDate $end } | Wait-PinReport | Receive-PinReport)
    $entities = @(New-PinBulkDownload -EntityType CAMPAIGN, AD_GROUP -Confirm:$false | Wait-PinReport | Receive-PinReport)
    # HOUR spans at most 3 days: a week is several calls.
    $hourly = @(Get-PinCampaign | Get-PinAnalytics -StartDate $today.AddDays(-7) -EndDate $today.AddDays(-1) -Granularity Hour -Column SPEND_IN_DOLLAR -WarningAction SilentlyContinue)
    # The async path: each report's creation, finish and download are steps.
    $async = @(Get-PinCampaign | Get-PinAnalytics -Mode Async -StartDate $end.AddDays(-6) -EndDate $end -Column SPEND_IN_DOLLAR -WarningAction SilentlyContinue)
    $summary = Sync-PinAnalytics -Destination (Join-Path $Folder 'sync') -AdAccountId $Account, $SecondAccount -Level Campaign -Granularity Hour -StartDate $today.AddDays(-7) -EndDate $today.AddDays(-1) -Column SPEND_IN_DOLLAR -Confirm:$false -WarningAction SilentlyContinue
    "rows=$($rows.Count) file=$($file.Length) parts=$($parts.Count) entities=$($entities.Count) hourly=$($hourly.Count) async=$($async.Count) synced=$($summary.Accounts.Count)"
}).AddArgument($ApiBaseUri).AddArgument($Account).AddArgument($Today).AddArgument($Scenario).AddArgument($Folder).AddArgument($SecondAccount)
$output = $ps.Invoke()
$records = @($ps.Streams.Progress | ForEach-Object { @{ Id = $_.ActivityId; Activity = $_.Activity; Type = "$($_.RecordType)"; Status = $_.StatusDescription; Percent = $_.PercentComplete } })
[Console]::Out.WriteLine('##RESULT## ' + (ConvertTo-Json -Compress -Depth 4 -InputObject @{ Output = @($output | ForEach-Object { "$_" }); Errors = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }); Progress = $records }))
'@
    $script:childFile = Join-Path ([IO.Path]::GetTempPath()) ('pin-progress-' + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $childFile -Value $childScript -Encoding utf8

    $script:second = ($world.adAccounts | Where-Object { $_.access -ne 'FORBIDDEN' -and $_.id -ne $account } | Select-Object -First 1).id
    function script:Invoke-ProgressChild([switch] $NonInteractive, [string] $Scenario = 'All') {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('pin-progress-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory -Path $folder
        $pwsh = Get-PinChildPwshCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
        $arguments = @($pwsh.Prefix) + @('-NoProfile') + $(if ($NonInteractive) { @('-NonInteractive') } else { @() }) +
            @('-File', $childFile, $emu.ApiBaseUri, $account, $world.today, $Scenario, $folder, $second)
        foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.RedirectStandardInput = $true
        $start.UseShellExecute = $false
        $start.Environment['PIN_TEST_MODULE_PATH'] = (Split-Path (Split-Path (Get-PinModulePath) -Parent) -Parent) + [IO.Path]::PathSeparator + $env:PSModulePath
        $start.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
        $process = [System.Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $null = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'The child pwsh did not finish in 120 s.' }
        $line = @($stdout.Result -split "\r?\n") | Where-Object { $_.StartsWith('##RESULT## ') } | Select-Object -Last 1
        if (-not $line) { throw "The child pwsh wrote no result: $($stdout.Result)" }
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        $line.Substring(11) | ConvertFrom-Json
    }

    function script:Get-Bar($Result, [string] $Activity) { @($Result.Progress | Where-Object Activity -like $Activity) }
}

AfterAll {
    Stop-PinTestEmulator $emu
    Remove-Item $childFile -ErrorAction SilentlyContinue
}

Describe 'Progress on an interactive host' {
    BeforeAll {
        $script:result = Invoke-ProgressChild
    }

    It 'the commands ran without errors' {
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match '^rows=\d+ file=\d+ parts=\d+ entities=\d+ hourly=\d+ async=[1-9]\d* synced=2$'
    }

    It 'report rows: the bytes received, then the rows written, closed with the row count' {
        $bars = @(Get-Bar $result 'Downloading Analytics *')
        $bars.Count | Should -BeGreaterThan 2 -Because 'the rows download, the -OutFile download'
        # The first download is the rows one: its records run up to its first Completed record.
        $first = @(); foreach ($record in $bars) { $first += $record; if ($record.Type -eq 'Completed') { break } }
        $first[0].Status | Should -Match '^\d+\.\d MB of \d+\.\d MB received$'
        $first[0].Percent | Should -BeGreaterOrEqual 0
        @($first | Where-Object Status -match '^\d+ rows, ').Count | Should -BeGreaterThan 0 -Because 'rows are counted while they are written'
        $first[-1].Type | Should -Be 'Completed'
        $first[-1].Status | Should -Match ('^' + ($result.Output -replace '^rows=(\d+).*', '$1') + ' rows$')
    }

    It '-OutFile: the bytes received, closed with the bytes saved and the file name' {
        $saved = @(Get-Bar $result 'Downloading Analytics *' | Where-Object Status -like '* saved to *')
        $saved.Count | Should -Be 1
        $saved[0].Type | Should -Be 'Completed'
        $saved[0].Status | Should -Match '^\d+\.\d MB saved to report\.csv$'
        # The records of that bar before it are bytes received.
        $bar = @(Get-Bar $result 'Downloading Analytics *')
        $at = [array]::IndexOf(@($bar.Status), $saved[0].Status)
        $bar[$at - 1].Status | Should -Match ' received$'
    }

    It 'several report parts: each part''s bytes, then the rows of all, closed with the row count' {
        $bar = @(Get-Bar $result 'Downloading 2 reports')
        $bar.Count | Should -BeGreaterThan 2
        $bar[0].Status | Should -Match '^Report 1 of 2: .* received$'
        @($bar | Where-Object Status -match '^Report 2 of 2: ').Count | Should -BeGreaterThan 0
        $bar[-1].Type | Should -Be 'Completed'
        $bar[-1].Status | Should -Match ('^' + ($result.Output -replace '^.*parts=(\d+).*', '$1') + ' rows$')
    }

    It 'bulk downloads: bytes, then entities, closed with the entity count' {
        $bar = @(Get-Bar $result 'Downloading Bulk *')
        $bar.Count | Should -BeGreaterThan 1
        $bar[0].Status | Should -Match ' received$'
        $bar[-1].Type | Should -Be 'Completed'
        $bar[-1].Status | Should -Match ('^' + ($result.Output -replace '^.*entities=(\d+).*', '$1') + ' entities$')
    }

    It 'analytics runs of several calls: calls done of total' {
        $callsBar = @(Get-Bar $result 'Get-PinAnalytics: calls*')
        $callsBar.Count | Should -BeGreaterThan 1
        $callsBar[0].Status | Should -Match '^1 of (\d+) calls$'
        [int]($callsBar[0].Status -replace '^1 of (\d+) calls$', '$1') | Should -BeGreaterThan 1
        $callsBar[-1].Type | Should -Be 'Completed'
        # -Mode Async: one report, three steps, each shown and the bar closed.
        $steps = @($callsBar | Where-Object Status -match 'report steps')
        $steps.Count | Should -BeGreaterThan 0
        $steps[-1].Status | Should -Match '^3 of 3 report steps \(created, finished, downloaded\)$'
    }

    It 'Sync-PinAnalytics: account of accounts, calls done of planned, windows landed; closed when the run ends' {
        $bar = @(Get-Bar $result 'Sync-PinAnalytics into *')
        $bar.Count | Should -BeGreaterThan 2
        $processing = @($bar | Where-Object Type -eq 'Processing')
        $processing[0].Status | Should -Match '^Ad account \d+ \(1 of 2\): 0 of [1-9]\d* calls, 0 of [1-9]\d* windows landed$'
        @($processing | Where-Object Status -match '\(2 of 2\)').Count | Should -BeGreaterThan 0 -Because 'the second account has its own records'
        # Calls count up to what each account planned; HOUR over a week is several calls an account.
        $planned = [int]($processing[0].Status -replace '^.*: 0 of (\d+) calls.*$', '$1')
        $planned | Should -BeGreaterThan 1
        $last = @($processing | Where-Object Status -match '\(1 of 2\)')[-1]
        $last.Status | Should -Match ": $planned of $planned calls"
        @($processing.Percent) | Should -Be @($processing.Percent | Sort-Object) -Because 'the run only goes forward'
        $bar[-1].Type | Should -Be 'Completed'
    }

    It 'every bar that was shown was closed' {
        foreach ($id in @($result.Progress | ForEach-Object { "$($_.Id)/$($_.Activity)" } | Sort-Object -Unique)) {
            @($result.Progress | Where-Object { "$($_.Id)/$($_.Activity)" -eq $id })[-1].Type | Should -Be 'Completed' -Because "bar $id must end Completed"
        }
    }
}

Describe 'Progress when a download fails' {
    It 'the bar of a download that fails is still closed by a Completed record' {
        Add-PinTestEmulatorFault $emu -Kind stall -Target store -Count 1 -AfterBytes 4000
        try { $failing = Invoke-ProgressChild -Scenario Failing }
        finally { Clear-PinTestEmulatorFault $emu }
        $failing.Output | Should -Match '^rows=0 error=ReportDownloadStalled,' -Because 'the store stopped sending'
        $bar = @(Get-Bar $failing 'Downloading Analytics *')
        $bar.Count | Should -BeGreaterThan 1 -Because 'bytes were received before the stall'
        $bar[0].Status | Should -Match ' received$'
        $bar[-1].Type | Should -Be 'Completed'
    }
}

Describe 'No progress on a non-interactive host' {
    It 'a non-interactive host gets no progress records at all' {
        $result = Invoke-ProgressChild -NonInteractive
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match '^rows=\d+ file=\d+ parts=\d+ entities=\d+ hourly=\d+ async=[1-9]\d* synced=2$'
        @($result.Progress).Count | Should -Be 0
    }
}
