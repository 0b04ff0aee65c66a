using Microsoft.Extensions.Options;
using Personnel.Api.Domain;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Infrastructure;

/// <summary>
/// Ends an account's sessions (<see cref="Account.RevokeSessions"/>): the revoked stamp is kept as long as a token can live,
/// plus the clock skew validators allow, and goes out as <see cref="AccountSessionsRevoked"/>, in the same commit as the
/// change that caused it.
/// </summary>
public sealed class AccountSessions(IOptions<TokenOptions> options)
{
    /// <summary>The account with a new stamp; <paramref name="changes"/> carry the revocation of the old one.</summary>
    public Account Revoke(ChangeSet changes, Account account, SessionRevocationReason reason, DateTime now)
    {
        var revoked = account.RevokeSessions(reason, now, until: now + TimeSpan.FromMinutes(options.Value.LifetimeMinutes) + AuthExtensions.ClockSkew);
        foreach (var stamp in revoked.Events.OfType<AccountSessionsRevoked>()) changes.Insert(Scopes.Platform, stamp.Stamp, RevokedStamp.Of(stamp));
        changes.PublishAll(account.Commune ?? Scopes.Platform, revoked.Events);
        return revoked.State;
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
