namespace PinterestAds.Emulator.Tests;

/// <summary>
/// The access values of the admin world are the ones the Pester account filters test for (OWNER, SHARED,
/// FORBIDDEN), and the world always holds a forbidden account: a filter on a value the emulator never emits
/// would pass by the order of generation only.
/// </summary>
public sealed class WorldAccessTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public WorldAccessTests(EmulatorFixture fixture) => _f = fixture;

    [Fact]
    public void EveryAccountIsOwnedSharedOrForbiddenAndOneOfEachExists()
    {
        var access = _f.World["adAccounts"]!.AsArray().Select(a => (string)a!["access"]!).ToList();
        Assert.All(access, value => Assert.Contains(value, new[] { "OWNER", "SHARED", "FORBIDDEN" }));
        Assert.Contains("OWNER", access);
        Assert.Contains("SHARED", access);
        Assert.Contains("FORBIDDEN", access);
    }
}
