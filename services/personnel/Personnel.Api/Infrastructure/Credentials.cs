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
        var name = ThrottleKey(username, isClient);
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
        catch (ConcurrencyConflictException)
        {
            // A simultaneous sign-in stamped it first: use its stamp. A revocation in between (a disable, a new password)
            // also stamps it, and that stamp is on no revoked list: only an account as this sign-in checked it gets a token.
            var fresh = (await store.FindAsync<Account>(Scopes.Platform, stored.Id, ct))?.Document;
            return fresh is { SecurityStamp: not null, Disabled: false } && fresh.SecretHash == stored.Document.SecretHash ? fresh
                : throw new ConflictException("account-changed", Wording.Of(CommonMessages.VersionConflict, stored.Id));
        }
    }

    public void ForgetFailures(Account account) => throttle.Clear(ThrottleKey(account.Username, account.IsClient));

    public bool IsSlowed(Account account) => throttle.IsSlowed(ThrottleKey(account.Username, account.IsClient));

    /// <summary>Clients and users are throttled apart: guessing a user's name as a client id must not slow the user.</summary>
    private static string ThrottleKey(string name, bool isClient) => (isClient ? "client:" : "user:") + Normalize(name);

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
