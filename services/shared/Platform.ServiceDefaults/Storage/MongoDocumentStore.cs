using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// The production store. Each document is <c>{ _id: "commune/id", commune, id, version, updatedAt, body }</c>;
/// a commit is one multi-document transaction, which needs a replica set (a single node is enough).
/// Outbox messages carry a per-commune sequence taken from a counter inside the commit's transaction: concurrent commits
/// of one commune conflict on the counter and retry, so the sequence is their commit order (clocks of replicas are not).
/// </summary>
public class MongoDocumentStore : IDocumentStore, IOutboxStore
{
    private const string OutboxCollection = "_outbox";
    private const string OutboxSequenceCollection = "_outboxSequence";
    private const string OutboxLeaseCollection = "_outboxLease";
    private const string InboxCollection = "_inbox";
    private static readonly BsonDocument CommitOrder = new() { { "seq", 1 }, { "createdAt", 1 } };
    private readonly IMongoClient _client;
    private readonly IMongoDatabase _database;
    private readonly CollectionNames _collections;

    public MongoDocumentStore(string service, IMongoClient client, string databaseName, CollectionNames collections)
    {
        Service = service;
        _client = client;
        _collections = collections;
        _database = client.GetDatabase(databaseName);
        var outbox = _database.GetCollection<BsonDocument>(OutboxCollection);
        outbox.Indexes.CreateOne(new CreateIndexModel<BsonDocument>(new BsonDocument { { "sentAt", 1 }, { "createdAt", 1 } }));
        outbox.Indexes.CreateOne(new CreateIndexModel<BsonDocument>(new BsonDocument { { "sentAt", 1 }, { "commune", 1 }, { "seq", 1 } }));
    }

    public string Service { get; }
    public event Action? Written;

    private IMongoCollection<BsonDocument> Collection(string name) => _database.GetCollection<BsonDocument>(name);

    private IMongoCollection<BsonDocument> Collection<T>() => Collection(_collections.Of(typeof(T)));

    public async Task<Stored<T>?> FindAsync<T>(string commune, string id, CancellationToken ct = default)
    {
        var found = await Collection<T>().Find(new BsonDocument("_id", Key(commune, id))).FirstOrDefaultAsync(ct);
        return found is null ? null : Read<T>(found);
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string commune, Query query, CancellationToken ct = default)
    {
        var find = Collection<T>().Find(MongoFilters.Scoped(commune, query.Where)).Sort(MongoFilters.Sort(query.OrderBy));
        if (query.Skip > 0) find = find.Skip(query.Skip);
        if (query.Take is not null) find = find.Limit(query.Take);
        var documents = await find.ToListAsync(ct);
        return documents.Select(Read<T>).ToList();
    }

    public Task<long> CountAsync<T>(string commune, Filter? filter = null, CancellationToken ct = default) =>
        Collection<T>().CountDocumentsAsync(MongoFilters.Scoped(commune, filter), cancellationToken: ct);

    public async Task CommitAsync(ChangeSet changes, CancellationToken ct = default)
    {
        if (changes.IsEmpty) return;
        using var session = await _client.StartSessionAsync(cancellationToken: ct);
        // Retries the whole set on a transient error (a write conflict with a concurrent commit): a stale version then shows as one.
        await session.WithTransactionAsync(async (s, token) =>
        {
            await CommitInAsync(s, changes, token);
            return true;
        }, cancellationToken: ct);
        if (changes.Outbox.Count > 0) Written?.Invoke();
    }

    private async Task CommitInAsync(IClientSessionHandle session, ChangeSet changes, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        foreach (var (consumer, messageId) in changes.Inbox)
        {
            try
            {
                await Collection(InboxCollection).InsertOneAsync(session,
                    new BsonDocument { { "_id", $"{consumer}/{messageId}" }, { "consumedAt", now } }, cancellationToken: ct);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                throw new AlreadyConsumedException();
            }
        }
        foreach (var change in changes.Documents) await ApplyAsync(session, change, now, ct);
        foreach (var commune in changes.Outbox.GroupBy(m => m.Commune))
        {
            var counter = await Collection(OutboxSequenceCollection).FindOneAndUpdateAsync(session, new BsonDocument("_id", commune.Key),
                new BsonDocument("$inc", new BsonDocument("next", (long)commune.Count())),
                new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, ct);
            var seq = counter["next"].ToInt64() - commune.Count();
            await Collection(OutboxCollection).InsertManyAsync(session, commune.Select(m => new BsonDocument
            {
                { "_id", m.Id.ToString() }, { "commune", m.Commune }, { "seq", ++seq }, { "messageType", m.MessageType }, { "body", m.Body },
                { "traceParent", (BsonValue?)m.TraceParent ?? BsonNull.Value }, { "createdAt", m.CreatedAt }, { "sentAt", BsonNull.Value },
            }), cancellationToken: ct);
        }
    }

    private async Task ApplyAsync(IClientSessionHandle session, DocumentChange change, DateTime now, CancellationToken ct)
    {
        var collection = Collection(_collections.Of(change.DocumentType));
        var key = Key(change.Commune, change.Id);
        switch (change.Kind)
        {
            case ChangeKind.Insert:
                try
                {
                    await collection.InsertOneAsync(session, Envelope(change, key, 1, now), cancellationToken: ct);
                }
                catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
                {
                    throw change.Duplicate();
                }
                break;
            case ChangeKind.Update:
                var replaced = await collection.ReplaceOneAsync(session, VersionFilter(key, change.ExpectedVersion),
                    Envelope(change, key, change.ExpectedVersion + 1, now), cancellationToken: ct);
                if (replaced.MatchedCount == 0) throw change.Stale();
                break;
            case ChangeKind.Delete:
                var deleted = await collection.DeleteOneAsync(session, VersionFilter(key, change.ExpectedVersion), cancellationToken: ct);
                if (deleted.DeletedCount == 0) throw change.Stale();
                break;
        }
    }

    private static BsonDocument VersionFilter(string key, long version) => new() { { "_id", key }, { "version", version } };

    private static BsonDocument Envelope(DocumentChange change, string key, long version, DateTime now) => new()
    {
        { "_id", key }, { "commune", change.Commune }, { "id", change.Id }, { "version", version }, { "updatedAt", now },
        { "body", BsonDocument.Parse(change.Json) },
    };

    public async Task<bool> HasConsumedAsync(string consumer, Guid messageId, CancellationToken ct = default) =>
        await Collection(InboxCollection).Find(new BsonDocument("_id", $"{consumer}/{messageId}")).AnyAsync(ct);

    public async Task EnsureIndexAsync<T>(string field, CancellationToken ct = default) =>
        await Collection<T>().Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(new BsonDocument { { "commune", 1 }, { MongoFilters.Path(field), 1 } }), cancellationToken: ct);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string owner, int max, DateTime now, TimeSpan lease, CancellationToken ct = default)
    {
        var leases = Collection(OutboxLeaseCollection);
        var leased = new BsonArray();
        var unsent = await (await Collection(OutboxCollection).DistinctAsync<string>("commune", new BsonDocument("sentAt", BsonNull.Value), cancellationToken: ct)).ToListAsync(ct);
        await leases.DeleteManyAsync(new BsonDocument { { "owner", owner }, { "_id", new BsonDocument("$nin", new BsonArray(unsent)) } }, ct);
        foreach (var commune in unsent)
        {
            try
            {
                // One document per commune, changed only by its owner or once its lease ran out; a live lease of another owner
                // fails the filter, and the upsert's insert then meets the taken id.
                await leases.UpdateOneAsync(
                    new BsonDocument { { "_id", commune }, { "$or", new BsonArray { new BsonDocument("owner", owner), new BsonDocument("leasedUntil", new BsonDocument("$lte", now)) } } },
                    new BsonDocument("$set", new BsonDocument { { "owner", owner }, { "leasedUntil", now + lease } }),
                    new UpdateOptions { IsUpsert = true }, ct);
                leased.Add(commune);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
            }
        }
        if (leased.Count == 0) return [];
        return await ReadOutboxAsync(new BsonDocument { { "sentAt", BsonNull.Value }, { "commune", new BsonDocument("$in", leased) } }, max, ct);
    }

    public async Task MarkSentAsync(string owner, IReadOnlyCollection<Guid> ids, DateTime sentAt, CancellationToken ct = default)
    {
        var leased = await Collection(OutboxLeaseCollection).Find(new BsonDocument("owner", owner)).Project(new BsonDocument("_id", 1)).ToListAsync(ct);
        await Collection(OutboxCollection).UpdateManyAsync(
            new BsonDocument
            {
                { "_id", new BsonDocument("$in", new BsonArray(ids.Select(i => i.ToString()))) },
                { "commune", new BsonDocument("$in", new BsonArray(leased.Select(l => l["_id"]))) },
            },
            new BsonDocument("$set", new BsonDocument("sentAt", sentAt)), cancellationToken: ct);
    }

    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(int max, CancellationToken ct = default) =>
        ReadOutboxAsync(new BsonDocument("sentAt", BsonNull.Value), max, ct);

    /// <summary>Each commune's messages by sequence (messages from before sequences have none, and sort first, by time).</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(BsonDocument filter, int max, CancellationToken ct)
    {
        var pending = await Collection(OutboxCollection).Find(filter).Sort(CommitOrder).Limit(max).ToListAsync(ct);
        return pending.Select(d => new OutboxMessage(Guid.Parse(d["_id"].AsString), d["commune"].AsString, d["messageType"].AsString,
            d["body"].AsString, d["traceParent"].IsBsonNull ? null : d["traceParent"].AsString, d["createdAt"].ToUniversalTime())).ToList();
    }

    public async Task PurgeAsync(DateTime sentBefore, DateTime consumedBefore, CancellationToken ct = default)
    {
        await Collection(OutboxCollection).DeleteManyAsync(new BsonDocument("sentAt", new BsonDocument("$lt", sentBefore)), ct);
        await Collection(InboxCollection).DeleteManyAsync(new BsonDocument("consumedAt", new BsonDocument("$lt", consumedBefore)), ct);
    }

    public Task PingAsync(CancellationToken ct = default) => _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: ct);

    private static string Key(string commune, string id) => $"{commune}/{id}";

    private static Stored<T> Read<T>(BsonDocument document) =>
        new(document["commune"].AsString, document["id"].AsString, document["version"].ToInt64(), document["updatedAt"].ToUniversalTime(),
            JsonSerializer.Deserialize<T>(document["body"].AsBsonDocument.ToJson(MongoFilters.RelaxedJson), PlatformJson.Options)!);
}

public sealed class MongoDocumentStore<TService>(string service, IMongoClient client, string databaseName, CollectionNames collections)
    : MongoDocumentStore(service, client, databaseName, collections), IDocumentStore<TService>, IOutboxStore<TService>;
