using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Hosting;

namespace Platform.ServiceDefaults.Tests.Hosting;

/// <summary>X-Forwarded-For, -Proto and -Host are believed from the listed proxies only (Edge:TrustedProxies), never from anyone else.</summary>
public sealed class TrustedProxiesTests
{
    private sealed record Seen(string? Address, string Scheme, string Host);

    private static Task<TestApp> StartAsync(params string[] trusted) => TestApp.StartAsync(null, app =>
    {
        app.UseTrustedProxies(trusted);
        app.MapGet("/seen", (HttpContext http) => new Seen(http.Connection.RemoteIpAddress?.ToString(), http.Request.Scheme, http.Request.Host.Value!))
            .AllowAnonymous();
    });

    private static async Task<Seen> SeenAsync(TestApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/seen");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "cchc.example.gov.vn");
        var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<Seen>(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task A_listed_proxy_gives_the_clients_address_scheme_and_host()
    {
        await using var app = await StartAsync("127.0.0.1/32");

        Assert.Equal(new Seen("203.0.113.7", "https", "cchc.example.gov.vn"), await SeenAsync(app));
    }

    [Fact]
    public async Task Any_other_peer_is_taken_at_its_word_for_nothing()
    {
        await using var app = await StartAsync("10.0.0.0/8");

        var seen = await SeenAsync(app);
        Assert.Equal("127.0.0.1", seen.Address);
        Assert.Equal("http", seen.Scheme);
        Assert.StartsWith("127.0.0.1:", seen.Host);
    }
}
