using PinterestAds.Emulator.Traffic;

namespace PinterestAds.Emulator;

/// <summary>
/// Everything the emulator can be told at start. World-shaping options (seed, sizes) and ports are read
/// once; the behavioural ones (latency, budgets, lifetimes, preparation time, gzip) can be changed while
/// it runs through <c>PATCH /_emulator/options</c>.
/// </summary>
public sealed class EmulatorOptions
{
    // ----- hosting -----
    /// <summary>Port of the API listener (and the admin API); 0 picks a free port.</summary>
    public int Port { get; set; }
    /// <summary>Port of the object-store listener that serves report and bulk files; 0 picks a free port.</summary>
    public int StorePort { get; set; }
    /// <summary>The emulator's "today" (UTC). Null means the real current UTC date.</summary>
    public DateOnly? Today { get; set; }

    // ----- world -----
    public int Seed { get; set; } = 42;
    /// <summary>Ad accounts the token can read (a further account it cannot access is always added, answering 403). The third is in JPY, the others USD (every third after it GBP).</summary>
    public int AdAccounts { get; set; } = 3;
    public int CampaignsPerAccount { get; set; } = 4;
    public int AdGroupsPerCampaign { get; set; } = 2;
    public int AdsPerAdGroup { get; set; } = 2;
    public int ProductGroupsPerAdGroup { get; set; } = 1;
    /// <summary>Keywords per ad group; 5 gives each ad group every match type once.</summary>
    public int KeywordsPerAdGroup { get; set; } = 5;
    public int ProductItemsPerProductGroup { get; set; } = 3;
    public int TemplatesPerAccount { get; set; } = 3;
    /// <summary>Share of ad-days (after an ad's start) with delivery; 1.0 makes every day deliver.</summary>
    public double ActivityRate { get; set; } = 0.85;
    /// <summary>How many days before "today" the oldest ads start delivering (ads start spread over this span).</summary>
    public int HistoryDays { get; set; } = 1000;

    // ----- auth -----
    public List<string> AccessTokens { get; set; } = new() { "emulator-access-token" };
    public string ClientId { get; set; } = "1234567890";
    public string ClientSecret { get; set; } = "emulator-client-secret";
    public string RefreshToken { get; set; } = "emulator-refresh-token";
    public double AccessTokenLifetimeSeconds { get; set; } = 30 * 86400;
    public double RefreshTokenLifetimeSeconds { get; set; } = 60 * 86400;

    // ----- environment -----
    /// <summary>
    /// Behave as the API sandbox: operations the description marks <c>x-sandbox: disabled</c> (async and
    /// template reports, bulk downloads, audience insights, product groups) answer 404 instead of serving.
    /// </summary>
    public bool Sandbox { get; set; }

    // ----- traffic -----
    /// <summary>Added latency on every API and store call, in milliseconds.</summary>
    public int LatencyMs { get; set; }
    public int AnalyticsRequestsPerMinute { get; set; } = 300;
    public int ReadRequestsPerMinute { get; set; } = 1000;
    /// <summary>Budget of any other category (org_read for /oauth/token, ...).</summary>
    public int OtherRequestsPerMinute { get; set; } = 1000;
    public int RequestsPerSecond { get; set; } = 100;

    // ----- async work -----
    public int ReportPreparationMs { get; set; } = 1000;
    public double ReportLifetimeSeconds { get; set; } = 3600;
    public double LinkLifetimeSeconds { get; set; } = 300;
    public int BulkPreparationMs { get; set; } = 500;
    /// <summary>Serve store downloads with <c>Content-Encoding: gzip</c>.</summary>
    public bool GzipDownloads { get; set; }

    // ----- faults -----
    /// <summary>Fault rules active from the start (same shape as <c>POST /_emulator/faults</c>).</summary>
    public List<FaultRule> Faults { get; set; } = new();

    public EmulatorOptions Clone()
    {
        var copy = (EmulatorOptions)MemberwiseClone();
        copy.AccessTokens = new List<string>(AccessTokens);
        copy.Faults = Faults.Select(f => f.Clone()).ToList();
        return copy;
    }
}
