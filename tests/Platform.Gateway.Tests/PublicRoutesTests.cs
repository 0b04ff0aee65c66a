using System.Net;
using System.Text;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>Public routes need no token: the gateway forwards them with the original path and query.</summary>
public sealed class PublicRoutesTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Theory]
    [InlineData("/api/communes/my-thanh/procedures", "procedures")]
    [InlineData("/api/communes/my-thanh/procedures/1.004227", "procedures")]
    [InlineData("/api/calendar/2025/holidays", "procedures")]
    [InlineData("/api/calendar/due-date?from=2025-01-27&workingDays=5", "procedures")]
    [InlineData("/api/public/communes/my-thanh/dossiers/2025-000001?phone=0901234567", "procedures")]
    [InlineData("/api/communes/my-thanh/hotline", "personnel")]
    [InlineData("/api/public/communes", "personnel")]
    [InlineData("/api/public/communes/my-thanh", "personnel")]
    [InlineData("/api/communes/my-thanh/procedures?q=dang%20ky%20ket%20hon", "procedures")]
    [InlineData("/open311/v2/services.json?jurisdiction_id=my-thanh", "feedback")]
    [InlineData("/open311/v2/requests/42.json", "feedback")]
    [InlineData("/api/public/communes/my-thanh/feedback/answers", "feedback")]
    [InlineData("/api/public/communes/my-thanh/radio/Zk3q-secret_key/feed.rss", "awards")]
    [InlineData("/api/public/communes/my-thanh/radio/Zk3q-secret_key/bulletin.wav?date=2026-12-02", "awards")]
    [InlineData("/openapi/personnel.json", "personnel")]
    [InlineData("/openapi/procedures.json", "procedures")]
    [InlineData("/openapi/feedback.json", "feedback")]
    [InlineData("/openapi/awards.json", "awards")]
    public async Task A_public_GET_without_a_token_is_forwarded_with_its_path_and_query(string pathAndQuery, string cluster)
    {
        var response = await _client.GetAsync(pathAndQuery, token: null);

        var echo = await response.EchoAsync();
        Assert.Equal(cluster, echo.Upstream);
        Assert.Equal("GET", echo.Method);
        Assert.Equal(pathAndQuery, echo.Path + echo.Query);
        Assert.Null(echo.Header("Authorization"));
    }

    [Theory]
    [InlineData("/api/public/communes/my-thanh/feedback", "feedback")]
    [InlineData("/api/public/surveys/SV-2025-7Q4K", "feedback")]
    [InlineData("/open311/v2/requests.json", "feedback")]
    [InlineData("/api/auth/token", "personnel")]
    public async Task A_public_POST_without_a_token_is_forwarded_with_its_body(string path, string cluster)
    {
        const string body = """{"channel":"web","category":"other","content":"Cán bộ tiếp dân rất nhiệt tình"}""";

        var response = await _client.SendAsync(HttpMethod.Post, path, content: new StringContent(body, Encoding.UTF8, "application/json"));

        var echo = await response.EchoAsync();
        Assert.Equal(cluster, echo.Upstream);
        Assert.Equal("POST", echo.Method);
        Assert.Equal(path, echo.Path);
        Assert.Equal(body, echo.Body);
        Assert.StartsWith("application/json", echo.Header("Content-Type"));
    }

    [Fact]
    public async Task An_encoded_query_reaches_the_upstream_as_sent()
    {
        const string pathAndQuery = "/api/calendar/2025/holidays?name=T%E1%BA%BFt%20Nguy%C3%AAn%20%C4%90%C3%A1n&x=a%26b";

        var echo = await (await _client.GetAsync(pathAndQuery, token: null)).EchoAsync();

        Assert.Equal(pathAndQuery, echo.RawTarget);
    }

    [Fact]
    public async Task The_jwks_is_public_through_the_gateway()
    {
        var response = await _client.GetAsync("/api/auth/jwks", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(gateway.Upstreams.Key.KeyId, body);
    }

    [Fact]
    public async Task A_public_route_with_an_invalid_token_is_still_forwarded()
    {
        // Public routes ignore the caller's identity; a stale token in a browser must not break the procedure catalogue.
        var response = await _client.GetAsync("/api/communes/my-thanh/procedures", "not.a.token");

        var echo = await response.EchoAsync();
        Assert.Equal("procedures", echo.Upstream);
    }
}
