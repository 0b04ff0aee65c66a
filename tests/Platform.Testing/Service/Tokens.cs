using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Testing.Service;

/// <summary>
/// Mints platform tokens (issuer and audience <c>cchc-platform</c>) with the factory's key. Token lifetime is checked by
/// the JWT handler, which reads the system clock rather than the service's TimeProvider, so a token is made valid from an
/// hour before the earlier of (real now, fake now) to an hour after the later: it passes whichever clock is asked.
/// </summary>
public sealed class Tokens(SigningKey key, TimeProvider clock)
{
    public const string Platform = AuthExtensions.DefaultIssuer;

    public static readonly string[] AllCommuneRoles =
        [Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader, Roles.EmulationCouncil, Roles.Front, Roles.Radio];

    public string ForCommune(string commune, params string[] roles) =>
        Create(new Dictionary<string, object> { [ClaimNames.Commune] = commune, [ClaimNames.Role] = RoleClaim(roles) });

    /// <summary>A commune token whose <c>name</c> claim (what the service records as "by") is <paramref name="name"/>.</summary>
    public string Named(string name, string commune, params string[] roles) =>
        Create(new Dictionary<string, object> { [ClaimNames.Commune] = commune, [ClaimNames.Role] = RoleClaim(roles), [ClaimNames.Name] = name });

    public string ForDistrict(string district, params string[] roles) =>
        Create(new Dictionary<string, object> { [ClaimNames.District] = district, [ClaimNames.Role] = RoleClaim(roles) });

    /// <summary>A commune token of a given person (<c>sub</c>), e.g. one council member among several.</summary>
    public string Member(string subject, string commune, params string[] roles) =>
        Create(new Dictionary<string, object> { [ClaimNames.Commune] = commune, [ClaimNames.Role] = RoleClaim(roles), [ClaimNames.Subject] = subject, [ClaimNames.Name] = subject });

    /// <summary>An account (<c>sub</c>) of a staff member (<c>staff</c>): several accounts of one person share the staff claim.</summary>
    public string Staff(string subject, string staffId, string commune, params string[] roles) =>
        Create(new Dictionary<string, object>
        {
            [ClaimNames.Commune] = commune, [ClaimNames.Role] = RoleClaim(roles), [ClaimNames.Subject] = subject, [ClaimNames.Name] = subject, [ClaimNames.Staff] = staffId,
        });

    /// <summary>A token valid only around the given instant (nothing widened).</summary>
    public string ValidAround(DateTimeOffset instant, string commune, string role) =>
        Create(new Dictionary<string, object> { [ClaimNames.Commune] = commune, [ClaimNames.Role] = role }, instant.UtcDateTime, instant.UtcDateTime);

    private static object RoleClaim(string[] roles) => roles.Length == 1 ? roles[0] : roles;

    private string Create(Dictionary<string, object> claims, DateTime? earliest = null, DateTime? latest = null)
    {
        var real = DateTime.UtcNow;
        var fake = clock.GetUtcNow().UtcDateTime;
        var from = (earliest ?? (real < fake ? real : fake)).AddHours(-1);
        var until = (latest ?? (real > fake ? real : fake)).AddHours(1);
        claims.TryAdd(ClaimNames.Subject, "test-" + Guid.NewGuid().ToString("N")[..8]);
        claims.TryAdd(ClaimNames.Name, "Cán bộ thử nghiệm");
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Platform,
            Audience = Platform,
            IssuedAt = from,
            NotBefore = from,
            Expires = until,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
    }
}
