using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Storage;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("store-").FullName;

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new SqliteDocumentStore("test", Path.Combine(_directory, "test.db")));

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

        var reopened = new SqliteDocumentStore("test", Path.Combine(_directory, "test.db"));

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
            catch (Problems.ConflictException)
            {
                return false;
            }
        }, ct)).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await Store.FindAsync<Applicant>("my-thanh", "d1", ct))!.Version);
    }
}
