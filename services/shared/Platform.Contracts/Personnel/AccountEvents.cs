namespace Platform.Contracts.Personnel;

public enum SessionRevocationReason { Disabled, PasswordReset, StaffLeft }

/// <summary>
/// The tokens of an account issued before now no longer open anything: the account was disabled, its password reset, or
/// its staff member left. Tokens carry the account's security stamp (claim <c>sst</c>); this one is revoked until
/// <see cref="Until"/>, when every token that carries it has expired anyway.
/// </summary>
public sealed record AccountSessionsRevoked
{
    public required string Username { get; init; }
    public string? Commune { get; init; }
    public required string Stamp { get; init; }
    public required SessionRevocationReason Reason { get; init; }
    public required DateTime RevokedAt { get; init; }
    public required DateTime Until { get; init; }
}
