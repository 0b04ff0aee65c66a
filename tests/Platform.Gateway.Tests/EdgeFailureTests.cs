using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>What the gateway answers itself: unknown paths, hanging or missing services.</summary>
public sealed class EdgeFailureTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Fact]
    public async Task A_hanging_upstream_is_a_504_problem_within_a_few_seconds()
    {
        var token = gateway.Upstreams.Tokens.ForCommune("my-thanh");
        var clock = Stopwatch.StartNew();

        var response = await _client.GetAsync("/api/communes/my-thanh/dossiers/hang", token);

        clock.Stop();
        var problem = await response.ProblemAsync(HttpStatusCode.GatewayTimeout);
        Assert.Equal("urn:cchc:problem:upstream-timeout", problem.GetProperty("type").GetString());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.Contains(gateway.Upstreams.Procedures.Received, r => r.Path == "/api/communes/my-thanh/dossiers/hang");
    }

    [Theory]
    [InlineData("GET", "/api/unknown")]
    [InlineData("GET", "/api/communes/my-thanh/unknown-thing")]
    [InlineData("POST", "/api/public/unknown")]
    [InlineData("GET", "/openapi/unknown.json")]
    public async Task An_unknown_path_is_a_404_problem_and_not_forwarded(string method, string path)
    {
        var marker = "probe-" + Guid.NewGuid().ToString("N");

        var response = await _client.SendAsync(new HttpMethod(method), path + "?probe=" + marker, gateway.Upstreams.Tokens.ForCommune("my-thanh"));

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("urn:cchc:problem:not-found", problem.GetProperty("type").GetString());
        Assert.Empty(gateway.Upstreams.ReceivedWith(marker));
    }

    [Fact]
    public async Task An_unreachable_service_is_a_502_problem()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var factory = new GatewayFactory(gateway.Upstreams, new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:awards:Destinations:primary:Address"] = $"http://127.0.0.1:{closedPort}/",
        });
        var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/awards.json", token: null);

        await response.ProblemAsync(HttpStatusCode.BadGateway);
    }
}
