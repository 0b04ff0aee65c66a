using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// The production store. Each document is <c>{ _id: "commune/id", commune, id, version, updatedAt, body }</c>;
/// a commit is one multi-document transaction, which needs a replica set (a single node is enough).
/// </summary>
public class MongoDocumentStore : IDocumentStore
{
    private const string OutboxCollection = "_outbox";
    private const string InboxCollection = "_inbox";
    private readonly IMongoClient _client;
    private readonly IMongoDatabase _database;

    public MongoDocumentStore(string service, IMongoClient client, string databaseName)
    {
        Service = service;
        _client = client;
        _database = client.GetDatabase(databaseName);
        var outbox = _database.GetCollection<BsonDocument>(OutboxCollection);
        outbox.Indexes.CreateOne(new CreateIndexModel<BsonDocument>(new BsonDocument { { "sentAt", 1 }, { "createdAt", 1 } }));
    }

    public string Service { get; }
    public event Action? OutboxWritten;

    private IMongoCollection<BsonDocument> Collection(string name) => _database.GetCollection<BsonDocument>(name);

    public async Task<Stored<T>?> FindAsync<T>(string commune, string id, CancellationToken ct = default)
    {
        var found = await Collection(Collections.For<T>()).Find(new BsonDocument("_id", Key(commune, id))).FirstOrDefaultAsync(ct);
        return found is null ? null : Read<T>(found);
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string commune, Query query, CancellationToken ct = default)
    {
        var find = Collection(Collections.For<T>()).Find(MongoFilters.Scoped(commune, query.Where)).Sort(MongoFilters.Sort(query.OrderBy));
        if (query.Skip > 0) find = find.Skip(query.Skip);
        if (query.Take is not null) find = find.Limit(query.Take);
        var documents = await find.ToListAsync(ct);
        return documents.Select(Read<T>).ToList();
    }

    public Task<long> CountAsync<T>(string commune, Filter? filter = null, CancellationToken ct = default) =>
        Collection(Collections.For<T>()).CountDocumentsAsync(MongoFilters.Scoped(commune, filter), cancellationToken: ct);

    public async Task CommitAsync(ChangeSet changes, CancellationToken ct = default)
    {
        if (changes.IsEmpty) return;
        using var session = await _client.StartSessionAsync(cancellationToken: ct);
        session.StartTransaction();
        try
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
            if (changes.Outbox.Count > 0)
                await Collection(OutboxCollection).InsertManyAsync(session, changes.Outbox.Select(m => new BsonDocument
                {
                    { "_id", m.Id.ToString() }, { "commune", m.Commune }, { "messageType", m.MessageType }, { "body", m.Body },
                    { "traceParent", (BsonValue?)m.TraceParent ?? BsonNull.Value }, { "createdAt", m.CreatedAt }, { "sentAt", BsonNull.Value },
                }), cancellationToken: ct);
            await session.CommitTransactionAsync(ct);
        }
        catch
        {
            if (session.IsInTransaction) await session.AbortTransactionAsync(CancellationToken.None);
            throw;
        }
        if (changes.Outbox.Count > 0) OutboxWritten?.Invoke();
    }

    private async Task ApplyAsync(IClientSessionHandle session, DocumentChange change, DateTime now, CancellationToken ct)
    {
        var collection = Collection(change.Collection);
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
        await Collection(Collections.For<T>()).Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(new BsonDocument { { "commune", 1 }, { MongoFilters.Path(field), 1 } }), cancellationToken: ct);

    public async Task<IReadOnlyList<OutboxMessage>> PendingOutboxAsync(int max, CancellationToken ct = default)
    {
        var pending = await Collection(OutboxCollection).Find(new BsonDocument("sentAt", BsonNull.Value))
            .Sort(new BsonDocument("createdAt", 1)).Limit(max).ToListAsync(ct);
        return pending.Select(d => new OutboxMessage(Guid.Parse(d["_id"].AsString), d["commune"].AsString, d["messageType"].AsString,
            d["body"].AsString, d["traceParent"].IsBsonNull ? null : d["traceParent"].AsString, d["createdAt"].ToUniversalTime())).ToList();
    }

    public async Task MarkSentAsync(IReadOnlyCollection<Guid> ids, DateTime sentAt, CancellationToken ct = default) =>
        await Collection(OutboxCollection).UpdateManyAsync(
            new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids.Select(i => i.ToString())))),
            new BsonDocument("$set", new BsonDocument("sentAt", sentAt)), cancellationToken: ct);

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

public sealed class MongoDocumentStore<TService>(string service, IMongoClient client, string databaseName)
    : MongoDocumentStore(service, client, databaseName), IDocumentStore<TService>;
