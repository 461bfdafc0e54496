# For the Sync-PinAnalytics tests: one "today" for the module and the emulator, queries of the
# SQLite and PostgreSQL destinations, and a throw-away PostgreSQL server on loopback. Part of TestSupport.psm1.

function Get-PinEngineAssembly {
    [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName([Reflection.AssemblyName]::new('PinterestAds.Engine'))
}

function Set-PinTestToday {
    <#
    Sets the module's "today" (ApiDates.UtcToday, injectable for exactly this) and the emulator's to one date,
    so simulated nights move both. The function is a compiled constant: engine threads call it without a runspace.
    #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [datetime] $Date)
    $null = Set-PinTestEmulatorToday -Emulator $Emulator -Date $Date
    $apiDates = (Get-PinEngineAssembly).GetType('PinterestAds.Engine.Api.ApiDates', $true)
    $constant = [System.Linq.Expressions.Expression]::Constant($Date.Date)
    $function = [System.Linq.Expressions.Expression]::Lambda[Func[datetime]]($constant).Compile()
    $apiDates.GetProperty('UtcToday', [Reflection.BindingFlags]'Static, Public, NonPublic').SetValue($null, $function)
}

function Reset-PinTestToday {
    $apiDates = (Get-PinEngineAssembly).GetType('PinterestAds.Engine.Api.ApiDates', $true)
    $now = [System.Linq.Expressions.Expression]::Property($null, [datetime], 'UtcNow')
    $date = [System.Linq.Expressions.Expression]::Property($now, 'Date')
    $function = [System.Linq.Expressions.Expression]::Lambda[Func[datetime]]($date).Compile()
    $apiDates.GetProperty('UtcToday', [Reflection.BindingFlags]'Static, Public, NonPublic').SetValue($null, $function)
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
