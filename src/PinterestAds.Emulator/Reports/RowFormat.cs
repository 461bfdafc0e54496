namespace PinterestAds.Emulator.Reports;

/// <summary>The shapes rows are written in.</summary>
internal enum RowFormat
{
    /// <summary>Sync analytics: a JSON array of flat row objects, sparse.</summary>
    SyncArray,
    /// <summary>Sync targeting analytics: <c>{"data":[{"targeting_type","targeting_value","metrics":{...}}]}</c>, sparse.</summary>
    SyncTargeting,
    /// <summary>Admin ground truth: a JSON array of flat rows (targeting_type/targeting_value as keys), sparse.</summary>
    ExpectedRows,
    /// <summary>Async JSON file: an object keyed by entity id (or date with BY_DATE), each an array of rows, sparse.</summary>
    AsyncJson,
    /// <summary>Async CSV file: header then one line per row, zero-filled.</summary>
    Csv,
}
