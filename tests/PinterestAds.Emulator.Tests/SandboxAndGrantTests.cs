using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PinterestAds.Emulator.Tests;

/// <summary>
/// Contract tests of issue 18 against the description: sandbox mode refuses exactly the operations marked
/// x-sandbox: disabled; the client_credentials grant needs the scope the description requires and its app
/// token is refused where the operation's security lacks that scheme; include_details is the description's
/// boolean; a bulk answer without a status still validates; the journal keeps only non-secret token fields.
/// </summary>
public sealed class SandboxAndGrantTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public SandboxAndGrantTests(EmulatorFixture fixture) => _f = fixture;

    /// <summary>Every operation the emulator serves, with its method, path and the description's marks.</summary>
    private static IEnumerable<(string Id, string Method, string Path, JsonObject Operation)> DescribedOperations()
    {
        var served = ContractTests.CoveredOperations.ToHashSet(StringComparer.Ordinal);
        foreach (var (path, item) in OpenApiSchemas.Description["paths"]!.AsObject())
            foreach (var (method, value) in item!.AsObject())
                if (value is JsonObject op && op["operationId"] is JsonValue id && served.Contains((string)id!))
                    yield return ((string)id!, method.ToUpperInvariant(), path, op);
    }

    // Any digits fill the path: sandbox mode answers before the handler reads a parameter.
    private string UriOf(string path) =>
        path.TrimStart('/').Replace("{ad_account_id}", _f.AccountId).Replace("{template_id}", "1").Replace("{bulk_request_id}", "1")
            .Replace("{targeting_type}", "GENDER");

    private async Task<(int Status, string Body)> CallAsync(string method, string path, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), UriOf(path));
        if (method == "POST") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await (client ?? _f.Api).SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(int Status, JsonNode? Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var client = _f.NewClient(null);
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("1234567890:emulator-client-secret")));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [OpenApiFact]
    public async Task SandboxModeRefusesExactlyTheOperationsMarkedDisabled()
    {
        var operations = DescribedOperations().Where(o => o.Id != "oauth/token").ToList();
        Assert.Contains(operations, o => (string?)o.Operation["x-sandbox"] == "disabled");
        await _f.AdminAsync(HttpMethod.Patch, "/options", new { sandbox = true });
        try
        {
            foreach (var (id, method, path, op) in operations)
            {
                var (status, body) = await CallAsync(method, path);
                bool refused = status == 404 && body.Contains("not available in the API Sandbox", StringComparison.Ordinal);
                Assert.True(refused == ((string?)op["x-sandbox"] == "disabled"), $"{id} (x-sandbox: {op["x-sandbox"]}) answered {status}: {body}");
                if (refused) Assert.Equal(30, (int)JsonNode.Parse(body)!["code"]!);
            }
        }
        finally
        {
            await _f.AdminAsync(HttpMethod.Patch, "/options", new { sandbox = false });
        }
        foreach (var (id, method, path, _) in operations)
        {
            var (_, body) = await CallAsync(method, path);
            Assert.False(body.Contains("not available in the API Sandbox", StringComparison.Ordinal), $"{id} refused outside sandbox mode");
        }
    }

    [OpenApiFact]
    public async Task ClientCredentialsNeedsTheScopeTheDescriptionRequires()
    {
        var required = OpenApiSchemas.Description["components"]!["schemas"]!["OauthAccessTokenRequestClientCredentials"]!["allOf"]!.AsArray()
            .SelectMany(part => part!["required"]?.AsArray().Select(r => (string)r!) ?? Enumerable.Empty<string>()).ToList();
        Assert.Contains("scope", required);

        var (missing, error) = await TokenAsync(new() { ["grant_type"] = "client_credentials" });
        Assert.Equal(400, missing);
        Assert.Contains("scope", (string)error!["message"]!);

        var (status, token) = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "ads:read" });
        Assert.Equal(200, status);
        Assert.Equal("ads:read", (string)token!["scope"]!);
        Assert.Null(token["refresh_token"]);
        var schema = OpenApiSchemas.ResponseSchema("/oauth/token", "post", "200");
        OpenApiSchemas.AssertValid(schema, token, "client_credentials token");
    }

    [OpenApiFact]
    public async Task AnAppTokenIsRefusedWhereTheOperationsSecurityLacksClientCredentials()
    {
        var (_, token) = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "ads:read" });
        using var app = _f.NewClient((string)token!["access_token"]!);
        var operations = DescribedOperations().Where(o => o.Id != "oauth/token").ToList();
        Assert.Contains(operations, o => !AllowsClientCredentials(o.Operation));
        foreach (var (id, method, path, op) in operations)
        {
            var (status, body) = await CallAsync(method, path, app);
            bool refused = status == 403 && body.Contains("client_credentials token is not accepted", StringComparison.Ordinal);
            Assert.True(refused == !AllowsClientCredentials(op), $"{id} answered {status} to an app token: {body}");
        }
        // A user's token is not affected.
        Assert.Equal(200, (await CallAsync("GET", "/ad_accounts/{ad_account_id}/templates")).Status);
    }

    private static bool AllowsClientCredentials(JsonObject operation) =>
        operation["security"]?.AsArray().Any(s => s is JsonObject scheme && scheme.ContainsKey("client_credentials")) == true;

    [OpenApiFact]
    public async Task TheJournalKeepsOnlyTheNonSecretFieldsOfATokenRequest()
    {
        await _f.AdminAsync(HttpMethod.Delete, "/requests");
        await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "not-a-real-refresh-token", ["scope"] = "ads:read" });
        // The journal records a request before its answer starts: one read after the answer finds it.
        var journal = await _f.Anonymous.GetStringAsync(_f.Server.AdminUri + "/requests");
        var entry = JsonNode.Parse(journal)!.AsArray().SingleOrDefault(e => (string?)e!["OperationId"] == "oauth/token");
        Assert.NotNull(entry);
        Assert.Equal("refresh_token", (string)entry!["TokenRequest"]!["grant_type"]!);
        Assert.Equal("ads:read", (string)entry["TokenRequest"]!["scope"]!);
        Assert.DoesNotContain("not-a-real-refresh-token", journal);
    }

    [OpenApiFact]
    public async Task IncludeDetailsIsTheDescriptionsBooleanAndABulkAnswerWithoutStatusValidates()
    {
        var include = OpenApiSchemas.Description["components"]!["parameters"]!["include_details"]!;
        Assert.Equal("boolean", (string)include["schema"]!["type"]!);

        var (_, created) = await _f.SendAsync(HttpMethod.Post, $"ad_accounts/{_f.AccountId}/bulk/download", new { entity_types = new[] { "CAMPAIGN" } });
        var id = (string)created!["request_id"]!;
        Assert.Equal(200, (await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/bulk/{id}?include_details=true")).Status);
        Assert.Equal(400, (await _f.SendAsync(HttpMethod.Get, $"ad_accounts/{_f.AccountId}/bulk/{id}?include_details=yes")).Status);

        await _f.AdminAsync(HttpMethod.Post, $"/reports/{id}/status", new { status = "ABSENT" });
        var answer = await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/bulk/{id}");
        Assert.Null(answer["status"]);
        var schema = OpenApiSchemas.ResponseSchema("/ad_accounts/{ad_account_id}/bulk/{bulk_request_id}", "get", "200");
        OpenApiSchemas.AssertValid(schema, answer, "bulk status without status");

        // Every status the emulator can be told to give is a value of the description's BulkUpsertStatus (or none).
        var values = OpenApiSchemas.Description["components"]!["schemas"]!["BulkUpsertStatus"]!["enum"]!.AsArray().Select(v => (string)v!).ToList();
        foreach (var status in new[] { "RUNNING", "SUCCEEDED", "FAILED" })
        {
            Assert.Contains(status, values);
            await _f.AdminAsync(HttpMethod.Post, $"/reports/{id}/status", new { status });
            Assert.Equal(status, (string)(await _f.GetJsonAsync($"ad_accounts/{_f.AccountId}/bulk/{id}"))["status"]!);
        }
    }

    [Fact]
    public async Task ATransient400FaultSaysRetryAfterNSeconds()
    {
        await _f.AdminAsync(HttpMethod.Post, "/faults", new { kind = "status", target = "campaign_targeting_analytics/get", status = 400, retryAfterSeconds = 3, count = 1 });
        var (status, body) = await _f.SendAsync(HttpMethod.Get,
            $"ad_accounts/{_f.AccountId}/campaigns/targeting_analytics?campaign_ids=1&start_date=2026-01-05&end_date=2026-01-06&targeting_types=GENDER&columns=SPEND_IN_DOLLAR&granularity=DAY");
        Assert.Equal(400, status);
        Assert.Equal("Retry after 3 seconds", (string)body!["message"]!);
        await _f.AdminAsync(HttpMethod.Delete, "/faults");
    }
}
