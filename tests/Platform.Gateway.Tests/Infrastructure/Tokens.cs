using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests.Infrastructure;

/// <summary>Mints access tokens shaped like personnel's (sub, name, role, commune or district), signed with the test key.</summary>
public sealed class Tokens(SigningKey key)
{
    public const string Issuer = AuthExtensions.DefaultIssuer;
    public const string Audience = AuthExtensions.DefaultAudience;

    public string ForCommune(string commune, params string[] roles) =>
        Create(new Dictionary<string, object> { [ClaimNames.Commune] = commune }, roles.Length == 0 ? [Roles.DeskOfficer] : roles);

    public string ForDistrict(string district, params string[] roles) =>
        Create(new Dictionary<string, object> { [ClaimNames.District] = district }, roles.Length == 0 ? [Roles.DistrictOfficer] : roles);

    public string Create(IDictionary<string, object> tenant, string[] roles, SigningCredentials? credentials = null,
        string issuer = Issuer, string audience = Audience, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>(tenant)
        {
            [ClaimNames.Subject] = "staff-" + Guid.NewGuid().ToString("N")[..8],
            [ClaimNames.Name] = "Nguyễn Văn Test",
            [ClaimNames.Role] = roles.Length == 1 ? roles[0] : roles,
        };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = credentials ?? key.Credentials,
        });
    }

    /// <summary>A token signed by a key the issuer never published, optionally claiming the trusted key's id.</summary>
    public string SignedByStranger(bool claimTrustedKeyId)
    {
        var stranger = new RsaSecurityKey(RSA.Create(2048));
        stranger.KeyId = claimTrustedKeyId ? key.KeyId : "stranger-" + Guid.NewGuid().ToString("N");
        return Create(new Dictionary<string, object> { [ClaimNames.Commune] = "my-thanh" }, [Roles.DeskOfficer],
            new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>A valid token whose payload was then edited (another commune, more roles); the signature no longer matches.</summary>
    public string Tampered()
    {
        var parts = ForCommune("my-thanh").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var edited = payload.Replace("\"my-thanh\"", "\"luong-hoa\"", StringComparison.Ordinal)
            .Replace("\"desk-officer\"", "\"district-admin\"", StringComparison.Ordinal);
        if (edited == payload) throw new InvalidOperationException("The payload did not change: " + payload);
        return parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(edited)) + "." + parts[2];
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds();
        return Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               Part($"{{\"sub\":\"x\",\"name\":\"x\",\"role\":\"district-admin\",\"commune\":\"my-thanh\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp}}}") + ".";
    }
}
