#Requires -Modules Pester
# Get-PinAdAccount, Get-PinCampaign, Get-PinAdGroup, Get-PinAd, Get-PinProductGroup against the
# emulator's world: paging to the end, stopping early, filters, pipeline binding and batching,
# validation before any request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator -Option @{ CampaignsPerAccount = 7; AdGroupsPerCampaign = 2; AdsPerAdGroup = 2 }
    Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken
    $script:world = Get-PinTestEmulatorWorld $emu
    $script:account = $world.adAccounts | Where-Object access -ne 'FORBIDDEN' | Select-Object -First 1
    $script:deniedAccount = $world.adAccounts | Where-Object access -eq 'FORBIDDEN' | Select-Object -First 1
    $script:visible = 'ACTIVE', 'PAUSED'

}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Get-PinAdAccount' {
    It 'lists the accounts the token can see, as typed objects' {
        $accounts = @(Get-PinAdAccount)
        $accounts.Count | Should -BeGreaterThan 0
        $accounts[0].PSTypeNames | Should -Contain 'PinterestAds.PinAdAccount'
        $accounts.Id | Should -Contain $account.id
        $accounts[0].AdAccountId | Should -Be $accounts[0].Id
    }

    It 'gets accounts by id, and reports a forbidden one as a non-terminating PermissionDenied error' {
        $result = @(Get-PinAdAccount -Id $account.id, $deniedAccount.id -ErrorVariable failures -ErrorAction SilentlyContinue)
        $result.Id | Should -Be @($account.id)
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PermissionDenied,*'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].TargetObject | Should -Be $deniedAccount.id
    }
}

Describe 'Get-PinCampaign' {
    It 'returns exactly the world''s active and paused campaigns, each carrying its ad account and id' {
        $expected = $account.campaigns | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id)
        ($campaigns.Id | Sort-Object) | Should -Be $expected
        $campaigns | ForEach-Object { $_.AdAccountId | Should -Be $account.id; $_.CampaignId | Should -Be $_.Id }
        $campaigns[0].PSTypeNames | Should -Contain 'PinterestAds.PinEntity'
    }

    It 'follows the bookmark to the end with small pages' {
        Clear-PinTestEmulatorRequest $emu
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id -PageSize 2)
        $pages = @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/campaigns')
        $campaigns.Count | Should -Be @($account.campaigns | Where-Object status -in $visible).Count
        $pages.Count | Should -BeGreaterOrEqual ([math]::Ceiling($campaigns.Count / 2))
        $pages.Count | Should -BeLessOrEqual ([math]::Ceiling($campaigns.Count / 2) + 1) -Because 'one request per page, and at most one empty last page'
    }

    It 'stops requesting pages when the pipeline stops' {
        Clear-PinTestEmulatorRequest $emu
        $first = @(Get-PinCampaign -AdAccountId $account.id -PageSize 1 | Select-Object -First 2)
        $first.Count | Should -Be 2
        $pages = @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/campaigns').Count
        $pages | Should -Be 2 -Because 'the next page is requested only when downstream wants more'
        $pages | Should -BeLessThan (@($account.campaigns | Where-Object status -in $visible).Count)
    }

    It 'filters by status, in either spelling' {
        $archived = $account.campaigns | Where-Object status -eq 'ARCHIVED' | ForEach-Object id | Sort-Object
        (@(Get-PinCampaign -AdAccountId $account.id -Status Archived).Id | Sort-Object) | Should -Be $archived
        (@(Get-PinCampaign -AdAccountId $account.id -Status ARCHIVED).Id | Sort-Object) | Should -Be $archived
        (@(Get-PinCampaign -AdAccountId $account.id -Status archived).Id | Sort-Object) | Should -Be $archived
    }

    It 'filters by name with wildcards, ignoring case, after listing' {
        $all = @(Get-PinCampaign -AdAccountId $account.id)
        $word = ($all[0].Name -split ' ')[0]
        $expected = @($all | Where-Object Name -like "$word*")
        $named = @(Get-PinCampaign -AdAccountId $account.id -Name "$($word.ToUpperInvariant())*")
        $named.Id | Should -Be $expected.Id
        @(Get-PinCampaign -AdAccountId $account.id -Name 'no such campaign*').Count | Should -Be 0
        @(Get-PinCampaign -AdAccountId $account.id -Name $all[0].Name, $all[1].Name).Id | Should -Be @($all[0].Id, $all[1].Id)
    }

    It 'gets campaigns by id' {
        $ids = @($account.campaigns | Where-Object status -in $visible | Select-Object -First 2 -ExpandProperty id)
        (@(Get-PinCampaign -AdAccountId $account.id -Id $ids).Id | Sort-Object) | Should -Be ($ids | Sort-Object)
    }

    It 'binds the ad account from piped ad accounts' {
        $campaigns = @(Get-PinAdAccount -Id $account.id | Get-PinCampaign)
        $campaigns.Count | Should -Be @($account.campaigns | Where-Object status -in $visible).Count
    }

    It 'refuses bad ids before any request' -TestCases @(
        @{ Id = 'abc'; ErrorId = 'IdNotNumeric' }
        @{ Id = '1234567890123456789'; ErrorId = 'IdTooLong' }
    ) {
        param($Id, $ErrorId)
        Clear-PinTestEmulatorRequest $emu
        Get-PinCampaign -AdAccountId $account.id -Id $Id -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -Match '-Id'
        @(Get-PinTestEmulatorRequest $emu).Count | Should -Be 0
    }

    It 'needs an ad account, and says how to give one' {
        Get-PinCampaign -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'AdAccountIdRequired,*'
        $failure[0].Exception.Message | Should -Match 'Connect-PinAccount -AdAccountId'
    }
}

Describe 'Get-PinAdGroup, Get-PinAd and Get-PinProductGroup' {
    It 'lists the ad groups of piped campaigns in one batched request' {
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id)
        Clear-PinTestEmulatorRequest $emu
        $groups = @($campaigns | Get-PinAdGroup)
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -like '*/ad_groups').Count | Should -Be 1
        $expected = $account.campaigns | Where-Object { $_.id -in $campaigns.Id } | ForEach-Object adGroups | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        ($groups.Id | Sort-Object) | Should -Be $expected
        $groups | ForEach-Object { $_.CampaignId | Should -BeIn $campaigns.Id }
    }

    It 'lists the ads of piped ad groups' {
        $groups = @(Get-PinCampaign -AdAccountId $account.id | Get-PinAdGroup)
        $ads = @($groups | Get-PinAd)
        $expected = $account.campaigns.adGroups | Where-Object { $_.id -in $groups.Id } | ForEach-Object ads | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        ($ads.Id | Sort-Object) | Should -Be $expected
        $ads | ForEach-Object { $_.AdGroupId | Should -BeIn $groups.Id; $_.AdAccountId | Should -Be $account.id }
    }

    It 'lists the ads of piped campaigns' {
        $campaign = Get-PinCampaign -AdAccountId $account.id | Select-Object -First 1
        $ads = @($campaign | Get-PinAd)
        $ads | ForEach-Object { $_.CampaignId | Should -Be $campaign.Id }
    }

    It 'lists product group promotions, of all piped ad groups or of one' {
        # The API lists promotions only by ids or by ad group (product_group_promotions/list).
        $all = @(Get-PinAdGroup -AdAccountId $account.id | Get-PinProductGroup)
        $all.Count | Should -BeGreaterThan 0
        $all[0].PSTypeNames | Should -Contain 'PinterestAds.PinProductGroup'
        $group = Get-PinAdGroup -AdAccountId $account.id | Where-Object { $_.Id -in $all.AdGroupId } | Select-Object -First 1
        $some = @($group | Get-PinProductGroup)
        $some | ForEach-Object { $_.AdGroupId | Should -Be $group.Id }
    }

    It 'keeps every field the API sent' {
        $ad = Get-PinAd -AdAccountId $account.id | Select-Object -First 1
        $ad.Fields.Keys | Should -Contain 'id'
        $ad.Fields.Keys | Should -Contain 'ad_group_id'
        $ad.Fields['id'] | Should -Be $ad.Id
    }
}

Describe 'Entities export analyst-ready CSV' {
    BeforeAll {
        $script:savedCulture = [cultureinfo]::CurrentCulture
        $script:entitySets = [ordered]@{
            AdAccount    = @(Get-PinAdAccount)
            Campaign     = @(Get-PinCampaign -AdAccountId $account.id)
            AdGroup      = @(Get-PinAdGroup -AdAccountId $account.id)
            Ad           = @(Get-PinAd -AdAccountId $account.id | Select-Object -First 10)
            ProductGroup = @(Get-PinAdGroup -AdAccountId $account.id | Get-PinProductGroup | Select-Object -First 10)
        }
        function script:ConvertTo-CsvIn([string] $Culture, $Items) {
            [cultureinfo]::CurrentCulture = [cultureinfo]::new($Culture)
            try { ($Items | ConvertTo-Csv) -join "`n" } finally { [cultureinfo]::CurrentCulture = $savedCulture }
        }
    }
    AfterAll { [cultureinfo]::CurrentCulture = $savedCulture }

    It '<_>: no column holds a type name or a dictionary' -ForEach 'AdAccount', 'Campaign', 'AdGroup', 'Ad', 'ProductGroup' {
        $items = $entitySets[$_]
        $items.Count | Should -BeGreaterThan 0
        $csv = ConvertTo-CsvIn 'de-DE' $items
        $csv | Should -Not -Match 'System\.|Generic|\[\]'
        ($csv -split "`n")[0] | Should -Not -Match '"Fields"'
        foreach ($column in 'CreatedTime', 'StartTime') {
            if ($items[0].PSObject.Properties[$column] -and $null -ne $items[0].$column) {
                $items[0].$column | Should -BeOfType [DateTimeOffset]
                @($items | Where-Object $column -le ([DateTimeOffset]::UtcNow)).Count | Should -Be $items.Count -Because 'the simplified syntax compares typed timestamps'
            }
        }
    }

    It '<_>: the table keeps the id and the name at 80 columns' -ForEach 'AdAccount', 'Campaign', 'AdGroup', 'Ad', 'ProductGroup', 'TargetingOption', 'ReportJob' {
        $kind = $_
        $items = switch ($kind) {
            'TargetingOption' { @(Get-PinTargetingOption -TargetingType Location | Select-Object -First 5) }
            'ReportJob' {
                $today = [datetime]::ParseExact($world.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
                @(New-PinAsyncReport -AdAccountId $account.id -Level Campaign -StartDate $today.AddDays(-3) -EndDate $today.AddDays(-2) -Column SPEND_IN_DOLLAR)
            }
            default { $entitySets[$kind] }
        }
        $lines = @(($items | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        @($lines | Where-Object Length -gt 80) | Should -BeNullOrEmpty
        $lines.Count | Should -Be ($items.Count + 2) -Because 'a table: one header, one rule, one line per item, nothing wrapped'
        if ($kind -eq 'ReportJob') {
            $lines[0] | Should -Match '^Token\s+Status\s+Dates\b'
            $lines[2] | Should -Match ('^' + $items[0].Token + '\s+\w+\s+\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d')
        } else {
            $lines[0] | Should -Match '\bId\b.*\bName\s*$'
            $lines[2] | Should -Match ([regex]::Escape($items[0].Id))
            $lines[2] | Should -Match ([regex]::Escape($items[0].Name.Substring(0, [math]::Min(12, $items[0].Name.Length))))
        }
    }

    It 'entities keep their raw fields (hidden from listings) and count as one object' {
        $campaign = $entitySets.Campaign[0]
        $campaign.Fields['id'] | Should -Be $campaign.Id
        @($campaign.PSObject.Properties.Name) | Should -Not -Contain 'Fields'
        @(($campaign | Get-Member -MemberType Properties).Name) | Should -Not -Contain 'Keys'
        @(($campaign | Select-Object *).PSObject.Properties.Name) | Should -Not -Contain 'Count'
        $campaign.Count | Should -Be 1
        $campaign.PSTypeNames | Should -Contain 'PinterestAds.PinCampaign'
        ($campaign | Format-Table | Out-String) | Should -Not -Match '(?m)^Name\s+Value'
    }

    It 'list properties are joined with "|" in CSV and stay lists on the object' {
        $shared = $entitySets.AdAccount | Where-Object { $_.Permissions.Count -gt 1 } | Select-Object -First 1
        $shared | Should -Not -BeNullOrEmpty -Because 'the emulator has a shared account with several permissions'
        ($shared | ConvertTo-Csv | ConvertFrom-Csv).Permissions | Should -BeExactly ($shared.Permissions -join '|')
        $shared.Permissions | Should -BeOfType [string]
    }

    It 'spend caps are in currency units, exactly, beside the API''s micro-units' {
        $capped = $entitySets.Campaign | Where-Object { $null -ne $_.DailySpendCapInMicroCurrency } | Select-Object -First 1
        $capped | Should -Not -BeNullOrEmpty -Because 'about half of the emulator''s campaigns have a daily cap'
        $capped.DailySpendCap | Should -BeOfType [decimal]
        $capped.DailySpendCap * 1000000 | Should -Be $capped.DailySpendCapInMicroCurrency
        $line = $capped | ConvertTo-Csv | ConvertFrom-Csv
        $line.DailySpendCap | Should -BeExactly $capped.DailySpendCap.ToString([cultureinfo]::InvariantCulture)
    }
}

Describe 'Long parent id lists' {
    It 'lists ad groups of more than 250 campaigns in requests of at most 250 ids' {
        $real = @($account.campaigns.id)
        $ids = @($real) + @(1..300 | ForEach-Object { [string](700000000000 + $_) })
        Clear-PinTestEmulatorRequest $emu
        $groups = @(Get-PinAdGroup -AdAccountId $account.id -CampaignId $ids)
        $requests = @(Get-PinTestEmulatorRequest $emu | Where-Object Path -like '*/ad_groups')
        $requests.Count | Should -Be 2
        $requests | ForEach-Object { ([regex]::Matches($_.QueryString, 'campaign_ids=')).Count | Should -BeLessOrEqual 250 }
        $expected = $account.campaigns.adGroups | Where-Object status -in $visible | ForEach-Object id | Sort-Object
        ($groups.Id | Sort-Object) | Should -Be $expected
    }
}

Describe 'Ad account completion' {
    It 'completes ad account ids the session has seen, without a request' {
        $null = Get-PinAdAccount
        Clear-PinTestEmulatorRequest $emu
        $line = 'Get-PinCampaign -AdAccountId '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain $account.id
        ($completions | Where-Object CompletionText -eq $account.id).ListItemText | Should -Match ([regex]::Escape($account.name))
        $line = "Get-PinAnalytics -Level Campaign -AdAccountId $($account.id.Substring(0, 6))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $account.id
        @(Get-PinTestEmulatorRequest $emu).Count | Should -Be 0
    }
}

Describe 'Id and token completion' {
    It 'completes campaign, ad group and report ids this session has written, by id or name, without a request' {
        $campaigns = @(Get-PinCampaign -AdAccountId $account.id)
        $adGroups = @($campaigns | Select-Object -First 2 | Get-PinAdGroup)
        Clear-PinTestEmulatorRequest $emu
        $line = 'Get-PinAdGroup -CampaignId '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain $campaigns[0].Id
        $completions.CompletionText | Should -Not -Contain $adGroups[0].Id
        $line = "Get-PinAnalytics -Level AdGroup -Id $($adGroups[0].Id.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $adGroups[0].Id
        $line = "Get-PinCampaign -Id '$($campaigns[0].Name.Substring(0, 6))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $campaigns[0].Id
        @(Get-PinTestEmulatorRequest $emu).Count | Should -Be 0
    }
}

