# The launchers everyone shares (build.ps1, the Pester support module, the benchmarks, the demo): a fresh copy of
# the running PowerShell, and the loopback servers we build (emulator, hostile server) that print one JSON line
# {"event":"ready",...} once they listen and stop when their standard input closes.
Set-StrictMode -Version 3.0

function Get-PinChildPwshCommand {
    <# The executable and leading arguments that start a fresh copy of the running PowerShell. #>
    $processPath = [Environment]::ProcessPath
    $leaf = [IO.Path]::GetFileNameWithoutExtension($processPath)
    if ($leaf -eq 'dotnet') {
        # Running as a dotnet local tool: dotnet <path>/pwsh.dll
        return [pscustomobject]@{ FilePath = $processPath; Prefix = @([Reflection.Assembly]::GetEntryAssembly().Location) }
    }
    [pscustomobject]@{ FilePath = $processPath; Prefix = @() }
}

function Find-PinBuiltDll {
    <#
    Where a program we build is: the path in -EnvironmentVariable (build.ps1 sets it for its children), else the
    published copy under out/, else the newest net10.0 build output under -ProjectFolder; throws with the fix.
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $EnvironmentVariable,
        [Parameter(Mandatory)] [string] $PublishedPath,
        [Parameter(Mandatory)] [string] $ProjectFolder)
    $fromEnvironment = [Environment]::GetEnvironmentVariable($EnvironmentVariable)
    if ($fromEnvironment -and (Test-Path $fromEnvironment)) { return $fromEnvironment }
    if (Test-Path $PublishedPath) { return $PublishedPath }
    $built = Get-ChildItem (Join-Path $ProjectFolder 'bin') -Recurse -Filter "$Name.dll" -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq 'net10.0' } | Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if ($built) { return $built.FullName }
    throw "$Name.dll not found: set $EnvironmentVariable, or run: dotnet pwsh ./build.ps1 -Task Build (it publishes $PublishedPath)."
}

function Start-PinServerProcess {
    <#
    Starts `dotnet <Dll> <ArgumentList>` and returns Process and Ready (the parsed ready line) once it listens.
    Standard input stays open (closing it stops the server); standard error and the rest of standard output are
    drained in the background so the server never blocks on a full pipe. Throws with its error output when it
    exits or stays silent for -TimeoutSeconds.
    #>
    param([Parameter(Mandatory)] [string] $Dll, [string[]] $ArgumentList = @(), [int] $TimeoutSeconds = 15, [string] $Name = 'the server')
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $startInfo.ArgumentList.Add($Dll)
    foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $stderr = $process.StandardError.ReadToEndAsync()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $left = $deadline - [DateTime]::UtcNow
        $readLine = $process.StandardOutput.ReadLineAsync()
        if ($left -le [TimeSpan]::Zero -or -not $readLine.Wait($left) -or $null -eq $readLine.Result) { break }
        $line = $readLine.Result.Trim()
        if (-not $line.StartsWith('{')) { continue }
        $ready = $line | ConvertFrom-Json
        if ($ready.event -eq 'ready') {
            $null = $process.StandardOutput.ReadToEndAsync()
            return [pscustomobject]@{ Process = $process; Ready = $ready }
        }
    }
    if (-not $process.HasExited) { $process.Kill($true) }
    $null = $process.WaitForExit(5000)
    $errorText = if ($stderr.Wait(1000)) { $stderr.Result.Trim() } else { '' }
    throw "$Name ($Dll) did not report ready within $TimeoutSeconds s. $errorText"
}

function Stop-PinServerProcess {
    <# Closes the server's standard input (it stops then), kills it after 3 s, and releases the process. #>
    param([Parameter(Mandatory)] [System.Diagnostics.Process] $Process)
    if (-not $Process.HasExited) {
        $Process.StandardInput.Close()
        if (-not $Process.WaitForExit(3000)) { $Process.Kill($true); $null = $Process.WaitForExit(5000) }
    }
    $Process.Dispose()
}

Export-ModuleMember -Function Get-PinChildPwshCommand, Find-PinBuiltDll, Start-PinServerProcess, Stop-PinServerProcess
