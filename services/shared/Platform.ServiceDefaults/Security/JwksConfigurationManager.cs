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
    /// <summary>While the issuer has never answered, requests with tokens ask again at most this often.</summary>
    private static readonly TimeSpan RetryUnreachable = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private bool _refreshRequested;
    private DateTimeOffset _failedAt = DateTimeOffset.MinValue;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var stale = _current is null || now - _fetchedAt > RefreshEvery || (_refreshRequested && now - _fetchedAt > MinimumRefresh);
        if (!stale) return _current!;
        if (_current is null && now - _failedAt < RetryUnreachable)
            throw new SigningKeysUnavailableException($"The signing keys at {jwksUri} were unreachable moments ago.", null);
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep validating with the keys we have while the issuer is unreachable.
                if (_current is null)
                {
                    _failedAt = time.GetUtcNow();
                    throw new SigningKeysUnavailableException($"No signing keys could be read from {jwksUri}.", e);
                }
            }
            return _current;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void RequestRefresh() => _refreshRequested = true;
}

public sealed class SigningKeysUnavailableException(string message, Exception? inner) : Exception(message, inner);
