using Platform.Gateway.Edge;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>Identity and tenant headers a client sends never reach a service; ordinary headers do.</summary>
public sealed class IdentityHeaderTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    /// <summary>The brief's list, the gateway's own list, and a couple of spellings a client might try.</summary>
    public static TheoryData<string> ForgedHeaders()
    {
        var names = new[] { "X-Commune", "X-User", "X-Roles", "X-Tenant", "X-Forwarded-User" }
            .Concat(EdgeExtensions.ClientIdentityHeaders)
            .Concat(["x-commune", "X-ROLES", "x-tenant"])
            .Distinct(StringComparer.Ordinal);
        return new TheoryData<string>(names);
    }

    private static KeyValuePair<string, string>[] Forged(string name) =>
    [
        new(name, "luong-hoa"),
        new("Accept-Language", "vi-VN"),
        new("X-Request-Note", "ordinary"),
    ];

    [Theory]
    [MemberData(nameof(ForgedHeaders))]
    public async Task A_forged_identity_header_is_stripped_on_an_anonymous_route(string name)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/communes/my-thanh/procedures", headers: Forged(name));

        var echo = await response.EchoAsync();
        Assert.Null(echo.Header(name));
        Assert.Equal("vi-VN", echo.Header("Accept-Language"));
        Assert.Equal("ordinary", echo.Header("X-Request-Note"));
    }

    [Theory]
    [MemberData(nameof(ForgedHeaders))]
    public async Task A_forged_identity_header_is_stripped_on_an_authenticated_route(string name)
    {
        var token = gateway.Upstreams.Tokens.ForCommune("my-thanh");

        var response = await _client.SendAsync(HttpMethod.Get, "/api/communes/my-thanh/dossiers", token, headers: Forged(name));

        var echo = await response.EchoAsync();
        Assert.Null(echo.Header(name));
        Assert.Equal("vi-VN", echo.Header("Accept-Language"));
        Assert.Equal("Bearer " + token, echo.Header("Authorization"));
    }

    [Fact]
    public async Task All_forged_headers_together_and_repeated_are_stripped()
    {
        var headers = EdgeExtensions.ClientIdentityHeaders
            .SelectMany(name => new KeyValuePair<string, string>[] { new(name, "luong-hoa"), new(name, "district-admin") })
            .Append(new("Accept-Language", "vi-VN"))
            .ToArray();

        var echo = await (await _client.SendAsync(HttpMethod.Post, "/api/public/communes/my-thanh/feedback", headers: headers,
            content: Http.Json(new { content = "x" }))).EchoAsync();

        foreach (var name in EdgeExtensions.ClientIdentityHeaders) Assert.Null(echo.Header(name));
        Assert.Equal("vi-VN", echo.Header("Accept-Language"));
    }
}
