namespace PinterestAds.Emulator.World;

/// <summary>The generated advertising world: ad accounts and everything in them, with id lookups.</summary>
internal sealed class AdWorld
{
    private readonly Dictionary<string, AdAccount> _accounts;
    private readonly Dictionary<string, Campaign> _campaigns = new();
    private readonly Dictionary<string, AdGroup> _adGroups = new();
    private readonly Dictionary<string, Ad> _ads = new();
    private readonly Dictionary<string, ProductGroup> _productGroups = new();
    private readonly Dictionary<string, Template> _templates = new();

    public AdWorld(int seed, IReadOnlyList<AdAccount> accounts)
    {
        Seed = (ulong)seed;
        Accounts = accounts;
        _accounts = accounts.ToDictionary(a => a.Id);
        foreach (var account in accounts)
        {
            foreach (var c in account.Campaigns)
            {
                _campaigns[c.Id] = c;
                foreach (var g in c.AdGroups)
                {
                    _adGroups[g.Id] = g;
                    foreach (var ad in g.Ads) _ads[ad.Id] = ad;
                    foreach (var pg in g.ProductGroups) _productGroups[pg.Id] = pg;
                }
            }
            foreach (var t in account.Templates) _templates[t.Id] = t;
        }
    }

    public ulong Seed { get; }

    public IReadOnlyList<AdAccount> Accounts { get; }

    public AdAccount? Account(string id) => _accounts.GetValueOrDefault(id);

    public Campaign? Campaign(string id) => _campaigns.GetValueOrDefault(id);

    public AdGroup? AdGroup(string id) => _adGroups.GetValueOrDefault(id);

    public Ad? Ad(string id) => _ads.GetValueOrDefault(id);

    public ProductGroup? ProductGroup(string id) => _productGroups.GetValueOrDefault(id);

    public Template? Template(string id) => _templates.GetValueOrDefault(id);
}
