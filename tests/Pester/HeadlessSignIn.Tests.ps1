#Requires -Modules Pester
# Connect-PinAccount -Interactive on a machine without a browser (no DISPLAY, no -BrowserAction):
# the consent URL must reach the host itself, not only the hidden Information stream, so that the
# person at the keyboard can open it elsewhere before the timeout. A fresh pwsh signs in; the test
# reads the URL from its console output and plays the browser.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emu = Start-PinTestEmulator
    $script:childFile = Join-Path ([IO.Path]::GetTempPath()) ('pin-headless-' + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $childFile -Encoding utf8 -Value @'
param([string] $ApiBaseUri, [string] $ClientId, [int] $Port)
$env:PSModulePath = $env:PIN_TEST_MODULE_PATH
Import-Module PinterestAds
$secret = ConvertTo-SecureString 'emulator-client-secret' -AsPlainText -Force
$session = Connect-PinAccount -Interactive -ApiBaseUri $ApiBaseUri -ClientId $ClientId -ClientSecret $secret `
    -RedirectUri "http://127.0.0.1:$Port/callback/" -TimeoutSec 60 -PassThru
[Console]::Out.WriteLine("##CONNECTED## $($session.CanRefresh)")
'@
}

AfterAll {
    Stop-PinTestEmulator $emu
    Remove-Item $childFile -ErrorAction SilentlyContinue
}

Describe 'Interactive sign-in without a browser' {
    It 'writes the consent URL to the host, and the sign-in completes when it is opened' {
        $port = Get-Random -Minimum 20000 -Maximum 60000
        $pwsh = Get-PinChildPwshCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
        foreach ($argument in @($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-File', $childFile, $emu.ApiBaseUri, $emu.ClientId, $port)) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['PIN_TEST_MODULE_PATH'] = (Split-Path (Split-Path (Get-PinModulePath) -Parent) -Parent) + [IO.Path]::PathSeparator + $env:PSModulePath
        $start.Environment.Remove('DISPLAY')
        $start.Environment.Remove('WAYLAND_DISPLAY')
        $process = [System.Diagnostics.Process]::Start($start)
        try {
            $null = $process.StandardError.ReadToEndAsync()
            $url = $null
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not $url -and [DateTime]::UtcNow -lt $deadline) {
                $line = $process.StandardOutput.ReadLine()
                if ($null -eq $line) { break }
                if ($line -match 'Open this URL to grant PinterestAds access: (\S+)') { $url = $Matches[1] }
            }
            $url | Should -Not -BeNullOrEmpty -Because 'the consent URL must be written to the host'
            Invoke-WebRequest $url -MaximumRedirection 5 | Out-Null
            $rest = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit(60000) | Should -BeTrue
            $rest | Should -Match '##CONNECTED## True'
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
        }
    }
}
