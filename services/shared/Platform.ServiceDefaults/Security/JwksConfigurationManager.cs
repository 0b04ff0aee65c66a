using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Validation keys from the issuer's JWKS document (personnel's <c>/api/auth/jwks</c>), refreshed every
/// ten minutes and at once when a token names an unknown key (a rotation), at most every ten seconds.
/// </summary>
public sealed class JwksConfigurationManager(Uri jwksUri, HttpClient http, TimeProvider time) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var stale = _current is null || now - _fetchedAt > RefreshEvery || (_refreshRequested && now - _fetchedAt > MinimumRefresh);
        if (!stale) return _current!;
        await _lock.WaitAsync(cancel);
        try
        {
            if (_current is not null && time.GetUtcNow() - _fetchedAt <= MinimumRefresh) return _current;
            try
            {
                var json = await http.GetStringAsync(jwksUri, cancel);
                var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = new JsonWebKeySet(json) };
                foreach (var key in configuration.JsonWebKeySet.GetSigningKeys()) configuration.SigningKeys.Add(key);
                _current = configuration;
                _fetchedAt = time.GetUtcNow();
                _refreshRequested = false;
            }
            catch (Exception) when (_current is not null)
            {
                // Keep validating with the keys we have while the issuer is unreachable.
            }
            return _current ?? throw new InvalidOperationException($"No signing keys could be read from {jwksUri}.");
        }
        finally
        {
            _lock.Release();
        }
    }

    public void RequestRefresh() => _refreshRequested = true;
}
