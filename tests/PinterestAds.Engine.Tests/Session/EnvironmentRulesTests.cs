using System.Net;
using System.Text.Json.Nodes;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Session;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Session;

/// <summary>The sandbox and app-token rules come from the description's marks; refusals send nothing.</summary>
public class EnvironmentRulesTests
{
    /// <summary>The description's operations (from the repo's ../shared), by operationId; null when it is not at hand.</summary>
    private static Dictionary<string, JsonObject>? Described()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "PinterestAds.sln"))) continue;
            var file = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "pinterest-api", "openapi.json"));
            if (!File.Exists(file)) return null;
            var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var (_, item) in JsonNode.Parse(File.ReadAllText(file))!["paths"]!.AsObject())
                foreach (var (_, op) in item!.AsObject())
                    if (op is JsonObject o && o["operationId"] is JsonValue id) result[(string)id!] = o;
            return result;
        }
        return null;
    }

    [Fact]
    public void The_sandbox_lacks_exactly_what_the_description_marks_disabled_and_production_lacks_nothing()
    {
        var described = Described();
        Assert.NotNull(described);
        var sandbox = EnvironmentRules.For(PinEnvironment.Sandbox);
        foreach (var operation in ApiCatalog.Current.Operations)
        {
            bool disabled = (string?)described![operation.Id]["x-sandbox"] == "disabled";
            Assert.True(sandbox.Supports(operation) == !disabled, operation.Id);
            Assert.True(EnvironmentRules.For(PinEnvironment.Production).Supports(operation), operation.Id);
            Assert.True(EnvironmentRules.For(PinEnvironment.Custom).Supports(operation), operation.Id);
        }
        Assert.Contains("analytics/create_report", sandbox.Unsupported());
        Assert.Contains("bulk_request/get", sandbox.Unsupported());
    }

    [Fact]
    public void An_app_token_lacks_what_the_descriptions_security_keeps_to_user_tokens()
    {
        var described = Described();
        Assert.NotNull(described);
        var app = EnvironmentRules.For(PinEnvironment.Production, clientCredentials: true);
        foreach (var operation in ApiCatalog.Current.Operations)
        {
            bool allowed = described![operation.Id]["security"]?.AsArray().Any(s => s is JsonObject scheme && scheme.ContainsKey("client_credentials")) == true;
            if (operation.Id == "oauth/token") continue; // HTTP Basic, not a bearer token
            Assert.True(app.Supports(operation) == allowed, operation.Id);
        }
    }

    [Fact]
    public async Task A_sandbox_session_refuses_before_sending_and_names_what_works_instead()
    {
        var wire = new ScriptedHandler();
        using var session = TestSessions.Create(wire, configure: o => o.Environment = PinEnvironment.Sandbox);
        Assert.False(session.Supports("analytics/create_report"));
        Assert.True(session.Supports("campaigns/analytics"));
        var request = new ApiRequest("analytics/get_report").Path("ad_account_id", "1").QueryValue("token", "t");
        var refusal = await Assert.ThrowsAsync<PinterestEnvironmentException>(() => session.Api.SendAsync(request, NullPinLog.Instance, CancellationToken.None));
        Assert.Equal("NotAvailableInSandbox", refusal.ErrorId);
        Assert.Equal("analytics/get_report", refusal.OperationId);
        Assert.Contains("Get-PinAnalytics", refusal.Message);
        Assert.Contains("Sandbox", refusal.Message);
        Assert.Empty(wire.Requests);

        wire.Then(HttpStatusCode.OK, "{\"items\":[],\"bookmark\":null}");
        await session.Api.SendAsync(new ApiRequest("ad_accounts/list"), NullPinLog.Instance, CancellationToken.None);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public void The_transient_400_retry_rule_covers_every_sync_and_targeting_analytics_operation_and_nothing_else()
    {
        var retried = ApiCatalog.Current.Operations.Where(o => o.RetriesTransientBadRequest).Select(o => o.Id).ToHashSet();
        foreach (var id in new[] { "ad_account/analytics", "campaigns/analytics", "ad_groups/analytics", "ads/analytics", "product_groups/analytics",
                     "ad_account_targeting_analytics/get", "campaign_targeting_analytics/get", "ad_groups_targeting_analytics/get", "ad_targeting_analytics/get" })
            Assert.Contains(id, retried);
        Assert.DoesNotContain("analytics/get_report", retried);
        Assert.DoesNotContain("metrics_ready_state/get", retried);
        Assert.DoesNotContain("campaigns/list", retried);
    }
}
