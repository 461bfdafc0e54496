using System.Text.Json;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Resources;
using Xunit;

namespace PinterestAds.Engine.Tests.Resources;

public sealed class TargetingOptionCatalogTests
{
    // The description's own sample shape: an array holding a map of id -> name.
    private const string LocationMap = """[{"500": "U.S.: Portland-Auburn", "811": "U.S.: Reno", "36313": "Australia: Moreton Bay - North"}]""";

    // Records with nested regions, as servers also send them.
    private const string GeoRecords = """
        [{"id":"US","name":"United States","children":[{"id":"US-CA","name":"California"},{"id":"US-OR","name":"Oregon","children":[{"id":"US-OR-PDX","name":"Portland area"}]}]},
         {"id":"CA","name":"Canada","population_rank":3,"children":[{"id":"CA-ON","name":"Ontario"}]}]
        """;

    private const string Interests = """[{"id":"935249274030","name":"Food and Drinks"},{"id":"924581335376","name":"Travel"}]""";

    private static IReadOnlyList<PinTargetingOption> Parse(string json, string type)
    {
        using var doc = JsonDocument.Parse(json);
        return TargetingOptionParser.Parse(doc.RootElement, type, null);
    }

    [Fact]
    public void Map_shape_gives_one_option_per_entry()
    {
        var options = Parse(LocationMap, "LOCATION");
        Assert.Equal(new[] { "500", "811", "36313" }, options.Select(o => o.Id));
        Assert.Equal("U.S.: Portland-Auburn", options[0].Name);
        Assert.All(options, o => Assert.Equal("LOCATION", o.TargetingType));
        Assert.All(options, o => Assert.Null(o.Country));
    }

    [Fact]
    public void Geo_records_are_flattened_parent_first_with_country_and_parent_region()
    {
        var options = Parse(GeoRecords, "GEO");
        Assert.Equal(new[] { "US", "US-CA", "US-OR", "US-OR-PDX", "CA", "CA-ON" }, options.Select(o => o.Id));

        var us = options[0];
        Assert.Equal(("US", "United States", 0, (string?)null), (us.Country, us.CountryName, us.Depth, us.ParentRegion));
        var california = options[1];
        Assert.Equal(("US", "United States", "US", "United States", 1), (california.Country, california.CountryName, california.ParentId, california.ParentRegion, california.Depth));
        var portland = options[3];
        Assert.Equal(("US", "US-OR", "Oregon", 2), (portland.Country, portland.ParentId, portland.ParentRegion, portland.Depth));
        // Fields the module has no property for are kept; those it read are not repeated.
        Assert.Equal(3L, options[4].Fields["population_rank"]);
        Assert.False(options[4].Fields.ContainsKey("children"));
        Assert.False(options[4].Fields.ContainsKey("id"));
    }

    [Fact]
    public void Geo_as_a_nested_map_is_flattened_too()
    {
        var options = Parse("""[{"US": {"name": "United States", "regions": {"US-CA": "California"}}, "GR": "Greece"}]""", "GEO");
        Assert.Equal(new[] { "US", "US-CA", "GR" }, options.Select(o => o.Id));
        Assert.Equal(("US", "United States"), (options[1].Country, options[1].ParentRegion));
        Assert.Equal(("GR", "Greece"), (options[2].Country, options[2].CountryName));
    }

    [Fact]
    public void Null_body_has_no_options()
    {
        Assert.Empty(Parse("null", "KEYWORD"));
    }

    [Fact]
    public void The_type_enum_matches_the_operation_enum_of_the_description()
    {
        var fromEnum = Enum.GetValues<TargetingOptionType>().Select(t => ApiNames.ToApi(t));
        Assert.Equal(TargetingOptionCatalog.OptionTypes, fromEnum);
    }

    [Theory]
    [InlineData("Location", "LOCATION")]
    [InlineData("AppType", "APPTYPE")]
    [InlineData("audience_include", "AUDIENCE_INCLUDE")]
    [InlineData("GEO", "GEO")]
    public void Either_spelling_of_a_type_is_accepted(string given, string api) =>
        Assert.Equal(api, TargetingOptionCatalog.RequireOptionType(given));

    [Fact]
    public void An_unknown_type_names_the_valid_ones()
    {
        var error = Assert.Throws<PinterestValidationException>(() => TargetingOptionCatalog.RequireOptionType("PLACEMENT"));
        Assert.Equal("ValueNotAllowed", error.ErrorId);
        Assert.Contains("AUDIENCE_EXCLUDE", error.Message);
    }

    [Fact]
    public async Task Options_are_cached_per_type_and_ad_account()
    {
        await using var server = new FakePinterestServer();
        server.On("/resources/targeting/LOCATION", LocationMap);
        using var session = server.NewSession();
        var log = NullPinLog.Instance;

        var first = await TargetingOptionCatalog.GetAsync(session, "LOCATION", null, log, default);
        var again = await TargetingOptionCatalog.GetAsync(session, "Location", null, log, default);
        await TargetingOptionCatalog.GetAsync(session, "LOCATION", "549755885175", log, default);
        await TargetingOptionCatalog.GetAsync(session, "LOCATION", "549755885175", log, default);

        Assert.Same(first, again);
        Assert.Equal(new[] { "/v5/resources/targeting/LOCATION", "/v5/resources/targeting/LOCATION?ad_account_id=549755885175" }, server.Requests);
    }

    [Fact]
    public async Task Invalid_ad_account_fails_before_any_request()
    {
        await using var server = new FakePinterestServer();
        using var session = server.NewSession();
        var error = await Assert.ThrowsAsync<PinterestValidationException>(() =>
            TargetingOptionCatalog.GetAsync(session, "LOCATION", "12a", NullPinLog.Instance, default));
        Assert.Equal("IdNotNumeric", error.ErrorId);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Analytics_values_resolve_to_names_with_one_request_per_option_type()
    {
        await using var server = new FakePinterestServer();
        server.On("/resources/targeting/LOCATION", LocationMap);
        server.On("/resources/targeting/GEO", GeoRecords);
        server.On("/resources/targeting/INTEREST", Interests);
        server.On("/resources/targeting/AGE_BUCKET", """[{"id":"25-34","name":"25-34"}]""");
        server.On("/resources/targeting/GENDER", """[{"id":"female","name":"Female"},{"id":"male","name":"Male"}]""");
        server.On("/resources/targeting/AUDIENCE_INCLUDE", """[{"id":"2542620000011","name":"Site visitors (30 days)"}]""");
        using var session = server.NewSession();
        var log = NullPinLog.Instance;
        Task<string?> Resolve(string type, string value, string? account = "549755885175") =>
            TargetingOptionCatalog.ResolveNameAsync(session, type, value, account, log, default);

        for (int i = 0; i < 50; i++) Assert.Equal("U.S.: Portland-Auburn", await Resolve("LOCATION", "500"));
        Assert.Equal("United States", await Resolve("COUNTRY", "US"));
        Assert.Equal("California", await Resolve("REGION", "US-CA"));
        Assert.Equal("Canada", await Resolve("GEO", "ca"));
        Assert.Equal("Travel", await Resolve("TARGETED_INTEREST", "924581335376"));
        Assert.Equal("Food and Drinks", await Resolve("PINNER_INTEREST", "Food and Drinks"));
        Assert.Equal("25-34 Female", await Resolve("AGE_BUCKET_AND_GENDER", "25-34 female"));
        Assert.Equal("Site visitors (30 days)", await Resolve("AUDIENCE_INCLUDE", "2542620000011"));
        Assert.Null(await Resolve("LOCATION", "99999"));
        Assert.Null(await Resolve("PLACEMENT", "SEARCH"));
        Assert.Null(await Resolve("LOCATION", ""));

        // One request per option type; the ad account is sent for audiences only.
        Assert.Equal(1, server.Count("/resources/targeting/LOCATION"));
        Assert.Equal(1, server.Count("/resources/targeting/GEO"));
        Assert.Equal(1, server.Count("/resources/targeting/INTEREST"));
        Assert.Contains("/v5/resources/targeting/LOCATION", server.Requests);
        Assert.Contains("/v5/resources/targeting/AUDIENCE_INCLUDE?ad_account_id=549755885175", server.Requests);
        Assert.Equal(0, server.Count("/resources/targeting/PLACEMENT"));
        Assert.Equal(6, server.Requests.Count); // LOCATION, GEO, INTEREST, AGE_BUCKET, GENDER, AUDIENCE_INCLUDE
    }
}
