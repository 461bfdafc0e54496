#Requires -Modules Pester
# Progress records: downloads of report rows (rows and bytes) and of bulk entities, and analytics
# runs of several calls (calls done of total), show progress on an interactive host, always end with a Completed record, and stay silent on a non-interactive one.
# Each case runs in a fresh pwsh (the interactive one without -NonInteractive); the cmdlets run in a
# runspace on that pwsh's console host, so the records are both shown and collected.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; BulkPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id

    $script:childScript = @'
param([string] $ApiBaseUri, [string] $Account, [string] $Today)
$env:PSModulePath = $env:PIN_TEST_MODULE_PATH
$runspace = [runspacefactory]::CreateRunspace($Host)
$runspace.Open()
$ps = [powershell]::Create()
$ps.Runspace = $runspace
$null = $ps.AddScript({
    param($ApiBaseUri, $Account, $Today)
    $ProgressPreference = 'Continue'
    Import-Module PinterestAds
    Connect-PinAccount -ApiBaseUri $ApiBaseUri -AccessToken (ConvertTo-SecureString 'emulator-access-token' -AsPlainText -Force) -AdAccountId $Account
    $end = [datetime]::ParseExact($Today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture).AddDays(-3)
    $rows = @(New-PinAsyncReport -Level Campaign -StartDate $end.AddDays(-20) -EndDate $end -Column SPEND_IN_DOLLAR -Format Csv | Wait-PinReport | Receive-PinReport)
    $entities = @(New-PinBulkDownload -EntityType CAMPAIGN, AD_GROUP -Confirm:$false | Wait-PinReport | Receive-PinReport)
    # HOUR spans at most 3 days: a week is several calls.
    $today = [datetime]::ParseExact($Today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $hourly = @(Get-PinCampaign | Get-PinAnalytics -StartDate $today.AddDays(-7) -EndDate $today.AddDays(-1) -Granularity Hour -Column SPEND_IN_DOLLAR -WarningAction SilentlyContinue)
    "rows=$($rows.Count) entities=$($entities.Count) hourly=$($hourly.Count)"
}).AddArgument($ApiBaseUri).AddArgument($Account).AddArgument($Today)
$output = $ps.Invoke()
$records = @($ps.Streams.Progress | ForEach-Object { @{ Id = $_.ActivityId; Activity = $_.Activity; Type = "$($_.RecordType)"; Status = $_.StatusDescription } })
[Console]::Out.WriteLine('##RESULT## ' + (ConvertTo-Json -Compress -Depth 4 -InputObject @{ Output = @($output | ForEach-Object { "$_" }); Errors = @($ps.Streams.Error | ForEach-Object { "$_" }); Progress = $records }))
'@
    $script:childFile = Join-Path ([IO.Path]::GetTempPath()) ('pin-progress-' + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $childFile -Value $childScript -Encoding utf8

    function script:Invoke-ProgressChild([switch] $NonInteractive) {
        $pwsh = Get-PinChildPwshCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
        $arguments = @($pwsh.Prefix) + @('-NoProfile') + $(if ($NonInteractive) { @('-NonInteractive') } else { @() }) +
            @('-File', $childFile, $emu.ApiBaseUri, $account, $world.today)
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
        $line.Substring(11) | ConvertFrom-Json
    }
}

AfterAll {
    Stop-PinTestEmulator $emu
    Remove-Item $childFile -ErrorAction SilentlyContinue
}

Describe 'Download progress' {
    It 'an interactive host sees rows and entities counted, each bar closed by a Completed record' {
        $result = Invoke-ProgressChild
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match '^rows=\d+ entities=\d+ hourly=\d+$'
        $downloads = @($result.Progress | Where-Object Activity -like 'Downloading *')
        $reportBar = @($downloads | Where-Object Activity -like 'Downloading Analytics *')
        $reportBar.Count | Should -BeGreaterThan 1
        $reportBar[0].Status | Should -Match '^\d+ rows'
        $reportBar[-1].Type | Should -Be 'Completed'
        $reportBar[-1].Status | Should -Match ('^' + ($result.Output -replace '^rows=(\d+).*', '$1') + ' rows$')
        $bulkBar = @($downloads | Where-Object Activity -like 'Downloading Bulk *')
        $bulkBar.Count | Should -BeGreaterThan 1
        $bulkBar[-1].Type | Should -Be 'Completed'
        $bulkBar[-1].Status | Should -Match ' entities$'
        $callsBar = @($result.Progress | Where-Object Activity -like 'Get-PinAnalytics: calls*')
        $callsBar.Count | Should -BeGreaterThan 1
        $callsBar[0].Status | Should -Match '^1 of (\d+) calls$'
        [int]($callsBar[0].Status -replace '^1 of (\d+) calls$', '$1') | Should -BeGreaterThan 1
        $callsBar[-1].Type | Should -Be 'Completed'
        # Every bar that was shown was closed.
        foreach ($id in @($result.Progress | ForEach-Object { "$($_.Id)/$($_.Activity)" } | Sort-Object -Unique)) {
            @($result.Progress | Where-Object { "$($_.Id)/$($_.Activity)" -eq $id })[-1].Type | Should -Be 'Completed' -Because "bar $id must end Completed"
        }
    }

    It 'a non-interactive host gets no progress records at all' {
        $result = Invoke-ProgressChild -NonInteractive
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match '^rows=\d+ entities=\d+ hourly=\d+$'
        @($result.Progress).Count | Should -Be 0
    }
}
