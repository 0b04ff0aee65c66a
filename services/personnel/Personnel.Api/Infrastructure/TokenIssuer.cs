using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Personnel.Api.Domain;
using Platform.ServiceDefaults.Security;

namespace Personnel.Api.Infrastructure;

public sealed class TokenOptions
{
    public string Issuer { get; set; } = AuthExtensions.DefaultIssuer;
    public string Audience { get; set; } = AuthExtensions.DefaultAudience;
    /// <summary>A working day for staff; the radio client asks again when its token expires.</summary>
    public int LifetimeMinutes { get; set; } = 480;
}

public sealed record IssuedToken(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>Signs access tokens with the issuer's RSA key; <c>/api/auth/jwks</c> publishes its public half.</summary>
public sealed class TokenIssuer(SigningKey key, IOptions<TokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(Account account)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.Value.LifetimeMinutes);
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = account.Username,
            [ClaimNames.Name] = account.DisplayName,
            [ClaimNames.Role] = account.Roles.ToArray(),
        };
        if (account.SecurityStamp is not null) claims[ClaimNames.SecurityStamp] = account.SecurityStamp;
        if (account.Commune is not null) claims[ClaimNames.Commune] = account.Commune;
        if (account.District is not null) claims[ClaimNames.District] = account.District;
        if (account.StaffId is not null) claims[ClaimNames.Staff] = account.StaffId;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
        return new IssuedToken(token, "Bearer", (int)lifetime.TotalSeconds);
    }
}
