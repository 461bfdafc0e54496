#Requires -Modules Pester
# Rows (Get-PinAnalytics, Get-PinTargetingAnalytics, Receive-PinReport) as PowerShell objects. Rows are
# read-only dictionaries of column to value, which is what makes Export-Csv fast (issue #5's benchmark);
# these tests pin down that, to a user, they still behave as plain objects whose properties are exactly
# the columns: member lists, formatting, Export-Csv output, JSON, counting and indexing, read-only errors.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-12)
    $script:end = $today.AddDays(-9)
    $script:metrics = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CTR', 'TOTAL_CONVERSIONS'
    $script:outFolder = Join-Path ([IO.Path]::GetTempPath()) ("pin-rows-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $outFolder

    $script:reportJob = New-PinAsyncReport -Level Campaign -StartDate $start -EndDate $end -Column $metrics -Granularity Day | Wait-PinReport
    function script:Get-FreshRows([string] $Kind) {
        if ($Kind -eq 'report') { $reportJob | Receive-PinReport }
        else { Get-PinCampaign | Get-PinAnalytics -StartDate $start -EndDate $end -Column $metrics -Granularity Day }
    }
    $script:reportRows = @(Get-FreshRows 'report')
    $script:analyticsRows = @(Get-FreshRows 'analytics')
    function script:Get-Rows([string] $Kind) { if ($Kind -eq 'report') { $reportRows } else { $analyticsRows } }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
    Remove-Item $outFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Rows are objects whose properties are exactly the columns' -ForEach @(
    @{ Kind = 'report'; Columns = @('AdAccountId', 'Currency', 'Level', 'CAMPAIGN_ID', 'DATE', 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CTR', 'TOTAL_CONVERSIONS') }
    @{ Kind = 'analytics'; Columns = @('AdAccountId', 'Currency', 'Level', 'CAMPAIGN_ID', 'DATE', 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CTR', 'TOTAL_CONVERSIONS') }
) {
    BeforeAll { $script:rows = Get-Rows $Kind; $script:row = $rows[0] }

    It '<Kind> rows: PSObject.Properties, Get-Member and Select-Object * list the columns and nothing else' {
        $rows.Count | Should -BeGreaterThan 3
        @($row.PSObject.Properties.Name) | Should -Be $Columns
        @(($row | Get-Member -MemberType Properties).Name | Sort-Object) | Should -Be @($Columns | Sort-Object)
        @(($row | Select-Object *).PSObject.Properties.Name) | Should -Be $Columns
        $row.PSTypeNames | Should -Contain 'PinterestAds.PinRow'
    }

    It '<Kind> rows: Export-Csv writes the same file as for plain objects holding the values'' invariant text' {
        $fast = Join-Path $outFolder "$Kind-fast.csv"
        $plain = Join-Path $outFolder "$Kind-plain.csv"
        $rows | Export-Csv $fast
        $rows | ForEach-Object {
            $plainRow = [ordered]@{}
            foreach ($p in $_.PSObject.Properties) {
                # ISO dates and invariant numbers, whatever the culture (CsvCultures.Tests.ps1 covers every culture).
                $plainRow[$p.Name] = if ($p.Value -is [datetime]) { $p.Value.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) }
                elseif ($p.Value -is [decimal]) { $p.Value.ToString([cultureinfo]::InvariantCulture) } else { $p.Value }
            }
            [pscustomobject]$plainRow
        } | Export-Csv $plain
        (Get-Content $fast -Raw) | Should -BeExactly (Get-Content $plain -Raw)
        @(Get-Content $fast).Count | Should -Be ($rows.Count + 1)
        (Get-Content $fast -TotalCount 1) | Should -BeExactly (($Columns | ForEach-Object { '"' + $_ + '"' }) -join ',')
        @($rows | ConvertTo-Csv) | Should -Be @(Get-Content $fast)
    }

    It '<Kind> rows: a property added with Add-Member is exported too' {
        # Fresh rows: instance members stay on the objects they were added to.
        $extra = Get-FreshRows $Kind | Select-Object -First 2
        $extra | Add-Member -NotePropertyName Team -NotePropertyValue 'EMEA'
        $lines = @($extra | ConvertTo-Csv)
        $lines[0] | Should -BeExactly ((@($Columns) + 'Team' | ForEach-Object { '"' + $_ + '"' }) -join ',')
        $lines[1] | Should -BeLike '*,"EMEA"'
    }

    It '<Kind> rows: Format-Table and Format-List show columns, not Name/Value pairs' {
        $table = ($rows | Select-Object -First 3 | Format-Table | Out-String -Width 400)
        $table | Should -Match 'SPEND_IN_DOLLAR'
        $table | Should -Not -Match '(?m)^Name\s+Value'
        $list = ($row | Format-List | Out-String -Width 400)
        $list | Should -Match '(?m)^SPEND_IN_DOLLAR\s*: '
        $list | Should -Not -Match '(?m)^Name\s*: '
        ($row | Out-String -Width 400) | Should -Not -Match '(?m)^Name\s+Value'
    }

    It '<Kind> rows: ConvertTo-Json writes one object with the columns, values typed' {
        $json = $row | ConvertTo-Json -Compress | ConvertFrom-Json
        @($json.PSObject.Properties.Name) | Should -Be $Columns
        $json.SPEND_IN_DOLLAR | Should -Be $row.SPEND_IN_DOLLAR
        $json.IMPRESSION_1 | Should -BeOfType [long]
    }

    It '<Kind> rows: one row counts as one and indexes as itself; Keys and the indexer give the columns' {
        $single = Get-Rows $Kind | Select-Object -First 1
        $single.Count | Should -Be 1
        @($single).Count | Should -Be 1
        $single[0].CAMPAIGN_ID | Should -Be $single.CAMPAIGN_ID
        @($single.Keys) | Should -Be $Columns
        $single['spend_in_dollar'] | Should -Be $single.SPEND_IN_DOLLAR
        $single.SPEND_IN_DOLLAR | Should -BeOfType [decimal]
        $single.DATE | Should -BeOfType [datetime]
        @(foreach ($item in $single) { $item }).Count | Should -Be 1
    }

    It '<Kind> rows: Where-Object, Sort-Object, Group-Object and Measure-Object work on columns' {
        $sum = ($rows | Measure-Object SPEND_IN_DOLLAR -Sum).Sum
        $sum | Should -Be ([decimal](($rows | ForEach-Object SPEND_IN_DOLLAR) | Measure-Object -Sum).Sum)
        $top = $rows | Sort-Object SPEND_IN_DOLLAR -Descending | Select-Object -First 1
        $top.SPEND_IN_DOLLAR | Should -Be ($rows.SPEND_IN_DOLLAR | Sort-Object -Descending | Select-Object -First 1)
        @($rows | Group-Object CAMPAIGN_ID).Count | Should -Be @($rows.CAMPAIGN_ID | Sort-Object -Unique).Count
        @($rows | Where-Object IMPRESSION_1 -ge 0).Count | Should -Be $rows.Count
    }

    It '<Kind> rows: are read-only, with an error that says how to add a value' {
        { $row.SPEND_IN_DOLLAR = 1 } | Should -Throw '*read-only*Select-Object*'
        # Index assignment fails too (PowerShell finds no settable indexer among the two views).
        { $row['CTR'] = 1 } | Should -Throw
        $calculated = $row | Select-Object *, @{ Name = 'CPM'; Expression = { 1000 * $_.SPEND_IN_DOLLAR / [math]::Max(1, $_.IMPRESSION_1) } }
        @($calculated.PSObject.Properties.Name) | Should -Be (@($Columns) + 'CPM')
    }
}

Describe 'Rows stay typed in every culture' {
    BeforeAll {
        $script:savedCulture = [cultureinfo]::CurrentCulture
        function script:Get-CsvIn([string] $Culture, $Rows) {
            [cultureinfo]::CurrentCulture = [cultureinfo]::new($Culture)
            try { ($Rows | ConvertTo-Csv) -join "`n" } finally { [cultureinfo]::CurrentCulture = $savedCulture }
        }
    }
    AfterAll { [cultureinfo]::CurrentCulture = $savedCulture }

    It '<_> rows: Where-Object and ForEach-Object simplified syntax see typed values, so comparisons are numeric' -ForEach 'report', 'analytics' {
        # Export-Csv and Where-Object's simplified syntax read the same dictionary view; text there
        # would compare '25.5' -gt 100 as strings and return wrong rows without a word.
        $rows = Get-Rows $_
        [cultureinfo]::CurrentCulture = [cultureinfo]::new('de-DE')
        try {
            $threshold = ($rows | Measure-Object SPEND_IN_DOLLAR -Average).Average
            $simple = @($rows | Where-Object SPEND_IN_DOLLAR -gt $threshold)
            $block = @($rows | Where-Object { $_.SPEND_IN_DOLLAR -gt $threshold })
            $simple.Count | Should -Be $block.Count
            $simple.Count | Should -BeGreaterThan 0
            # ForEach-Object's member-name form reads the same view: its values compare and compute as the typed ones.
            @($rows | ForEach-Object SPEND_IN_DOLLAR)[0] -eq $rows[0].SPEND_IN_DOLLAR | Should -BeTrue
            (@($rows | ForEach-Object SPEND_IN_DOLLAR)[0] + 1) | Should -BeOfType [decimal]
            @($rows | Where-Object DATE -ge $rows[0].DATE).Count | Should -Be @($rows | Where-Object { $_.DATE -ge $rows[0].DATE }).Count
        } finally { [cultureinfo]::CurrentCulture = $savedCulture }
    }

    It '<_> rows: in de-DE the values stay typed for member access, indexing, sorting, measuring and JSON' -ForEach 'report', 'analytics' {
        $rows = Get-Rows $_
        [cultureinfo]::CurrentCulture = [cultureinfo]::new('de-DE')
        try {
            $rows[0].DATE | Should -BeOfType [datetime]
            $rows[0]['DATE'] | Should -BeOfType [datetime]
            $rows[0].CTR | Should -BeOfType [decimal]
            $rows[0].PSObject.Properties['SPEND_IN_DOLLAR'].Value | Should -BeOfType [decimal]
            ($rows | Select-Object SPEND_IN_DOLLAR -First 1).SPEND_IN_DOLLAR | Should -BeOfType [decimal]
            $max = ($rows | Measure-Object SPEND_IN_DOLLAR -Maximum).Maximum
            ($rows | Sort-Object SPEND_IN_DOLLAR -Descending | Select-Object -First 1).SPEND_IN_DOLLAR | Should -Be $max
            @($rows | Where-Object { $_.SPEND_IN_DOLLAR -gt 0 }).Count | Should -BeGreaterThan 0
            ($rows[0] | ConvertTo-Json -Compress) | Should -Match '"CTR":0\.\d'
        } finally { [cultureinfo]::CurrentCulture = $savedCulture }
    }
}

Describe 'Rows print as tables that fit 80 columns' {
    It '<_> rows: keys and the first metrics in a table, not a list, at 80 columns' -ForEach 'report', 'analytics' {
        $rows = Get-Rows $_
        $lines = @(($rows | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^CAMPAIGN_ID\s+DATE\s+SPEND_IN_DOLLAR\b'
        $lines.Count | Should -Be ($rows.Count + 2) -Because 'one header, one rule and one line per row'
        @($lines | Where-Object Length -gt 80) | Should -BeNullOrEmpty
        $lines[2] | Should -Match ('^' + $rows[0].CAMPAIGN_ID + '\s+' + $rows[0].DATE.ToString('yyyy-MM-dd'))
    }

    It 'targeting rows show the targeting name as a key' {
        $targeting = @(Get-PinTargetingAnalytics -Level AdAccount -TargetingType Location -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1 -WarningAction SilentlyContinue | Select-Object -First 5)
        $lines = @(($targeting | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match 'TargetingName\s+SPEND_IN_DOLLAR'
        @($lines | Where-Object Length -gt 80) | Should -BeNullOrEmpty
    }
}

Describe 'Rows with missing values' {
    It 'a missing metric exports as an empty field (PowerShell 7.6 Export-Csv fails on null dictionary values)' {
        # Sync analytics leave metrics without activity out (null); the emulator's async reports zero-fill
        # them, and report rows share this code (PinRow), covered in the engine's unit tests.
        $rows = $analyticsRows
        # TOTAL_CONVERSIONS is missing (null) on rows without conversions in the emulator's world.
        $sparse = @($rows | Where-Object { $null -eq $_.TOTAL_CONVERSIONS })
        $sparse.Count | Should -BeGreaterThan 0 -Because 'the emulator omits zero metrics'
        $lines = @($sparse | ConvertTo-Csv)
        $lines.Count | Should -Be ($sparse.Count + 1)
        $lines[1] | Should -BeLike '*,'
        $lines[1] | Should -Match ('"' + $sparse[0].DATE.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) + '"')
    }
}

Describe 'The module names its hidden-member attribute once, on import (no cmdlet sets an engine static)' {
    BeforeAll {
        $script:hiddenMembers = $reportRows[0].GetType().BaseType.Assembly.GetType('PinterestAds.Engine.Formatting.HiddenMembers', $true)
    }

    It 'importing again (every runspace does) is a no-op, and the rows made after it still hide the dictionary members' {
        Import-Module PinterestAds -Force
        { $hiddenMembers::Initialise([System.Management.Automation.HiddenAttribute]) } | Should -Not -Throw
        $row = @(Get-FreshRows 'report')[0]
        @($row.PSObject.Properties.Name) | Should -Not -Contain 'Keys'
        @($row.PSObject.Properties.Name) | Should -Not -Contain 'IsReadOnly'
    }

    It 'another attribute is refused, so every generated type of the process hides the same way' {
        $thrown = { $hiddenMembers::Initialise([System.ObsoleteAttribute]) } | Should -Throw -PassThru
        $thrown.Exception.InnerException | Should -BeOfType ([InvalidOperationException])
        $thrown.Exception.InnerException.Message | Should -BeLike '*already System.Management.Automation.HiddenAttribute*'
    }
}
