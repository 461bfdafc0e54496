#Requires -Modules Pester
# Issue #15: Export-Csv and ConvertTo-Csv of every row and entity type write ISO dates and invariant
# numbers in every culture (the same bytes under de-DE, en-US and ja-JP), while the objects stay typed:
# Where-Object's simplified syntax (which reads the same dictionary view as Export-Csv) returns the same
# rows as the script-block form, and sorting, measuring, grouping, member access, arithmetic and JSON
# see the typed values.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:accountInfo = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    $script:account = $accountInfo.id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $start = $today.AddDays(-12)
    $end = $today.AddDays(-9)
    $metrics = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CTR', 'TOTAL_CONVERSIONS'
    $campaign = $accountInfo.campaigns[0]
    $pins = @($campaign.adGroups.ads.pinId | Sort-Object -Unique)
    $deliveringKeywords = @($accountInfo.keywords | Where-Object delivers | Select-Object -First 3).id
    $template = Get-PinTemplate | Select-Object -First 1
    $quiet = @{ WarningAction = 'SilentlyContinue' }

    # Every row and entity type the module emits, from the emulator.
    $script:sets = [ordered]@{
        AnalyticsRow      = @(Get-PinCampaign | Get-PinAnalytics -StartDate $start -EndDate $end -Column $metrics -Granularity Day)
        HourlyRow         = @(Get-PinAnalytics -Level Campaign -Id $campaign.id -StartDate $today.AddDays(-3) -EndDate $today.AddDays(-3) -Column SPEND_IN_DOLLAR, IMPRESSION_1 -Granularity Hour @quiet)
        TargetingRow      = @(Get-PinTargetingAnalytics -Level AdAccount -TargetingType Location -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, CTR @quiet | Select-Object -First 20)
        ReportRow         = @(New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column $metrics -Granularity Day | Wait-PinReport | Receive-PinReport)
        KeywordRow        = @(Get-PinAnalytics -Level Keyword -Id $deliveringKeywords -StartDate $start -EndDate $end -Granularity Day -Column SPEND_IN_DOLLAR, CTR @quiet)
        PinRow            = @(Get-PinAnalytics -Level Pin -CampaignId $campaign.id -PinId $pins -StartDate $start -EndDate $end -Granularity Day -Column SPEND_IN_DOLLAR, CTR @quiet)
        TemplateRow       = @($template | New-PinAsyncReport -StartDate $start -EndDate $end | Wait-PinReport | Receive-PinReport)
        MmmRow            = @(New-PinMmmReport -Name cultures -StartDate $start -EndDate $end -TargetingType GENDER -Column SPEND_IN_DOLLAR, IMPRESSION_1 | Wait-PinReport -TimeoutSec 60 | Receive-PinReport)
        BulkEntity        = @(New-PinBulkDownload -EntityType CAMPAIGN, AD_GROUP | Wait-PinReport | Receive-PinReport)
        AudienceInsight   = @(Get-PinAudienceInsight -AdAccountId $account)
        AudienceRow       = @(Get-PinAudienceInsight -AdAccountId $account -Flatten | Select-Object -First 30)
        AudienceDefinition = @(Get-PinAudienceDefinition -AdAccountId $account | Select-Object -First 30)
        AdAccount         = @(Get-PinAdAccount)
        Campaign          = @(Get-PinCampaign)
        AdGroup           = @(Get-PinAdGroup)
        Ad                = @(Get-PinAd | Select-Object -First 10)
        ProductGroup      = @(Get-PinAdGroup | Get-PinProductGroup | Select-Object -First 10)
        Keyword           = @(Get-PinKeyword | Select-Object -First 5)
        Template          = @(Get-PinTemplate)
        TargetingOption   = @(Get-PinTargetingOption -TargetingType Location | Select-Object -First 10)
        MetricsReadyState = @(Get-PinMetricsReadyState -StartDate $today.AddDays(-7) -EndDate $today)
        ReportJob         = @(New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR)
    }

    $script:savedCulture = [cultureinfo]::CurrentCulture
    $script:cultures = 'de-DE', 'en-US', 'ja-JP'
    function script:Use-Culture([string] $Culture, [scriptblock] $Script) {
        [cultureinfo]::CurrentCulture = [cultureinfo]::new($Culture)
        try { & $Script } finally { [cultureinfo]::CurrentCulture = $savedCulture }
    }
    $script:outFolder = Join-Path ([IO.Path]::GetTempPath()) ("pin-cultures-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $outFolder
}

AfterAll {
    [cultureinfo]::CurrentCulture = $savedCulture
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
    Remove-Item $outFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'CSV is the same in every culture' {
    It '<_>: Export-Csv writes the same bytes under de-DE, en-US and ja-JP, with ISO dates and invariant numbers' -ForEach @(
        'AnalyticsRow', 'HourlyRow', 'TargetingRow', 'ReportRow', 'KeywordRow', 'PinRow', 'TemplateRow', 'MmmRow', 'BulkEntity',
        'AudienceInsight', 'AudienceRow', 'AudienceDefinition', 'AdAccount', 'Campaign', 'AdGroup', 'Ad', 'ProductGroup', 'Keyword',
        'Template', 'TargetingOption', 'MetricsReadyState', 'ReportJob'
    ) {
        $kind = $_
        $items = $sets[$kind]
        $items.Count | Should -BeGreaterThan 0 -Because "the emulator has $kind data"
        $files = foreach ($culture in $cultures) {
            $path = Join-Path $outFolder "$kind-$culture.csv"
            Use-Culture $culture { $items | Export-Csv -Path $path }
            $path
        }
        $bytes = @($files | ForEach-Object { [Convert]::ToBase64String([IO.File]::ReadAllBytes($_)) })
        $bytes[1] | Should -BeExactly $bytes[0] -Because 'en-US and de-DE give the same file'
        $bytes[2] | Should -BeExactly $bytes[0] -Because 'ja-JP and de-DE give the same file'
        Use-Culture 'de-DE' { ($items | ConvertTo-Csv) -join "`n" } | Should -BeExactly (Use-Culture 'ja-JP' { ($items | ConvertTo-Csv) -join "`n" })

        # Every typed date, timestamp and non-integer number is written in its invariant form.
        $parsed = @(Import-Csv $files[0])
        $checked = 0
        for ($i = 0; $i -lt $items.Count; $i++) {
            foreach ($property in $items[$i].PSObject.Properties) {
                $value = $property.Value
                $field = $parsed[$i].($property.Name)
                if ($null -eq $value) { $field | Should -BeNullOrEmpty -Because "$kind.$($property.Name) is null"; continue }
                $invariant = [cultureinfo]::InvariantCulture
                $expected = if ($value -is [datetime]) {
                    if ($kind -eq 'HourlyRow') { $value.ToString("yyyy-MM-dd'T'HH:mm", $invariant) }
                    elseif ($value.TimeOfDay.Ticks -eq 0) { $value.ToString('yyyy-MM-dd', $invariant) }
                    else { $value.ToString("yyyy-MM-dd'T'HH:mm:ss", $invariant) }
                } elseif ($value -is [DateTimeOffset]) { $value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $invariant) }
                elseif ($value -is [decimal] -or $value -is [double]) { $value.ToString($invariant) }
                if ($null -ne $expected) {
                    $field | Should -BeExactly $expected -Because "$kind.$($property.Name) is a $($value.GetType().Name)"
                    $checked++
                }
            }
        }
        if ($kind -notin 'AudienceInsight', 'Template', 'TargetingOption', 'BulkEntity', 'ProductGroup', 'Keyword') {
            $checked | Should -BeGreaterThan 0 -Because "$kind has dates or decimals to check"
        }
    }

    It 'HOUR granularity rows show the hour (yyyy-MM-ddTHH:00), midnight included' {
        $rows = $sets.HourlyRow
        $rows.Count | Should -BeGreaterThan 1
        $lines = @(Use-Culture 'de-DE' { $rows | ConvertTo-Csv } | ConvertFrom-Csv)
        $lines.DATE | ForEach-Object { $_ | Should -Match '^\d{4}-\d\d-\d\dT\d\d:00$' }
        @($rows | Where-Object { $_.DATE.Hour -eq 0 }).Count | Should -BeGreaterThan 0 -Because 'a day of hours starts at midnight'
    }

    It 'a missing value stays an empty field' {
        $sparse = @($sets.AnalyticsRow | Where-Object { $null -eq $_.TOTAL_CONVERSIONS })
        $sparse.Count | Should -BeGreaterThan 0 -Because 'the emulator omits zero metrics'
        $line = Use-Culture 'de-DE' { @($sparse[0] | ConvertTo-Csv)[1] }
        $line | Should -BeLike '*,'
        $line | Should -Match ('"' + $sparse[0].DATE.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) + '"')
    }

    It 'report rows streamed behind a slow pipeline (their decimal cells made ahead on the parsing worker) export the same bytes' {
        # Behind a slow consumer the parsing worker waits for room, and spends the wait making the decimal cells' export
        # wrappers and text; a collected array is written without them. Both must be the same file in every culture.
        $job = New-PinAsyncReport -Level PinPromotion -StartDate $today.AddDays(-180) -EndDate $today.AddDays(-2) -Column $metrics -Granularity Day | Wait-PinReport
        $collected = @($job | Receive-PinReport)
        $collected.Count | Should -BeGreaterThan 1024 -Because 'the report spans more batches than the worker reads ahead'
        # The module's types live in its own load context: the row base class is found from a row.
        $rowBase = $collected[0].GetType()
        while ($rowBase.Name -ne 'PinRow') { $rowBase = $rowBase.BaseType }
        $preparedField = $rowBase.GetField('_exportCells', [Reflection.BindingFlags]'NonPublic, Instance')
        $script:preparedRows = 0
        $script:kept = [Collections.Generic.List[object]]::new()
        $slowPath = Join-Path $outFolder 'slow-de-DE.csv'
        Use-Culture 'de-DE' {
            $job | Receive-PinReport | ForEach-Object {
                [Threading.Thread]::Sleep(0)
                if ($null -ne $preparedField.GetValue($_)) { $script:preparedRows++ }
                $script:kept.Add($_)
                $_
            } | Export-Csv -Path $slowPath
        }
        $script:preparedRows | Should -BeGreaterThan 0 -Because 'the worker made cells ahead while the pipeline was behind'
        @($kept | Where-Object { $null -ne $preparedField.GetValue($_) }).Count | Should -Be 0 -Because 'a row drops what was made ahead once it is written'
        $collectedPath = Join-Path $outFolder 'collected-ja-JP.csv'
        Use-Culture 'ja-JP' { $collected | Export-Csv -Path $collectedPath }
        [Convert]::ToBase64String([IO.File]::ReadAllBytes($slowPath)) |
            Should -BeExactly ([Convert]::ToBase64String([IO.File]::ReadAllBytes($collectedPath))) -Because 'rows made ahead export exactly as the others'
    }
}

Describe 'Rows and entities stay typed in every culture' {
    BeforeAll {
        # lval -op rval, evaluated the way the script-block form of Where-Object does.
        function script:Test-Operator($Left, [string] $Operator, $Right) {
            switch ($Operator) {
                'gt' { $Left -gt $Right } 'ge' { $Left -ge $Right } 'lt' { $Left -lt $Right } 'le' { $Left -le $Right }
                'eq' { $Left -eq $Right } 'ne' { $Left -ne $Right } 'in' { $Left -in $Right } 'notin' { $Left -notin $Right }
                'contains' { $Left -contains $Right } 'like' { $Left -like $Right } 'notlike' { $Left -notlike $Right }
                'match' { $Left -match $Right }
            }
        }
        function script:Assert-SameRows($Items, [string] $Column, [string] $Operator, $Value) {
            $parameters = @{ Property = $Column; Value = $Value; $Operator = $true }
            $simple = @($Items | Where-Object @parameters)
            $block = @($Items | Where-Object { Test-Operator $_.$Column $Operator $Value })
            $simple.Count | Should -Be $block.Count -Because "Where-Object $Column -$Operator $Value"
            for ($i = 0; $i -lt $simple.Count; $i++) { [object]::ReferenceEquals($simple[$i], $block[$i]) | Should -BeTrue }
            $simple.Count
        }
    }

    It '<_>: Where-Object COLUMN -op VALUE gives the same rows as Where-Object { $_.COLUMN -op VALUE } on numbers' -ForEach $cultures {
        $rows = $sets.ReportRow
        Use-Culture $_ {
            $middle = @($rows | Sort-Object SPEND_IN_DOLLAR)[[int]($rows.Count / 2)]
            $spend = $middle.SPEND_IN_DOLLAR
            $matched = 0
            foreach ($operator in 'gt', 'ge', 'lt', 'le', 'eq', 'ne') {
                foreach ($value in @($spend, [double]$spend, 50, $spend.ToString([cultureinfo]::InvariantCulture))) {
                    $matched += Assert-SameRows $rows SPEND_IN_DOLLAR $operator $value
                }
            }
            $matched | Should -BeGreaterThan 0
            (Assert-SameRows $rows SPEND_IN_DOLLAR eq $spend) | Should -BeGreaterOrEqual 1
            (Assert-SameRows $rows SPEND_IN_DOLLAR gt 100000) | Should -Be 0 -Because 'no text comparison: "9" is not greater than 100000'
            (Assert-SameRows $rows SPEND_IN_DOLLAR in @($spend, $rows[0].SPEND_IN_DOLLAR)) | Should -BeGreaterOrEqual 1
            $null = Assert-SameRows $rows SPEND_IN_DOLLAR notin @($spend)
            (Assert-SameRows $rows SPEND_IN_DOLLAR contains $spend) | Should -BeGreaterOrEqual 1
            $null = Assert-SameRows $rows SPEND_IN_DOLLAR like '*.5*'
            $null = Assert-SameRows $rows SPEND_IN_DOLLAR notlike '*.5*'
            $null = Assert-SameRows $rows CTR match '^0\.0'
            $null = Assert-SameRows $rows IMPRESSION_1 gt 1000
        }
    }

    It '<_>: Where-Object COLUMN -op VALUE gives the same rows as the script block on dates and timestamps' -ForEach $cultures {
        $rows = $sets.AnalyticsRow
        $campaigns = $sets.Campaign
        Use-Culture $_ {
            $second = @($rows.DATE | Sort-Object -Unique)[1]
            foreach ($operator in 'gt', 'ge', 'lt', 'le', 'eq', 'ne') {
                foreach ($value in @($second, $second.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture))) {
                    $null = Assert-SameRows $rows DATE $operator $value
                }
            }
            (Assert-SameRows $rows DATE eq $second) | Should -BeGreaterThan 0
            (Assert-SameRows $rows DATE in @($second)) | Should -BeGreaterThan 0
            (Assert-SameRows $rows DATE contains $second) | Should -BeGreaterThan 0
            $null = Assert-SameRows $rows DATE like '*2026*'
            $null = Assert-SameRows $rows DATE match '^\d\d/'
            $created = @($campaigns | Where-Object { $null -ne $_.CreatedTime })
            (Assert-SameRows $created CreatedTime le ([DateTimeOffset]::UtcNow)) | Should -Be $created.Count
            $null = Assert-SameRows $created CreatedTime gt $created[0].CreatedTime
            $capped = @($campaigns | Where-Object { $null -ne $_.DailySpendCap })
            $null = Assert-SameRows $capped DailySpendCap ge $capped[0].DailySpendCap
        }
    }

    It '<_>: sorting, measuring, grouping, member access, arithmetic and JSON see the typed values' -ForEach $cultures {
        $rows = $sets.ReportRow
        Use-Culture $_ {
            $rows[0].DATE | Should -BeOfType [datetime]
            $rows[0].SPEND_IN_DOLLAR | Should -BeOfType [decimal]
            $rows[0]['CTR'] | Should -BeOfType [decimal]
            @($rows.SPEND_IN_DOLLAR)[0] | Should -BeOfType [decimal]
            ($rows[0].SPEND_IN_DOLLAR + 1) | Should -Be ([decimal]$rows[0].PSObject.Properties['SPEND_IN_DOLLAR'].Value + 1)
            $typed = @($rows | ForEach-Object { $_.SPEND_IN_DOLLAR })
            ($rows | Measure-Object SPEND_IN_DOLLAR -Sum).Sum | Should -Be ($typed | Measure-Object -Sum).Sum
            ($rows | Measure-Object SPEND_IN_DOLLAR -Maximum).Maximum | Should -Be ($typed | Measure-Object -Maximum).Maximum
            @(($rows | Sort-Object SPEND_IN_DOLLAR).SPEND_IN_DOLLAR) | Should -Be @($typed | Sort-Object)
            @(($rows | Sort-Object DATE, SPEND_IN_DOLLAR -Descending)) | Should -Be @($rows | Sort-Object { $_.DATE }, { $_.SPEND_IN_DOLLAR } -Descending)
            @(($rows | Group-Object DATE).Name) | Should -Be @(($rows | Group-Object { $_.DATE }).Name)
            @($rows | Sort-Object DATE -Unique).Count | Should -Be @($rows.DATE | Sort-Object -Unique).Count
            ($rows | Select-Object SPEND_IN_DOLLAR -First 1).SPEND_IN_DOLLAR | Should -BeOfType [decimal]
            ($rows[0] | ConvertTo-Json -Compress) | Should -Match '"SPEND_IN_DOLLAR":\d+\.\d+[,}]'
            ($rows[0] | ConvertTo-Json -Compress) | Should -Match '"DATE":"\d{4}-\d\d-\d\dT00:00:00"'
        }
    }

    It '<_>: ForEach-Object COLUMN values compare, sum, compute and format as the typed values' -ForEach $cultures {
        # ForEach-Object's member-name form reads the same dictionary view as Export-Csv.
        $rows = $sets.ReportRow
        Use-Culture $_ {
            $viaName = @($rows | ForEach-Object SPEND_IN_DOLLAR)
            $typed = @($rows | ForEach-Object { $_.SPEND_IN_DOLLAR })
            ($viaName | Measure-Object -Sum).Sum | Should -Be ($typed | Measure-Object -Sum).Sum
            ($viaName[0] + 1) | Should -Be ($typed[0] + 1)
            ($viaName[0] + 1) | Should -BeOfType [decimal]
            (2 * $viaName[0]) | Should -Be (2 * $typed[0])
            ($viaName[0] / 4) | Should -Be ($typed[0] / 4)
            [decimal]$viaName[0] | Should -Be $typed[0]
            "$($viaName[0])" | Should -BeExactly "$($typed[0])"
            ('{0:N2}' -f $viaName[0]) | Should -BeExactly ('{0:N2}' -f $typed[0])
            @($viaName | Sort-Object) | Should -Be @($typed | Sort-Object)
            $viaName[0] -eq $typed[0] | Should -BeTrue
            $typed[0] -eq $viaName[0] | Should -BeTrue
            $dates = @($rows | ForEach-Object DATE)
            ($dates[0] - $rows[0].DATE) | Should -Be ([timespan]::Zero)
            ($dates[0] + [timespan]::FromDays(1)) | Should -Be $rows[0].DATE.AddDays(1)
        }
    }
}
