using System.Security.Cryptography;
using Platform.Gateway.Edge;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Infrastructure;

/// <summary>
/// Shared by the whole assembly: the test issuer's key and five fakes, one per cluster (the four services and the web
/// app), each echoing its own name so a test can tell which cluster a route reached.
/// </summary>
public sealed class Upstreams : IAsyncLifetime
{
    public SigningKey Key { get; } = SigningKey.FromPem(RSA.Create(2048).ExportPkcs8PrivateKeyPem());
    public Tokens Tokens { get; private set; } = null!;
    public IReadOnlyDictionary<string, FakeUpstream> ByCluster { get; private set; } = new Dictionary<string, FakeUpstream>();

    public FakeUpstream this[string cluster] => ByCluster[cluster];
    public FakeUpstream Personnel => this["personnel"];
    public FakeUpstream Procedures => this["procedures"];
    public FakeUpstream Feedback => this["feedback"];
    public FakeUpstream Awards => this["awards"];
    public FakeUpstream Web => this["web"];
    public Uri JwksUrl => new(Personnel.BaseAddress, "api/auth/jwks");

    /// <summary>Requests any fake received whose path and query contain <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedWith(string marker) =>
        ByCluster.Values.SelectMany(u => u.ReceivedWith(marker)).ToList();

    public async ValueTask InitializeAsync()
    {
        Tokens = new Tokens(Key);
        var started = await Task.WhenAll(EdgeExtensions.Services.Append("web").Select(name => FakeUpstream.StartAsync(name, Key)));
        ByCluster = started.ToDictionary(u => u.Name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var upstream in ByCluster.Values) await upstream.DisposeAsync();
    }
}
