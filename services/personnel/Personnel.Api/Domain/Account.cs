using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Domain;

namespace Personnel.Api.Domain;

/// <summary>
/// A sign-in: a staff member's account, or an API client (the commune radio) with a secret.
/// Usernames are unique across the district, so accounts live outside any one commune's scope.
/// </summary>
public sealed record Account
{
    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public required string SecretHash { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public string? Commune { get; init; }
    public string? District { get; init; }
    public string? StaffId { get; init; }
    public bool IsClient { get; init; }
    public bool Disabled { get; init; }
    /// <summary>
    /// Random, carried in every token as <c>sst</c>. Disabling the account, resetting its password or its staff member
    /// leaving revokes it (a <see cref="RevokedStamp"/>) and draws a new one: the tokens issued before stop working.
    /// </summary>
    public string? SecurityStamp { get; init; }
    public DateTime CreatedAt { get; init; }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Ends the account's sessions: a new stamp, and the old one revoked until <paramref name="until"/>, when every token
    /// that carries it has expired.
    /// </summary>
    public Changed<Account> RevokeSessions(SessionRevocationReason reason, DateTime now, DateTime until)
    {
        var renewed = this with { SecurityStamp = NewStamp() };
        if (SecurityStamp is not { } stamp) return renewed; // never signed in since stamps exist: no token carries one
        return new(renewed, [new AccountSessionsRevoked { Username = Username, Commune = Commune, Stamp = stamp, Reason = reason, RevokedAt = now, Until = until }]);
    }
}

/// <summary>A revoked stamp of an account, kept until the last token that can carry it has expired.</summary>
public sealed record RevokedStamp(string Stamp, string Username, SessionRevocationReason Reason, DateTime RevokedAt, DateTime Until)
{
    public static RevokedStamp Of(AccountSessionsRevoked revoked) => new(revoked.Stamp, revoked.Username, revoked.Reason, revoked.RevokedAt, revoked.Until);
}


