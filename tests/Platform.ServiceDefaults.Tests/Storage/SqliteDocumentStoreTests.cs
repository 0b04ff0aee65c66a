using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Storage;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("store-").FullName;

    protected override IDocumentStore Open(CollectionNames names) => new SqliteDocumentStore("test", Path.Combine(_directory, "test.db"), names);

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Documents_survive_reopening_the_file()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", new Applicant("Lê Thị Bé", "0909")), TestContext.Current.CancellationToken);

        var reopened = Open(Names);

        Assert.Equal("Lê Thị Bé", (await reopened.FindAsync<Applicant>("my-thanh", "d1", TestContext.Current.CancellationToken))!.Document.Name);
    }

    [Fact]
    public async Task Concurrent_writers_on_one_document_get_exactly_one_success()
    {
        var ct = TestContext.Current.CancellationToken;
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", new Applicant("A", "0")), ct);
        var read = (await Store.FindAsync<Applicant>("my-thanh", "d1", ct))!;

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.CommitAsync(new ChangeSet().Update(read, read.Document with { Phone = i.ToString() }), ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }, ct)).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await Store.FindAsync<Applicant>("my-thanh", "d1", ct))!.Version);
    }

    [Fact]
    public async Task An_outbox_written_before_leases_existed_is_dispatched_after_the_upgrade()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_directory, "old.db");
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync(ct);
            await using var command = old.CreateCommand();
            // The schema of the release before outbox leases, with one message left unsent.
            command.CommandText = """
                CREATE TABLE _outbox (
                  id TEXT PRIMARY KEY, commune TEXT NOT NULL, message_type TEXT NOT NULL, body TEXT NOT NULL,
                  trace_parent TEXT, created_at TEXT NOT NULL, sent_at TEXT);
                CREATE INDEX ix__outbox_pending ON _outbox(created_at) WHERE sent_at IS NULL;
                INSERT INTO _outbox(id, commune, message_type, body, created_at)
                VALUES ('6f1c2a8e-0000-4000-8000-000000000001', 'my-thanh', 'Platform.Contracts.Common.CommunePrepared', '{}', '2016-02-05T01:00:00.0000000Z');
                """;
            await command.ExecuteNonQueryAsync(ct);
        }

        var upgraded = new SqliteDocumentStore("test", path, Names);

        var claimed = Assert.Single(await upgraded.ClaimAsync("a", 10, DateTime.UtcNow, TimeSpan.FromSeconds(30), ct));
        Assert.Equal("my-thanh", claimed.Commune);
        await upgraded.MarkSentAsync("a", [claimed.Id], DateTime.UtcNow, ct);
        Assert.Empty(await upgraded.PendingAsync(10, ct));
    }
}
