#Requires -Modules Pester
# Connect-PinAccount, Get-PinSession, Disconnect-PinAccount and the HTTP engine behind them,
# against the local emulator: credentials from parameters, environment and the interactive flow,
# refresh and rotation, retries, fail-fast on long rate limits, cancellation, and secrecy.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:emu = Start-PinTestEmulator
    $script:plainAccessToken = 'emulator-access-token'

    function script:Connect-Emulator {
        param([hashtable] $Extra = @{})
        Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $emu.AccessToken @Extra
    }
    # The emulator's refresh tokens rotate on every use, like Pinterest's: keep the latest one.
    $script:refreshToken = $emu.RefreshToken
    $script:refreshSession = $null
    function script:Connect-WithRefreshToken {
        $script:refreshSession = Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -RefreshToken $script:refreshToken -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret -PassThru
        $script:refreshSession
    }
    function script:Save-RotatedRefreshToken {
        # The runbook pattern: the session hands a rotated refresh token over once; $null means no rotation.
        if ($script:refreshSession) {
            $rotated = $script:refreshSession.TakeRefreshToken()
            if ($rotated) { $script:refreshToken = $rotated }
            $script:refreshSession = $null
        }
    }
    function script:Get-FirstAccountId { (Get-PinTestEmulatorWorld $emu).adAccounts | Where-Object access -ne 'FORBIDDEN' | Select-Object -First 1 -ExpandProperty id }
}

AfterAll {
    Disconnect-PinAccount
    Stop-PinTestEmulator $emu
}

Describe 'Connect-PinAccount' {
    AfterEach { Save-RotatedRefreshToken; Disconnect-PinAccount; Clear-PinTestEmulatorFault $emu }

    It 'connects with an access token and shows a secret-free session' {
        Connect-Emulator @{ AdAccountId = (Get-FirstAccountId) }
        $info = Get-PinSession
        $info.PSTypeNames | Should -Contain 'PinterestAds.PinSessionInfo'
        $info.Environment | Should -Be 'Custom'
        $info.ApiBaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $emu.ApiBaseUri.AbsoluteUri.TrimEnd("/")
        $info.DefaultAdAccountId | Should -Be (Get-FirstAccountId)
        $info.RequestCount | Should -BeGreaterOrEqual 1
        ($info.RateLimitBudgets.Category) | Should -Contain 'ads_analytics'
        ($info | Format-List * | Out-String) | Should -Not -Match $plainAccessToken
        ($info | ConvertTo-Json -Depth 5) | Should -Not -Match $plainAccessToken
    }

    It 'proves the credentials with one call and fails clearly when they do not work' {
        $bad = ConvertTo-SecureString 'not-a-valid-token' -AsPlainText -Force
        { Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed,PinterestAds.PowerShell.Cmdlets.Session.ConnectPinAccountCommand'
        $error[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $error[0].Exception.Message | Should -Match 'Reconnect'
        $error[0].Exception.Message | Should -Not -Match 'not-a-valid-token'
        { Get-PinSession -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
    }

    It 'refuses plain HTTP to anything but loopback, before any request' {
        Clear-PinTestEmulatorRequest $emu
        { Connect-PinAccount -ApiBaseUri 'http://api.example.com/v5' -AccessToken $emu.AccessToken -ErrorAction Stop } |
            Should -Throw -ErrorId 'ApiBaseUriNotSecure,*'
        @(Get-PinTestEmulatorRequest $emu | Where-Object path -notlike '/_emulator*').Count | Should -Be 0
    }

    It 'never takes a token as a plain string' {
        (Get-Command Connect-PinAccount).Parameters['AccessToken'].ParameterType | Should -Be ([securestring])
        (Get-Command Connect-PinAccount).Parameters['RefreshToken'].ParameterType | Should -Be ([securestring])
        (Get-Command Connect-PinAccount).Parameters['ClientSecret'].ParameterType | Should -Be ([securestring])
        { Connect-PinAccount -ApiBaseUri $emu.ApiBaseUri -AccessToken $plainAccessToken -ErrorAction Stop } | Should -Throw
    }

    It 'reads credentials from PINTEREST_* environment variables when no token parameter is given' {
        $saved = @{ A = $env:PINTEREST_ACCESS_TOKEN; U = $env:PINTEREST_API_BASE_URI }
        try {
            $env:PINTEREST_ACCESS_TOKEN = $plainAccessToken
            $env:PINTEREST_API_BASE_URI = $emu.ApiBaseUri
            Connect-PinAccount
            (Get-PinSession).ApiBaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $emu.ApiBaseUri.AbsoluteUri.TrimEnd("/")
            Disconnect-PinAccount
            $env:PINTEREST_ACCESS_TOKEN = $null
            { Connect-PinAccount -ErrorAction Stop } | Should -Throw -ErrorId 'NoCredentials,*'
        }
        finally {
            $env:PINTEREST_ACCESS_TOKEN = $saved.A
            $env:PINTEREST_API_BASE_URI = $saved.U
        }
    }

    It 'connects with a refresh token and hands the rotated refresh token over once, as a SecureString' {
        $session = Connect-WithRefreshToken
        $session.CanRefresh | Should -BeTrue
        $session.HasNewRefreshToken | Should -BeTrue
        $taken = $session.TakeRefreshToken()
        $taken | Should -BeOfType ([securestring])
        $script:refreshToken = $taken; $script:refreshSession = $null
        $session.TakeRefreshToken() | Should -BeNullOrEmpty -Because 'it is handed over once'
        $rotated = [System.Net.NetworkCredential]::new('', $taken).Password
        $original = [System.Net.NetworkCredential]::new('', $emu.RefreshToken).Password
        $rotated | Should -Not -BeNullOrEmpty
        $rotated | Should -Not -Be $original
        (Get-PinSession).TokenRefreshCount | Should -Be 1
        ($session | Out-String) | Should -Not -Match ([regex]::Escape($rotated))
    }

    It 'runs the interactive authorization-code flow end to end with state checking' {
        $port = Get-Random -Minimum 20000 -Maximum 60000
        $session = Connect-PinAccount -Interactive -ApiBaseUri $emu.ApiBaseUri -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret `
            -RedirectUri "http://127.0.0.1:$port/callback/" -BrowserAction { param($url) Invoke-WebRequest $url -MaximumRedirection 5 | Out-Null } `
            -TimeoutSec 30 -PassThru -InformationAction SilentlyContinue
        $session.CanRefresh | Should -BeTrue
        Get-PinAdAccount | Should -Not -BeNullOrEmpty
    }

    It 'refuses a redirect URI that is not loopback' {
        { Connect-PinAccount -Interactive -ApiBaseUri $emu.ApiBaseUri -ClientId $emu.ClientId -ClientSecret $emu.ClientSecret `
            -RedirectUri 'http://example.com:8080/' -BrowserAction { } -ErrorAction Stop } | Should -Throw -ErrorId 'RedirectUriNotLoopback,*'
    }
}

Describe 'HTTP engine through the cmdlets' {
    BeforeAll { Connect-Emulator }
    AfterAll { Disconnect-PinAccount }
    AfterEach { Clear-PinTestEmulatorFault $emu }

    It 'retries 500, 502 and 503 and returns complete results' -TestCases @(@{ Status = 500 }, @{ Status = 502 }, @{ Status = 503 }) {
        param($Status)
        $expected = @(Get-PinCampaign -AdAccountId (Get-FirstAccountId)).Count
        $retriesBefore = (Get-PinSession).RetryCount
        Add-PinTestEmulatorFault $emu -Kind status -Status $Status -Target 'campaigns/list' -Count 2
        @(Get-PinCampaign -AdAccountId (Get-FirstAccountId)).Count | Should -Be $expected
        (Get-PinSession).RetryCount | Should -Be ($retriesBefore + 2)
    }

    It 'waits out a 429 with a short Retry-After' {
        Add-PinTestEmulatorFault $emu -Kind status -Status 429 -Target 'campaigns/list' -Count 1 -RetryAfterSeconds 1
        @(Get-PinCampaign -AdAccountId (Get-FirstAccountId)).Count | Should -BeGreaterThan 0
    }

    It 'fails fast with the reset time when a 429 resets in hours, and sends nothing more until then' {
        # Its own session: a daily limit empties that session's budget for hours.
        $own = Connect-Emulator @{ NoDefault = $true }
        try {
            Add-PinTestEmulatorFault $emu -Kind status -Status 429 -Target 'campaigns/list' -Count 1 -RateLimitResetSeconds 64800
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Get-PinCampaign -Session $own -AdAccountId (Get-FirstAccountId) -ErrorVariable failure -ErrorAction SilentlyContinue
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'RateLimitExceeded,*'
            $failure[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $failure[0].Exception.ResetsAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddHours(17))

            Clear-PinTestEmulatorRequest $emu
            Get-PinCampaign -Session $own -AdAccountId (Get-FirstAccountId) -ErrorVariable again -ErrorAction SilentlyContinue
            $again[0].FullyQualifiedErrorId | Should -BeLike 'RateLimitExceeded,*'
            @(Get-PinTestEmulatorRequest $emu | Where-Object Path -like '*/campaigns').Count | Should -Be 0
        }
        finally { Disconnect-PinAccount -Session $own }
    }

    It 'writes one verbose line per call with the status and request id, and no secret anywhere' {
        $streams = Get-PinCampaign -AdAccountId (Get-FirstAccountId) -Verbose -Debug 4>&1 5>&1 *>&1 | Out-String
        $streams | Should -Match 'GET http://127\.0\.0\.1:\d+/v5/ad_accounts/\d+/campaigns\?.* -> 200 OK in \d+ ms \(x-pinterest-rid \w+\)'
        $streams | Should -Not -Match $plainAccessToken
    }

    It 'authenticates every API request' {
        Clear-PinTestEmulatorRequest $emu
        Get-PinAdAccount | Out-Null
        $requests = @(Get-PinTestEmulatorRequest $emu | Where-Object Host -eq 'api')
        $requests.Count | Should -BeGreaterThan 0
        $requests | ForEach-Object { $_.HadAuthorization | Should -BeTrue }
        $request = $requests[0]
        $request.HadAuthorization | Should -BeTrue
    }
}

Describe 'Cancellation' {
    BeforeAll { Connect-Emulator }
    AfterAll { Disconnect-PinAccount; Clear-PinTestEmulatorFault $emu }

    It 'stops at once on Ctrl+C, even in the middle of a slow call' {
        # A slow operation no later test calls: the emulator keeps sleeping on the abandoned request.
        Add-PinTestEmulatorFault $emu -Kind latency -LatencyMs 30000 -Target 'ad_groups/list' -Count 1
        # A second runspace shares the process-wide default session, as ForEach-Object -Parallel does.
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript('param($id) Import-Module PinterestAds; Get-PinAdGroup -AdAccountId $id').AddArgument((Get-FirstAccountId))
            Clear-PinTestEmulatorRequest $emu
            $async = $ps.BeginInvoke()
            # Stop once the call is in flight (the emulator journals it on arrival, then holds it for 30 s).
            $inFlight = Wait-PinTestEmulatorRequest $emu -OperationId 'ad_groups/list'
            $inFlight.status | Should -Be 0 -Because 'the slow call has not been answered yet'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}

# Last: these expire and revoke the emulator's tokens.
Describe 'Sessions' {
    AfterEach { Save-RotatedRefreshToken; Disconnect-PinAccount; Clear-PinTestEmulatorFault $emu }

    It 'data cmdlets fail clearly without a session' {
        Disconnect-PinAccount
        { Get-PinCampaign -AdAccountId 1 -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
    }

    It '-Session overrides the default session and -NoDefault leaves the default alone' {
        $other = Connect-Emulator @{ NoDefault = $true }
        $other.PSTypeNames | Should -Contain 'PinterestAds.PinterestSession'
        { Get-PinSession -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
        @(Get-PinAdAccount -Session $other).Count | Should -BeGreaterThan 0
        Disconnect-PinAccount -Session $other
        $other.IsDisposed | Should -BeTrue
    }

    It 'refreshes an expired access token mid-run and carries on' {
        $null = Connect-WithRefreshToken
        $before = (Get-PinSession).TokenRefreshCount
        $null = Invoke-PinTestEmulatorTokenExpiry $emu
        @(Get-PinCampaign -AdAccountId (Get-FirstAccountId)).Count | Should -BeGreaterThan 0
        (Get-PinSession).TokenRefreshCount | Should -Be ($before + 1)
    }

    It 'says clearly when the refresh token was revoked' {
        $null = Connect-WithRefreshToken
        $null = Invoke-PinTestEmulatorRefreshRevocation $emu
        $null = Invoke-PinTestEmulatorTokenExpiry $emu
        Get-PinCampaign -AdAccountId (Get-FirstAccountId) -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RefreshTokenRejected,*'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }
}

Describe 'The default ad account' {
    BeforeAll {
        # An emulator of its own: the tests above revoke and expire tokens.
        $script:accounts = Start-PinTestEmulator
        $script:world = Get-PinTestEmulatorWorld $accounts
        $script:owned = ($world.adAccounts | Where-Object access -eq 'OWNER' | Select-Object -First 1).id
        $script:shared = ($world.adAccounts | Where-Object access -eq 'SHARED' | Select-Object -First 1).id
        $script:forbidden = ($world.adAccounts | Where-Object access -eq 'FORBIDDEN' | Select-Object -First 1).id
    }
    AfterAll {
        Disconnect-PinAccount -ErrorAction SilentlyContinue
        Stop-PinTestEmulator $accounts
    }

    It 'Connect-PinAccount -AdAccountId checks the account: <Case> fails with <ErrorId> and keeps the previous default' -ForEach @(
        @{ Case = 'an account the token may not read'; Account = 'forbidden'; ErrorId = 'PermissionDenied' }
        @{ Case = 'an account that does not exist'; Account = '999999999999'; ErrorId = '*' }
    ) {
        $before = Connect-PinAccount -ApiBaseUri $accounts.ApiBaseUri -AccessToken $accounts.AccessToken -AdAccountId $owned -PassThru
        $id = if ($Account -eq 'forbidden') { $forbidden } else { $Account }
        { Connect-PinAccount -ApiBaseUri $accounts.ApiBaseUri -AccessToken $accounts.AccessToken -AdAccountId $id -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,*"
        (Get-PinSession).DefaultAdAccountId | Should -Be $owned
        $before.IsDisposed | Should -BeFalse
    }

    It 'Set-PinSession switches the default ad account without reconnecting, after checking it' {
        $session = Connect-PinAccount -ApiBaseUri $accounts.ApiBaseUri -AccessToken $accounts.AccessToken -AdAccountId $owned -PassThru
        $connectedAt = $session.ConnectedAt
        Set-PinSession -AdAccountId $shared
        $session.DefaultAdAccountId | Should -Be $shared
        (Get-PinSession).ConnectedAt | Should -Be $connectedAt
        @(Get-PinCampaign).AdAccountId | Sort-Object -Unique | Should -Be $shared
        Set-PinSession -AdAccountId $forbidden -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PermissionDenied,*'
        $session.DefaultAdAccountId | Should -Be $shared -Because 'a failed check leaves the default as it was'
        (Get-PinAdAccount -Id $owned | Set-PinSession -PassThru).DefaultAdAccountId | Should -Be $owned
        { Set-PinSession -AdAccountId 12345678901234567890 -ErrorAction Stop } | Should -Throw -ErrorId 'IdTooLong,*'
    }
}
