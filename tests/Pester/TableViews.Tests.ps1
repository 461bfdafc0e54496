#Requires -Modules Pester
# Every row and entity type the module writes renders as a table at 80 columns that keeps its key columns:
# one header, one rule and one line per object, no line wider than 80, every key column in the header and
# the first object's key values on its line. The list of types is not written by hand alone: every output
# type of every exported cmdlet ([OutputType]) and every type a format file has a view for must have a case
# here (or be a list view on purpose), so a new type without a table check fails.

BeforeDiscovery {
    # type name -> the key columns its table must keep at 80 columns; how the objects are made is in BeforeAll.
    $script:tableCases = @(
        @{ Kind = 'PinAdAccount'; Keys = 'Id', 'Name' }
        @{ Kind = 'PinCampaign'; Keys = 'Id', 'Status', 'Name' }
        @{ Kind = 'PinAdGroup'; Keys = 'Id', 'Status', 'Name' }
        @{ Kind = 'PinAd'; Keys = 'Id', 'Status', 'Name' }
        @{ Kind = 'PinProductGroup'; Keys = 'Id', 'Status', 'Name' }
        @{ Kind = 'PinKeyword'; Keys = 'Id', 'MatchType', 'Value' }
        @{ Kind = 'PinTargetingOption'; Keys = 'TargetingType', 'Id', 'Name' }
        @{ Kind = 'PinTemplate'; Keys = 'Id', 'Level', 'Name' }
        @{ Kind = 'ReportJob'; Keys = 'Token', 'Status', 'Dates' }
        @{ Kind = 'PinBulkEntity'; Keys = 'EntityType', 'Id', 'Status', 'Name' }
        @{ Kind = 'PinAudienceDefinition'; Keys = 'AdAccountId', 'Scope', 'Type' }
        @{ Kind = 'PinAudienceInsight'; Keys = 'Type', 'Date', 'Size' }
        @{ Kind = 'PinAudienceInsightRow'; Keys = 'Dimension', 'Key', 'Ratio', 'Name' }
        @{ Kind = 'PinMetricDefinition'; Keys = 'Name', 'DisplayName' }
        @{ Kind = 'PinMetricsReadyState'; Keys = 'Date', 'ConversionMetricsReady', 'NonConversionMetricsReady' }
        @{ Kind = 'PinterestSession'; Keys = 'Environment', 'DefaultAdAccountId' }
        @{ Kind = 'RateLimitBudgetInfo'; Keys = 'Category', 'PerMinute', 'Available' }
        @{ Kind = 'PinSyncAccountResult'; Keys = 'AdAccountId', 'Status' }
        @{ Kind = 'AnalyticsRow'; Keys = 'CAMPAIGN_ID', 'DATE', 'SPEND_IN_DOLLAR' }
        @{ Kind = 'AnalyticsRow (targeting)'; Keys = 'CAMPAIGN_ID', 'DATE', 'TargetingName', 'SPEND_IN_DOLLAR' }
        @{ Kind = 'AnalyticsRow (keyword)'; Keys = 'KEYWORD_ID', 'DATE', 'KeywordText' }
        @{ Kind = 'AnalyticsRow (pin)'; Keys = 'PIN_ID', 'DATE', 'SPEND_IN_DOLLAR' }
        @{ Kind = 'ReportRow'; Keys = 'CAMPAIGN_ID', 'DATE', 'SPEND_IN_DOLLAR' }
        @{ Kind = 'ReportRow (several reports)'; Keys = 'TemplateId', 'CAMPAIGN_ID', 'DATE' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Get-PinModuleManifestPath) -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; BulkPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    $script:session = Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account -PassThru
    $today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-4)
    $script:end = $today.AddDays(-3)
    $script:syncFolder = Join-Path ([IO.Path]::GetTempPath()) ('pin-tables-' + [guid]::NewGuid().ToString('N').Substring(0, 8))

    # Types shown as lists on purpose (a handful of facts about one thing), with the reason.
    $script:listViews = @{
        'PinterestAds.PinSessionInfo' = 'one session: its facts and rate budgets, one per line'
        'PinterestAds.PinSyncSummary' = 'one run: its totals, then the accounts table (PinSyncAccountResult)'
    }
    # Output types that are not the module's (files).
    $script:foreignTypes = 'System.IO.FileInfo', 'System.Void'

    $script:made = @{}
    function script:Get-Objects([string] $Kind) {
        if ($made.ContainsKey($Kind)) { return $made[$Kind] }
        $campaigns = { @(Get-PinCampaign | Select-Object -First 3) }
        $objects = switch ($Kind) {
            'PinAdAccount' { Get-PinAdAccount | Select-Object -First 3 }
            'PinCampaign' { & $campaigns }
            'PinAdGroup' { Get-PinAdGroup | Select-Object -First 3 }
            'PinAd' { Get-PinAd | Select-Object -First 3 }
            'PinProductGroup' { Get-PinAdGroup | Select-Object -First 3 | Get-PinProductGroup | Select-Object -First 3 }
            'PinKeyword' { Get-PinAdGroup | Select-Object -First 2 | Get-PinKeyword | Select-Object -First 3 }
            'PinTargetingOption' { Get-PinTargetingOption -TargetingType Location | Select-Object -First 3 }
            'PinTemplate' { Get-PinTemplate | Select-Object -First 3 }
            'ReportJob' { New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR }
            'PinBulkEntity' { New-PinBulkDownload -EntityType CAMPAIGN -Confirm:$false | Wait-PinReport | Receive-PinReport | Select-Object -First 3 }
            'PinAudienceDefinition' { Get-PinAudienceDefinition | Select-Object -First 3 }
            'PinAudienceInsight' { Get-PinAudienceInsight }
            'PinAudienceInsightRow' { Get-PinAudienceInsight -Flatten | Select-Object -First 3 }
            'PinMetricDefinition' { Get-PinMetricDefinition | Select-Object -First 3 }
            'PinMetricsReadyState' { Get-PinMetricsReadyState -StartDate $start -EndDate $end }
            'PinterestSession' { $session }
            'RateLimitBudgetInfo' { (Get-PinSession).RateLimitBudgets | Select-Object -First 3 }
            'PinSyncAccountResult' {
                (Sync-PinAnalytics -Destination $syncFolder -Level AdAccount -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Confirm:$false -WarningAction SilentlyContinue).Accounts
            }
            'AnalyticsRow' { & $campaigns | Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1, CLICKTHROUGH_1, CTR, TOTAL_CONVERSIONS }
            'AnalyticsRow (targeting)' {
                & $campaigns | Get-PinTargetingAnalytics -TargetingType AGE_BUCKET -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1 -WarningAction SilentlyContinue | Select-Object -First 5
            }
            'AnalyticsRow (keyword)' {
                Get-PinAdGroup | Select-Object -First 2 | Get-PinKeyword | Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1 | Select-Object -First 5
            }
            'AnalyticsRow (pin)' {
                $ads = @(Get-PinAd | Where-Object PinId | Select-Object -First 3)
                Get-PinAnalytics -Level Pin -CampaignId $ads[0].CampaignId -PinId ($ads | Where-Object CampaignId -eq $ads[0].CampaignId).PinId -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1
            }
            'ReportRow' { Invoke-PinReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1, CLICKTHROUGH_1, CTR | Select-Object -First 5 }
            'ReportRow (several reports)' {
                Get-PinTemplate | Select-Object -First 2 | ForEach-Object { New-PinAsyncReport -TemplateId $_.Id -StartDate $start -EndDate $end } |
                    Wait-PinReport | Receive-PinReport | Select-Object -First 5
            }
        }
        $made[$Kind] = @($objects)
        $made[$Kind]
    }
}

AfterAll {
    Disconnect-PinAccount -ErrorAction SilentlyContinue
    Stop-PinTestEmulator $emu
    Remove-Item $syncFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Every output type has a table check (or is a list on purpose)' {
    It 'every [OutputType] of every cmdlet and every type with a view has a case in this file' {
        $covered = @($tableCases | ForEach-Object { 'PinterestAds.' + ($_.Kind -replace ' \(.*\)$', '') }) + @($listViews.Keys) + $foreignTypes
        $outputTypes = @(Get-Command -Module PinterestAds | ForEach-Object { $_.OutputType.Name })
        # Every format file in the module folder (they load on first output, not from the manifest).
        $viewTypes = @(foreach ($file in Get-ChildItem (Get-PinModulePath) -Filter '*.format.ps1xml' -File) {
                ([xml](Get-Content -Raw $file.FullName)).SelectNodes('//View/ViewSelectedBy/TypeName') | ForEach-Object { $_.InnerText.Trim() }
            })
        $viewTypes.Count | Should -BeGreaterThan 15
        $outputTypes.Count | Should -BeGreaterThan 15
        @($outputTypes + $viewTypes | Sort-Object -Unique | Where-Object { $_ -notin $covered }) | Should -BeNullOrEmpty -Because 'every type the module writes needs its 80-column table check'
    }

    It '<_> is shown as a list' -ForEach @('PinterestAds.PinSessionInfo', 'PinterestAds.PinSyncSummary') {
        $object = if ($_ -like '*SessionInfo') { Get-PinSession } else {
            Sync-PinAnalytics -Destination $syncFolder -Level AdAccount -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Confirm:$false -WarningAction SilentlyContinue
        }
        $object.PSObject.TypeNames | Should -Contain $_
        ($object | Out-String -Width 80) | Should -Match '(?m)^\w+\s*: ' -Because $listViews[$_]
    }
}

Describe 'Tables at 80 columns keep their key columns' {
    It '<Kind>: <Keys> at 80 columns, one line per object' -ForEach $tableCases {
        $objects = @(Get-Objects $Kind)
        $objects.Count | Should -BeGreaterThan 0 -Because "the emulator has $Kind objects"
        $lines = @(($objects | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        @($lines | Where-Object Length -gt 80) | Should -BeNullOrEmpty -Because 'nothing is wider than the console'
        $lines.Count | Should -Be ($objects.Count + 2) -Because 'a table: one header, one rule, one line per object, nothing wrapped or listed'
        $lines[1] | Should -Match '^[-\s]+$' -Because 'the second line is the rule under the header'
        foreach ($key in $Keys) {
            $lines[0] | Should -Match "(^|\s)$([regex]::Escape($key))(\s|$)" -Because "$key is a key column of $Kind"
        }
        # The first object's key values are on its line (long text may be cut at the edge: its first 8 characters).
        foreach ($key in $Keys | Where-Object { $_ -notin 'Dates' }) {
            $value = $objects[0].$key
            if ($null -eq $value -or "$value" -eq '') { continue }
            $text = if ($value -is [datetime]) { $value.ToString('yyyy-MM-dd') } elseif ($value -is [bool]) { "$value" } else { "$value" }
            $lines[2] | Should -Match ([regex]::Escape($text.Substring(0, [math]::Min(8, $text.Length)))) -Because "the line shows the $key of the object"
        }
    }
}

Describe 'CSV of every output type' {
    It '<Kind>: no column holds a type name or a dictionary' -ForEach $tableCases {
        $objects = @(Get-Objects $Kind)
        $csv = ($objects | ConvertTo-Csv) -join "`n"
        $csv | Should -Not -Match '"System\.|Collections\.Generic|\[\]"' -Because "Export-Csv of $Kind writes values, not type names"
        ($csv -split "`n")[0] | Should -Not -Match '"(Fields|Keys|Values|Count|IsReadOnly|IsFixedSize|SyncRoot|IsSynchronized)"' -Because 'dictionary members are not columns'
    }
}
