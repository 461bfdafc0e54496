# The built module folder and manifest: explicit exports, documented cmdlets, output types with
# views, nothing PowerShell itself provides shipped inside, a silent import.
BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $cmdlets = @(Get-PinExportedCmdletInfo | ForEach-Object { @{ Name = $_.Name; Command = $_ } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $modulePath = Get-PinModulePath
    $manifestPath = Get-PinModuleManifestPath
    $manifest = Import-PowerShellDataFile $manifestPath
    $exported = @(Get-PinExportedCmdletInfo | ForEach-Object Name)
    $documented = @(Get-ChildItem (Get-PinDocsPath) -Filter '*-*.md' -File -ErrorAction SilentlyContinue | ForEach-Object BaseName)

    # Views come from every format file in the module folder (the build takes all module/*.format.ps1xml;
    # the cmdlets load them on their first output, not the manifest).
    $formatFiles = [string[]]@(Get-ChildItem $modulePath -Filter '*.format.ps1xml' -File | ForEach-Object Name)
    $typesWithViews = @(foreach ($formatFile in $formatFiles) {
        $formatXml = [xml](Get-Content -Raw (Join-Path $modulePath $formatFile))
        $formatXml.SelectNodes('//View/ViewSelectedBy/TypeName') | ForEach-Object { $_.InnerText.Trim() }
    })

    # Default display property sets from the types file: type name -> property names.
    $typesXml = [xml](Get-Content -Raw (Join-Path $modulePath 'PinterestAds.types.ps1xml'))
    $displaySets = @{}
    foreach ($typeNode in $typesXml.SelectNodes('/Types/Type')) {
        $names = @($typeNode.SelectNodes(".//PropertySet[Name='DefaultDisplayPropertySet']/ReferencedProperties/Name") | ForEach-Object { $_.InnerText.Trim() })
        if ($names) { $displaySets[$typeNode.Name.Trim()] = $names }
    }

    function Test-IsPlainType([type] $Type) {
        # Framework and PowerShell types need no view of ours.
        $Type.IsPrimitive -or $Type.IsEnum -or $Type.Namespace -like 'System*' -or $Type.Namespace -like 'Microsoft.PowerShell*'
    }
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'carries the version from Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path (Get-PinRepoRoot) 'Directory.Build.props'))
        $manifest.ModuleVersion | Should -Be $props.SelectSingleNode('/Project/PropertyGroup/ModuleVersion').InnerText.Trim()
        Split-Path $modulePath -Leaf | Should -Be $manifest.ModuleVersion
    }

    It 'declares both editions and PowerShell 5.1' {
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'has an explicit <_> list with no wildcard' -ForEach 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport' {
        $manifest.ContainsKey($_) | Should -BeTrue -Because "a missing $_ means 'export everything'"
        @($manifest[$_]) -join ',' | Should -Not -Match '\*'
    }

    It 'exports no functions, aliases or variables' {
        @($manifest.FunctionsToExport).Count | Should -Be 0
        @($manifest.AliasesToExport).Count | Should -Be 0
        @($manifest.VariablesToExport).Count | Should -Be 0
    }

    It 'lists exactly the cmdlets the module exports' {
        @($manifest.CmdletsToExport | Sort-Object) | Should -Be @($exported | Sort-Object)
    }

    It 'documents exactly the exported cmdlets, one page per cmdlet in docs/en-US' {
        $missingPages = @($exported | Where-Object { $_ -notin $documented })
        $pagesWithoutCmdlet = @($documented | Where-Object { $_ -notin $exported })
        $missingPages | Should -BeNullOrEmpty -Because 'every cmdlet needs a help page'
        $pagesWithoutCmdlet | Should -BeNullOrEmpty -Because 'a page must not document a cmdlet that does not exist'
    }

    It 'ships every format file and the types file, and leaves them out of the manifest (loaded on first output)' {
        $sources = [string[]]@(Get-ChildItem (Join-Path (Get-PinRepoRoot) 'module') -Filter '*.format.ps1xml' -File | ForEach-Object Name)
        [Array]::Sort($sources, [StringComparer]::Ordinal)
        [Array]::Sort($formatFiles, [StringComparer]::Ordinal)
        $formatFiles | Should -Be $sources -Because 'every module/*.format.ps1xml ships'
        Join-Path $modulePath 'PinterestAds.types.ps1xml' | Should -Exist
        $manifest.ContainsKey('FormatsToProcess') | Should -BeFalse -Because 'processing them at import costs about 100 ms; ModuleViews loads them on first output'
        $manifest.ContainsKey('TypesToProcess') | Should -BeFalse
    }

    It 'loads its type and format data in a runspace before the first object a cmdlet writes there' {
        $run = Invoke-PinFreshPwsh -Script @'
Import-Module PinterestAds
$beforeViews = @(Get-FormatData -TypeName PinterestAds.PinMetricDefinition).Count
Import-Module ./tests/Pester/TestSupport.psm1
$emulator = Start-PinTestEmulator
try {
    Connect-PinAccount -ApiBaseUri $emulator.ApiBaseUri -AccessToken $emulator.AccessToken
    $definition = Get-PinMetricDefinition | Select-Object -First 1
    # Another runspace: its first output loads them there too.
    $parallel = 1 | ForEach-Object -Parallel {
        Import-Module PinterestAds
        $null = Get-PinMetricDefinition | Select-Object -First 1
        @(Get-FormatData -TypeName PinterestAds.PinMetricDefinition).Count
    }
}
finally { Stop-PinTestEmulator $emulator }
$table = ($definition | Format-Table | Out-String -Width 200) -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1

Write-PinTestResult @{
    BeforeViews = $beforeViews
    AfterViews  = @(Get-FormatData -TypeName PinterestAds.PinMetricDefinition).Count
    DisplaySet  = @((Get-TypeData -TypeName PinterestAds.PinAd).DefaultDisplayPropertySet.ReferencedProperties)
    TableHeader = $table.Trim()
    Parallel    = $parallel
}
'@
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Result.BeforeViews | Should -Be 0 -Because 'Import-Module itself leaves the format table alone'
        $run.Result.AfterViews | Should -BeGreaterThan 0
        $run.Result.DisplaySet | Should -Contain 'Id'
        $run.Result.Parallel | Should -BeGreaterThan 0 -Because 'each runspace loads them on its first output'
        $viewNode = $null
        foreach ($formatFile in $formatFiles) {
            $xml = [xml](Get-Content -Raw (Join-Path $modulePath $formatFile))
            $viewNode = $xml.SelectNodes('//View') | Where-Object { $_.ViewSelectedBy.TypeName -eq 'PinterestAds.PinMetricDefinition' -and $_.TableControl } | Select-Object -First 1
            if ($viewNode) { break }
        }
        $viewNode | Should -Not -BeNullOrEmpty
        $labels = @($viewNode.TableControl.TableHeaders.TableColumnHeader | ForEach-Object Label)
        $run.Result.TableHeader | Should -Match ('^' + (($labels | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '$') -Because 'the first table shows the module''s view'
    }
}

Describe 'Module folder' {
    It 'does not ship System.Management.Automation.dll' {
        Get-ChildItem $modulePath -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'has the MAML help and the about topic' {
        Join-Path $modulePath 'en-US/PinterestAds.dll-Help.xml' | Should -Exist
        Join-Path $modulePath 'en-US/about_PinterestAds.help.txt' | Should -Exist
    }

    It 'imports in a fresh pwsh without writing anything' {
        $run = Invoke-PinFreshPwsh -Script @'
$written = @(Import-Module PinterestAds -PassThru:$false)
Write-PinTestResult @{ Written = $written.Count; Commands = @(Get-Command -Module PinterestAds).Count }
'@
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Result.Written | Should -Be 0
        $run.Output | Should -BeNullOrEmpty -Because 'no banner or host output on import'
    }
}

Describe 'Cmdlet <Name>' -ForEach $cmdlets {
    BeforeAll {
        $outputTypes = @($Command.ImplementingType.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true))
    }

    It 'declares [OutputType]' {
        $outputTypes | Should -Not -BeNullOrEmpty
    }

    It 'has a HelpUri that is the manifest''s ProjectUri plus its page in docs/en-US, and the page exists' {
        $projectUri = $manifest.PrivateData.PSData.ProjectUri
        $projectUri | Should -Match '^https://'
        $Command.HelpUri | Should -BeExactly "$projectUri/blob/main/docs/en-US/$Name.md"
        $relative = $Command.HelpUri.Substring("$projectUri/blob/main/".Length)
        Join-Path (Get-PinRepoRoot) $relative | Should -Exist
        # Get-Help -Online opens the MAML's first link: the page's 'online version', the same address.
        (Get-Content (Join-Path (Get-PinDocsPath) "$Name.md") -TotalCount 6) | Should -Contain "online version: $($Command.HelpUri)"
    }

    It 'has a format view for each public output type' {
        foreach ($psTypeName in $outputTypes.Type) {
            $type = $psTypeName.Type
            if ($null -eq $type) { continue }   # named by string only: nothing to check here
            if (Test-IsPlainType $type) { continue }
            # Rows whose columns are chosen per call have no view on purpose: a fixed view would
            # hide the columns the user asked for, and the default display shows all of them.
            if ($type.FullName -in 'PinterestAds.AnalyticsRow', 'PinterestAds.ReportRow') { continue }
            $candidates = @()
            for ($t = $type; $null -ne $t; $t = $t.BaseType) { $candidates += $t.FullName }
            @($candidates | Where-Object { $_ -in $typesWithViews }) |
                Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view in a module/*.format.ps1xml file"
        }
    }

    It 'has a default display property set of real properties for each public output type' {
        foreach ($psTypeName in $outputTypes.Type) {
            $type = $psTypeName.Type
            if ($null -eq $type -or (Test-IsPlainType $type)) { continue }
            if ($type.FullName -in 'PinterestAds.AnalyticsRow', 'PinterestAds.ReportRow') { continue }   # every column is the display
            $displaySets.ContainsKey($type.FullName) | Should -BeTrue -Because "$($type.FullName) needs a DefaultDisplayPropertySet in PinterestAds.types.ps1xml"
            $properties = @($type.GetProperties() | ForEach-Object Name)
            @($displaySets[$type.FullName] | Where-Object { $_ -notin $properties }) | Should -BeNullOrEmpty -Because "the display set of $($type.FullName) names its real properties"
        }
    }
}

Describe 'Completion never offers file names' {
    BeforeAll {
        Import-Module (Get-PinModuleManifestPath) -Force
        $script:probeFolder = Join-Path ([IO.Path]::GetTempPath()) ('pin-complete-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory -Path $probeFolder
        $null = New-Item -ItemType File -Path (Join-Path $probeFolder 'zz-probe.txt'), (Join-Path $probeFolder '5497-probe.csv')
        Push-Location $probeFolder
    }
    AfterAll {
        Pop-Location
        Remove-Item $probeFolder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'no text, id, token, entity type or status parameter of any cmdlet completes to a file' {
        # Every string parameter except the ones that take a path (files are the right completion there).
        $paths = 'OutFile', 'Path', 'LiteralPath', 'Destination'
        $checked = 0
        foreach ($command in Get-Command -Module PinterestAds) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Name -in $paths -or $parameter.Name -in [System.Management.Automation.Cmdlet]::CommonParameters -or
                    $parameter.Name -in [System.Management.Automation.Cmdlet]::OptionalCommonParameters) { continue }
                $type = if ($parameter.ParameterType.IsArray) { $parameter.ParameterType.GetElementType() } else { $parameter.ParameterType }
                if ($type -notin [string], [object]) { continue }
                foreach ($typed in '', 'zz', '5497') {
                    $line = "$($command.Name) -$($parameter.Name) $typed"
                    $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
                    @($matches | Where-Object { $_.ResultType -in 'ProviderItem', 'ProviderContainer' -or $_.CompletionText -like '*probe*' }).CompletionText |
                        Should -BeNullOrEmpty -Because "$line must not complete file names"
                }
                $checked++
            }
        }
        $checked | Should -BeGreaterThan 30
    }

    It 'bulk download entity types and statuses complete from the API catalogue' {
        $line = 'New-PinBulkDownload -EntityType AD'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('AD_GROUP', 'AD')
        $line = 'New-PinBulkDownload -CampaignStatus PA'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('PAUSED')
    }
}

