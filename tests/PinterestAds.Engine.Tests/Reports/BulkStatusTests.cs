using System.Net;
using PinterestAds.Engine.Bulk;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Reports;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Reports;

/// <summary>A bulk job holds only the description's BulkUpsertStatus values; anything else says what was seen.</summary>
public class BulkStatusTests
{
    private static ReportJob Job(PinterestSession session) =>
        new(session, "1", "42", ReportJobKind.Bulk, BulkStatuses.Running, ReportFormat.Json, DateTimeOffset.UtcNow);

    [Fact]
    public void The_bulk_values_are_the_descriptions_BulkUpsertStatus()
    {
        var values = OpenApiDescription.Root["components"]!["schemas"]!["BulkUpsertStatus"]!["enum"]!.AsArray().Select(v => (string)v!);
        Assert.Equal(values.OrderBy(v => v), BulkStatuses.All.OrderBy(v => v));
        Assert.DoesNotContain(ReportStatuses.DoesNotExist, BulkStatuses.All);
    }

    [Theory]
    [InlineData("{}", "BulkStatusMissing")]
    [InlineData("{\"status\":null}", "BulkStatusMissing")]
    [InlineData("{\"status\":\"DOES_NOT_EXIST\"}", "BulkStatusUnknown")]
    [InlineData("{\"status\":\"FINISHED\"}", "BulkStatusUnknown")]
    public async Task An_answer_without_a_bulk_status_is_an_error_not_FAILED(string answer, string errorId)
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.OK, answer);
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => BulkDownloads.RefreshAsync(Job(session), NullPinLog.Instance, CancellationToken.None));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(PinErrorKind.InvalidData, error.Kind);
        Assert.Contains("42", error.Message);
    }

    [Fact]
    public async Task A_404_is_BulkRequestNotFound()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.NotFound, "{\"code\":30,\"message\":\"Bulk request 42 not found.\"}");
        using var session = TestSessions.Create(wire);
        var error = await Assert.ThrowsAsync<PinterestApiException>(() => BulkDownloads.RefreshAsync(Job(session), NullPinLog.Instance, CancellationToken.None));
        Assert.Equal("BulkRequestNotFound", error.ErrorId);
        Assert.Equal(PinErrorKind.NotFound, error.Kind);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Include_details_is_sent_and_what_the_answer_adds_lands_in_Message()
    {
        var wire = new ScriptedHandler().Then(HttpStatusCode.OK, "{\"status\":\"FAILED\",\"errors\":[{\"message\":\"entity 7 is invalid\"}]}");
        using var session = TestSessions.Create(wire);
        var job = await BulkDownloads.RefreshAsync(Job(session), NullPinLog.Instance, CancellationToken.None, includeDetails: true);
        Assert.Equal(BulkStatuses.Failed, job.Status);
        Assert.Contains("entity 7 is invalid", job.Message);
        Assert.EndsWith("?include_details=true", wire.Requests.Single().Uri.ToString());
    }
}
