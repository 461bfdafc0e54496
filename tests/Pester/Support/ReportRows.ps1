# Report rows against the emulator's ground truth (keys, comparison, the expected rows of a query). Part of TestSupport.psm1.

function Get-ReportRowKey {
    param($Row, [string] $IdColumn, [switch] $Expected)
    Set-StrictMode -Off   # a row without targeting columns (or DATE) reads as $null here
    $date = if ($Expected) { $Row.DATE } elseif ($null -ne $Row.DATE) { ([datetime]$Row.DATE).ToString('yyyy-MM-dd') } else { $null }
    $type = if ($Expected) { $Row.targeting_type } else { $Row.TARGETING_TYPE }
    $value = if ($Expected) { $Row.targeting_value } else { $Row.TARGETING_VALUE }
    '{0}|{1}|{2}|{3}' -f $Row.$IdColumn, $date, $type, $value
}

function Assert-RowsMatchTruth {
    <# Every emitted row equals the emulator's ground truth row with the same key; metrics absent there are 0. #>
    param([object[]] $Rows, [object[]] $Expected, [string] $IdColumn, [string[]] $Columns)
    Set-StrictMode -Off   # a metric absent from a ground-truth row reads as $null, compared as 0
    $truth = @{}
    foreach ($row in $Expected) { $truth[(Get-ReportRowKey $row $IdColumn -Expected)] = $row }
    @($Rows).Count | Should -Be @($Expected).Count -Because 'the report holds exactly the ground-truth rows'
    foreach ($row in $Rows) {
        $key = Get-ReportRowKey $row $IdColumn
        $truth.ContainsKey($key) | Should -BeTrue -Because "row $key must exist in the ground truth"
        foreach ($column in $Columns) {
            $want = $truth[$key].$column
            $want = if ($null -eq $want) { [decimal]0 } else { [decimal]$want }
            [decimal]$row.$column | Should -Be $want -Because "$column of $key"
        }
    }
}

function Assert-PinTestRowsEqualTruth {
    <# Analytics rows (sync or async path) equal the emulator's ground truth row for row, keyed on the entity id
       and the DATE (with its hour); a metric the ground truth leaves out must be empty in the row, where
       Assert-RowsMatchTruth (report files, which write 0) reads it as 0. #>
    param([object[]] $Rows, [object[]] $Truth, [string] $IdColumn, [string[]] $Column)
    Set-StrictMode -Off   # a row or truth without DATE (TOTAL) or without a metric reads as $null here
    $dateKey = { param($date) if ($null -eq $date) { '<null>' } else { ([datetime]$date).ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture) } }
    @($Rows).Count | Should -Be @($Truth).Count
    $index = @{}
    foreach ($row in $Rows) { $index["$($row.$IdColumn)|$(& $dateKey $row.PSObject.Properties['DATE']?.Value)"] = $row }
    foreach ($want in $Truth) {
        $date = $want.PSObject.Properties['DATE']?.Value
        if ($date -is [string]) { $date = [datetime]::Parse($date, [cultureinfo]::InvariantCulture) }
        $key = "$($want.$IdColumn)|$(& $dateKey $date)"
        $got = $index[$key]
        $got | Should -Not -BeNullOrEmpty -Because "row $key is in the ground truth"
        foreach ($name in $Column) {
            $truthValue = $want.PSObject.Properties[$name]
            if ($null -eq $truthValue) { $got.$name | Should -BeNullOrEmpty -Because "$key has no $name" }
            else { [decimal]$got.$name | Should -Be ([decimal]$truthValue.Value) -Because "$key $name" }
        }
    }
}

function Get-ExpectedReportRow {
    param($Emulator, [string] $AdAccountId, [string] $Level, [datetime] $Start, [datetime] $End, [string] $Granularity,
        [string[]] $Columns, [string[]] $TargetingTypes, [string[]] $Ids)
    $query = @{
        ad_account_id = $AdAccountId; level = $Level; granularity = $Granularity; columns = $Columns
        start_date = $Start.ToString('yyyy-MM-dd'); end_date = $End.ToString('yyyy-MM-dd')
    }
    if ($TargetingTypes) { $query.targeting_types = $TargetingTypes }
    if ($Ids) { $query.ids = $Ids }
    @(Get-PinTestEmulatorExpectedRow $Emulator $query)
}
