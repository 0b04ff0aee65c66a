using Platform.Contracts.Personnel;

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
}

/// <summary>A revoked stamp of an account, kept until the last token that can carry it has expired.</summary>
public sealed record RevokedStamp(string Stamp, string Username, SessionRevocationReason Reason, DateTime RevokedAt, DateTime Until);


