#Requires -Modules Pester
# Secrets stay secret. A fresh pwsh, whose HOME and TMPDIR are a sandbox folder, runs every exported
# cmdlet with -Verbose -Debug under a transcript (including a token refresh, a refresh-token login, the
# interactive login, downloads to files and the failures of a revoked refresh token), and writes every
# captured stream record, error record and object to files in the sandbox in several renderings.
# Then every byte the child wrote (sandbox files, stdout, stderr) is searched for the access token,
# the refresh token, the client secret, the Basic credentials and every token the emulator issued.
# The emulator's journal shows whether the object store ever received credentials.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force

    $suffix = [guid]::NewGuid().ToString('N')
    $script:secrets = [ordered]@{
        AccessToken  = "secAccess$suffix"
        RefreshToken = "secRefresh$suffix"
        ClientSecret = "secClient$suffix"
    }
    $script:clientId = '4455667788'
    $script:emu = Start-PinTestEmulator -Option @{
        AccessTokens = $secrets.AccessToken; RefreshToken = $secrets.RefreshToken; ClientId = $clientId; ClientSecret = $secrets.ClientSecret
        ReportPreparationMs = 0; BulkPreparationMs = 0; CampaignsPerAccount = 2; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1
    }
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${clientId}:$($secrets.ClientSecret)"))

    # What must appear nowhere: the three secrets, the Basic header value, any token the emulator issues
    # (pina_/pinr_ + 40 hex) and the UTF-16 hex a SecureString would turn into if serialised unprotected.
    $script:forbidden = [ordered]@{}
    foreach ($name in $secrets.Keys) {
        $forbidden[$name] = [regex]::Escape($secrets[$name])
        $utf16Hex = -join ([Text.Encoding]::Unicode.GetBytes($secrets[$name]) | ForEach-Object { $_.ToString('x2') })
        $forbidden["$name (UTF-16 hex)"] = "(?i)$utf16Hex"
    }
    $forbidden['Basic client credentials'] = [regex]::Escape($basic)
    $forbidden['an issued access or refresh token'] = 'pin[ar]_[0-9a-f]{40}'

    function script:Find-Secret([string] $Text) {
        foreach ($name in $forbidden.Keys) { if ($Text -match $forbidden[$name]) { $name } }
    }

    $script:sandbox = Join-Path ([IO.Path]::GetTempPath()) ("pin-security-" + $suffix.Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $sandbox -Force

    $childScript = @'
$sandbox = $env:PIN_SEC_SANDBOX
$api = [uri]$env:PIN_SEC_API
$admin = $env:PIN_SEC_ADMIN.TrimEnd('/')
$clientId = $env:PIN_SEC_CLIENT_ID
$accessToken = ConvertTo-SecureString $env:PIN_SEC_ACCESS -AsPlainText -Force
$refreshToken = ConvertTo-SecureString $env:PIN_SEC_REFRESH -AsPlainText -Force
$clientSecret = ConvertTo-SecureString $env:PIN_SEC_CLIENT_SECRET -AsPlainText -Force
$env:PIN_SEC_ACCESS = $null; $env:PIN_SEC_REFRESH = $null; $env:PIN_SEC_CLIENT_SECRET = $null

$ErrorActionPreference = 'Continue'
Import-Module PinterestAds
Start-Transcript -Path (Join-Path $sandbox 'transcript.txt') -IncludeInvocationHeader | Out-Null
$captured = [System.Collections.Generic.List[object]]::new()
$invoked = [System.Collections.Generic.HashSet[string]]::new()
function Capture([string[]] $Commands, [scriptblock] $Call) {
    foreach ($c in $Commands) { $null = $invoked.Add($c) }
    # Every stream, merged: output, errors, warnings, verbose, debug, information.
    foreach ($record in (& $Call *>&1)) {
        $captured.Add($record)
        # Replay each record on its own stream so the transcript shows it as a user's console would.
        switch ($record) {
            { $_ -is [System.Management.Automation.VerboseRecord] } { Write-Verbose $_.Message -Verbose; break }
            { $_ -is [System.Management.Automation.DebugRecord] } { Write-Debug $_.Message -Debug; break }
            { $_ -is [System.Management.Automation.WarningRecord] } { Write-Warning $_.Message; break }
            { $_ -is [System.Management.Automation.InformationRecord] } { Write-Information $_ -InformationAction Continue; break }
            { $_ -is [System.Management.Automation.ErrorRecord] } { Write-Error -ErrorRecord $_ -ErrorAction Continue; break }
            default { $_ | Out-Host }
        }
    }
}

Capture 'Connect-PinAccount' { Connect-PinAccount -ApiBaseUri $api -AccessToken $accessToken -WithRefreshToken $refreshToken -ClientId $clientId -ClientSecret $clientSecret -PassThru -Verbose -Debug }
Capture 'Get-PinSession' { Get-PinSession -Verbose -Debug }
$account = Get-PinAdAccount | Where-Object { $_.Id } | Select-Object -First 1
Capture 'Get-PinAdAccount' { Get-PinAdAccount -Verbose -Debug }
Capture 'Set-PinSession' { Set-PinSession -AdAccountId $account.Id -PassThru -Verbose -Debug | Format-List * | Out-String }
Capture 'Get-PinCampaign' { Get-PinCampaign -AdAccountId $account.Id -Verbose -Debug }
Capture 'Get-PinAdGroup' { Get-PinAdGroup -AdAccountId $account.Id -Verbose -Debug }
Capture 'Get-PinAd' { Get-PinAd -AdAccountId $account.Id -Verbose -Debug }
Capture 'Get-PinProductGroup' { Get-PinAdGroup -AdAccountId $account.Id | Get-PinProductGroup -Verbose -Debug }
Capture 'Get-PinKeyword' { Get-PinAdGroup -AdAccountId $account.Id | Get-PinKeyword -Verbose -Debug }
$end = [datetime]::UtcNow.Date.AddDays(-2); $start = $end.AddDays(-6)
# Keyword analytics go through async KEYWORD reports: create, poll, download under the transcript too.
Capture 'Get-PinAnalytics' { Get-PinAdGroup -AdAccountId $account.Id | Get-PinKeyword -MatchType Broad | Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Verbose -Debug }
Capture 'Get-PinAnalytics' { Get-PinCampaign -AdAccountId $account.Id | Get-PinAnalytics -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR, IMPRESSION_1 -Granularity Day -Verbose -Debug }
Capture 'Get-PinTargetingAnalytics' { Get-PinTargetingAnalytics -AdAccountId $account.Id -Level AdAccount -TargetingType GENDER -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Verbose -Debug }
Capture 'Get-PinMetricDefinition' { Get-PinMetricDefinition -Verbose -Debug | Select-Object -First 3 }
Capture 'Get-PinTargetingOption' { Get-PinTargetingOption -TargetingType GENDER -Verbose -Debug }
Capture 'Get-PinMetricsReadyState' { Get-PinMetricsReadyState -Date $end -Verbose -Debug }
Capture 'Get-PinAudienceInsight' { Get-PinAudienceInsight -AdAccountId $account.Id -Verbose -Debug }
Capture 'Get-PinAudienceDefinition' { Get-PinAudienceDefinition -AdAccountId $account.Id -Verbose -Debug }

# A second, non-default session from the same access token.
Capture 'Connect-PinAccount', 'Disconnect-PinAccount' {
    $default = Connect-PinAccount -ApiBaseUri $api -AccessToken $accessToken -NoDefault -Verbose -Debug
    $default
    Disconnect-PinAccount -Session $default -Verbose -Debug
}

# The access token expires: the next call refreshes it (client secret + refresh token on the wire).
Invoke-RestMethod -Method Post "$admin/tokens/expire-access" | Out-Null
Capture 'Get-PinCampaign' { Get-PinCampaign -AdAccountId $account.Id -Verbose -Debug }
Capture 'Get-PinSession' { Get-PinSession -Verbose -Debug | Format-List * | Out-String }

Capture 'Get-PinTemplate' { Get-PinTemplate -AdAccountId $account.Id -Verbose -Debug }
Capture 'New-PinAsyncReport', 'Get-PinReport', 'Wait-PinReport', 'Receive-PinReport' {
    $job = New-PinAsyncReport -AdAccountId $account.Id -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Verbose -Debug
    $job
    $job = $job | Get-PinReport -Verbose -Debug
    $job = $job | Wait-PinReport -Verbose -Debug
    $job
    $job | Receive-PinReport -Verbose -Debug
    $job | Receive-PinReport -OutFile (Join-Path $sandbox 'report.csv') -Verbose -Debug
}
Capture 'Invoke-PinReport' { Invoke-PinReport -AdAccountId $account.Id -Level AdGroup -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Format Json -Verbose -Debug | Export-Csv (Join-Path $sandbox 'invoke.csv') }
Capture 'New-PinBulkDownload' { New-PinBulkDownload -AdAccountId $account.Id -EntityType CAMPAIGN -Verbose -Debug | Wait-PinReport -Verbose -Debug | Receive-PinReport -Verbose -Debug }
Capture 'New-PinMmmReport' { New-PinMmmReport -AdAccountId $account.Id -Name secure -StartDate $start -EndDate $end -TargetingType GENDER -Column SPEND_IN_DOLLAR -Verbose -Debug | Wait-PinReport -Verbose -Debug | Receive-PinReport -Verbose -Debug }

Capture 'Sync-PinAnalytics' {
    Sync-PinAnalytics -Destination (Join-Path $sandbox 'sync.sqlite') -AdAccountId $account.Id -Level Campaign -Column SPEND_IN_DOLLAR -StartDate $start -Verbose -Debug
    Sync-PinAnalytics -Destination (Join-Path $sandbox 'sync-csv') -AdAccountId $account.Id -Column SPEND_IN_DOLLAR -StartDate $start -Verbose -Debug
}
# The interactive login (code exchange with the secret), then a login from its refresh token.
$port = Get-Random -Minimum 20000 -Maximum 60000
Capture 'Connect-PinAccount' {
    $interactive = Connect-PinAccount -Interactive -ApiBaseUri $api -ClientId $clientId -ClientSecret $clientSecret -RedirectUri "http://127.0.0.1:$port/callback/" `
        -BrowserAction { param($url) Invoke-WebRequest $url -MaximumRedirection 5 | Out-Null } -TimeoutSec 30 -NoDefault -Verbose -Debug
    $interactive
    $refreshLogin = Connect-PinAccount -ApiBaseUri $api -RefreshToken $interactive.TakeRefreshToken() -ClientId $clientId -ClientSecret $clientSecret -NoDefault -Verbose -Debug
    $refreshLogin
    Get-PinAdAccount -Session $refreshLogin -Verbose -Debug
    Disconnect-PinAccount -Session $refreshLogin
    Disconnect-PinAccount -Session $interactive
}

# Failures: a wrong client secret, then a revoked refresh token after the access token expired.
Capture 'Connect-PinAccount' { Connect-PinAccount -ApiBaseUri $api -RefreshToken $refreshToken -ClientId $clientId -ClientSecret (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -NoDefault -Verbose -Debug }
Invoke-RestMethod -Method Post "$admin/tokens/revoke-refresh" | Out-Null
Invoke-RestMethod -Method Post "$admin/tokens/expire-access" | Out-Null
Capture 'Get-PinCampaign' { Get-PinCampaign -AdAccountId $account.Id -Verbose -Debug }
Capture 'Invoke-PinReport' { Invoke-PinReport -AdAccountId $account.Id -Level Campaign -StartDate $start -EndDate $end -Column SPEND_IN_DOLLAR -Verbose -Debug }
Capture 'Disconnect-PinAccount' { Disconnect-PinAccount -Verbose -Debug }
Capture 'Get-PinSession' { Get-PinSession -Verbose -Debug }
Stop-Transcript | Out-Null

# Every captured record in every rendering a user might produce.
$renderings = [System.Text.StringBuilder]::new()
$errors = 0
foreach ($record in $captured) {
    $null = $renderings.AppendLine('----- ' + $record.GetType().FullName)
    $null = $renderings.AppendLine(($record | Out-String -Width 4096))
    $null = $renderings.AppendLine(($record | Format-List * -Force | Out-String -Width 4096))
    try { $null = $renderings.AppendLine((ConvertTo-Json -InputObject $record -Depth 4 -WarningAction SilentlyContinue)) } catch { $null = $renderings.AppendLine("(not JSON: $($_.Exception.Message))") }
    if ($record -is [System.Management.Automation.ErrorRecord]) {
        $errors++
        $null = $renderings.AppendLine($record.Exception.ToString())
        $null = $renderings.AppendLine(($record.Exception | Format-List * -Force | Out-String -Width 4096))
        $null = $renderings.AppendLine([string]$record.ErrorDetails)
        $null = $renderings.AppendLine(($record.TargetObject | Format-List * -Force | Out-String -Width 4096))
        $null = $renderings.AppendLine(($record | Get-Error | Out-String -Width 4096))
    }
}
foreach ($record in $Error) { $null = $renderings.AppendLine(($record | Format-List * -Force | Out-String -Width 4096)) }
[IO.File]::WriteAllText((Join-Path $sandbox 'renderings.txt'), $renderings.ToString())
$captured | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [string] } | Export-Clixml (Join-Path $sandbox 'objects.clixml') -Depth 3

$kinds = @($captured | ForEach-Object { $_.GetType().Name } | Sort-Object -Unique)
Write-PinTestResult @{ Invoked = @($invoked); Records = $captured.Count; Errors = $errors; Kinds = $kinds
    ErrorIds = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.FullyQualifiedErrorId }) }
'@
    Clear-PinTestEmulatorRequest $emu
    $script:run = Invoke-PinFreshPwsh -Script $childScript -TimeoutSeconds 240 -Environment @{
        HOME = $sandbox; TMPDIR = $sandbox; XDG_CACHE_HOME = (Join-Path $sandbox '.cache'); XDG_DATA_HOME = (Join-Path $sandbox '.local')
        PIN_SEC_SANDBOX = $sandbox; PIN_SEC_API = $emu.ApiBaseUri; PIN_SEC_ADMIN = $emu.AdminUri; PIN_SEC_CLIENT_ID = $clientId
        PIN_SEC_ACCESS = $secrets.AccessToken; PIN_SEC_REFRESH = $secrets.RefreshToken; PIN_SEC_CLIENT_SECRET = $secrets.ClientSecret
    }
    $script:journal = @(Get-PinTestEmulatorRequest $emu)
}

AfterAll {
    Stop-PinTestEmulator $emu
    Remove-Item $sandbox -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'No secret in any output' {
    It 'the scripted run completed and exercised every exported cmdlet' {
        $run.Result | Should -Not -BeNullOrEmpty -Because "the child must finish; stderr: $($run.Error)"
        $exported = @(Get-Command -Module PinterestAds -CommandType Cmdlet).Name
        $missing = @($exported | Where-Object { $_ -notin $run.Result.Invoked })
        $missing | Should -BeNullOrEmpty -Because 'every cmdlet must be run under the transcript'
    }

    It 'captured real verbose, debug, error and output records (so the search below means something)' {
        $run.Result.Kinds | Should -Contain 'VerboseRecord'
        $run.Result.Kinds | Should -Contain 'ErrorRecord'
        $run.Result.Records | Should -BeGreaterThan 50
        $run.Result.ErrorIds | Where-Object { $_ -like 'RefreshTokenRejected,*' } | Should -Not -BeNullOrEmpty -Because 'the revoked refresh token must surface'
        @($run.Result.ErrorIds | Where-Object { $_ -like 'AuthenticationFailed,*' -or $_ -like '*TokenRejected,*' -or $_ -like 'CannotRefreshToken,*' }).Count | Should -BeGreaterOrEqual 2
        $transcript = Get-Content (Join-Path $sandbox 'transcript.txt') -Raw
        $transcript | Should -Match 'VERBOSE: '
        $transcript | Should -Match 'DEBUG: '
        @($journal | Where-Object operationId -eq 'oauth/token').Count | Should -BeGreaterOrEqual 3 -Because 'refresh, interactive code exchange and refresh-token login all reached the token endpoint'
    }

    It 'the search finds a planted secret (control)' {
        Find-Secret "x $($secrets.RefreshToken) y" | Should -Be 'RefreshToken'
        Find-Secret ('Bearer pina_' + ('ab' * 20)) | Should -Be 'an issued access or refresh token'
        Find-Secret 'nothing to see' | Should -BeNullOrEmpty
    }

    It 'no file the child wrote holds a secret: <_>' -ForEach @('transcript.txt', 'renderings.txt', 'objects.clixml', 'report.csv', 'invoke.csv') {
        $path = Join-Path $sandbox $_
        Test-Path $path | Should -BeTrue -Because "$_ must have been written"
        (Get-Item $path).Length | Should -BeGreaterThan 0
        Find-Secret ([IO.File]::ReadAllText($path)) | Should -BeNullOrEmpty
    }

    It 'no other file under the sandbox HOME/TMPDIR holds a secret, and no stray temp file is left' {
        $files = @(Get-ChildItem $sandbox -Recurse -File -Force)
        foreach ($file in $files) {
            $text = [Text.Encoding]::UTF8.GetString([IO.File]::ReadAllBytes($file.FullName)) + [Text.Encoding]::Unicode.GetString([IO.File]::ReadAllBytes($file.FullName))
            $found = Find-Secret $text
            $found | Should -BeNullOrEmpty -Because "$($file.FullName) must not contain a secret"
        }
        @($files | Where-Object { $_.Name -like '*.partial' -or $_.Name -like 'pin*.tmp' }).Count | Should -Be 0
    }

    It 'stdout and stderr of the run hold no secret' {
        Find-Secret ($run.Output -join "`n") | Should -BeNullOrEmpty
        Find-Secret $run.Error | Should -BeNullOrEmpty
    }
}

Describe 'Credentials go only where they belong' {
    It 'the object store never receives an Authorization header, nor a token in the query' {
        $store = @($journal | Where-Object host -eq 'store')
        $store.Count | Should -BeGreaterOrEqual 3 -Because 'a report, its -OutFile copy and a bulk file were downloaded'
        $store | ForEach-Object { $_.hadAuthorization | Should -BeFalse }
        $store | ForEach-Object { Find-Secret ([string]$_.queryString + [string]$_.path) | Should -BeNullOrEmpty }
    }

    It 'no API request carries a secret in its path or query string' {
        $api = @($journal | Where-Object host -eq 'api')
        $api.Count | Should -BeGreaterThan 20
        $api | ForEach-Object { Find-Secret ([string]$_.queryString + [string]$_.path) | Should -BeNullOrEmpty }
    }
}

Describe 'Tokens are never accepted as plain strings' {
    # A switch (-ClientCredentials: which grant to use) carries no secret.
    It '<_> is a SecureString' -ForEach @(
        (Get-Command -Module PinterestAds -CommandType Cmdlet).Parameters.Values |
            Where-Object { $_.Name -match 'Token|Secret|Password|Credential' -and $_.Name -ne 'Token' -and $_.ParameterType -ne [switch] } |
            ForEach-Object Name | Sort-Object -Unique
    ) {
        $name = $_
        $types = @(Get-Command -Module PinterestAds -CommandType Cmdlet | ForEach-Object { $_.Parameters[$name] } | Where-Object { $_ } | ForEach-Object ParameterType | Sort-Object -Unique)
        $types | Should -Be @([securestring])
    }

    It 'the only plain -Token parameter is the report token of Get-PinReport (not a credential)' {
        @(Get-Command -Module PinterestAds -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('Token') }).Name | Should -Be @('Get-PinReport')
    }

    It 'Connect-PinAccount refuses a plain-string <_>' -ForEach @('AccessToken', 'RefreshToken', 'ClientSecret', 'WithRefreshToken') {
        $params = @{ ApiBaseUri = $emu.ApiBaseUri; NoDefault = $true; $_ = 'plain-text-secret' }
        if ($_ -ne 'AccessToken' -and $_ -ne 'RefreshToken') { $params.AccessToken = $emu.AccessToken }
        if ($_ -eq 'RefreshToken') { $params.ClientId = $clientId; $params.ClientSecret = $emu.ClientSecret }
        { Connect-PinAccount @params -ErrorAction Stop } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,*'
    }

    It 'the session objects hold secrets only as SecureString' {
        # The child expired and revoked the emulator's tokens: a fresh interactive login issues new ones.
        $session = Connect-PinAccount -Interactive -ApiBaseUri $emu.ApiBaseUri -ClientId $clientId -ClientSecret $emu.ClientSecret `
            -RedirectUri "http://127.0.0.1:$(Get-Random -Minimum 20000 -Maximum 60000)/callback/" -TimeoutSec 30 -NoDefault `
            -BrowserAction { param($url) Invoke-WebRequest $url -MaximumRedirection 5 | Out-Null } -InformationAction SilentlyContinue
        # The rotated refresh token is handed over by a method, once; no property holds a secret at all.
        $session.PSObject.Properties.Name | Should -Not -Contain 'RefreshToken'
        $session.TakeRefreshToken() | Should -BeOfType ([securestring])
        try {
            $secureProperties = 0
            foreach ($property in $session.PSObject.Properties) {
                if ($property.Value -is [securestring]) { $secureProperties++ }
                elseif ($property.Value -is [string]) {
                    $property.Name | Should -Not -Match 'Token$|Secret$' -Because 'a token or secret property must be a SecureString'
                    Find-Secret $property.Value | Should -BeNullOrEmpty
                }
            }
            $secureProperties | Should -Be 0 -Because 'no property of a session holds a secret, not even as a SecureString (Export-Clixml would write it)'
        }
        finally { Disconnect-PinAccount -Session $session }
    }
}
