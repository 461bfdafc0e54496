#Requires -Modules Pester
# Completion of ids, tokens, secrets, entity types and statuses never falls back to file names, whatever
# the parameter's type (Module.Tests.ps1 covers the string ones; this covers every type, found by
# reflection from the parameter names), and template names come on the first Tab within the fetch timeout
# even when the API is slow.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-PinModuleManifestPath) -Force
    $script:probeFolder = Join-Path ([IO.Path]::GetTempPath()) ('pin-completion-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $probeFolder
    $null = New-Item -ItemType File -Path (Join-Path $probeFolder 'zz-probe.txt'), (Join-Path $probeFolder '5497-probe.csv'), (Join-Path $probeFolder 'ACTIVE-probe.txt')
    Push-Location $probeFolder

    function script:Get-FileCompletion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches |
            Where-Object { $_.ResultType -in 'ProviderItem', 'ProviderContainer' -or $_.CompletionText -like '*probe*' }).CompletionText
    }
}

AfterAll {
    Pop-Location
    Remove-Item $probeFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Id, token, secret, entity type and status parameters of every type' {
    It 'no such parameter of any cmdlet completes to a file' {
        # The parameters the issue names, by what their names say they hold.
        $pattern = '(Id|Ids|Token|Secret|EntityType|Status|Statuses)$'
        $checked = [System.Collections.Generic.List[string]]::new()
        foreach ($command in Get-Command -Module PinterestAds) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Name -notmatch $pattern) { continue }
                if ($parameter.SwitchParameter -or $parameter.ParameterType -eq [bool]) { continue }
                foreach ($typed in '', 'zz', '5497', 'ACT') {
                    Get-FileCompletion "$($command.Name) -$($parameter.Name) $typed" |
                        Should -BeNullOrEmpty -Because "$($command.Name) -$($parameter.Name) ($($parameter.ParameterType.Name)) must not complete file names"
                }
                $checked.Add("$($command.Name) -$($parameter.Name)")
            }
        }
        $checked | Should -Contain 'Connect-PinAccount -AccessToken' -Because 'SecureString tokens count too'
        $checked | Should -Contain 'Get-PinReport -Token'
        $checked | Should -Contain 'New-PinBulkDownload -EntityType'
        $checked | Should -Contain 'Get-PinCampaign -Status'
        $checked.Count | Should -BeGreaterThan 30
    }
}

Describe 'Template names on the first Tab' {
    BeforeAll {
        $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0 }
        $world = Get-PinTestEmulatorWorld $emu
        $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    }
    AfterAll {
        Disconnect-PinAccount -ErrorAction SilentlyContinue
        Stop-PinTestEmulator $emu
    }

    It 'a slow API: the first Tab gives up within the fetch timeout, offers no file names, and a later Tab lists the templates' {
        Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
        Add-PinTestEmulatorFault $emu -Kind latency -Target 'templates/list' -LatencyMs 6000 -Count 1
        try {
            $line = 'New-PinAsyncReport -TemplateId '
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $first = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 4.5 -Because 'the first Tab waits at most 2 s for the listing, not for the slow API'
            @($first | Where-Object { $_.ResultType -in 'ProviderItem', 'ProviderContainer' -or $_.CompletionText -like '*probe*' }) | Should -BeNullOrEmpty
        }
        finally { Clear-PinTestEmulatorFault $emu }
        # The API answers again at once: the next Tab lists the templates.
        $expected = @(Get-PinTemplate | ForEach-Object Id | Sort-Object)
        $expected.Count | Should -BeGreaterThan 0
        Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object) | Should -Be $expected
    }
}
