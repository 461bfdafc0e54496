# For the Sync-PinAnalytics tests: one "today" for the module and the emulator, queries of the
# SQLite and PostgreSQL destinations, and a throw-away PostgreSQL server on loopback. Part of TestSupport.psm1.

function Get-PinEngineAssembly {
    [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName([Reflection.AssemblyName]::new('PinterestAds.Engine'))
}

# The test clock of this process (Get-PinTestClock makes it on first use).
$script:PinTestClock = $null

function Get-PinTestClock {
    <#
    The process's test clock: the system clock with its date replaced by the test's "today" (time of day, timers
    and timestamps stay real). Compiled C#, so engine threads read it without a runspace.
    #>
    if (-not ('PinTestClock' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.Threading;
public sealed class PinTestClock : TimeProvider
{
    private long _todayTicks = DateTime.UtcNow.Date.Ticks;
    public DateTime Today
    {
        get { return new DateTime(Interlocked.Read(ref _todayTicks), DateTimeKind.Utc); }
        set { Interlocked.Exchange(ref _todayTicks, value.Date.Ticks); }
    }
    public override DateTimeOffset GetUtcNow()
    {
        return new DateTimeOffset(Interlocked.Read(ref _todayTicks) + base.GetUtcNow().UtcDateTime.TimeOfDay.Ticks, TimeSpan.Zero);
    }
}
'@
    }
    if (-not $script:PinTestClock) { $script:PinTestClock = [PinTestClock]::new() }
    $script:PinTestClock
}

function Use-PinTestClock {
    <#
    Puts a session (the default one unless given) on the test clock, so its "today" (ApiDates.Today(session.Time))
    and Sync-PinAnalytics' timestamps follow Set-PinTestToday. A session takes its clock from SessionOptions.Time when
    it is made, and Connect-PinAccount makes it on the system clock: the test swaps the clock in afterwards.
    #>
    param($Session)
    # The module's types live in its private load context, out of reach of PowerShell's [type] names.
    $sessionType = (Get-PinEngineAssembly).GetType('PinterestAds.PinterestSession', $true)
    if (-not $Session) { $Session = $sessionType.GetProperty('Default').GetValue($null) }
    if (-not $Session) { throw 'Use-PinTestClock: no session; run Connect-PinAccount first.' }
    $field = $sessionType.GetField('<Time>k__BackingField', [Reflection.BindingFlags]'Instance, NonPublic')
    if (-not $field) { throw 'Use-PinTestClock: PinterestSession has no Time backing field any more; update tests/Pester/Support/Sync.ps1.' }
    $field.SetValue($Session, (Get-PinTestClock))
}

function Set-PinTestToday {
    <#
    Sets the test clock's "today" (Get-PinTestClock; sessions on it through Use-PinTestClock) and the emulator's
    to one date, so simulated nights move both.
    #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [datetime] $Date)
    $null = Set-PinTestEmulatorToday -Emulator $Emulator -Date $Date
    (Get-PinTestClock).Today = $Date.Date
}

function Reset-PinTestToday {
    <# The test clock's "today" back to the system's. #>
    (Get-PinTestClock).Today = [datetime]::UtcNow.Date
}

function Invoke-PinTestSqliteQuery {
    <# Runs a query against a SQLite file with the module's own Microsoft.Data.Sqlite (from its private load context). #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Sql)
    $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-PinEngineAssembly))
    $sqlite = $context.LoadFromAssemblyName([Reflection.AssemblyName]::new('Microsoft.Data.Sqlite'))
    $connection = [Activator]::CreateInstance($sqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection', $true), [object[]]@("Data Source=$Path;Mode=ReadOnly;Pooling=False"))
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $reader = $command.ExecuteReader()
        try {
            while ($reader.Read()) {
                $row = [ordered]@{}
                for ($i = 0; $i -lt $reader.FieldCount; $i++) { $row[$reader.GetName($i)] = if ($reader.IsDBNull($i)) { $null } else { $reader.GetValue($i) } }
                [pscustomobject]$row
            }
        }
        finally { $reader.Dispose() }
    }
    finally { $connection.Dispose() }
}

function Find-PinTestPostgres {
    <# The folder holding initdb, pg_ctl and psql, or $null when PostgreSQL is not installed. #>
    $candidates = @(Get-ChildItem '/usr/lib/postgresql/*/bin' -Directory -ErrorAction SilentlyContinue | Sort-Object { [int]($_.Parent.Name -replace '\D', '') } -Descending | ForEach-Object FullName)
    $pgCtl = Get-Command pg_ctl -ErrorAction SilentlyContinue
    if ($pgCtl) { $candidates += Split-Path $pgCtl.Source }
    foreach ($folder in $candidates) { if (Test-Path (Join-Path $folder 'initdb')) { return $folder } }
    $null
}

function Get-PinTestFreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-PinTestPostgres {
    <#
    Starts a throw-away PostgreSQL server on 127.0.0.1, a free port, a temporary data folder (trust
    authentication, loopback only). initdb and postgres refuse to run as root: as root they run as the
    postgres user. Returns $null (and the reason in .Reason of a skip object) when PostgreSQL is missing.
    #>
    $bin = Find-PinTestPostgres
    if (-not $bin) {
        return [pscustomobject]@{ Available = $false; Reason = "PostgreSQL is not installed: install it (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) to run the PostgreSQL destination tests. CI installs it." }
    }
    $isRoot = (& id -u) -eq '0'
    $data = Join-Path ([IO.Path]::GetTempPath()) ('pin-pg-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $null = New-Item -ItemType Directory -Path $data
    $port = Get-PinTestFreePort
    function Invoke-AsPostgres([string[]] $Command) {
        if ($isRoot) { & runuser -u postgres -- @Command } else { & $Command[0] @($Command | Select-Object -Skip 1) }
    }
    if ($isRoot) { & chown postgres $data }
    $log = Join-Path $data 'server.log'
    $initOutput = Invoke-AsPostgres @((Join-Path $bin 'initdb'), '-D', (Join-Path $data 'db'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8') 2>&1
    if ($LASTEXITCODE -ne 0) { throw "initdb failed: $initOutput" }
    $options = "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$data' -c fsync=off -c max_connections=20 -c shared_buffers=16MB"
    $startOutput = Invoke-AsPostgres @((Join-Path $bin 'pg_ctl'), '-D', (Join-Path $data 'db'), '-l', $log, '-o', $options, '-w', '-t', '30', 'start') 2>&1
    if ($LASTEXITCODE -ne 0) { throw "pg_ctl start failed: $startOutput $(Get-Content $log -Raw -ErrorAction SilentlyContinue)" }
    [pscustomobject]@{
        Available        = $true
        Bin              = $bin
        Data             = $data
        Port             = $port
        IsRoot           = $isRoot
        ConnectionString = "Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Timeout=10"
    }
}

function Stop-PinTestPostgres {
    param($Server)
    if (-not $Server -or -not $Server.Available) { return }
    $command = @((Join-Path $Server.Bin 'pg_ctl'), '-D', (Join-Path $Server.Data 'db'), '-m', 'immediate', '-w', 'stop')
    if ($Server.IsRoot) { $null = & runuser -u postgres -- @command 2>&1 } else { $null = & $command[0] @($command | Select-Object -Skip 1) 2>&1 }
    Remove-Item $Server.Data -Recurse -Force -ErrorAction SilentlyContinue
}

function Invoke-PinTestPostgresQuery {
    <# Runs a query with psql and returns its rows as objects (values are strings, as CSV carries them). #>
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $Sql)
    $psql = Join-Path $Server.Bin 'psql'
    $lines = & $psql -h 127.0.0.1 -p $Server.Port -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 -c "COPY ($Sql) TO STDOUT WITH CSV HEADER" 2>&1
    if ($LASTEXITCODE -ne 0) { throw "psql failed: $lines" }
    @($lines) | ConvertFrom-Csv
}
