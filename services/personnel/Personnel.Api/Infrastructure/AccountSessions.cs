using Microsoft.Extensions.Options;
using Personnel.Api.Domain;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Infrastructure;

/// <summary>
/// Ends an account's sessions: its stamp goes on the revoked list (kept as long as a token can live, plus the clock skew
/// validators allow) and out as <see cref="AccountSessionsRevoked"/>, in the same commit as the change that caused it.
/// </summary>
public sealed class AccountSessions(IOptions<TokenOptions> options)
{
    /// <summary>The account with a new stamp; <paramref name="changes"/> carry the revocation of the old one.</summary>
    public Account Revoke(ChangeSet changes, Account account, SessionRevocationReason reason, DateTime now)
    {
        var renewed = account with { SecurityStamp = Account.NewStamp() };
        if (account.SecurityStamp is not { } stamp) return renewed; // never signed in since stamps exist: no token carries one
        var until = now + TimeSpan.FromMinutes(options.Value.LifetimeMinutes) + AuthExtensions.ClockSkew;
        changes.Insert(Scopes.Platform, stamp, new RevokedStamp(stamp, account.Username, reason, now, until))
            .Publish(account.Commune ?? Scopes.Platform, new AccountSessionsRevoked
            {
                Username = account.Username, Commune = account.Commune, Stamp = stamp, Reason = reason, RevokedAt = now, Until = until,
            });
        return renewed;
    }
}

/// <summary>Personnel (and the standalone host) read the revoked stamps from the store itself, not over HTTP.</summary>
public sealed class StoredSessionRevocations(IDocumentStore<PersonnelData> store, TimeProvider time) : ISessionRevocationSource
{
    public async Task<IReadOnlyList<RevokedSession>> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await store.QueryAsync<RevokedStamp>(Scopes.Platform, new Query(Filter.Gt("until", now)), ct);
        return stored.Select(s => new RevokedSession(s.Document.Stamp, s.Document.Until)).ToList();
    }
}
