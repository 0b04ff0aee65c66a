namespace Platform.ServiceDefaults.Storage;

/// <summary>A stored document with the metadata the store keeps beside it.</summary>
public sealed record Stored<T>(string Commune, string Id, long Version, DateTime UpdatedAt, T Document);

/// <summary>
/// A service's own document store. Every document belongs to a scope: its commune code, or
/// <see cref="Scopes.Platform"/> for the few records that span communes (the commune directory, accounts).
/// Writes go through a <see cref="ChangeSet"/> committed atomically with the events it raises (outbox)
/// and the messages it consumed (inbox).
/// </summary>
public interface IDocumentStore
{
    string Service { get; }
    Task<Stored<T>?> FindAsync<T>(string commune, string id, CancellationToken ct = default);
    Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string commune, Query query, CancellationToken ct = default);
    Task<long> CountAsync<T>(string commune, Filter? filter = null, CancellationToken ct = default);

    /// <summary>Applies every change of the set in one transaction, or none of them.</summary>
    /// <exception cref="ConcurrencyConflictException">A version is stale or an id is taken.</exception>
    /// <exception cref="AlreadyConsumedException">The set marks a message consumed that already was.</exception>
    Task CommitAsync(ChangeSet changes, CancellationToken ct = default);

    Task<bool> HasConsumedAsync(string consumer, Guid messageId, CancellationToken ct = default);
    Task EnsureIndexAsync<T>(string field, CancellationToken ct = default);
    Task PingAsync(CancellationToken ct = default);
}

/// <summary>The store of one service, told apart by a marker type so that the standalone host can hold four.</summary>
public interface IDocumentStore<TService> : IDocumentStore;

public static class Scopes
{
    /// <summary>Records that belong to no single commune.</summary>
    public const string Platform = "_platform";
}

public sealed class AlreadyConsumedException() : Exception("The message was already consumed.");

public enum ConflictKind { Stale, Duplicate }

/// <summary>A commit refused by optimistic concurrency: the document changed since it was read, or its id is taken.</summary>
public sealed class ConcurrencyConflictException(ConflictKind kind, string id)
    : Exception(kind == ConflictKind.Duplicate ? $"The id '{id}' is taken." : $"'{id}' changed since it was read.")
{
    public ConflictKind Kind => kind;
    public string Id => id;
}
