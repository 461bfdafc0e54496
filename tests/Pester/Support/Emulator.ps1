# The emulator: start it on free loopback ports (the shared launcher), stop it, and drive its admin API
# (journal, faults, options, ground truth, report status, today, tokens). Part of TestSupport.psm1.

function Start-PinTestEmulator {
    <#
    .SYNOPSIS Starts the emulator on free loopback ports and waits for its ready line.
    .PARAMETER Option Options as a hashtable, e.g. @{ Seed = 7; ReportPreparationMs = 0; Today = '2026-01-15' } (names as in EmulatorOptions).
    .PARAMETER ArgumentList Extra raw arguments (e.g. '--campaigns-per-account', '2000').
    #>
    [CmdletBinding()]
    param([hashtable] $Option = @{}, [string[]] $ArgumentList = @(), [int] $TimeoutSeconds = 15)
    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.AddRange([string[]]@('--port', '0', '--store-port', '0'))
    foreach ($key in $Option.Keys) {
        $kebab = ($key -creplace '([a-z0-9])([A-Z])', '$1-$2').ToLowerInvariant()
        $value = $Option[$key]
        if ($value -is [bool]) { $value = $value.ToString().ToLowerInvariant() }
        elseif ($value -is [array]) { $value = $value -join ',' }
        $arguments.Add("--$kebab"); $arguments.Add([string]$value)
    }
    foreach ($a in $ArgumentList) { $arguments.Add($a) }
    $server = Start-PinServerProcess -Dll (Get-PinEmulatorDll) -ArgumentList $arguments -TimeoutSeconds $TimeoutSeconds -Name 'The emulator'
    $ready = $server.Ready
    $secure = { param($s) ConvertTo-SecureString -String $s -AsPlainText -Force }
    $token = if ($Option.ContainsKey('AccessTokens')) { @($Option.AccessTokens)[0] } else { 'emulator-access-token' }
    $clientSecret = if ($Option.ContainsKey('ClientSecret')) { $Option.ClientSecret } else { 'emulator-client-secret' }
    $refresh = if ($Option.ContainsKey('RefreshToken')) { $Option.RefreshToken } else { 'emulator-refresh-token' }
    [pscustomobject]@{
        PSTypeName     = 'PinTestEmulator'
        ApiBaseUri     = [uri]$ready.apiBaseUri
        ObjectStoreUri = [uri]$ready.objectStoreUri
        AdminUri       = [uri]$ready.adminUri
        Process        = $server.Process
        AccessToken    = & $secure $token
        ClientId       = if ($Option.ContainsKey('ClientId')) { [string]$Option.ClientId } else { '1234567890' }
        ClientSecret   = & $secure $clientSecret
        RefreshToken   = & $secure $refresh
    }
}

function Stop-PinTestEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process { Stop-PinServerProcess $Emulator.Process }
}

function Invoke-PinTestEmulatorAdmin([object] $Emulator, [string] $Method, [string] $Path, $Body) {
    $uri = "$($Emulator.AdminUri)$Path"
    $params = @{ Method = $Method; Uri = $uri }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 10 -Compress); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Get-PinTestEmulatorRequest {
    <#
    The emulator's journal (admin calls are never in it), oldest first, optionally only one operation, one listener
    (-HostKind api or store) or paths like -PathLike. The emulator records a request before its response starts, so
    once a command has returned, every request it made is here: read it once, never wait for it.
    .EXAMPLE @(Get-PinTestEmulatorRequest $emu -OperationId 'analytics/create_report').Count | Should -Be 1
    #>
    param([Parameter(Mandatory)] $Emulator, [string] $OperationId, [ValidateSet('api', 'store')] [string] $HostKind, [string] $PathLike)
    # Invoke-RestMethod hands a JSON array over as one object: enumerate it.
    (Invoke-PinTestEmulatorAdmin $Emulator GET '/requests') | ForEach-Object { $_ } | Where-Object {
        (-not $OperationId -or $_.operationId -eq $OperationId) -and (-not $HostKind -or $_.host -eq $HostKind) -and (-not $PathLike -or $_.path -like $PathLike)
    }
}
function Wait-PinTestEmulatorRequest {
    <#
    Waits until a request for -OperationId has reached the emulator and returns its journal entry (Status 0 while it
    is still being served); throws after -TimeoutSeconds. Only for a request another runspace or process is making:
    a call this thread made is in the journal when it returns, so read Get-PinTestEmulatorRequest then, never wait.
    .EXAMPLE $ps.BeginInvoke(); $null = Wait-PinTestEmulatorRequest $emu -OperationId 'ad_groups/list'   # now it is in flight
    #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $OperationId, [int] $TimeoutSeconds = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $entry = Get-PinTestEmulatorRequest $Emulator -OperationId $OperationId | Select-Object -First 1
        if ($entry) { return $entry }
        if ([DateTime]::UtcNow -ge $deadline) { throw "No $OperationId request reached the emulator within $TimeoutSeconds s." }
        Start-Sleep -Milliseconds 20
    }
}
function Clear-PinTestEmulatorRequest { param([Parameter(Mandatory)] $Emulator) $null = Invoke-PinTestEmulatorAdmin $Emulator DELETE '/requests' }

function Add-PinTestEmulatorFault {
    <# .EXAMPLE Add-PinTestEmulatorFault $emu -Kind status -Target 'campaigns/analytics' -Status 503 -Count 2 #>
    param(
        [Parameter(Mandatory)] $Emulator,
        [ValidateSet('status', 'latency', 'reset', 'truncate', 'stall', 'expired-link', 'expire-access')] [string] $Kind = 'status',
        [string] $Target = '*', [int] $Status = 503, [int] $Count, [double] $Probability,
        [int] $RetryAfterSeconds, [int] $RateLimitResetSeconds, [int] $LatencyMs, [long] $AfterBytes)
    $rule = @{ kind = $Kind; target = $Target; status = $Status }
    foreach ($name in 'Count', 'Probability', 'RetryAfterSeconds', 'RateLimitResetSeconds', 'LatencyMs', 'AfterBytes') {
        if ($PSBoundParameters.ContainsKey($name)) { $rule[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)] = $PSBoundParameters[$name] }
    }
    $null = Invoke-PinTestEmulatorAdmin $Emulator POST '/faults' $rule
}

function Clear-PinTestEmulatorFault { param([Parameter(Mandatory)] $Emulator) $null = Invoke-PinTestEmulatorAdmin $Emulator DELETE '/faults' }

function Set-PinTestEmulatorOption {
    <# .EXAMPLE Set-PinTestEmulatorOption $emu @{ latencyMs = 50; analyticsRequestsPerMinute = 5 } #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Option)
    Invoke-PinTestEmulatorAdmin $Emulator PATCH '/options' $Option
}

function Get-PinTestEmulatorWorld { param([Parameter(Mandatory)] $Emulator) Invoke-PinTestEmulatorAdmin $Emulator GET '/world' }

function Get-PinTestEmulatorExpectedRow {
    <# .EXAMPLE Get-PinTestEmulatorExpectedRow $emu @{ ad_account_id = $id; level = 'CAMPAIGN'; start_date = '2026-01-01'; end_date = '2026-01-07'; granularity = 'DAY'; columns = @('SPEND_IN_DOLLAR') } #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Query)
    (Invoke-PinTestEmulatorAdmin $Emulator POST '/expected-rows' $Query) | ForEach-Object { $_ }
}

function Set-PinTestEmulatorReportStatus {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Token,
        [Parameter(Mandatory)] [ValidateSet('FAILED', 'CANCELLED', 'EXPIRED', 'FINISHED', 'RUNNING', 'SUCCEEDED', 'ABSENT')] [string] $Status)
    Invoke-PinTestEmulatorAdmin $Emulator POST "/reports/$Token/status" @{ status = $Status }
}

function Set-PinTestEmulatorToday {
    <# Moves the emulator's "today" forward (simulated nights): -Date, or -Days after the current today. #>
    param([Parameter(Mandatory)] $Emulator, [datetime] $Date, [int] $Days)
    $body = if ($PSBoundParameters.ContainsKey('Date')) { @{ today = $Date.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) } } else { @{ days = $Days } }
    $answer = Invoke-PinTestEmulatorAdmin $Emulator POST '/today' $body
    [datetime]::ParseExact($answer.today, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
}

function Invoke-PinTestEmulatorTokenExpiry { param([Parameter(Mandatory)] $Emulator) Invoke-PinTestEmulatorAdmin $Emulator POST '/tokens/expire-access' }
function Invoke-PinTestEmulatorRefreshRevocation { param([Parameter(Mandatory)] $Emulator) Invoke-PinTestEmulatorAdmin $Emulator POST '/tokens/revoke-refresh' }
