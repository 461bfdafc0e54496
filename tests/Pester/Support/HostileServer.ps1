# The hostile test server (tests/Tools/PinterestAds.HostileServer): start it in front of the emulator with the shared
# launcher, stop it, and script its broken answers. Loopback only; the server stops itself after -MaxSeconds.
#   $hostile = Start-PinHostileServer -Upstream $emu.ApiBaseUri
#   Add-PinHostileRule $hostile @{ match = '/ad_accounts'; mode = 'Stall'; afterBytes = 5; body = '{"items":[]}' }
#   Connect-PinAccount -ApiBaseUri $hostile.ApiBaseUri ...     # every request without a rule goes to the emulator
# Part of TestSupport.psm1.

function Start-PinHostileServer {
    <#
    .SYNOPSIS Starts the hostile server on a free loopback port. -Upstream: the emulator's API base URI (unmatched requests go there).
    #>
    [CmdletBinding()]
    param([uri] $Upstream, [int] $MaxSeconds = 900, [long] $MaxBodyBytes = 1GB, [int] $MaxStallSeconds = 120)
    $arguments = [System.Collections.Generic.List[string]]::new()
    foreach ($pair in @(('--max-seconds', $MaxSeconds), ('--max-body-bytes', $MaxBodyBytes), ('--max-stall-seconds', $MaxStallSeconds))) {
        $arguments.Add($pair[0]); $arguments.Add([string]$pair[1])
    }
    if ($Upstream) { $arguments.Add('--upstream'); $arguments.Add($Upstream.GetLeftPart([UriPartial]::Authority)) }
    $server = Start-PinServerProcess -Dll (Get-PinHostileServerDll) -ArgumentList $arguments -Name 'The hostile server'
    $ready = $server.Ready
    [pscustomobject]@{
        PSTypeName = 'PinHostileServer'
        BaseUri    = [uri]$ready.baseUri
        ApiBaseUri = [uri]"$($ready.baseUri)/v5"
        AdminUri   = [uri]"$($ready.baseUri)/_hostile"
        Process    = $server.Process
    }
}

function Stop-PinHostileServer {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Server)
    process { Stop-PinServerProcess $Server.Process }
}

function Add-PinHostileRule {
    <#
    .SYNOPSIS Scripts broken answers: a hashtable (or several) with match, method, count, status, headers, body, bodyBase64,
    repeat, mode (Normal, Stall, Close, CloseNoLength, Length, Endless, GzipBomb, Reset), afterBytes, contentLength, bombBytes, delayMs.
    '{base}' in a body becomes the server's own base URI (links that point back at it).
    #>
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [object[]] $Rule)
    $json = ConvertTo-Json -InputObject @($Rule) -Depth 5 -Compress
    $null = Invoke-RestMethod -Method Post -Uri "$($Server.AdminUri)/rules" -Body $json -ContentType 'application/json'
}

function Clear-PinHostileRule {
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Server.AdminUri)/rules"
}

function Get-PinHostileRequest {
    <# The journal: sequence, timestamp, method, target, hadAuthorization, rule, mode. #>
    param([Parameter(Mandatory)] $Server)
    # Invoke-RestMethod hands a JSON array over as one object: enumerate it.
    (Invoke-RestMethod -Method Get -Uri "$($Server.AdminUri)/requests") | ForEach-Object { $_ }
}

function Clear-PinHostileRequest {
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Server.AdminUri)/requests"
}
