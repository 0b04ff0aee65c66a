using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>
/// Every path that is not the API's, nor the gateway's own (health, docs), reaches the web app (the <c>web</c> cluster,
/// a catch-all route of the lowest priority, anonymous: the web app does its own cookie authentication), its circuit's
/// WebSocket included.
/// </summary>
public sealed class WebAppRoutingTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/?xa=my-thanh")]
    [InlineData("GET", "/xa/my-thanh/gop-y")]
    [InlineData("GET", "/dang-nhap?returnUrl=%2Fcan-bo")]
    [InlineData("POST", "/dang-nhap")]
    [InlineData("POST", "/dang-xuat")]
    [InlineData("GET", "/in/bien-nhan/d-1")]
    [InlineData("GET", "/can-bo")]
    [InlineData("GET", "/can-bo/phan-anh/f-1")]
    [InlineData("GET", "/_framework/blazor.web.js")]
    [InlineData("GET", "/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("GET", "/app.css")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/favicon.ico")]
    public async Task A_web_path_reaches_the_web_app_without_a_token(string method, string pathAndQuery)
    {
        var response = await _client.SendAsync(new HttpMethod(method), pathAndQuery, content: method == "GET" ? null : new StringContent(""));

        var echo = await response.EchoAsync();
        Assert.Equal("web", echo.Upstream);
        Assert.Equal(pathAndQuery, echo.Path + echo.Query);
    }

    [Fact]
    public async Task The_session_cookie_reaches_the_web_app_and_identity_headers_do_not()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/can-bo", headers:
            [new("Cookie", "cchc-session=opaque-value"), new("X-Commune", "luong-hoa"), new("X-User", "admin")]);

        var echo = await response.EchoAsync();
        Assert.Equal("web", echo.Upstream);
        Assert.Equal("cchc-session=opaque-value", echo.Header("Cookie"));
        Assert.Null(echo.Header("X-Commune"));
        Assert.Null(echo.Header("X-User"));
    }

    [Theory]
    [InlineData("/api/communes/my-thanh/procedures", "procedures")]
    [InlineData("/open311/v2/services.json?jurisdiction_id=my-thanh", "feedback")]
    [InlineData("/openapi/awards.json", "awards")]
    public async Task The_catch_all_never_takes_an_api_route(string pathAndQuery, string cluster)
    {
        var echo = await (await _client.GetAsync(pathAndQuery, token: null)).EchoAsync();

        Assert.Equal(cluster, echo.Upstream);
    }

    [Fact]
    public async Task The_gateway_answers_its_own_health_itself()
    {
        var marker = "probe-" + Guid.NewGuid().ToString("N");

        var response = await _client.GetAsync("/health/ready?probe=" + marker, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(gateway.Upstreams.ReceivedWith(marker));
    }

    [Fact]
    public async Task A_circuit_websocket_passes_through_to_the_web_app()
    {
        // On real Kestrel: TestServer cannot upgrade a connection, and YARP forwards WebSockets only over a real upgrade.
        var (factory, address) = KestrelGateway.Start(gateway.Upstreams, new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPerMinute"] = 100.ToString(CultureInfo.InvariantCulture),
        });
        await using var _ = factory;
        var marker = "circuit-" + Guid.NewGuid().ToString("N");
        using var socket = new ClientWebSocket();

        await socket.ConnectAsync(new Uri($"ws://{address.Authority}/_blazor?id={marker}"), Ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}"), WebSocketMessageType.Text, endOfMessage: true, Ct);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, Ct);
        var first = Encoding.UTF8.GetString(buffer, 0, received.Count);
        await socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, endOfMessage: true, Ct);
        received = await socket.ReceiveAsync(buffer, Ct);
        var second = Encoding.UTF8.GetString(buffer, 0, received.Count);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Ct);

        Assert.Equal(WebSocketState.Closed, socket.State);
        Assert.Equal("web:{\"protocol\":\"blazorpack\",\"version\":1}", first);
        Assert.Equal("web:ping", second);
        var upgrade = Assert.Single(gateway.Upstreams.Web.ReceivedWith(marker));
        Assert.Equal("/_blazor", upgrade.Path);
        Assert.Contains("127.0.0.1", upgrade.Header("X-Forwarded-For"));
    }
}

/// <summary>Prod's affinity (k8s/overlays/prod): a browser's requests to the web app carry a cookie naming its destination.</summary>
public sealed class WebAppAffinityTests(Upstreams upstreams)
{
    [Fact]
    public async Task With_session_affinity_the_web_cluster_sets_its_cookie_and_honours_it()
    {
        await using var factory = new GatewayFactory(upstreams, new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:web:SessionAffinity:Enabled"] = "true",
            ["ReverseProxy:Clusters:web:SessionAffinity:Policy"] = "HashCookie",
            ["ReverseProxy:Clusters:web:SessionAffinity:FailurePolicy"] = "Redistribute",
            ["ReverseProxy:Clusters:web:SessionAffinity:AffinityKeyName"] = "cchc-web-affinity",
            ["ReverseProxy:Clusters:web:SessionAffinity:Cookie:HttpOnly"] = "true",
            ["ReverseProxy:Clusters:web:SessionAffinity:Cookie:SameSite"] = "Lax",
        });
        var client = factory.CreateClient();

        var first = await client.GetAsync("/can-bo", token: null);
        await first.EchoAsync();
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cchc-web-affinity=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var again = await client.SendAsync(HttpMethod.Get, "/can-bo", headers: [new("Cookie", cookie.Split(';')[0])]);
        Assert.Equal("web", (await again.EchoAsync()).Upstream);
        Assert.False(again.Headers.Contains("Set-Cookie"), "an affinity already set is kept, not replaced");
        // The API routes are not affected.
        var api = await client.GetAsync("/api/communes/my-thanh/procedures", token: null);
        Assert.False(api.Headers.Contains("Set-Cookie"));
    }
}
