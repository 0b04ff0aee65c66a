namespace Platform.ServiceDefaults.Storage;

public sealed record OutboxMessage(Guid Id, string Commune, string MessageType, string Body, string? TraceParent, DateTime CreatedAt);

/// <summary>
/// The outbox's side of a service's store, for its dispatchers. Several dispatchers (replicas) may share one store:
/// a dispatcher leases a commune before it publishes that commune's messages, so each commune's messages leave one
/// dispatcher at a time, in commit order. A lease not renewed before it ends (a crashed replica) is taken over.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Leases, for <paramref name="owner"/>, every commune with unsent messages that no other owner holds a live lease on
    /// (until <paramref name="now"/> + <paramref name="lease"/>; the owner's leases on communes with nothing unsent end), and returns up to
    /// <paramref name="max"/> unsent messages of those communes, each commune's in commit order.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string owner, int max, DateTime now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Marks sent those of <paramref name="ids"/> whose commune <paramref name="owner"/> still leases.</summary>
    Task MarkSentAsync(string owner, IReadOnlyCollection<Guid> ids, DateTime sentAt, CancellationToken ct = default);

    /// <summary>Unsent messages in commit order, claimed or not.</summary>
    Task<IReadOnlyList<OutboxMessage>> PendingAsync(int max, CancellationToken ct = default);

    /// <summary>Forgets sent messages and inbox marks older than the given times.</summary>
    Task PurgeAsync(DateTime sentBefore, DateTime consumedBefore, CancellationToken ct = default);

    /// <summary>Raised after a commit in this process that wrote outbox messages, so its dispatcher need not wait for its poll.</summary>
    event Action? Written;
}

public interface IOutboxStore<TService> : IOutboxStore;
