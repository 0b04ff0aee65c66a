using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Infrastructure;

/// <summary>What an upstream received: which fake, the path and query as they arrived, every header.</summary>
public sealed record ReceivedRequest(string Upstream, string Method, string Path, string Query, string RawTarget, Dictionary<string, string> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// A stand-in for one service, on real Kestrel at a free loopback port: it publishes the test key's JWKS, echoes every
/// other request back as JSON (and records it), never answers <c>/api/communes/{commune}/dossiers/hang</c>, and accepts a
/// WebSocket at <c>/_blazor</c> (as the web app's circuits do) that echoes each text message prefixed with its name.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private FakeUpstream(string name, WebApplication app)
    {
        Name = name;
        _app = app;
        BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public Uri JwksUrl => new(BaseAddress, "api/auth/jwks");

    /// <summary>The keys <c>/api/auth/jwks</c> publishes; replace them to simulate a rotation.</summary>
    public IReadOnlyList<SigningKey> PublishedKeys { get; set; } = [];

    /// <summary>What <c>/api/auth/revoked-sessions</c> lists; add a stamp to revoke the tokens carrying it.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> RevokedStamps { get; } = new();

    /// <summary>How many times the JWKS was fetched.</summary>
    public int JwksFetches => _jwksFetches;
    private int _jwksFetches;
    public IReadOnlyCollection<ReceivedRequest> Received => _received;

    /// <summary>Requests (other than the JWKS) whose path and query contain <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedWith(string marker) =>
        _received.Where(r => r.RawTarget.Contains(marker, StringComparison.Ordinal)).ToList();

    public static async Task<FakeUpstream> StartAsync(string name, SigningKey key, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        FakeUpstream? self = null;

        app.MapGet("/api/auth/jwks", () =>
        {
            Interlocked.Increment(ref self!._jwksFetches);
            return Results.Text(JwksJson(self.PublishedKeys), "application/json");
        });
        app.MapGet("/api/auth/revoked-sessions", () => Results.Json(new RevokedSessionList(
            self!.RevokedStamps.Select(s => new RevokedSession(s.Key, s.Value)).ToList()), PlatformJson.Options));
        app.MapGet("/api/communes/{commune}/dossiers/hang", async (HttpContext http) =>
        {
            await self!.RecordAsync(http);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The gateway gave up on us: that is the point.
            }
            return Results.Text("too late", "text/plain");
        });
        app.Map("/_blazor", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest) return Results.BadRequest();
            await self!.RecordAsync(http, readBody: false); // an upgrade request's body is the connection itself
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, http.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", http.RequestAborted);
                    return Results.Empty;
                }
                var echo = Encoding.UTF8.GetBytes(self.Name + ":" + Encoding.UTF8.GetString(buffer, 0, received.Count));
                await socket.SendAsync(echo, WebSocketMessageType.Text, endOfMessage: true, http.RequestAborted);
            }
        });
        app.Map("/{**path}", async (HttpContext http) =>
        {
            var received = await self!.RecordAsync(http);
            return Results.Text(JsonSerializer.Serialize(received, JsonSerializerOptions.Web), "application/json");
        });

        await app.StartAsync();
        self = new FakeUpstream(name, app) { PublishedKeys = [key] };
        return self;
    }

    /// <summary>The JWKS document, with the JWK member names written out by hand (kty, use, alg, kid, n, e).</summary>
    public static string JwksJson(IEnumerable<SigningKey> keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(key => new Dictionary<string, string>
        {
            ["kty"] = key.PublicJwk.Kty,
            ["use"] = "sig",
            ["alg"] = key.PublicJwk.Alg,
            ["kid"] = key.PublicJwk.Kid,
            ["n"] = key.PublicJwk.N,
            ["e"] = key.PublicJwk.E,
        }),
    });

    private async Task<ReceivedRequest> RecordAsync(HttpContext http, bool readBody = true)
    {
        var body = "";
        if (readBody)
        {
            using var reader = new StreamReader(http.Request.Body);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        var received = new ReceivedRequest(Name, http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
            rawTarget, headers, body);
        _received.Enqueue(received);
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
