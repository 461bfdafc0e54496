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
    [Fact]
    public void The_sandbox_lacks_exactly_what_the_description_marks_disabled_and_production_lacks_nothing()
    {
        var described = OpenApiDescription.Operations();
        var sandbox = EnvironmentRules.For(PinEnvironment.Sandbox);
        foreach (var operation in ApiCatalog.Current.Operations)
        {
            bool disabled = (string?)described[operation.Id]["x-sandbox"] == "disabled";
            Assert.True(sandbox.Supports(operation) == !disabled, operation.Id);
            Assert.True(EnvironmentRules.For(PinEnvironment.Production).Supports(operation), operation.Id);
            Assert.True(EnvironmentRules.For(PinEnvironment.Custom).Supports(operation), operation.Id);
        }
        Assert.False(sandbox.Supports("analytics/create_report"));
        Assert.False(sandbox.Supports("bulk_request/get"));
    }

    [Fact]
    public void An_app_token_lacks_what_the_descriptions_security_keeps_to_user_tokens()
    {
        var described = OpenApiDescription.Operations();
        var app = EnvironmentRules.For(PinEnvironment.Production, clientCredentials: true);
        foreach (var operation in ApiCatalog.Current.Operations)
        {
            bool allowed = described[operation.Id]["security"]?.AsArray().Any(s => s is JsonObject scheme && scheme.ContainsKey("client_credentials")) == true;
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
