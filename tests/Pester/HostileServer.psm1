# Helpers for Pester tests: start/stop the hostile test server (tests/Tools/PinterestAds.HostileServer) in front of
# the emulator and script its broken answers. Loopback only; the server stops itself after -MaxSeconds.
#   $hostile = Start-PinHostileServer -Upstream $emu.ApiBaseUri
#   Add-PinHostileRule $hostile @{ match = '/ad_accounts'; mode = 'Stall'; afterBytes = 5; body = '{"items":[]}' }
#   Connect-PinAccount -ApiBaseUri $hostile.ApiBaseUri ...     # every request without a rule goes to the emulator
Set-StrictMode -Version Latest

function Find-PinHostileServerDll {
    if ($env:PINTEREST_HOSTILE_DLL -and (Test-Path $env:PINTEREST_HOSTILE_DLL)) { return $env:PINTEREST_HOSTILE_DLL }
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $packaged = Join-Path $repo 'out/hostile/PinterestAds.HostileServer.dll'
    if (Test-Path $packaged) { return $packaged }
    $built = Get-ChildItem (Join-Path $repo 'tests/Tools/PinterestAds.HostileServer/bin') -Recurse -Filter PinterestAds.HostileServer.dll -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq 'net10.0' } | Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if ($built) { return $built.FullName }
    throw 'PinterestAds.HostileServer.dll not found: run dotnet pwsh ./build.ps1 -Task Build (it publishes out/hostile).'
}

function Start-PinHostileServer {
    <#
    .SYNOPSIS Starts the hostile server on a free loopback port. -Upstream: the emulator's API base URI (unmatched requests go there).
    #>
    [CmdletBinding()]
    param([uri] $Upstream, [int] $MaxSeconds = 900, [long] $MaxBodyBytes = 1GB, [int] $MaxStallSeconds = 120)
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $psi.ArgumentList.Add((Find-PinHostileServerDll))
    foreach ($pair in @(('--max-seconds', $MaxSeconds), ('--max-body-bytes', $MaxBodyBytes), ('--max-stall-seconds', $MaxStallSeconds))) {
        $psi.ArgumentList.Add($pair[0]); $psi.ArgumentList.Add([string]$pair[1])
    }
    if ($Upstream) { $psi.ArgumentList.Add('--upstream'); $psi.ArgumentList.Add($Upstream.GetLeftPart([UriPartial]::Authority)) }
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $readLine = $process.StandardOutput.ReadLineAsync()
    if (-not $readLine.Wait([TimeSpan]::FromSeconds(15)) -or -not $readLine.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        throw 'The hostile server did not report ready within 15 s.'
    }
    $ready = $readLine.Result | ConvertFrom-Json
    [pscustomobject]@{
        PSTypeName = 'PinHostileServer'
        BaseUri    = [uri]$ready.baseUri
        ApiBaseUri = [uri]"$($ready.baseUri)/v5"
        AdminUri   = [uri]"$($ready.baseUri)/_hostile"
        Process    = $process
    }
}

function Stop-PinHostileServer {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Server)
    process {
        $p = $Server.Process
        if (-not $p.HasExited) {
            $p.StandardInput.Close()   # the server stops when its stdin closes
            if (-not $p.WaitForExit(3000)) { $p.Kill() }
        }
        $p.Dispose()
    }
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

Export-ModuleMember -Function Start-PinHostileServer, Stop-PinHostileServer, Add-PinHostileRule, Clear-PinHostileRule, Get-PinHostileRequest, Clear-PinHostileRequest
