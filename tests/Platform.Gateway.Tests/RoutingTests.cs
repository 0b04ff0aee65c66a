using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>Each route family of api.md reaches the service that owns it.</summary>
public sealed class RoutingTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    public static TheoryData<string, string, string> Families() => new()
    {
        // The brief's list.
        { "POST", "/api/auth/token", "personnel" },
        { "GET", "/api/districts/giong-trom/communes", "personnel" },
        { "GET", "/api/communes/my-thanh", "personnel" },
        { "GET", "/api/communes/my-thanh/staff", "personnel" },
        { "GET", "/api/communes/my-thanh/dossiers", "procedures" },
        { "GET", "/api/public/communes/my-thanh/dossiers/2025-000001?phone=1", "procedures" },
        { "GET", "/api/communes/my-thanh/feedback", "feedback" },
        { "POST", "/api/public/surveys/abc", "feedback" },
        { "POST", "/api/communes/my-thanh/nominations", "awards" },
        { "GET", "/api/districts/giong-trom/scoreboard", "awards" },
        { "GET", "/api/communes/my-thanh/radio/items", "awards" },
        // The rest of api.md.
        { "POST", "/api/districts/giong-trom/communes", "personnel" },
        { "GET", "/api/communes/my-thanh/staff/s-1", "personnel" },
        { "POST", "/api/communes/my-thanh/staff/s-1/trainings", "personnel" },
        { "POST", "/api/communes/my-thanh/desk-assignments", "personnel" },
        { "GET", "/api/communes/my-thanh/hotline", "personnel" },
        { "GET", "/api/communes/my-thanh/evaluations?year=2025", "personnel" },
        { "PUT", "/api/communes/my-thanh/evaluations/s-1/2025", "personnel" },
        { "POST", "/api/communes/my-thanh/accounts", "personnel" },
        { "GET", "/api/communes/my-thanh/procedures", "procedures" },
        { "POST", "/api/communes/my-thanh/procedures", "procedures" },
        { "GET", "/api/communes/my-thanh/procedures/1.004227", "procedures" },
        { "POST", "/api/communes/my-thanh/dossiers", "procedures" },
        { "POST", "/api/communes/my-thanh/dossiers/d-1/resolve", "procedures" },
        { "GET", "/api/communes/my-thanh/procedure-stats?year=2025", "procedures" },
        { "GET", "/api/calendar/2025/holidays", "procedures" },
        { "POST", "/api/communes/my-thanh/simplifications/s-1/approve", "procedures" },
        { "POST", "/api/public/communes/my-thanh/feedback", "feedback" },
        { "POST", "/api/communes/my-thanh/feedback/f-1/answer", "feedback" },
        { "GET", "/api/public/communes/my-thanh/feedback/answers", "feedback" },
        { "GET", "/api/communes/my-thanh/satisfaction?year=2025", "feedback" },
        { "GET", "/open311/v2/services.json?jurisdiction_id=my-thanh", "feedback" },
        { "POST", "/open311/v2/requests.json", "feedback" },
        { "GET", "/api/communes/my-thanh/campaigns", "awards" },
        { "POST", "/api/communes/my-thanh/achievements", "awards" },
        { "POST", "/api/communes/my-thanh/nominations/n-1/votes", "awards" },
        { "POST", "/api/communes/my-thanh/awards", "awards" },
        { "GET", "/api/districts/giong-trom/nominations?year=2025", "awards" },
        { "POST", "/api/districts/giong-trom/nominations/n-1/decide", "awards" },
        { "GET", "/api/communes/my-thanh/radio/feed.rss", "awards" },
        { "GET", "/api/communes/my-thanh/radio/bulletin?date=2025-03-01", "awards" },
        { "POST", "/api/communes/my-thanh/radio/feed-key", "awards" },
        { "GET", "/api/public/communes/my-thanh/radio/Zk3q-secret_key/feed.rss", "awards" },
        // What the desk screens and the citizens' portal added.
        { "GET", "/api/public/communes", "personnel" },
        { "GET", "/api/public/communes/my-thanh", "personnel" },
        { "GET", "/api/communes/my-thanh/dossiers?q=nguyen%20van&open=true&sort=dueDate&page=2&pageSize=20", "procedures" },
        { "GET", "/api/communes/my-thanh/dossiers/summary", "procedures" },
        { "GET", "/api/communes/my-thanh/procedures/ho-tich-ket-hon/due-date?receivedAt=2025-10-06T02:00:00Z", "procedures" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task A_route_family_reaches_its_service(string method, string pathAndQuery, string cluster)
    {
        var token = pathAndQuery.StartsWith("/api/districts/", StringComparison.Ordinal)
            ? gateway.Upstreams.Tokens.ForDistrict("giong-trom", "district-admin")
            : gateway.Upstreams.Tokens.ForCommune("my-thanh", "desk-officer");

        var response = await _client.SendAsync(new HttpMethod(method), pathAndQuery, token,
            content: method == "GET" ? null : Http.Json(new { year = 2025 }));

        var echo = await response.EchoAsync();
        Assert.Equal(cluster, echo.Upstream);
        Assert.Equal(method, echo.Method);
        Assert.Equal(pathAndQuery, echo.Path + echo.Query);
    }
}
