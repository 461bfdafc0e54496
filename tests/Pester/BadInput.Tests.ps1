#Requires -Modules Pester
# Wrong invocations: each must fail early with its own stable error id, name the parameter, say how to
# fix it, and send nothing to the emulator (the journal of both listeners stays empty).
# Cases are data: Command + Params (+ Needs: a command that must exist, for cmdlets still on their way).

BeforeDiscovery {
    $utcToday = [datetime]::UtcNow.Date
    function Day([int] $Offset) { $utcToday.AddDays($Offset) }

    $syncBase = @{ Level = 'Campaign'; Id = '123'; StartDate = (Day -10); EndDate = (Day -3); Column = 'SPEND_IN_DOLLAR' }
    $asyncBase = @{ Level = 'Campaign'; StartDate = (Day -10); EndDate = (Day -3); Column = 'SPEND_IN_DOLLAR' }
    function With([hashtable] $Base, [hashtable] $Change) {
        $copy = $Base.Clone()
        foreach ($key in $Change.Keys) { if ($null -eq $Change[$key]) { $copy.Remove($key) } else { $copy[$key] = $Change[$key] } }
        $copy
    }

    # Connected cases: a session exists; the emulator must still see no request.
    $script:connectedCases = @(
        # --- Get-PinAnalytics (synchronous) ---
        @{ Name = 'reversed dates'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ StartDate = (Day -3); EndDate = (Day -10) }); ErrorId = 'EndDateBeforeStartDate'; Parameter = 'EndDate'; Fix = 'Swap them' }
        @{ Name = 'a start date in the future'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ StartDate = (Day 5); EndDate = (Day 9) }); ErrorId = 'StartDateInFuture'; Parameter = 'StartDate'; Fix = 'on or before today' }
        @{ Name = 'a start beyond the 90-day lookback'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ StartDate = (Day -120); Mode = 'Sync' }); ErrorId = 'StartDateBeyondLookback'; Parameter = 'StartDate'; Fix = 'New-PinAsyncReport|ClampToAvailable' }
        @{ Name = 'HOUR beyond the 8-day lookback'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ StartDate = (Day -20); EndDate = (Day -19); Granularity = 'Hour' }); ErrorId = 'StartDateBeyondLookback'; Parameter = 'StartDate'; Fix = '8 days' }
        @{ Name = 'an unknown column'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Column = 'SPEND_IN_DOLARS' }); ErrorId = 'UnknownColumn'; Parameter = 'Column'; Fix = 'SPEND_IN_DOLLAR' }
        @{ Name = 'an unknown level'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Level = 'Keywords' }); ErrorId = 'ParameterArgumentTransformationError'; Parameter = 'Level'; Fix = 'Use one of' }
        @{ Name = 'an unknown granularity'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Granularity = 'Fortnight' }); ErrorId = 'ParameterArgumentTransformationError'; Parameter = 'Granularity'; Fix = 'Use one of' }
        @{ Name = 'a non-digit id'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Id = 'abc' }); ErrorId = 'IdNotNumeric'; Parameter = 'Id'; Fix = 'digits' }
        @{ Name = 'a 19-digit id'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Id = '1234567890123456789' }); ErrorId = 'IdTooLong'; Parameter = 'Id'; Fix = '18' }
        @{ Name = 'a product group listing without a filter'; Command = 'Get-PinProductGroup'; Params = @{}; ErrorId = 'ProductGroupFilterRequired'; Parameter = 'AdGroupId'; Fix = 'Get-PinAdGroup \| Get-PinProductGroup' }
        @{ Name = 'a custom conversion metric without its event'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ CustomConversionEventMetric = 'ADE_ROAS' }); ErrorId = 'RequiredFieldMissing'; Parameter = 'CustomConversionEventMetric'; Fix = 'ADE_ROAS:event name' }
        @{ Name = 'AUDIENCE_MULTIPLIER below the campaign level'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'AdGroupTargeting'; TargetingType = 'AUDIENCE_MULTIPLIER' }); ErrorId = 'TargetingTypeNotAtLevel'; Parameter = 'TargetingType'; Fix = 'CAMPAIGN_TARGETING' }
        @{ Name = 'a non-digit ad account id'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ AdAccountId = 'acct-1' }); ErrorId = 'IdNotNumeric'; Parameter = 'AdAccountId'; Fix = 'digits' }
        @{ Name = 'a level without ids'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Id = $null }); ErrorId = 'IdRequired'; Parameter = 'Id'; Fix = 'pipe them in' }
        @{ Name = 'ids at the ad account level'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Level = 'AdAccount' }); ErrorId = 'IdNotApplicable'; Parameter = 'Id'; Fix = 'Leave -Id out' }
        @{ Name = 'an attribution window Pinterest lacks'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ ClickWindowDays = 3 }); ErrorId = 'AttributionWindowInvalid'; Parameter = 'ClickWindowDays'; Fix = 'Use one of' }
        @{ Name = 'a ThrottleLimit of 0'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ ThrottleLimit = 0 }); ErrorId = 'ParameterArgumentValidationError'; Parameter = 'ThrottleLimit'; Fix = 'greater than or equal to 1' }
        @{ Name = 'more than 250 extra campaign ids at the ad level'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Level = 'Ad'; CampaignId = @(1..251 | ForEach-Object { [string](800000 + $_) }) }); ErrorId = 'TooManyIds'; Parameter = 'CampaignId'; Fix = 'at most 250' }
        @{ Name = 'an empty column list'; Command = 'Get-PinAnalytics'; Params = (With $syncBase @{ Column = @() }); ErrorId = 'ParameterArgumentValidationError*'; Parameter = 'Column'; Fix = 'Column' }
        # --- Get-PinTargetingAnalytics ---
        @{ Name = 'an unknown targeting type'; Command = 'Get-PinTargetingAnalytics'; Params = (With $syncBase @{ TargetingType = 'SHOE_SIZE' }); ErrorId = 'ParameterArgumentTransformationError'; Parameter = 'TargetingType'; Fix = 'Use one of' }
        @{ Name = 'an unknown attribution type'; Command = 'Get-PinTargetingAnalytics'; Params = (With $syncBase @{ TargetingType = 'GENDER'; AttributionType = 'NEIGHBOURHOOD' }); ErrorId = 'ParameterArgumentTransformationError'; Parameter = 'AttributionType'; Fix = 'Use one of' }
        @{ Name = 'reversed targeting dates'; Command = 'Get-PinTargetingAnalytics'; Params = (With $syncBase @{ TargetingType = 'GENDER'; StartDate = (Day -3); EndDate = (Day -10) }); ErrorId = 'EndDateBeforeStartDate'; Parameter = 'EndDate'; Fix = 'Swap them' }
        # --- New-PinAsyncReport ---
        @{ Name = 'reversed report dates'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ StartDate = (Day -3); EndDate = (Day -10) }); ErrorId = 'EndDateBeforeStartDate'; Parameter = 'EndDate'; Fix = 'Swap|before' }
        @{ Name = 'a report start beyond 914 days'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ StartDate = (Day -1000) }); ErrorId = 'StartDateBeyondLookback'; Parameter = 'StartDate'; Fix = '914' }
        @{ Name = 'an HOUR report beyond 8 days'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ StartDate = (Day -20); EndDate = (Day -19); Granularity = 'Hour' }); ErrorId = 'StartDateBeyondLookback'; Parameter = 'StartDate'; Fix = '8' }
        @{ Name = 'an unknown report column'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Column = 'CLICKZ' }); ErrorId = 'UnknownColumn'; Parameter = 'Column'; Fix = 'CLICK' }
        @{ Name = 'an unknown report level'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'PIN' }); ErrorId = 'ParameterArgumentTransformationError'; Parameter = 'Level'; Fix = 'Use one of' }
        @{ Name = 'a targeting level without types'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'AdGroupTargeting' }); ErrorId = 'TargetingTypeRequired'; Parameter = 'TargetingType'; Fix = 'give -TargetingType' }
        @{ Name = 'targeting types at a plain level'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ TargetingType = 'GENDER' }); ErrorId = 'ParameterNotApplicable'; Parameter = 'TargetingType'; Fix = 'CAMPAIGN_TARGETING|drop -TargetingType' }
        @{ Name = 'six targeting types (at most 5)'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'CampaignTargeting'; TargetingType = 'GENDER', 'AGE_BUCKET', 'LOCATION', 'APPTYPE', 'COUNTRY', 'PLACEMENT' }); ErrorId = 'TooManyValues'; Parameter = 'TargetingType'; Fix = 'at most 5' }
        @{ Name = 'an unknown targeting type in a report'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'CampaignTargeting'; TargetingType = 'SHOE_SIZE' }); ErrorId = 'InvalidValue'; Parameter = 'TargetingType'; Fix = 'GENDER|Use' }
        @{ Name = 'seven campaign statuses (at most 6)'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ CampaignStatus = 'RUNNING', 'PAUSED', 'NOT_STARTED', 'COMPLETED', 'ADVERTISER_DISABLED', 'ARCHIVED', 'DRAFT' }); ErrorId = 'TooManyValues'; Parameter = 'CampaignStatus'; Fix = 'at most 6' }
        @{ Name = 'an unknown campaign status'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ CampaignStatus = 'SLEEPING' }); ErrorId = 'InvalidValue'; Parameter = 'CampaignStatus'; Fix = 'RUNNING' }
        @{ Name = 'a report attribution window Pinterest lacks'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ ViewWindowDays = 2 }); ErrorId = 'AttributionWindowInvalid'; Parameter = 'ViewWindowDays'; Fix = 'use one of' }
        @{ Name = 'hours without HOUR granularity'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ StartHour = 2 }); ErrorId = 'HourNeedsHourGranularity'; Parameter = 'StartHour'; Fix = 'Granularity Hour' }
        @{ Name = 'an hour out of range'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ StartDate = (Day -2); EndDate = (Day -2); Granularity = 'Hour'; EndHour = 24 }); ErrorId = 'ValueOutOfRange'; Parameter = 'EndHour'; Fix = '23' }
        @{ Name = 'ad ids at PRODUCT_ITEM'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'ProductItem'; AdId = '123' }); ErrorId = 'AdFilterNotAllowed'; Parameter = 'AdId'; Fix = 'Drop -AdId' }
        @{ Name = 'an ad column at PRODUCT_ITEM'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Level = 'ProductItem'; Column = 'AD_ID', 'SPEND_IN_DOLLAR' }); ErrorId = 'AdColumnNotAllowed'; Parameter = 'Column'; Fix = 'Remove it' }
        @{ Name = 'a non-digit campaign id in a report'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ CampaignId = '12a' }); ErrorId = 'IdNotNumeric'; Parameter = 'CampaignId'; Fix = 'digits' }
        @{ Name = 'a too-long ad account id in a report'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ AdAccountId = ('9' * 19) }); ErrorId = 'IdTooLong'; Parameter = 'AdAccountId'; Fix = '18' }
        @{ Name = 'a metrics filter without an operator'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ MetricsFilter = 'SPEND_IN_DOLLAR lots' }); ErrorId = 'InvalidMetricsFilter'; Parameter = 'MetricsFilter'; Fix = 'SPEND_IN_DOLLAR > 10' }
        @{ Name = 'an unknown report format'; Command = 'New-PinAsyncReport'; Params = (With $asyncBase @{ Format = 'Xlsx' }); ErrorId = 'ParameterArgument*Error'; Parameter = 'Format'; Fix = 'Csv|CSV' }
        @{ Name = 'an unknown template (a name, not an id)'; Command = 'New-PinAsyncReport'; Params = @{ TemplateId = 'Weekly spend' }; ErrorId = 'IdNotNumeric'; Parameter = 'TemplateId'; Fix = 'digits' }
        @{ Name = 'reversed dates on Invoke-PinReport'; Command = 'Invoke-PinReport'; Params = (With $asyncBase @{ StartDate = (Day -3); EndDate = (Day -10) }); ErrorId = 'EndDateBeforeStartDate'; Parameter = 'EndDate'; Fix = 'Swap|before' }
        @{ Name = 'a zero idle timeout on Invoke-PinReport'; Command = 'Invoke-PinReport'; Params = (With $asyncBase @{ IdleTimeoutSec = 0 }); ErrorId = 'ParameterArgumentValidationError'; Parameter = 'IdleTimeoutSec'; Fix = 'greater than or equal to 1' }
        # --- entities, resources, bulk ---
        @{ Name = 'a non-digit ad account id for campaigns'; Command = 'Get-PinCampaign'; Params = @{ AdAccountId = 'my-account' }; ErrorId = 'IdNotNumeric'; Parameter = 'AdAccountId'; Fix = 'digits' }
        @{ Name = 'a too-long campaign id'; Command = 'Get-PinCampaign'; Params = @{ Id = ('1' * 19) }; ErrorId = 'IdTooLong'; Parameter = 'Id'; Fix = '18' }
        @{ Name = 'an unknown targeting option type'; Command = 'Get-PinTargetingOption'; Params = @{ TargetingType = 'SHOE_SIZE' }; ErrorId = 'ParameterArgumentTransformationError'; Parameter = 'TargetingType'; Fix = 'GENDER|LOCATION|Gender|Location' }
        @{ Name = 'reversed readiness dates'; Command = 'Get-PinMetricsReadyState'; Params = @{ StartDate = (Day -3); EndDate = (Day -10) }; ErrorId = 'EndDateBeforeStartDate'; Parameter = 'EndDate'; Fix = 'Swap|before' }
        @{ Name = 'an unknown bulk entity type'; Command = 'New-PinBulkDownload'; Params = @{ EntityType = 'KEYWORDZ' }; ErrorId = 'InvalidValue'; Parameter = 'EntityType'; Fix = 'CAMPAIGN' }
        @{ Name = 'a non-digit report token account'; Command = 'Get-PinReport'; Params = @{ Token = 'rpt_x'; AdAccountId = 'abc' }; ErrorId = 'IdNotNumeric'; Parameter = 'AdAccountId'; Fix = 'digits' }
        # --- Connect-PinAccount (a second connection attempt; the default session stays) ---
        @{ Name = 'an HTTP base URI that is not loopback'; Command = 'Connect-PinAccount'; Params = @{ ApiBaseUri = 'http://api.example.com/v5'; AccessToken = 'SECURE:x'; NoDefault = $true }; ErrorId = 'ApiBaseUriNotSecure'; Parameter = 'ApiBaseUri'; Fix = 'https' }
        @{ Name = 'a relative base URI'; Command = 'Connect-PinAccount'; Params = @{ ApiBaseUri = 'v5/ads'; AccessToken = 'SECURE:x'; NoDefault = $true }; ErrorId = 'ApiBaseUri*'; Parameter = 'ApiBaseUri'; Fix = 'https://' }
        @{ Name = 'a token given as a plain string'; Command = 'Connect-PinAccount'; Params = @{ ApiBaseUri = 'http://127.0.0.1:9/v5'; AccessToken = 'plain-text-token'; NoDefault = $true }; ErrorId = 'CannotConvertArgumentNoMessage'; Parameter = 'AccessToken'; Fix = 'SecureString' }
        @{ Name = 'a non-digit client id'; Command = 'Connect-PinAccount'; Params = @{ RefreshToken = 'SECURE:x'; ClientId = 'my-app'; ClientSecret = 'SECURE:y'; NoDefault = $true }; ErrorId = 'ParameterArgumentValidationError'; Parameter = 'ClientId'; Fix = '\\d' }
        @{ Name = 'a redirect URI that is not loopback'; Command = 'Connect-PinAccount'; Params = @{ Interactive = $true; ClientId = '1234567890'; ClientSecret = 'SECURE:y'; RedirectUri = 'http://example.com:8080/'; BrowserAction = { }; NoDefault = $true }; ErrorId = 'RedirectUriNotLoopback'; Parameter = 'RedirectUri'; Fix = '127.0.0.1|localhost|loopback' }
        @{ Name = 'an unknown environment'; Command = 'Connect-PinAccount'; Params = @{ Environment = 'Staging'; AccessToken = 'SECURE:x'; NoDefault = $true }; ErrorId = 'ParameterArgumentValidationError'; Parameter = 'Environment'; Fix = 'Production' }
    )

    # Without any session: every data cmdlet says how to connect, before any request.
    $script:disconnectedCases = @(
        @{ Name = 'analytics'; Command = 'Get-PinAnalytics'; Params = $syncBase }
        @{ Name = 'targeting analytics'; Command = 'Get-PinTargetingAnalytics'; Params = (With $syncBase @{ TargetingType = 'GENDER' }) }
        @{ Name = 'an async report'; Command = 'New-PinAsyncReport'; Params = $asyncBase }
        @{ Name = 'campaigns'; Command = 'Get-PinCampaign'; Params = @{ AdAccountId = '123' } }
        @{ Name = 'ad accounts'; Command = 'Get-PinAdAccount'; Params = @{} }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator
    $script:accountId = (Get-PinTestEmulatorWorld $emu).adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1 -ExpandProperty id

    # 'SECURE:x' in the case data stands for a SecureString (data cases cannot hold one at discovery).
    function script:Resolve-CaseParams([hashtable] $Params) {
        $resolved = @{}
        foreach ($key in $Params.Keys) {
            $value = $Params[$key]
            $resolved[$key] = if ($value -is [string] -and $value.StartsWith('SECURE:')) { ConvertTo-SecureString $value.Substring(7) -AsPlainText -Force } else { $value }
        }
        $resolved
    }
    # The failure of one call as an ErrorRecord (terminating or not), or $null when it did not fail.
    function script:Get-CallFailure([string] $Command, [hashtable] $Params) {
        $resolved = Resolve-CaseParams $Params
        try { $null = & $Command @resolved -ErrorAction Stop -WarningAction SilentlyContinue 2>$null; $null }
        catch { $_ }
    }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Bad input with a session' {
    BeforeAll { Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken -AdAccountId $accountId }
    AfterAll { Disconnect-PinAccount }
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It '<Command> refuses <Name> with <ErrorId> naming -<Parameter>, before any request' -ForEach $connectedCases {
        if (-not $_.ContainsKey('Mentions')) { $Mentions = $null }
        Get-Command $Command -Module PinterestAds -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$Command is a cmdlet of the module (a missing one fails, never skips)"
        $failure = Get-CallFailure $Command $Params
        $failure | Should -Not -BeNullOrEmpty -Because "$Command with $Name must fail"
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure.CategoryInfo.Category | Should -BeIn @('InvalidArgument', 'InvalidData')
        $failure.Exception.ParameterName | Should -Be $Parameter
        # The message names the parameter (or, for a range, the offending span it describes).
        $named = if ($Mentions) { $Mentions } else { $Parameter }
        $failure.Exception.Message | Should -Match ([regex]::Escape($named)) -Because 'the message names what is wrong'
        $failure.Exception.Message | Should -Match $Fix -Because 'the message says how to fix it'
        Get-PinTestEmulatorRequest $emu | Should -HaveCount 0 -Because 'bad input is refused before any request'
        (Get-PinSession).ApiBaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $emu.ApiBaseUri.AbsoluteUri.TrimEnd('/') -Because 'a failed call leaves the session as it was'
    }

    It 'has at least 40 distinct wrong invocations' {
        $connectedCases.Count + $disconnectedCases.Count | Should -BeGreaterOrEqual 40
        @($connectedCases | ForEach-Object { "$($_.Command) $($_.Name)" } | Select-Object -Unique).Count | Should -Be $connectedCases.Count
    }
}

Describe 'Bad input without a session' {
    BeforeAll { Disconnect-PinAccount }
    BeforeEach { Clear-PinTestEmulatorRequest $emu }

    It '<Command> (<Name>) says NotConnected and how to connect, before any request' -ForEach $disconnectedCases {
        Get-Command $Command -Module PinterestAds -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$Command is a cmdlet of the module (a missing one fails, never skips)"
        $failure = Get-CallFailure $Command $Params
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $failure.Exception.Message | Should -Match 'Connect-PinAccount'
        Get-PinTestEmulatorRequest $emu | Should -HaveCount 0
    }
}
