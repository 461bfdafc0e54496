using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Tests.Logging;

public class RedactorTests
{
    [Fact]
    public void Sensitive_query_values_are_masked()
    {
        string url = Redactor.Url(new Uri("https://api.pinterest.com/v5/oauth/token?code=abc123&state=xyz&access_token=secret"));
        Assert.DoesNotContain("abc123", url);
        Assert.DoesNotContain("secret", url);
        Assert.Contains("state=xyz", url);
    }

    [Fact]
    public void Every_query_value_of_a_presigned_link_is_masked()
    {
        string url = Redactor.Url(new Uri("https://store.example/r.csv?X-Amz-Expires=300&X-Amz-Signature=deadbeef&id=1"), maskAllQueryValues: true);
        Assert.Equal("https://store.example/r.csv?X-Amz-Expires=***&X-Amz-Signature=***&id=***", url);
    }

    [Fact]
    public void Bodies_lose_their_secrets()
    {
        string json = Redactor.Body("{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"scope\":\"ads:read\"}");
        Assert.DoesNotContain("at-1", json);
        Assert.DoesNotContain("rt-1", json);
        Assert.Contains("ads:read", json);
        string form = Redactor.Body("grant_type=refresh_token&refresh_token=rt-2&client_secret=cs");
        Assert.DoesNotContain("rt-2", form);
        Assert.DoesNotContain("=cs", form);
        Assert.DoesNotContain("abc.def", Redactor.Text("header Bearer abc.def was sent"));
    }

    [Fact]
    public void Long_bodies_are_capped()
    {
        string body = Redactor.Body(new string('x', 10_000), 100);
        Assert.StartsWith(new string('x', 100), body);
        Assert.Contains("more characters", body);
        Assert.True(body.Length < 200);
    }

    [Fact]
    public void Known_secrets_are_masked_wherever_they_appear()
    {
        Assert.Equal("token *** leaked", Redactor.Secrets("token s3cr3t-value leaked", new[] { "s3cr3t-value" }));
    }
}
