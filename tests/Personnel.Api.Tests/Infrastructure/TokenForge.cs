using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Personnel.Api.Tests.Infrastructure;

/// <summary>Mints tokens the service did not issue: with its own key (to test tenancy and lifetime), or with a stranger's.</summary>
public static class TokenForge
{
    public const string Platform = AuthExtensions.DefaultIssuer;

    public static string Create(SigningCredentials credentials, IDictionary<string, object> claims,
        string issuer = Platform, string audience = Platform, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(15);
        var all = new Dictionary<string, object>(claims);
        all.TryAdd(ClaimNames.Subject, "forged-" + Guid.NewGuid().ToString("N")[..8]);
        all.TryAdd(ClaimNames.Name, "Người thử");
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = all,
            SigningCredentials = credentials,
        });
    }

    public static string ForDistrict(SigningKey key, string district, string role = Roles.DistrictAdmin, DateTime? expires = null, string audience = Platform) =>
        Create(key.Credentials, new Dictionary<string, object> { [ClaimNames.District] = district, [ClaimNames.Role] = role }, audience: audience, expires: expires);

    public static string ForCommune(SigningKey key, string commune, string role = Roles.DeskOfficer, DateTime? expires = null, string audience = Platform) =>
        Create(key.Credentials, new Dictionary<string, object> { [ClaimNames.Commune] = commune, [ClaimNames.Role] = role }, audience: audience, expires: expires);

    /// <summary>A commune token carrying several roles at once (the <c>role</c> claim as an array).</summary>
    public static string ForCommuneRoles(SigningKey key, string commune, params string[] roles) =>
        Create(key.Credentials, new Dictionary<string, object> { [ClaimNames.Commune] = commune, [ClaimNames.Role] = roles });

    /// <summary>A desk-officer token for my-thanh signed by a fresh RSA key the service never saw.</summary>
    public static string SignedByStranger(string? keyId = null)
    {
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId ?? "stranger-" + Guid.NewGuid().ToString("N") };
        return Create(new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256),
            new Dictionary<string, object> { [ClaimNames.Commune] = Demo.MyThanh, [ClaimNames.Role] = Roles.DeskOfficer });
    }

    /// <summary>The token with one character of its payload segment replaced; header and signature untouched.</summary>
    public static string WithOneCharacterChanged(string token)
    {
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        var i = payload.Length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{new string(payload)}.{parts[2]}";
    }

    /// <summary>The token with its payload re-encoded after a textual edit (e.g. another commune); the signature is kept.</summary>
    public static string WithPayloadEdited(string token, string from, string to)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var edited = payload.Replace(from, to, StringComparison.Ordinal);
        if (edited == payload) throw new InvalidOperationException($"'{from}' is not in the payload {payload}");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(edited))}.{parts[2]}";
    }
}
