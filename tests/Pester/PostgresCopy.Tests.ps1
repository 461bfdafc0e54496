#Requires -Modules Pester
# The PostgreSQL destination's own binary COPY encoding (PostgresCopyEncoder) read by a real PostgreSQL
# server: every value comes back as it went in - numeric with its scale, dates before and after 2000,
# hours, booleans, text in any script, nulls. The engine's xunit tests pin the bytes; this pins what the
# server makes of them, and that a window whose row cannot be encoded is abandoned whole.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module PinterestAds -Force
    $script:pg = Start-PinTestPostgres
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ('pin-copy-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
    $null = New-Item -ItemType Directory -Path $work
    $script:invariant = [cultureinfo]::InvariantCulture

    # The encoder and the table shape are internal to the engine (the module's private load context).
    $engine = Get-PinEngineAssembly
    $script:kindType = $engine.GetType('PinterestAds.Engine.Sync.SyncValueKind', $true)
    $script:columnType = $engine.GetType('PinterestAds.Engine.Sync.SyncColumn', $true)
    $script:tableType = $engine.GetType('PinterestAds.Engine.Sync.SyncTable', $true)
    $script:encoderType = $engine.GetType('PinterestAds.Engine.Sync.Destinations.PostgresCopyEncoder', $true)

    function script:New-Encoder {
        $columns = [Activator]::CreateInstance([System.Collections.Generic.List`1].MakeGenericType($columnType))
        foreach ($column in @(('id', 'Integer', $true), ('t', 'Text', $false), ('d', 'Date', $false), ('h', 'DateTime', $false), ('m', 'Decimal', $false), ('b', 'Boolean', $false))) {
            $columns.Add([Activator]::CreateInstance($columnType, [object[]]@($column[0], [enum]::Parse($kindType, $column[1]), $column[2])))
        }
        $table = [Activator]::CreateInstance($tableType, [object[]]@(, $columns))
        [Activator]::CreateInstance($encoderType, [Reflection.BindingFlags]'Instance, Public, NonPublic', $null, [object[]]@(, $table), $null)
    }

    # Rows of edge values first, then seeded random ones: id, text, date, hour, decimal, flag.
    $script:rows = [System.Collections.Generic.List[object[]]]::new()
    $edges = @('0', '0.00', '1', '-1', '0.5', '9999', '10000', '10001', '99999999.9999', '0.0001', '0.00001', '123.4560', '-0.000150',
        '0.0000000000000000000000000001', '79228162514264337593543950335', '-79228162514264337593543950335', '19.530058', '-12345678901234567890.12345678')
    $texts = @('', 'plain', 'é', '日本語のキャンペーン', 'quote " and comma ,', "tab`there", 'emoji 😀', ('long ' + ('z' * 70000)))
    $random = [Random]::new(20261201)
    for ($i = 0; $i -lt 3000; $i++) {
        $m = if ($i -lt $edges.Count) { [decimal]::Parse($edges[$i], $invariant) }
        elseif ($i % 10 -eq 0) { $null }
        else { [decimal]::new($random.Next(), $random.Next(), $random.Next(0, 1 -shl 20), ($random.Next(2) -eq 0), [byte]$random.Next(0, 29)) }
        $text = if ($i -lt $texts.Count) { $texts[$i] } elseif ($i % 7 -eq 0) { $null } else { 'entity ' + $random.Next() }
        $day = ([datetime]'1990-01-01').AddDays($random.Next(0, 20000))
        $hour = ([datetime]'1995-01-01').AddHours($random.Next(0, 400000))
        $rows.Add(@([long]$i, $text, $day, $hour, $m, ($random.Next(2) -eq 0)))
    }
}

AfterAll {
    Stop-PinTestPostgres $pg
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'PostgresCopyEncoder against a real server' {
    It 'lands every value as it went in (numeric scale, dates, hours, text, nulls)' {
        if (-not $pg.Available) { Set-ItResult -Skipped -Because $pg.Reason; return }
        $encoder = New-Encoder
        $encoder.WriteHeader()
        foreach ($row in $rows) { $encoder.WriteRow($row) }
        $encoder.WriteTrailer()
        $file = Join-Path $work 'rows.bin'
        $stream = [IO.File]::Create($file)
        try { $stream.Write($encoder.Buffer, 0, $encoder.Length) } finally { $stream.Dispose() }

        $psql = Join-Path $pg.Bin 'psql'
        $output = & $psql -h 127.0.0.1 -p $pg.Port -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 `
            -c 'CREATE TABLE copy_check (id bigint PRIMARY KEY, t text, d date, h timestamp, m numeric, b boolean)' `
            -c "\copy copy_check FROM '$file' WITH (FORMAT binary)" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "psql said: $output"

        $landed = @(Invoke-PinTestPostgresQuery $pg "SELECT id, coalesce(t, '<null>') AS t, d::text AS d, h::text AS h, coalesce(m::text, '<null>') AS m, b::text AS b FROM copy_check ORDER BY id")
        $landed.Count | Should -Be $rows.Count
        $mismatches = [System.Collections.Generic.List[string]]::new()
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $row = $rows[$i]; $back = $landed[$i]
            $expected = @(
                $row[0].ToString($invariant),
                $(if ($null -eq $row[1]) { '<null>' } else { $row[1] }),
                $row[2].ToString('yyyy-MM-dd', $invariant),
                $row[3].ToString('yyyy-MM-dd HH:mm:ss', $invariant),
                $(if ($null -eq $row[4]) { '<null>' } else { $row[4].ToString($invariant) }),
                $(if ($row[5]) { 'true' } else { 'false' })) -join '|'
            $actual = @($back.id, $back.t, $back.d, $back.h, $back.m, $back.b) -join '|'
            if ($actual -cne $expected) { $mismatches.Add("row ${i}: sent $expected, landed $actual") }
        }
        $mismatches | Should -BeNullOrEmpty
    }

    It 'abandons a window whose row cannot be encoded after chunks were sent: the window and its days stay as they were' {
        if (-not $pg.Available) { Set-ItResult -Skipped -Because $pg.Reason; return }
        $engine = Get-PinEngineAssembly
        $flags = [Reflection.BindingFlags]'Instance, Public, NonPublic'
        $targeting = [Array]::CreateInstance($engine.GetType('PinterestAds.AnalyticsTargetingType', $true), 0)
        $definition = [Activator]::CreateInstance($engine.GetType('PinterestAds.Engine.Sync.SyncDefinition', $true), $flags, $null, [object[]]@(
                [enum]::Parse($engine.GetType('PinterestAds.AnalyticsLevel', $true), 'Campaign'), [string[]]@('SPEND_IN_DOLLAR', 'TOTAL_IMPRESSION'),
                [enum]::Parse($engine.GetType('PinterestAds.Granularity', $true), 'Day'), $targeting, $null, $null, $null, $null), $null)
        $destination = [Activator]::CreateInstance($engine.GetType('PinterestAds.Engine.Sync.Destinations.PostgresDestination', $true), $flags, $null,
            [object[]]@($pg.ConnectionString, 'copy_abandon'), $null)
        $dayType = $engine.GetType('PinterestAds.Engine.Sync.SyncDayState', $true)
        $window = [Activator]::CreateInstance($engine.GetType('PinterestAds.Engine.Sync.SyncWindow', $true), $flags, $null, [object[]]@([datetime]'2026-11-01', [datetime]'2026-11-01'), $null)
        function New-Days([int] $Rows, [string] $RunId) {
            $days = [Activator]::CreateInstance([System.Collections.Generic.List`1].MakeGenericType($dayType))
            $days.Add([Activator]::CreateInstance($dayType, $flags, $null, [object[]]@([datetime]'2026-11-01', $Rows, $true, [DateTimeOffset]'2026-12-01T00:00:00Z', $RunId), $null))
            , $days
        }
        # Columns: AdAccountId, Currency, Level, CAMPAIGN_ID, DATE, SPEND_IN_DOLLAR, TOTAL_IMPRESSION, MetricsFinal.
        function New-Row([int] $Campaign, $Impressions) { , [object[]]@('a1', 'USD', 'CAMPAIGN', "c$Campaign", [datetime]'2026-11-01', [decimal]'1.50', $Impressions, $true) }
        try {
            $destination.OpenAsync($definition, $false, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
            $first = [System.Collections.Generic.List[object[]]]::new()
            $first.Add((New-Row 1 ([long]10))); $first.Add((New-Row 2 ([long]20)))
            $destination.ReplaceWindowAsync('a1', $window, $first, (New-Days 2 'run-1'), [Threading.CancellationToken]::None).GetAwaiter().GetResult() | Should -Be 0

            # More than one 64 KB chunk of good rows goes out before the bad one (text in a bigint column).
            $second = [System.Collections.Generic.List[object[]]]::new()
            for ($i = 0; $i -lt 3000; $i++) { $second.Add((New-Row (100 + $i) ([long]$i))) }
            $second.Add((New-Row 9999 'not a number'))
            { $destination.ReplaceWindowAsync('a1', $window, $second, (New-Days 3001 'run-2'), [Threading.CancellationToken]::None).GetAwaiter().GetResult() } |
                Should -Throw '*TOTAL_IMPRESSION*not a number*'
        }
        finally { $destination.Dispose() }

        $landed = @(Invoke-PinTestPostgresQuery $pg 'SELECT "CAMPAIGN_ID", "TOTAL_IMPRESSION" FROM copy_abandon ORDER BY "CAMPAIGN_ID"')
        ($landed | ForEach-Object { "$($_.CAMPAIGN_ID)=$($_.TOTAL_IMPRESSION)" }) -join ',' | Should -Be 'c1=10,c2=20'
        $days = @(Invoke-PinTestPostgresQuery $pg "SELECT rows, run_id FROM pin_sync_days WHERE table_name = 'copy_abandon'")
        ($days | ForEach-Object { "$($_.rows) $($_.run_id)" }) -join ',' | Should -Be '2 run-1'
    }
}
