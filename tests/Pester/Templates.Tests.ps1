#Requires -Modules Pester
# Get-PinTemplate (paging, wildcards, typed objects) and template reports through New-PinAsyncReport,
# including the everyday pipeline Get-PinTemplate | New-PinAsyncReport | Wait-PinReport | Receive-PinReport | Export-Csv.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ ReportPreparationMs = 0; CampaignsPerAccount = 3 }
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:accountInfo = $world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1
    $script:account = $accountInfo.id
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
    $script:today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    $script:start = $today.AddDays(-12)
    $script:end = $today.AddDays(-9)
    $script:outFolder = Join-Path ([IO.Path]::GetTempPath()) ("pin-templates-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $outFolder
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
    Remove-Item $outFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-PinTemplate' {
    It 'lists every template of the account, as typed objects' {
        $templates = @(Get-PinTemplate)
        $templates.Count | Should -Be @($accountInfo.templates).Count
        $templates.Id | Should -Be @($accountInfo.templates.id)
        $templates[0].PSTypeNames | Should -Contain 'PinterestAds.PinTemplate'
    }

    It 'follows the bookmark across pages' {
        # More templates than one page holds (page_size is at most 250): a second emulator with a big world.
        $big = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 1; TemplatesPerAccount = 260 }
        try {
            $bigAccount = ((Get-PinTestEmulatorWorld $big).adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
            $session = Connect-PinAccount -ApiBaseUri $big.ApiBaseUri -AccessToken $big.AccessToken -NoDefault
            @(Get-PinTemplate -AdAccountId $bigAccount -Session $session).Count | Should -Be 260
            @(Get-PinTestEmulatorRequest $big -OperationId 'templates/list').Count | Should -Be 2
        } finally { Stop-PinTestEmulator $big }
    }

    It 'carries level, columns, granularity and windows' {
        $template = Get-PinTemplate -Id $accountInfo.templates[0].id
        $truth = $accountInfo.templates[0]
        $template.Name | Should -Be $truth.name
        $template.Level | Should -Be $truth.reportLevel
        $template.Columns | Should -Be @($truth.columns)
        $template.Granularity | Should -Be $truth.granularity
        $template.ClickWindowDays | Should -BeOfType ([int])
        $template.TemplateId | Should -Be $template.Id
        $template.AdAccountId | Should -Be $account
    }

    It 'filters by name with wildcards' {
        $weekly = @(Get-PinTemplate -Name 'Weekly*')
        $weekly.Count | Should -Be @($accountInfo.templates | Where-Object name -like 'Weekly*').Count
        $weekly.Count | Should -BeGreaterThan 0
        @(Get-PinTemplate -Name 'no such template*').Count | Should -Be 0
    }

    It 'takes the ad account from the pipeline' {
        $templates = @([pscustomobject]@{ AdAccountId = $account } | Get-PinTemplate -Name $accountInfo.templates[1].name)
        $templates[0].Id | Should -Be $accountInfo.templates[1].id
    }
}

Describe 'Template reports' {
    It 'runs the everyday pipeline into Export-Csv with the ground-truth rows' {
        $template = Get-PinTemplate -Name 'Weekly campaign*'
        $template.Level | Should -Be 'CAMPAIGN'
        $path = Join-Path $outFolder 'weekly.csv'
        Get-PinTemplate -Name 'Weekly campaign*' | New-PinAsyncReport -StartDate $start -EndDate $end | Wait-PinReport | Receive-PinReport | Export-Csv $path
        $rows = @(Import-Csv $path)
        @($rows[0].PSObject.Properties.Name) | Should -Be (@('AdAccountId', 'Currency', 'Level', 'CAMPAIGN_ID', 'DATE') + $template.Columns)
        $numeric = $template.Columns | Where-Object { $_ -notlike '*NAME*' -and $_ -notlike '*STATUS*' }
        $typed = @(Get-PinTemplate -Name 'Weekly campaign*' | New-PinAsyncReport -StartDate $start -EndDate $end | Wait-PinReport | Receive-PinReport)
        $rows.Count | Should -Be $typed.Count
        Assert-RowsMatchTruth $typed (Get-ExpectedReportRow $emu $account 'CAMPAIGN' $start $end $template.Granularity $template.Columns) 'CAMPAIGN_ID' $numeric
    }

    It 'remembers the template''s level, columns and format in the job' {
        $template = Get-PinTemplate | Where-Object ReportFormat -eq 'JSON' | Select-Object -First 1
        $job = $template | New-PinAsyncReport -StartDate $start -EndDate $end
        $job.Kind | Should -Be 'Template'
        $job.TemplateId | Should -Be $template.Id
        $job.Level | Should -Be $template.Level
        $job.Columns | Should -Be $template.Columns
        $job.Format | Should -Be 'Json'
        $rows = @($job | Wait-PinReport | Receive-PinReport)
        $rows.Count | Should -BeGreaterThan 0
        @($rows[0].PSObject.Properties.Name | Select-Object -Last $template.Columns.Count) | Should -Be $template.Columns
    }

    It 'uses the template''s own date range and granularity when none are given' {
        $template = Get-PinTemplate | Select-Object -First 1
        $job = $template | New-PinAsyncReport
        $job.Granularity | Should -Be $template.Granularity
        $job.StartDate | Should -Be $today.AddDays(-$template.StartDaysInPast)
        Clear-PinTestEmulatorRequest $emu
        $null = $template | New-PinAsyncReport -StartDate $start -EndDate $end -Granularity Total
        $query = (Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_template_report').queryString
        $query | Should -BeLike "*start_date=$($start.ToString('yyyy-MM-dd'))*"
        $query | Should -BeLike '*granularity=TOTAL*'
    }

    It 'runs a range beyond 186 days as one template report (templates allow 2.5 years)' {
        $jobs = @(Get-PinTemplate | Select-Object -First 1 | New-PinAsyncReport -StartDate $today.AddDays(-300) -EndDate $today.AddDays(-2))
        $jobs.Count | Should -Be 1
    }

    It 'reports an unknown template as NotFound' {
        $null = New-PinAsyncReport -TemplateId 999999999 -StartDate $start -EndDate $end -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
    }
}

Describe 'Template completion' {
    It 'the first Tab lists the templates when the session has not, later Tabs use the cache' {
        $other = Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account -NoDefault
        $expected = @(Get-PinTemplate -Session $other | ForEach-Object Id | Sort-Object)
        $expected.Count | Should -BeGreaterThan 0
        # A new default session: nothing listed yet.
        Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $account
        $line = 'New-PinAsyncReport -TemplateId '
        $watch = [Diagnostics.Stopwatch]::StartNew()
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object) | Should -Be $expected
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        Clear-PinTestEmulatorRequest $emu
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object) | Should -Be $expected
        @(Get-PinTestEmulatorRequest $emu -PathLike '/v5/*').Count | Should -Be 0
        Disconnect-PinAccount -Session $other
    }
}
