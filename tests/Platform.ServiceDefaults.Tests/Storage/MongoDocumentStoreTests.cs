using MongoDB.Driver;
using Platform.ServiceDefaults.Storage;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Storage;

/// <summary>The same contract on MongoDB; skipped, with the reason, where no MongoDB (Docker or TEST_MONGO) exists.</summary>
public sealed class MongoDocumentStoreTests(MongoServer mongo) : DocumentStoreContract
{
    private readonly string _database = $"cchc-test-{Guid.NewGuid():N}";
    private MongoClient? _client;

    protected override IDocumentStore Open(CollectionNames names)
    {
        _client ??= new MongoClient(mongo.Require());
        return new MongoDocumentStore("test", _client, _database, names);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DropDatabaseAsync(_database);
        _client?.Dispose();
    }
}
