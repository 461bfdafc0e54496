#Requires -Modules Pester
# Completion never falls back to file names: ids, tokens, secrets, entity types and statuses of any type
# (found by reflection from the parameter names), and every other parameter of every cmdlet but the paths
# (sessions offer nothing, dates today and yesterday, ints nothing), so a new parameter cannot regress; and
# template names come on the first Tab within the fetch timeout even when the API is slow.

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

Describe 'Every parameter of every cmdlet' {
    BeforeAll {
        # PowerShell's own parameters (-ErrorAction, -OutBuffer, ...) are not the module's to complete.
        $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        # Parameters whose value is a file or folder path, by what their names say they hold: file names are right there.
        $script:pathPattern = '(Path|File|Folder|Destination)$'
        $script:parameters = @(foreach ($command in Get-Command -Module PinterestAds) {
                foreach ($parameter in $command.Parameters.Values) {
                    if ($parameter.Name -in $common -or $parameter.SwitchParameter) { continue }
                    [pscustomobject]@{ Command = $command.Name; Name = $parameter.Name; Type = $parameter.ParameterType }
                }
            })
        function script:Test-DateType([type] $Type) {
            $element = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
            $element = [Nullable]::GetUnderlyingType($element) ?? $element
            $element -eq [datetime] -or $element -eq [datetimeoffset]
        }
    }

    It 'no parameter that is not a path completes file names (a new parameter without a completer fails here)' {
        $offending = foreach ($p in $parameters | Where-Object Name -NotMatch $pathPattern) {
            foreach ($typed in '', 'zz') {
                if (Get-FileCompletion "$($p.Command) -$($p.Name) $typed") { "$($p.Command) -$($p.Name) [$($p.Type.Name)] '$typed'" }
            }
        }
        $offending | Should -BeNullOrEmpty -Because 'every parameter has a completer (NoValueCompleter where no values are known)'
        $parameters.Count | Should -BeGreaterThan 200 -Because 'every parameter of every cmdlet is checked'
    }

    It 'path parameters still complete file names' {
        $paths = @($parameters | Where-Object Name -Match $pathPattern)
        $paths.Count | Should -BeGreaterOrEqual 2
        foreach ($p in $paths) {
            Get-FileCompletion "$($p.Command) -$($p.Name) zz" | Should -Contain './zz-probe.txt' -Because "$($p.Command) -$($p.Name) takes a path"
        }
    }

    It 'date parameters offer today and yesterday (UTC, ISO) and nothing else' {
        $today = [datetime]::UtcNow.Date
        $expected = @($today.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture), $today.AddDays(-1).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture))
        $dates = @($parameters | Where-Object { Test-DateType $_.Type })
        $dates.Count | Should -BeGreaterThan 15
        foreach ($p in $dates) {
            $line = "$($p.Command) -$($p.Name) "
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be $expected -Because "$($p.Command) -$($p.Name) is a date"
        }
        $line = 'Get-PinAnalytics -StartDate 1999'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches) | Should -BeNullOrEmpty
        # A quoted start is matched like the other completers match it.
        $line = "Get-PinAnalytics -StartDate '$($expected[0].Substring(0, 4))"
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be $expected
    }

    It '-Session offers nothing of its own, and $ variables still complete' {
        $sessionParameters = @($parameters | Where-Object Name -EQ 'Session')
        $sessionParameters.Count | Should -BeGreaterThan 20
        foreach ($p in $sessionParameters) {
            $line = "$($p.Command) -Session "
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches) | Should -BeNullOrEmpty
        }
        $line = '$pinProbeSession = 1; Get-PinCampaign -Session $pinProbe'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Contain '$pinProbeSession'
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
