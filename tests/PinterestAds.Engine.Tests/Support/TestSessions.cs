using PinterestAds.Engine.Session;

namespace PinterestAds.Engine.Tests.Support;

/// <summary>Sessions wired to a <see cref="ScriptedHandler"/> with fast retries.</summary>
internal static class TestSessions
{
    public static readonly Uri BaseUri = new("https://api.example.test/v5");

    public static PinterestSession Create(HttpMessageHandler handler, SessionCredentials? credentials = null, Action<SessionOptions>? configure = null)
    {
        var options = new SessionOptions
        {
            Environment = PinEnvironment.Custom,
            ApiBaseUri = BaseUri,
            PrimaryHandlerForTests = () => handler,
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxBackoff = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        return new PinterestSession(options, credentials ?? new SessionCredentials { AccessToken = "test-access-token" });
    }
}
