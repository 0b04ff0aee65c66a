using Microsoft.AspNetCore.Identity;
using Personnel.Api.Domain;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Infrastructure;

public enum SignInResult { Succeeded, Invalid, Locked }

/// <summary>Checks a username and password (or client id and secret), counting failures towards the lockout.</summary>
public sealed class Credentials(IDocumentStore<PersonnelData> store, TimeProvider time)
{
    private static readonly PasswordHasher<Account> Hasher = new();
    // Verified when the account does not exist, so that a miss costs the same time as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy-" + Guid.NewGuid());

    private const int MaxAttempts = 200;

    public static string Hash(string secret) => Hasher.HashPassword(null!, secret);

    public static bool Matches(Account account, string secret) =>
        Hasher.VerifyHashedPassword(account, account.SecretHash, secret) != PasswordVerificationResult.Failed;

    public async Task<(SignInResult Result, Account? Account, DateTime? LockedUntil)> SignInAsync(string username, string secret, bool isClient, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.FindAsync<Account>(Scopes.Platform, Normalize(username), ct);
            var now = time.GetUtcNow().UtcDateTime;
            if (stored is null || stored.Document.IsClient != isClient || stored.Document.Disabled)
            {
                Hasher.VerifyHashedPassword(null!, DecoyHash, secret);
                return (SignInResult.Invalid, null, null);
            }
            var account = stored.Document;
            if (Lockout.IsLocked(account, now)) return (SignInResult.Locked, null, account.LockedUntil);
            var matches = Matches(account, secret);
            var updated = matches ? Lockout.AfterSuccess(account) : Lockout.AfterFailure(account, now);
            try
            {
                if (updated != account) await store.CommitAsync(new ChangeSet().Update(stored, updated), ct);
            }
            catch (ConflictException) when (attempt < MaxAttempts)
            {
                // A simultaneous sign-in changed the counter: count this attempt again on the fresh copy, so that
                // every failure counts towards the lockout and a burst of guesses never slips through as a 409.
                await Task.Delay(Random.Shared.Next(1, 5 + attempt), ct);
                continue;
            }
            if (matches) return (SignInResult.Succeeded, updated, null);
            return Lockout.IsLocked(updated, now) ? (SignInResult.Locked, null, updated.LockedUntil) : (SignInResult.Invalid, null, null);
        }
    }

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
