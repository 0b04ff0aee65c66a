using System.Net;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>Staff routes need a token signed by a key from the JWKS; without one the request never reaches a service.</summary>
public sealed class AuthenticationTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();
    private Tokens Tokens => gateway.Upstreams.Tokens;

    public static TheoryData<string, string> StaffRoutes() => new()
    {
        { "GET", "/api/communes/my-thanh/dossiers" },
        { "POST", "/api/communes/my-thanh/dossiers" },
        { "GET", "/api/communes/my-thanh" },
        { "GET", "/api/communes/my-thanh/staff" },
        { "POST", "/api/communes/my-thanh/accounts" },
        { "GET", "/api/communes/my-thanh/evaluations" },
        { "POST", "/api/districts/giong-trom/communes" },
        { "GET", "/api/communes/my-thanh/feedback" },
        { "GET", "/api/communes/my-thanh/satisfaction" },
        { "GET", "/api/communes/my-thanh/nominations" },
        { "GET", "/api/communes/my-thanh/radio/items" },
        { "GET", "/api/districts/giong-trom/scoreboard" },
        { "POST", "/api/communes/my-thanh/procedures" },
        { "PUT", "/api/communes/my-thanh/procedures/1.004227" },
        { "DELETE", "/api/communes/my-thanh/procedures/1.004227" },
    };

    private static string Marked(string path, out string marker)
    {
        marker = "probe-" + Guid.NewGuid().ToString("N");
        return path + "?probe=" + marker;
    }

    private async Task AssertRefusedAndNotForwardedAsync(string method, string path, string? token)
    {
        var response = await _client.SendAsync(new HttpMethod(method), Marked(path, out var marker), token,
            content: method is "GET" or "DELETE" ? null : Http.Json(new { x = 1 }));

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("urn:cchc:problem:unauthenticated", problem.GetProperty("type").GetString());
        Assert.Equal("Chưa đăng nhập hoặc phiên đã hết hạn.", problem.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Empty(gateway.Upstreams.ReceivedWith(marker));
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public Task A_staff_route_without_a_token_is_401_and_not_forwarded(string method, string path) =>
        AssertRefusedAndNotForwardedAsync(method, path, token: null);

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task A_staff_route_with_a_valid_token_is_forwarded_with_the_same_authorization_header(string method, string path)
    {
        var token = Tokens.ForCommune("my-thanh", "desk-officer", "commune-office");

        var response = await _client.SendAsync(new HttpMethod(method), Marked(path, out var marker), token,
            content: method is "GET" or "DELETE" ? null : Http.Json(new { x = 1 }));

        var echo = await response.EchoAsync();
        Assert.Equal(method, echo.Method);
        Assert.Equal(path, echo.Path);
        Assert.Equal("Bearer " + token, echo.Header("Authorization"));
        Assert.Single(gateway.Upstreams.ReceivedWith(marker));
    }

    [Fact]
    public async Task A_district_token_is_accepted_by_the_gateway()
    {
        var token = Tokens.ForDistrict("giong-trom", "district-admin");

        var echo = await (await _client.GetAsync("/api/districts/giong-trom/scoreboard?year=2025", token)).EchoAsync();

        Assert.Equal("awards", echo.Upstream);
        Assert.Equal("Bearer " + token, echo.Header("Authorization"));
    }

    [Fact]
    public Task A_tampered_token_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/luong-hoa/dossiers", Tokens.Tampered());

    [Fact]
    public Task A_token_signed_by_an_unknown_key_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers", Tokens.SignedByStranger(claimTrustedKeyId: false));

    [Fact]
    public Task A_token_signed_by_another_key_claiming_the_trusted_key_id_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers", Tokens.SignedByStranger(claimTrustedKeyId: true));

    [Fact]
    public Task An_unsigned_token_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers", Tokens.Unsigned());

    [Fact]
    public Task An_expired_token_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers",
            Tokens.Create(new Dictionary<string, object> { ["commune"] = "my-thanh" }, ["desk-officer"], expires: DateTime.UtcNow.AddMinutes(-5)));

    [Fact]
    public Task A_token_from_another_issuer_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers",
            Tokens.Create(new Dictionary<string, object> { ["commune"] = "my-thanh" }, ["desk-officer"], issuer: "someone-else"));

    [Fact]
    public Task A_token_for_another_audience_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers",
            Tokens.Create(new Dictionary<string, object> { ["commune"] = "my-thanh" }, ["desk-officer"], audience: "another-api"));

    [Fact]
    public Task Garbage_in_the_authorization_header_is_401() =>
        AssertRefusedAndNotForwardedAsync("GET", "/api/communes/my-thanh/dossiers", "garbage");

    [Fact]
    public async Task Procedures_are_public_to_read_but_need_a_token_to_change()
    {
        var read = await _client.GetAsync("/api/communes/my-thanh/procedures", token: null);
        Assert.Equal("procedures", (await read.EchoAsync()).Upstream);

        await AssertRefusedAndNotForwardedAsync("POST", "/api/communes/my-thanh/procedures", token: null);
        await AssertRefusedAndNotForwardedAsync("PATCH", "/api/communes/my-thanh/procedures/1.004227", token: null);

        var write = await _client.SendAsync(HttpMethod.Post, "/api/communes/my-thanh/procedures", Tokens.ForCommune("my-thanh", "commune-office"),
            content: Http.Json(new { code = "1.004227" }));
        var echo = await write.EchoAsync();
        Assert.Equal("procedures", echo.Upstream);
        Assert.Equal("POST", echo.Method);
    }
}
