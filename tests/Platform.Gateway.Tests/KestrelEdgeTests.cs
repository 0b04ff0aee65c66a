using System.Globalization;
using System.Net;
using System.Text;
using Platform.Gateway.Tests.Infrastructure;

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
