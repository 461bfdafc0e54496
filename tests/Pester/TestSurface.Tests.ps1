#Requires -Modules Pester
# The test surface itself (issue 17): one support module, the emulator's journal read through it and never
# waited for, and no missing command turned into a skip. Each rule reads the test files as text.

BeforeDiscovery {
    $script:testFiles = @(Get-ChildItem $PSScriptRoot -Filter '*.Tests.ps1' -File | ForEach-Object {
            @{ Name = $_.Name; Path = $_.FullName }
        })
}

Describe 'The Pester test surface' {
    It '<Name> imports no support module but TestSupport.psm1' -ForEach $testFiles {
        $imports = @(Select-String -Path $Path -Pattern "Import-Module[^\r\n]*?([A-Za-z]+\.psm1)" -AllMatches |
                ForEach-Object { $_.Matches } | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -ne 'PinBuild.psm1' })
        @($imports | Where-Object { $_ -ne 'TestSupport.psm1' }) | Should -BeNullOrEmpty -Because 'TestSupport.psm1 is the one support module (its concerns live in Support/)'
    }

    It '<Name> reads the emulator journal through Get-PinTestEmulatorRequest only' -ForEach $testFiles {
        @(Select-String -Path $Path -Pattern 'AdminUri\)?/requests' -SimpleMatch:$false) | Should -BeNullOrEmpty -Because 'Get-PinTestEmulatorRequest and Clear-PinTestEmulatorRequest are the journal''s one reader and clearer'
    }

    It '<Name> never sleeps before reading or clearing the journal' -ForEach $testFiles {
        # The emulator records a request before its response starts: once a call returned, its requests are there.
        $lines = @(Get-Content $Path)
        $waits = for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -notmatch 'Start-Sleep') { continue }
            $next = ($lines[$i..([math]::Min($i + 2, $lines.Count - 1))] -join "`n")
            if ($next -match '(Get|Clear)-PinTestEmulatorRequest') { "line $($i + 1): $($lines[$i].Trim())" }
        }
        @($waits) | Should -BeNullOrEmpty
    }

    It '<Name> turns no missing command into a skip' -ForEach $testFiles {
        # (The pattern is put together so that this file does not match itself.)
        $skip = 'Set-ItResult' + ' -Skipped'
        @(Select-String -Path $Path -Pattern "Get-Command[^\r\n]*$skip|not in this $('build')\b") | Should -BeNullOrEmpty -Because 'a missing cmdlet must fail'
    }

    It 'the support module exports no function twice and each concern file is loaded' {
        $support = Join-Path $PSScriptRoot 'TestSupport.psm1'
        $files = @($support) + @(Get-ChildItem (Join-Path $PSScriptRoot 'Support') -Filter '*.ps1' -File | ForEach-Object FullName)
        $names = @($files | ForEach-Object { Select-String -Path $_ -Pattern '^function ([\w-]+)' } | ForEach-Object { $_.Matches[0].Groups[1].Value })
        @($names | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name) | Should -BeNullOrEmpty
        $loaded = (Select-String -Path $support -Pattern "foreach \(\`$concern in ([^)]*)\)").Matches[0].Groups[1].Value
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot 'Support') -Filter '*.ps1' -File) { $loaded | Should -Match "'$($file.BaseName)'" }
    }
}
