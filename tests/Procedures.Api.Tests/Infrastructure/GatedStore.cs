using System.Collections.Concurrent;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Tests.Infrastructure;

/// <summary>
/// The service's real store, with one test hook: <see cref="HoldReads"/> makes the first N reads of a dossier wait for
/// each other, so that N concurrent requests provably work from the same version (a deterministic race).
/// Everything else is forwarded unchanged.
/// </summary>
public sealed class GatedStore(IDocumentStore<ProceduresData> inner) : IDocumentStore<ProceduresData>
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public IDocumentStore<ProceduresData> Inner => inner;

    /// <summary>The next <paramref name="parties"/> reads of dossier <paramref name="id"/> return only once all of them have read.</summary>
    public void HoldReads(string id, int parties) => _gates[id] = new Gate(parties);

    private QueryHold? _queryHold;

    /// <summary>
    /// The next query for <typeparamref name="T"/> reads, then waits: <see cref="QueryHold.Read"/> completes once it has read,
    /// and it returns what it read (an older snapshot by then) only after <see cref="QueryHold.Release"/>.
    /// </summary>
    public QueryHold HoldNextQuery<T>() => _queryHold = new QueryHold(typeof(T));

    public string Service => inner.Service;

    public async Task<Stored<T>?> FindAsync<T>(string commune, string id, CancellationToken ct = default)
    {
        var found = await inner.FindAsync<T>(commune, id, ct);
        if (typeof(T) == typeof(Dossier) && _gates.TryGetValue(id, out var gate)) await gate.ArriveAsync();
        return found;
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string commune, Query query, CancellationToken ct = default)
    {
        var found = await inner.QueryAsync<T>(commune, query, ct);
        if (_queryHold is { } hold && hold.Type == typeof(T) && Interlocked.CompareExchange(ref _queryHold, null, hold) == hold)
            await hold.ArriveAsync();
        return found;
    }
    public Task<long> CountAsync<T>(string commune, Filter? filter = null, CancellationToken ct = default) => inner.CountAsync<T>(commune, filter, ct);
    public Task CommitAsync(ChangeSet changes, CancellationToken ct = default) => inner.CommitAsync(changes, ct);
    public Task<bool> HasConsumedAsync(string consumer, Guid messageId, CancellationToken ct = default) => inner.HasConsumedAsync(consumer, messageId, ct);
    public Task EnsureIndexAsync<T>(string field, CancellationToken ct = default) => inner.EnsureIndexAsync<T>(field, ct);
    public Task PingAsync(CancellationToken ct = default) => inner.PingAsync(ct);

    public sealed class QueryHold(Type type)
    {
        private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Type Type => type;
        public Task Read => _read.Task.WaitAsync(TimeSpan.FromSeconds(15));
        public void Release() => _released.TrySetResult();

        internal async Task ArriveAsync()
        {
            _read.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    private sealed class Gate(int parties)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public async Task ArriveAsync()
        {
            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived > parties) return;
            if (arrived == parties) _all.TrySetResult();
            // A request that never comes must not hang the test run: fail loudly instead.
            await _all.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }
}
