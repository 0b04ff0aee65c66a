using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The issuer's RSA key: from <c>Auth:SigningKeyPem</c> (a PEM, e.g. from a Kubernetes secret) or the PEM file at
/// <c>Auth:SigningKeyFile</c>; with <c>Auth:CreateSigningKey=true</c> a missing file is created (the standalone host).
/// </summary>
public sealed class SigningKey
{
    private SigningKey(RSA rsa)
    {
        var parameters = rsa.ExportParameters(false);
        var key = new RsaSecurityKey(rsa);
        KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        Key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        PublicKey = new RsaSecurityKey(parameters) { KeyId = KeyId };
        PublicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicKey);
        PublicJwk.Use = "sig";
        PublicJwk.Alg = SecurityAlgorithms.RsaSha256;
    }

    public string KeyId { get; }
    public RsaSecurityKey Key { get; }
    public RsaSecurityKey PublicKey { get; }
    public JsonWebKey PublicJwk { get; }
    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);

    /// <summary>The public key as RFC 7517 publishes it: only the members that apply, none empty.</summary>
    public Jwk PublishedJwk => new("RSA", "sig", SecurityAlgorithms.RsaSha256, KeyId, PublicJwk.N, PublicJwk.E);

    public static SigningKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new SigningKey(rsa);
    }

    /// <summary>The configured key, or null when this process only validates tokens.</summary>
    public static SigningKey? FromConfiguration(IConfiguration configuration)
    {
        var pem = configuration["Auth:SigningKeyPem"];
        if (!string.IsNullOrWhiteSpace(pem)) return FromPem(pem);
        var file = configuration["Auth:SigningKeyFile"];
        if (string.IsNullOrWhiteSpace(file)) return null;
        if (!File.Exists(file))
        {
            if (!configuration.GetValue<bool>("Auth:CreateSigningKey"))
                throw new InvalidOperationException($"The signing key file {file} does not exist.");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            using var rsa = RSA.Create(3072);
            File.WriteAllText(file, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return FromPem(File.ReadAllText(file));
    }
}

public sealed record Jwk(string Kty, string Use, string Alg, string Kid, string N, string E);

public sealed record JwkSet(IReadOnlyList<Jwk> Keys);
