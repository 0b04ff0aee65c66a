using Microsoft.AspNetCore.Identity;
using Personnel.Api.Domain;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Infrastructure;

public enum SignInResult { Succeeded, Invalid, Throttled }

public sealed record SignInOutcome(SignInResult Result, Account? Account = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Checks a username and password (or client id and secret) under the <see cref="SignInThrottle"/>. An unknown name, a
/// disabled account and a wrong password answer alike, and cost a password hash each.
/// </summary>
public sealed class Credentials(IDocumentStore<PersonnelData> store, SignInThrottle throttle)
{
    private static readonly PasswordHasher<Account> Hasher = new();
    // Verified when the account does not exist, so that a miss costs the same time as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy-" + Guid.NewGuid());

    public static string Hash(string secret) => Hasher.HashPassword(null!, secret);

    public static bool Matches(Account account, string secret) =>
        Hasher.VerifyHashedPassword(account, account.SecretHash, secret) != PasswordVerificationResult.Failed;

    public async Task<SignInOutcome> SignInAsync(string username, string secret, bool isClient, string address, CancellationToken ct)
    {
        // Clients and users are throttled apart: guessing a user's name as a client id must not slow the user.
        var name = (isClient ? "client:" : "user:") + Normalize(username);
        if (throttle.TryBegin(name, address) is { } wait) return new SignInOutcome(SignInResult.Throttled, RetryAfter: wait);
        var stored = await store.FindAsync<Account>(Scopes.Platform, Normalize(username), ct);
        if (stored is null || stored.Document.IsClient != isClient || stored.Document.Disabled)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, secret);
            return new SignInOutcome(SignInResult.Invalid);
        }
        if (!Matches(stored.Document, secret)) return new SignInOutcome(SignInResult.Invalid);
        throttle.Succeeded(name, address);
        return new SignInOutcome(SignInResult.Succeeded, await WithStampAsync(stored, ct));
    }

    /// <summary>An account from before security stamps gets one at its first sign-in, so that its tokens can be revoked.</summary>
    private async Task<Account> WithStampAsync(Stored<Account> stored, CancellationToken ct)
    {
        if (stored.Document.SecurityStamp is not null) return stored.Document;
        var stamped = stored.Document with { SecurityStamp = Account.NewStamp() };
        try
        {
            await store.CommitAsync(new ChangeSet().Update(stored, stamped), ct);
            return stamped;
        }
        catch (ConflictException)
        {
            // A simultaneous sign-in (or a revocation) stamped it first: use the stored stamp.
            var fresh = await store.FindAsync<Account>(Scopes.Platform, stored.Id, ct);
            return fresh?.Document.SecurityStamp is not null ? fresh.Document : throw new ConflictException("account-changed",
                Wording.Of(CommonMessages.VersionConflict, stored.Id));
        }
    }

    public void ForgetFailures(string username) => throttle.Clear("user:" + Normalize(username));

    public bool IsSlowed(string username) => throttle.IsSlowed("user:" + Normalize(username));

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
