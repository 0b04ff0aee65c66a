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
    public int FailedAttempts { get; init; }
    public DateTime? LockedUntil { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>Lockout: 5 failed sign-ins in a row lock the account for 15 minutes.</summary>
public static class Lockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLocked(Account account, DateTime now) => account.LockedUntil is { } until && until > now;

    public static Account AfterFailure(Account account, DateTime now) =>
        account.FailedAttempts + 1 >= MaxFailures
            ? account with { FailedAttempts = 0, LockedUntil = now + Duration }
            : account with { FailedAttempts = account.FailedAttempts + 1 };

    public static Account AfterSuccess(Account account) => account with { FailedAttempts = 0, LockedUntil = null };
}
