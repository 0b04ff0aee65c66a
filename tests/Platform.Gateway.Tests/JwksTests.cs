using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests;

/// <summary>The gateway's validation keys come from the issuer's JWKS: rotations are picked up, outages are survived.</summary>
public sealed class JwksTests(Upstreams upstreams)
{
    private static SigningKey NewKey() => SigningKey.FromPem(RSA.Create(2048).ExportPkcs8PrivateKeyPem());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_rotated_key_is_accepted_once_the_jwks_is_refreshed()
    {
        SigningKey oldKey = NewKey(), newKey = NewKey();
        await using var issuer = await FakeUpstream.StartAsync("issuer", oldKey);
        var time = new ShiftedTime();
        await using var factory = new GatewayFactory(upstreams, new Dictionary<string, string?> { ["Auth:JwksUrl"] = issuer.JwksUrl.ToString() },
            services => services.AddSingleton<TimeProvider>(time));
        var client = factory.CreateClient();
        await (await client.GetAsync("/api/communes/my-thanh/dossiers", new Tokens(oldKey).ForCommune("my-thanh"))).EchoAsync();

        issuer.PublishedKeys = [newKey, oldKey];
        var newToken = new Tokens(newKey).ForCommune("my-thanh");
        // The first token naming the unknown key asks for a refresh; refreshes are at most every ten seconds.
        await client.GetAsync("/api/communes/my-thanh/dossiers", newToken);
        time.Advance(TimeSpan.FromSeconds(11));

        var echo = await (await client.GetAsync("/api/communes/my-thanh/dossiers", newToken)).EchoAsync();
        Assert.Equal("Bearer " + newToken, echo.Header("Authorization"));
        await (await client.GetAsync("/api/communes/my-thanh/dossiers", new Tokens(oldKey).ForCommune("my-thanh"))).EchoAsync();
        Assert.InRange(issuer.JwksFetches, 2, 3);
    }

    [Fact]
    public async Task A_key_withdrawn_from_the_jwks_stops_being_accepted_after_the_periodic_refresh()
    {
        SigningKey oldKey = NewKey(), newKey = NewKey();
        await using var issuer = await FakeUpstream.StartAsync("issuer", oldKey);
        var time = new ShiftedTime();
        await using var factory = new GatewayFactory(upstreams, new Dictionary<string, string?> { ["Auth:JwksUrl"] = issuer.JwksUrl.ToString() },
            services => services.AddSingleton<TimeProvider>(time));
        var client = factory.CreateClient();
        var oldToken = new Tokens(oldKey).ForCommune("my-thanh");
        await (await client.GetAsync("/api/communes/my-thanh/dossiers", oldToken)).EchoAsync();

        issuer.PublishedKeys = [newKey];
        time.Advance(TimeSpan.FromMinutes(11));

        await (await client.GetAsync("/api/communes/my-thanh/dossiers", oldToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/communes/my-thanh/dossiers", new Tokens(newKey).ForCommune("my-thanh"))).EchoAsync();
    }

    private GatewayFactory GatewayWithIssuerAt(int port) => new(upstreams, new Dictionary<string, string?>
    {
        ["Auth:JwksUrl"] = $"http://127.0.0.1:{port}/api/auth/jwks",
    });

    [Fact]
    public async Task While_the_issuer_has_never_answered_a_staff_request_is_refused_not_a_500()
    {
        await using var factory = GatewayWithIssuerAt(FreePort());
        var client = factory.CreateClient();
        var marker = "probe-" + Guid.NewGuid().ToString("N");

        var refused = await client.GetAsync("/api/communes/my-thanh/dossiers?probe=" + marker, new Tokens(NewKey()).ForCommune("my-thanh"));

        // Personnel not answering yet (a cold start, a deployment) is not a bug in the caller's request: 401 (or 503), never 500.
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable,
            $"Expected 401 or 503 while the issuer is down, got {(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty(upstreams.ReceivedWith(marker));
    }

    [Fact]
    public async Task Once_the_issuer_answers_tokens_are_accepted_without_a_restart()
    {
        var port = FreePort();
        var key = NewKey();
        await using var factory = GatewayWithIssuerAt(port);
        var client = factory.CreateClient();
        var token = new Tokens(key).ForCommune("my-thanh");
        var marker = "probe-" + Guid.NewGuid().ToString("N");
        var early = await client.GetAsync("/api/communes/my-thanh/dossiers?probe=" + marker, token);
        Assert.NotEqual(HttpStatusCode.OK, early.StatusCode);
        Assert.Empty(upstreams.ReceivedWith(marker));

        await using var issuer = await FakeUpstream.StartAsync("issuer", key, port);

        // An unreachable issuer is asked again after a short pause (not on every request), so allow a few seconds.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var later = await client.GetAsync("/api/communes/my-thanh/dossiers", token);
        while (later.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            later = await client.GetAsync("/api/communes/my-thanh/dossiers", token);
        }
        await later.EchoAsync();
    }

    [Fact]
    public async Task While_the_issuer_has_never_answered_a_public_route_still_works_for_a_caller_with_a_token()
    {
        await using var factory = GatewayWithIssuerAt(FreePort());
        var client = factory.CreateClient();

        // A citizen's browser, or the web UI, may still send a token to a public page while personnel is down.
        var response = await client.GetAsync("/api/communes/my-thanh/procedures", new Tokens(NewKey()).ForCommune("my-thanh"));

        Assert.Equal("procedures", (await response.EchoAsync()).Upstream);
    }
}
