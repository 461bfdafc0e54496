#Requires -Modules Pester
# Every analytics and report row carries its ad account's currency, and -CurrencyUnits turns the
# micro-dollar columns into exact amounts in that currency (*_IN_LOCAL_CURRENCY, decimal): a JPY and a
# USD account of the emulator, on the sync, async and report paths, compared with the emulator's ground
# truth. KEYWORD report rows carry the keyword text, as Get-PinAnalytics -Level Keyword rows do.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    # 6 campaigns x 2 ad groups: more ad groups than the keyword lookup lists one by one (8).
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 6 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:yen = $world.adAccounts | Where-Object currency -eq 'JPY' | Select-Object -First 1
    $script:dollar = $world.adAccounts | Where-Object { $_.currency -eq 'USD' -and $_.access -eq 'OWNER' } | Select-Object -First 1
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $dollar.id
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-10)
    $script:end = $today.AddDays(-8)
    $script:columns = 'SPEND_IN_MICRO_DOLLAR', 'IMPRESSION_1', 'CPC_IN_MICRO_DOLLAR'

    function script:Get-DayKey($Date) { ([datetime]$Date).ToString('yyyy-MM-dd') }

    # Each row: its account's id and currency, and every micro-dollar column as the exact amount in currency units.
    function script:Assert-AccountRowsInUnits($Rows, $Account) {
        $truth = @{}
        foreach ($want in (Get-ExpectedReportRow $emu $Account.id 'ADVERTISER' $start $end 'DAY' $columns)) { $truth[(Get-DayKey $want.DATE)] = $want }
        $truth.Count | Should -BeGreaterThan 0
        @($Rows).Count | Should -Be $truth.Count
        foreach ($row in $Rows) {
            $row.AdAccountId | Should -Be $Account.id
            $row.Currency | Should -Be $Account.currency
            $row.PSObject.Properties.Name | Should -Not -Contain 'SPEND_IN_MICRO_DOLLAR'
            $want = $truth[(Get-DayKey $row.DATE)]
            $want | Should -Not -BeNullOrEmpty
            foreach ($micro in 'SPEND_IN_MICRO_DOLLAR', 'CPC_IN_MICRO_DOLLAR') {
                $name = $micro -replace '_IN_MICRO_DOLLAR$', '_IN_LOCAL_CURRENCY'
                $value = $row.$name
                $value | Should -BeOfType [decimal]
                # Exact: the micro-units divided by a million in decimal arithmetic, never through a double.
                $value | Should -Be ([decimal]::Parse("$($want.$micro)", [cultureinfo]::InvariantCulture) / 1000000) -Because "$name of $($row.DATE)"
            }
            [long]$row.IMPRESSION_1 | Should -Be ([long]$want.IMPRESSION_1)
            # The emulator's yen amounts are whole yen: shown as such (1500, not 1500.000000).
            if ($Account.currency -eq 'JPY') { $row.SPEND_IN_LOCAL_CURRENCY.ToString([cultureinfo]::InvariantCulture) | Should -Match '^\d+$' }
        }
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'The emulator has a JPY account next to its USD ones' {
    It 'lists accounts in JPY and USD, and ad_accounts/get says so' {
        $yen | Should -Not -BeNullOrEmpty
        $dollar | Should -Not -BeNullOrEmpty
        (Get-PinAdAccount -Id $yen.id).Currency | Should -Be 'JPY'
        (Get-PinAdAccount -Id $dollar.id).Currency | Should -Be 'USD'
    }
}

Describe 'Rows carry the currency and, with -CurrencyUnits, exact amounts' {
    It '<Path> rows of the <Currency> account' -ForEach @(
        @{ Path = 'sync analytics'; Currency = 'JPY' }
        @{ Path = 'sync analytics'; Currency = 'USD' }
        @{ Path = 'async analytics'; Currency = 'JPY' }
        @{ Path = 'async analytics'; Currency = 'USD' }
        @{ Path = 'report'; Currency = 'JPY' }
        @{ Path = 'report'; Currency = 'USD' }
    ) {
        $account = if ($Currency -eq 'JPY') { $yen } else { $dollar }
        $rows = switch ($Path) {
            'sync analytics' { @(Get-PinAnalytics -AdAccountId $account.id -StartDate $start -EndDate $end -Granularity Day -Column $columns -Mode Sync -CurrencyUnits) }
            'async analytics' { @(Get-PinAnalytics -AdAccountId $account.id -StartDate $start -EndDate $end -Granularity Day -Column $columns -Mode Async -CurrencyUnits) }
            'report' { @(Invoke-PinReport -AdAccountId $account.id -Level Advertiser -StartDate $start -EndDate $end -Granularity Day -Column $columns -CurrencyUnits) }
        }
        @($rows[0].PSObject.Properties.Name)[0..2] | Should -Be 'AdAccountId', 'Currency', 'Level'
        @($rows[0].PSObject.Properties.Name) | Should -Contain 'SPEND_IN_LOCAL_CURRENCY'
        Assert-AccountRowsInUnits $rows $account
    }

    It 'without the switch, the micro-dollar columns stay integers under their own names, and rows still carry the currency' {
        $rows = @(Invoke-PinReport -AdAccountId $yen.id -Level Advertiser -StartDate $start -EndDate $end -Granularity Day -Column $columns)
        $rows[0].Currency | Should -Be 'JPY'
        $rows[0].SPEND_IN_MICRO_DOLLAR | Should -BeOfType [long]
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'SPEND_IN_LOCAL_CURRENCY'
        $sync = @(Get-PinAnalytics -AdAccountId $yen.id -StartDate $start -EndDate $end -Granularity Day -Column $columns -Mode Sync)
        $sync[0].Currency | Should -Be 'JPY'
        $sync[0].SPEND_IN_MICRO_DOLLAR | Should -BeOfType [long]
    }

    It 'Get-PinTargetingAnalytics takes the switch too' {
        $rows = @(Get-PinTargetingAnalytics -AdAccountId $yen.id -TargetingType Gender -StartDate $start -EndDate $end -Granularity Day -Column SPEND_IN_MICRO_DOLLAR -CurrencyUnits)
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object { $_.Currency | Should -Be 'JPY'; $_.SPEND_IN_LOCAL_CURRENCY | Should -BeOfType [decimal] }
    }

    It 'several jobs of two accounts in one stream keep ReportToken and TemplateId first, and each row its own currency' {
        $jobs = @(
            New-PinAsyncReport -AdAccountId $yen.id -Level Advertiser -StartDate $start -EndDate $end -Granularity Day -Column $columns
            New-PinAsyncReport -AdAccountId $dollar.id -Level Advertiser -StartDate $start -EndDate $end -Granularity Day -Column $columns
        )
        $rows = @($jobs | Wait-PinReport | Receive-PinReport -CurrencyUnits)
        @($rows[0].PSObject.Properties.Name)[0..4] | Should -Be 'ReportToken', 'TemplateId', 'AdAccountId', 'Currency', 'Level'
        Assert-AccountRowsInUnits @($rows | Where-Object ReportToken -eq $jobs[0].Token) $yen
        Assert-AccountRowsInUnits @($rows | Where-Object ReportToken -eq $jobs[1].Token) $dollar
    }

    It 'a job made from its bare token still carries the currency (Level is empty: the token does not say it)' {
        $job = New-PinAsyncReport -AdAccountId $yen.id -Level Advertiser -StartDate $start -EndDate $end -Granularity Day -Column $columns | Wait-PinReport
        $rows = @(Get-PinReport -AdAccountId $yen.id -Token $job.Token | Receive-PinReport -CurrencyUnits)
        $rows[0].Level | Should -BeNullOrEmpty
        Assert-AccountRowsInUnits $rows $yen
    }

    It 'refuses -CurrencyUnits with -OutFile before any request (the file is Pinterest''s, as it is)' {
        Clear-PinTestEmulatorRequest $emu
        $job = New-PinAsyncReport -AdAccountId $yen.id -Level Advertiser -StartDate $start -EndDate $end -Column SPEND_IN_MICRO_DOLLAR
        Clear-PinTestEmulatorRequest $emu
        $path = Join-Path ([IO.Path]::GetTempPath()) ("pin-units-" + [guid]::NewGuid().ToString('N') + '.csv')
        $caught = $null
        try { $job | Receive-PinReport -OutFile $path -CurrencyUnits -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ParameterNotApplicable,*'
        "$caught" | Should -BeLike '*-CurrencyUnits*-OutFile*'
        Test-Path $path | Should -BeFalse
        @(Get-PinTestEmulatorRequest $emu).Count | Should -Be 0
    }
}

Describe 'KEYWORD report rows carry the keyword text' {
    BeforeAll {
        $script:kwColumns = 'SPEND_IN_DOLLAR', 'IMPRESSION_1', 'CLICKTHROUGH_1'
        $script:account = $world.adAccounts | Where-Object id -eq $dollar.id
        $script:texts = @{}
        foreach ($keyword in @($account.keywords) + @($account.campaigns.adGroups.keywords)) { if ($keyword) { $texts[$keyword.id] = $keyword.value } }
        $script:kwTruth = Get-ExpectedReportRow $emu $dollar.id 'KEYWORD' $start $end 'DAY' $kwColumns
        @($kwTruth).Count | Should -BeGreaterThan 0
    }

    It 'Invoke-PinReport -Level Keyword: KeywordText right after KEYWORD_ID, values equal to the ground truth' {
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Invoke-PinReport -Level Keyword -StartDate $start -EndDate $end -Granularity Day -Column $kwColumns)
        @($rows[0].PSObject.Properties.Name) | Should -Be (@('AdAccountId', 'Currency', 'Level', 'KEYWORD_ID', 'KeywordText', 'DATE') + $kwColumns)
        Assert-RowsMatchTruth $rows $kwTruth 'KEYWORD_ID' $kwColumns
        foreach ($row in $rows) {
            $row.Level | Should -Be 'KEYWORD'
            $row.Currency | Should -Be 'USD'
            $row.KeywordText | Should -Not -BeNullOrEmpty
            $row.KeywordText | Should -Be $texts[$row.KEYWORD_ID] -Because "keyword $($row.KEYWORD_ID)"
        }
        # The file has no AD_GROUP_ID: the account's keywords are listed once, not once per row.
        $listings = @(Get-PinTestEmulatorRequest $emu -OperationId 'keywords/get')
        $listings.Count | Should -BeGreaterThan 0
        $listings.Count | Should -BeLessOrEqual (1 + [math]::Ceiling(@($account.campaigns.adGroups).Count / 250))
    }

    It 'rows that carry AD_GROUP_ID get their ad group''s keywords listed, once per ad group, then the whole account once' {
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Invoke-PinReport -Level Keyword -StartDate $start -EndDate $end -Granularity Day -Column (@('AD_GROUP_ID') + $kwColumns))
        $rows.Count | Should -BeGreaterThan 0
        foreach ($row in $rows) { $row.KeywordText | Should -Not -BeNullOrEmpty; $row.KeywordText | Should -Be $texts[$row.KEYWORD_ID] }
        $adGroups = @($rows.AD_GROUP_ID | Sort-Object -Unique).Count
        $adGroups | Should -BeGreaterThan 8 -Because 'the world has more delivering ad groups than are listed one by one'
        # 8 ad groups one by one, then one account listing: its ad groups, their keywords (one chunk), the account's own.
        @(Get-PinTestEmulatorRequest $emu -OperationId 'ad_groups/list').Count | Should -Be 1
        @(Get-PinTestEmulatorRequest $emu -OperationId 'keywords/get').Count | Should -Be (8 + 2)
    }

    It 'a KEYWORD report filtered to a few ad groups lists only theirs' {
        $two = @($account.campaigns.adGroups.id)[0..1]
        Clear-PinTestEmulatorRequest $emu
        $rows = @(Invoke-PinReport -Level Keyword -AdGroupId $two -StartDate $start -EndDate $end -Granularity Day -Column (@('AD_GROUP_ID') + $kwColumns))
        $rows.Count | Should -BeGreaterThan 0
        foreach ($row in $rows) { $row.KeywordText | Should -Be $texts[$row.KEYWORD_ID] }
        @(Get-PinTestEmulatorRequest $emu -OperationId 'ad_groups/list').Count | Should -Be 0
        @(Get-PinTestEmulatorRequest $emu -OperationId 'keywords/get').Count | Should -Be @($rows.AD_GROUP_ID | Sort-Object -Unique).Count
    }

    It 'a KEYWORD job received from its bare token gets the texts as well' {
        $job = New-PinAsyncReport -Level Keyword -StartDate $start -EndDate $end -Granularity Day -Column $kwColumns -Format Json | Wait-PinReport
        $rows = @(Get-PinReport -Token $job.Token | Receive-PinReport)
        Assert-RowsMatchTruth $rows $kwTruth 'KEYWORD_ID' $kwColumns
        foreach ($row in $rows) { $row.KeywordText | Should -Not -BeNullOrEmpty; $row.KeywordText | Should -Be $texts[$row.KEYWORD_ID] }
    }
}

Describe 'An account whose currency cannot be read' {
    It 'still gets its rows, with Currency empty and a warning that says why' {
        # A fresh session: nothing cached, so the rows' currency is read now, and refused once.
        Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $yen.id
        Add-PinTestEmulatorFault $emu -Kind status -Target 'ad_accounts/get' -Status 403 -Count 1
        $rows = @(Invoke-PinReport -Level Advertiser -StartDate $start -EndDate $end -Granularity Day -Column $columns -WarningVariable warnings -WarningAction SilentlyContinue)
        $rows.Count | Should -Be @(Get-ExpectedReportRow $emu $yen.id 'ADVERTISER' $start $end 'DAY' $columns | ForEach-Object { $_ }).Count
        $rows.Count | Should -BeGreaterThan 1
        $rows | ForEach-Object { $_.Currency | Should -BeNullOrEmpty; $_.AdAccountId | Should -Be $yen.id }
        "$warnings" | Should -BeLike "*currency of ad account $($yen.id) could not be read*"
    }
}
