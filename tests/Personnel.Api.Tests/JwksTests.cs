using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>GET /api/auth/jwks: the public half of the signing key, enough for the gateway and other services to verify tokens.</summary>
public sealed class JwksTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private readonly HttpClient _client = host.Client;

    private static readonly string[] PrivateParameters = ["d", "p", "q", "dp", "dq", "qi"];

    [Fact]
    public async Task The_jwks_names_the_key_of_issued_tokens_and_holds_no_private_parameters()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);
        var jwks = await (await _client.GetAsync("/api/auth/jwks", token: null)).JsonAsync(HttpStatusCode.OK);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal(PersonnelApi.JwtHeader(token).GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        Assert.Equal("RS256", PersonnelApi.JwtHeader(token).GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("n").GetString()));
        Assert.False(string.IsNullOrEmpty(key.GetProperty("e").GetString()));
        foreach (var name in PrivateParameters)
            Assert.False(key.TryGetProperty(name, out _), $"the published JWK must not contain the private parameter '{name}': {key}");
    }

    [Fact]
    public async Task A_standard_client_verifies_issued_tokens_with_the_published_keys()
    {
        var token = await _client.TokenAsync(Demo.DistrictAdmin);
        var json = await (await _client.GetAsync("/api/auth/jwks", token: null)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var keys = new JsonWebKeySet(json).GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "cchc-platform",
            ValidAudience = "cchc-platform",
            IssuerSigningKeys = keys,
        });

        Assert.True(result.IsValid, $"the token did not verify with the JWKS: {result.Exception?.Message}");
    }

    [Fact]
    public async Task The_published_jwk_has_no_empty_members_that_strict_clients_reject()
    {
        var jwks = await (await _client.GetAsync("/api/auth/jwks", token: null)).JsonAsync(HttpStatusCode.OK);
        var key = jwks.GetProperty("keys")[0];

        // RFC 7518 6.3.2.7: "oth" is a private-key member, omitted when the key has two primes.
        Assert.False(key.TryGetProperty("oth", out _), $"the public JWK carries the private-key member 'oth': {key}");
        // WebCrypto's importKey throws a DataError when key_ops is present without the requested usage ("verify").
        if (key.TryGetProperty("key_ops", out var ops))
            Assert.True(ops.EnumerateArray().Any(o => o.GetString() == "verify"), $"key_ops is present but does not allow 'verify': {key}");
        // RFC 7517 4.7: x5c, when present, holds the certificate the key belongs to.
        if (key.TryGetProperty("x5c", out var x5c))
            Assert.True(x5c.GetArrayLength() > 0, $"x5c is present but empty: {key}");
    }
}
