using System.Globalization;
using System.Net;
using System.Text;
using Platform.Gateway.Tests.Infrastructure;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway on real Kestrel, where clients have addresses (under TestServer they have none) and Kestrel's body limit
/// applies. Clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3...).
/// </summary>
public sealed class KestrelEdgeTests(Upstreams upstreams)
{
    private static (GatewayFactory Factory, Uri Address) Start(Upstreams upstreams, int anonymousPerMinute) =>
        KestrelGateway.Start(upstreams, new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPerMinute"] = anonymousPerMinute.ToString(CultureInfo.InvariantCulture),
        });

    private static HttpClient ClientFrom(string localAddress, Uri gateway) => KestrelGateway.ClientFrom(localAddress, gateway);

    [Fact]
    public async Task Each_client_address_has_its_own_anonymous_budget()
    {
        var (factory, address) = Start(upstreams, anonymousPerMinute: 2);
        await using var _ = factory;
        using var first = ClientFrom("127.0.0.2", address);
        using var second = ClientFrom("127.0.0.3", address);

        var firstEcho = await (await first.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
        await (await first.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
        await (await first.GetAsync("/api/communes/my-thanh/procedures", token: null)).ProblemAsync(HttpStatusCode.TooManyRequests);

        var secondEcho = await (await second.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
        Assert.Contains("127.0.0.2", firstEcho.Header("X-Forwarded-For"));
        Assert.Contains("127.0.0.3", secondEcho.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_client_cannot_buy_a_fresh_anonymous_budget_with_a_forged_forwarded_for()
    {
        var (factory, address) = Start(upstreams, anonymousPerMinute: 2);
        await using var _ = factory;
        using var client = ClientFrom("127.0.0.4", address);

        for (var i = 0; i < 2; i++)
            await (await client.SendAsync(HttpMethod.Get, "/api/calendar/2025/holidays", headers: [new("X-Forwarded-For", $"10.0.0.{i}")])).EchoAsync();
        var third = await client.SendAsync(HttpMethod.Get, "/api/calendar/2025/holidays", headers: [new("X-Forwarded-For", "10.0.0.99")]);

        await third.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    /// <summary>
    /// The edge as the standalone host runs it (its embedded defaults trust loopback, where its web app calls the API
    /// from with each citizen's address), and as the gateway runs it behind the web app (Edge:TrustedProxies).
    /// </summary>
    private static (GatewayFactory Factory, Uri Address) StartTrustingLoopback(Upstreams upstreams, int anonymousPerMinute)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPerMinute"] = anonymousPerMinute.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < TrustedProxies.Loopback.Count; i++) settings[$"Edge:TrustedProxies:{i}"] = TrustedProxies.Loopback[i];
        return KestrelGateway.Start(upstreams, settings);
    }

    [Fact]
    public async Task Behind_a_trusted_web_app_each_citizen_address_has_its_own_anonymous_budget()
    {
        var (factory, address) = StartTrustingLoopback(upstreams, anonymousPerMinute: 2);
        await using var _ = factory;
        using var webApp = ClientFrom("127.0.0.1", address);

        Task<HttpResponseMessage> ForCitizen(string citizen) =>
            webApp.SendAsync(HttpMethod.Get, "/api/communes/my-thanh/procedures", headers: [new("X-Forwarded-For", citizen)]);

        for (var i = 0; i < 2; i++) await (await ForCitizen("203.0.113.7")).EchoAsync();
        await (await ForCitizen("203.0.113.7")).ProblemAsync(HttpStatusCode.TooManyRequests);
        var other = await (await ForCitizen("198.51.100.9")).EchoAsync();
        await (await ForCitizen("198.51.100.9")).EchoAsync();
        await (await ForCitizen("198.51.100.9")).ProblemAsync(HttpStatusCode.TooManyRequests);
        // The web app's own address is a budget of its own too (its requests without a citizen, e.g. a sign-in).
        await (await webApp.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
        // The service learns the citizen's address, not the web app's.
        Assert.Equal("198.51.100.9", other.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_peer_that_is_not_a_trusted_proxy_cannot_choose_its_address_with_forwarded_for()
    {
        var (factory, address) = StartTrustingLoopback(upstreams, anonymousPerMinute: 2);
        await using var _ = factory;
        using var stranger = ClientFrom("127.0.0.6", address); // loopback, but not 127.0.0.1: not listed

        var first = await (await stranger.SendAsync(HttpMethod.Get, "/api/calendar/2025/holidays", headers: [new("X-Forwarded-For", "203.0.113.1")])).EchoAsync();
        await (await stranger.SendAsync(HttpMethod.Get, "/api/calendar/2025/holidays", headers: [new("X-Forwarded-For", "203.0.113.2")])).EchoAsync();
        var third = await stranger.SendAsync(HttpMethod.Get, "/api/calendar/2025/holidays", headers: [new("X-Forwarded-For", "203.0.113.3")]);

        await third.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.DoesNotContain("203.0.113.1", first.Header("X-Forwarded-For"));
        Assert.Contains("127.0.0.6", first.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_the_upstream_learns_the_https_scheme_and_from_a_stranger_it_does_not()
    {
        var (factory, address) = StartTrustingLoopback(upstreams, anonymousPerMinute: 100);
        await using var _ = factory;
        using var ingress = ClientFrom("127.0.0.1", address);
        using var stranger = ClientFrom("127.0.0.7", address);

        // The web app marks its session cookie Secure only when it sees the browser's https (an ingress ends TLS).
        var trusted = await (await ingress.SendAsync(HttpMethod.Get, "/dang-nhap", headers: [new("X-Forwarded-For", "203.0.113.8"), new("X-Forwarded-Proto", "https")])).EchoAsync();
        var forged = await (await stranger.SendAsync(HttpMethod.Get, "/dang-nhap", headers: [new("X-Forwarded-For", "203.0.113.9"), new("X-Forwarded-Proto", "https")])).EchoAsync();

        Assert.Equal("https", trusted.Header("X-Forwarded-Proto"));
        Assert.Equal("http", forged.Header("X-Forwarded-Proto"));
    }

    [Fact]
    public async Task A_body_over_the_gateway_limit_is_a_413_problem_and_not_forwarded()
    {
        var (factory, address) = Start(upstreams, anonymousPerMinute: 100);
        await using var _ = factory;
        using var client = ClientFrom("127.0.0.5", address);
        var marker = "probe-" + Guid.NewGuid().ToString("N");
        var body = "{\"content\":\"" + new string('x', 300 * 1024) + "\"}";

        var response = await client.SendAsync(HttpMethod.Post, "/api/public/communes/my-thanh/feedback?probe=" + marker,
            content: new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("urn:cchc:problem:body-too-large", problem.GetProperty("type").GetString());
        Assert.Empty(upstreams.ReceivedWith(marker));
    }
}
