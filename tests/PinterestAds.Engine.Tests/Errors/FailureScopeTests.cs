using System.Net;
using PinterestAds.Engine.Analytics;
using PinterestAds.Engine.Api;
using PinterestAds.Engine.Logging;
using PinterestAds.Engine.Tests.Support;

namespace PinterestAds.Engine.Tests.Errors;

/// <summary>The one rule of which failures end a command (<see cref="FailureScope"/>), and the analytics runner following it.</summary>
public class FailureScopeTests
{
    [Theory]
    [InlineData(PinErrorKind.AuthenticationFailed, true)]
    [InlineData(PinErrorKind.PermissionDenied, true)]
    [InlineData(PinErrorKind.NotConnected, true)]
    [InlineData(PinErrorKind.LimitsExceeded, true)]
    [InlineData(PinErrorKind.Timeout, false)]
    [InlineData(PinErrorKind.ServerError, false)]
    [InlineData(PinErrorKind.NetworkFailure, false)]
    [InlineData(PinErrorKind.InvalidData, false)]
    [InlineData(PinErrorKind.NotFound, false)]
    [InlineData(PinErrorKind.InvalidArgument, false)]
    public void Only_failures_no_later_item_can_escape_end_the_command(PinErrorKind kind, bool endsCommand)
    {
        Assert.Equal(endsCommand, FailureScope.EndsCommand(new PinterestException("X", kind, "x")));
    }

    [Fact]
    public void A_failure_that_is_not_the_modules_own_ends_only_its_item()
    {
        Assert.False(FailureScope.EndsCommand(new IOException("reset")));
    }

    private static AnalyticsQuery TwoCalls(IReadOnlyList<string> ids) => new()
    {
        AdAccountId = "549755885175", Level = AnalyticsLevel.Campaign, Ids = ids, Columns = new[] { "SPEND_IN_DOLLAR" },
        StartDate = ApiDates.Today(TimeProvider.System).AddDays(-3), EndDate = ApiDates.Today(TimeProvider.System).AddDays(-3), Granularity = Granularity.Day,
        SkipFreshnessCheck = true, ThrottleLimit = 1,
    };

    private static async Task<(List<AnalyticsRow> Rows, List<Exception> Failures)> RunWithFirstCallFailing(PinterestApiException failure)
    {
        // 300 campaigns: two calls (250 + 50 ids), sent one after the other.
        var ids = Enumerable.Range(1, 300).Select(i => (1000 + i).ToString()).ToList();
        int analyticsCalls = 0;
        var wire = new ScriptedHandler
        {
            Fallback = request =>
            {
                if (!request.RequestUri!.AbsolutePath.EndsWith("/campaigns/analytics", StringComparison.Ordinal))
                    return ScriptedHandler.Json(HttpStatusCode.OK, "{\"id\":\"549755885175\",\"currency\":\"USD\"}");
                if (Interlocked.Increment(ref analyticsCalls) == 1) throw failure;
                return ScriptedHandler.Json(HttpStatusCode.OK, "[{\"CAMPAIGN_ID\":\"1299\",\"DATE\":\"" + ApiDates.Format(ApiDates.Today(TimeProvider.System).AddDays(-3)) + "\",\"SPEND_IN_DOLLAR\":2.5}]");
            },
        };
        using var session = TestSessions.Create(wire, configure: o => o.Retry.MaxRetries = 0);
        var resources = new SessionAnalyticsResources(session);
        var plan = await AnalyticsRunner.PlanAsync(TwoCalls(ids), resources, NullPinLog.Instance, default);
        Assert.Equal(2, plan.Calls.Count);
        var rows = new List<AnalyticsRow>();
        var failures = new List<Exception>();
        await AnalyticsRunner.RunAsync(session.Api, plan, resources, rows.Add, (e, _) => failures.Add(e), NullPinLog.Instance, default);
        return (rows, failures);
    }

    [Fact]
    public async Task A_timed_out_call_is_one_failed_item_and_the_other_calls_go_on()
    {
        var (rows, failures) = await RunWithFirstCallFailing(
            new PinterestApiException(ErrorIds.RequestTimedOut, PinErrorKind.Timeout, "no answer in time", "campaigns/analytics"));
        Assert.Equal(ErrorIds.RequestTimedOut, Assert.IsType<PinterestApiException>(Assert.Single(failures)).ErrorId);
        Assert.Single(rows); // the second call's row
    }

    [Fact]
    public async Task A_refused_token_ends_the_run()
    {
        await Assert.ThrowsAsync<PinterestApiException>(() => RunWithFirstCallFailing(
            new PinterestApiException(ErrorIds.AuthenticationFailed, PinErrorKind.AuthenticationFailed, "token refused", "campaigns/analytics")));
    }
}
