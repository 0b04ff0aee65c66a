using Platform.ServiceDefaults.Storage;
using Platform.Contracts.Common;

namespace Platform.ServiceDefaults.Tests.Storage;

public sealed record Dossier(string ReceiptNo, string Status, DateOnly ReceivedOn, int Days, Applicant Applicant, string? Note = null);

public sealed record Applicant(string Name, string Phone);

/// <summary>The same documents under a new class name: its explicit collection name still finds them.</summary>
public sealed record RenamedDossier(string ReceiptNo, string Status);

public sealed record Unnamed(string Text);

/// <summary>What every document store must do, run against SQLite always and MongoDB where one exists.</summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    protected static CollectionNames Names { get; } = CollectionNames.Platform().Add<Dossier>("dossier").Add<Applicant>("applicant");

    private IDocumentStore? _store;
    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("Store not created.");
    private IOutboxStore Outbox => (IOutboxStore)Store;

    /// <summary>A new store object on the test's one database (a second replica's, when called again).</summary>
    protected abstract IDocumentStore Open(CollectionNames names);

    public ValueTask InitializeAsync()
    {
        _store = Open(Names);
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Dossier Sample(string receipt, string status = "received", int day = 5, int days = 3, string phone = "0909000111") =>
        new(receipt, status, new DateOnly(2016, 2, day), days, new Applicant("Nguyễn Văn An", phone));

    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Inserted_document_is_found_with_version_one()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);

        var found = await Store.FindAsync<Dossier>("my-thanh", "d1", Ct);

        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal("my-thanh", found.Commune);
        Assert.Equal(Sample("2016-000001"), found.Document);
    }

    [Fact]
    public async Task Update_increments_version_and_stale_update_is_a_conflict_that_changes_nothing()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);
        var first = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        await Store.CommitAsync(new ChangeSet().Update(first, first.Document with { Status = "in-progress" }), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Store.CommitAsync(new ChangeSet().Update(first, first.Document with { Status = "withdrawn" }), Ct));

        Assert.Equal(ConflictKind.Stale, conflict.Kind);
        Assert.Equal("d1", conflict.Id);
        var current = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        Assert.Equal(2, current.Version);
        Assert.Equal("in-progress", current.Document.Status);
    }

    [Fact]
    public async Task Duplicate_insert_is_a_conflict_and_the_whole_change_set_is_rolled_back()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);
        var changes = new ChangeSet()
            .Insert("my-thanh", "d2", Sample("2016-000002"))
            .Insert("my-thanh", "d1", Sample("2016-000099"))
            .Publish("my-thanh", new CommunePrepared { Commune = "my-thanh", Service = "test", PreparedAt = DateTime.UtcNow });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(changes, Ct));

        Assert.Equal(ConflictKind.Duplicate, conflict.Kind);
        Assert.Null(await Store.FindAsync<Dossier>("my-thanh", "d2", Ct));
        Assert.Equal("2016-000001", (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!.Document.ReceiptNo);
        Assert.Empty(await Outbox.PendingAsync(10, Ct));
    }

    [Fact]
    public async Task Documents_are_scoped_to_their_commune()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);
        await Store.CommitAsync(new ChangeSet().Insert("luong-hoa", "d1", Sample("2016-000777")), Ct);

        Assert.Equal("2016-000777", (await Store.FindAsync<Dossier>("luong-hoa", "d1", Ct))!.Document.ReceiptNo);
        Assert.Null(await Store.FindAsync<Dossier>("phuoc-long", "d1", Ct));
        var listed = await Store.QueryAsync<Dossier>("my-thanh", Query.All, Ct);
        Assert.Equal(["2016-000001"], listed.Select(d => d.Document.ReceiptNo));
        Assert.Equal(1, await Store.CountAsync<Dossier>("luong-hoa", null, Ct));
    }

    [Fact]
    public async Task Queries_filter_by_equality_range_and_membership_sort_and_page()
    {
        var changes = new ChangeSet();
        for (var i = 1; i <= 9; i++)
            changes.Insert("my-thanh", $"d{i}", Sample($"2016-00000{i}", status: i % 3 == 0 ? "returned" : "received", day: i, days: 10 - i,
                phone: i == 4 ? "0911222333" : "0909000111"));
        await Store.CommitAsync(changes, Ct);

        var received = await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Eq("status", "received")), Ct);
        Assert.Equal(6, received.Count);

        var inFebruaryWindow = await Store.QueryAsync<Dossier>("my-thanh", new Query(
            Filter.And(Filter.Gte("receivedOn", new DateOnly(2016, 2, 3)), Filter.Lt("receivedOn", new DateOnly(2016, 2, 6))),
            [new Sort("receivedOn", Descending: true)]), Ct);
        Assert.Equal(["2016-000005", "2016-000004", "2016-000003"], inFebruaryWindow.Select(d => d.Document.ReceiptNo));

        var byPhone = await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Eq("applicant.phone", "0911222333")), Ct);
        Assert.Equal("d4", Assert.Single(byPhone).Id);

        var some = await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.In("id", ["d2", "d7", "nope"])), Ct);
        Assert.Equal(["d2", "d7"], some.Select(d => d.Id));

        var fewDays = await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Lte("days", 2), [new Sort("days")]), Ct);
        Assert.Equal([1, 2], fewDays.Select(d => d.Document.Days));

        var page = await Store.QueryAsync<Dossier>("my-thanh", new Query(OrderBy: [new Sort("receivedOn")], Skip: 3, Take: 2), Ct);
        Assert.Equal(["d4", "d5"], page.Select(d => d.Id));

        Assert.Equal(3, await Store.CountAsync<Dossier>("my-thanh", Filter.Eq("status", "returned"), Ct));
        Assert.Equal(9, await Store.CountAsync<Dossier>("my-thanh", null, Ct));
    }

    [Fact]
    public async Task Contains_matches_a_literal_substring_and_or_any_of_its_filters()
    {
        await Store.CommitAsync(new ChangeSet()
            .Insert("my-thanh", "d1", Sample("2016-000001") with { Note = "nguyen van an 0909000111" })
            .Insert("my-thanh", "d2", Sample("2016-000002") with { Note = "tran thi b% (c.d)" })
            .Insert("my-thanh", "d3", Sample("2016-000003"))
            .Insert("luong-hoa", "d4", Sample("2016-000004") with { Note = "nguyen van an" }), Ct);

        Task<IReadOnlyList<Stored<Dossier>>> Where(Filter filter) => Store.QueryAsync<Dossier>("my-thanh", new Query(filter), Ct);

        Assert.Equal(["d1"], (await Where(Filter.Contains("note", "van an"))).Select(d => d.Id));
        Assert.Equal(["d1"], (await Where(Filter.Contains("note", "0909"))).Select(d => d.Id));
        Assert.Empty(await Where(Filter.Contains("note", "Van An"))); // case-sensitive: search a folded copy
        // Pattern characters of LIKE and of regular expressions are matched as themselves.
        Assert.Equal(["d2"], (await Where(Filter.Contains("note", "b% (c.d)"))).Select(d => d.Id));
        Assert.Empty(await Where(Filter.Contains("note", "b_")));
        Assert.Empty(await Where(Filter.Contains("note", "c.d.")));
        Assert.Empty(await Where(Filter.Contains("note", ".*")));

        Assert.Equal(["d1", "d3"], (await Where(Filter.Or(Filter.Contains("note", "nguyen"), Filter.Eq("receiptNo", "2016-000003")))).Select(d => d.Id));
        Assert.Empty(await Where(Filter.Or()));
        Assert.Equal(["d1"], (await Where(Filter.And(Filter.Eq("status", "received"), Filter.Or(Filter.Contains("note", "van an"), Filter.Eq("note", "x"))))).Select(d => d.Id));
        Assert.Equal(2, await Store.CountAsync<Dossier>("my-thanh", Filter.Or(Filter.Contains("note", "van"), Filter.Contains("note", "thi")), Ct));
    }

    [Fact]
    public async Task Null_equality_matches_documents_without_the_value()
    {
        await Store.CommitAsync(new ChangeSet()
            .Insert("my-thanh", "d1", Sample("2016-000001"))
            .Insert("my-thanh", "d2", Sample("2016-000002") with { Note = "bổ sung" }), Ct);

        var withoutNote = await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Eq("note", null)), Ct);

        Assert.Equal("d1", Assert.Single(withoutNote).Id);
    }

    [Fact]
    public async Task Delete_needs_the_current_version()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);
        var first = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        await Store.CommitAsync(new ChangeSet().Update(first, first.Document with { Days = 1 }), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet().Delete(first), Ct));
        var current = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        await Store.CommitAsync(new ChangeSet().Delete(current), Ct);

        Assert.Null(await Store.FindAsync<Dossier>("my-thanh", "d1", Ct));
    }

    [Fact]
    public async Task Outbox_is_written_with_the_change_and_marked_sent()
    {
        var prepared = new CommunePrepared { Commune = "my-thanh", Service = "procedures", PreparedAt = new DateTime(2016, 2, 5, 1, 0, 0, DateTimeKind.Utc) };
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")).Publish("my-thanh", prepared), Ct);

        var pending = Assert.Single(await Outbox.ClaimAsync("a", 10, DateTime.UtcNow, TimeSpan.FromSeconds(30), Ct));
        Assert.Equal("my-thanh", pending.Commune);
        Assert.Equal(typeof(CommunePrepared).FullName, pending.MessageType);
        Assert.Contains("\"service\":\"procedures\"", pending.Body);

        await Outbox.MarkSentAsync("a", [pending.Id], DateTime.UtcNow, Ct);
        Assert.Empty(await Outbox.PendingAsync(10, Ct));
    }

    private async Task<Guid> PublishAsync(IDocumentStore store, string commune, int n)
    {
        var changes = new ChangeSet().Publish(commune, new CommunePrepared { Commune = commune, Service = $"n{n}", PreparedAt = DateTime.UtcNow });
        await store.CommitAsync(changes, Ct);
        return changes.Outbox[0].Id;
    }

    [Fact]
    public async Task Two_dispatchers_publish_each_message_once_and_each_communes_in_commit_order_under_concurrent_commits()
    {
        var replica = Open(Names);
        string[] communes = ["my-thanh", "luong-hoa", "phuoc-long", "an-hiep"];
        var committed = communes.ToDictionary(c => c, _ => new List<Guid>());
        var published = new List<OutboxMessage>();
        async Task Record(OutboxMessage message, CancellationToken ct)
        {
            await Task.Delay(Random.Shared.Next(1, 4), ct); // a broker round trip, while the other dispatcher claims
            lock (published) published.Add(message);
        }
        var relays = new[] { new OutboxRelay(Outbox, Record, TimeProvider.System), new OutboxRelay((IOutboxStore)replica, Record, TimeProvider.System) };

        // One writer per commune commits in a known order, alternating between the two store objects; a backlog waits
        // for both dispatchers at their start.
        async Task WriteAsync(string commune, int from, int to)
        {
            for (var n = from; n < to; n++)
                committed[commune].Add(await PublishAsync(n % 2 == 0 ? Store : replica, commune, n));
        }
        foreach (var commune in communes) await WriteAsync(commune, 0, 10);
        var writing = Task.WhenAll(communes.Select(commune => Task.Run(() => WriteAsync(commune, 10, 25), Ct)));
        var dispatching = relays.Select(relay => Task.Run(async () =>
        {
            while (!writing.IsCompleted || (await Outbox.PendingAsync(1, Ct)).Count > 0)
                if (await relay.DispatchAsync(7, Ct) == 0) await Task.Delay(1, Ct);
        }, Ct));
        await Task.WhenAll(dispatching.Append(writing)).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(committed.Values.Sum(ids => ids.Count), published.Count);
        Assert.Equal(published.Count, published.Select(m => m.Id).Distinct().Count());
        foreach (var commune in communes)
            Assert.Equal(committed[commune], published.Where(m => m.Commune == commune).Select(m => m.Id));
    }

    [Fact]
    public async Task A_live_lease_holds_its_commune_and_an_expired_one_is_taken_over()
    {
        var t0 = new DateTime(2016, 2, 5, 1, 0, 0, DateTimeKind.Utc);
        var lease = TimeSpan.FromSeconds(30);
        var replica = (IOutboxStore)Open(Names);
        var first = await PublishAsync(Store, "my-thanh", 1);
        var second = await PublishAsync(Store, "my-thanh", 2);

        Assert.Equal([first, second], (await Outbox.ClaimAsync("a", 10, t0, lease, Ct)).Select(m => m.Id));
        var other = await PublishAsync(Store, "luong-hoa", 1);
        Assert.Equal([other], (await replica.ClaimAsync("b", 10, t0.AddSeconds(29), lease, Ct)).Select(m => m.Id));

        // "a" stopped renewing (a crashed replica): "b" takes the commune over, from its oldest unsent message.
        Assert.Equal([first, second, other], (await replica.ClaimAsync("b", 10, t0.AddSeconds(31), lease, Ct)).Select(m => m.Id));
        Assert.Empty(await Outbox.ClaimAsync("a", 10, t0.AddSeconds(32), lease, Ct));
        await Outbox.MarkSentAsync("a", [first, second], t0.AddSeconds(32), Ct);
        Assert.Equal(3, (await Outbox.PendingAsync(10, Ct)).Count);

        await replica.MarkSentAsync("b", [first, second, other], t0.AddSeconds(33), Ct);
        Assert.Empty(await Outbox.PendingAsync(10, Ct));
    }

    [Fact]
    public async Task A_failed_change_writes_no_outbox_message()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);
        var stale = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        await Store.CommitAsync(new ChangeSet().Update(stale, stale.Document with { Days = 2 }), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet()
            .Update(stale, stale.Document with { Status = "resolved" })
            .Publish("my-thanh", new CommunePrepared { Commune = "my-thanh", Service = "x", PreparedAt = DateTime.UtcNow }), Ct));

        Assert.Empty(await Outbox.PendingAsync(10, Ct));
    }

    [Fact]
    public async Task A_message_is_consumed_once_and_its_second_mark_rolls_back_its_changes()
    {
        var messageId = Guid.NewGuid();
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")).MarkConsumed("consumer-a", messageId), Ct);

        Assert.True(await Store.HasConsumedAsync("consumer-a", messageId, Ct));
        Assert.False(await Store.HasConsumedAsync("consumer-b", messageId, Ct));
        await Assert.ThrowsAsync<AlreadyConsumedException>(() =>
            Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d2", Sample("2016-000002")).MarkConsumed("consumer-a", messageId), Ct));
        Assert.Null(await Store.FindAsync<Dossier>("my-thanh", "d2", Ct));
    }

    [Fact]
    public async Task Indexes_can_be_declared_repeatedly_and_queries_still_answer()
    {
        await Store.EnsureIndexAsync<Dossier>("status", Ct);
        await Store.EnsureIndexAsync<Dossier>("applicant.phone", Ct);
        await Store.EnsureIndexAsync<Dossier>("status", Ct);
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);

        Assert.Single(await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Eq("status", "received")), Ct));
    }

    [Fact]
    public async Task Documents_are_found_by_their_collection_name_whatever_their_class_is_called()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);

        var renamed = Open(CollectionNames.Platform().Add<RenamedDossier>("dossier"));

        Assert.Equal(new RenamedDossier("2016-000001", "received"), (await renamed.FindAsync<RenamedDossier>("my-thanh", "d1", Ct))!.Document);
    }

    [Fact]
    public async Task A_document_type_without_a_collection_name_is_refused_by_name()
    {
        var read = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.FindAsync<Unnamed>("my-thanh", "u1", Ct));
        var write = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CommitAsync(new ChangeSet().Insert("my-thanh", "u1", new Unnamed("x")), Ct));

        Assert.Contains(typeof(Unnamed).FullName!, read.Message);
        Assert.Equal(read.Message, write.Message);
    }

    [Fact]
    public async Task Vietnamese_text_round_trips_unchanged()
    {
        var dossier = Sample("2016-000001") with { Applicant = new Applicant("Phạm Thị Ngọc Hằng", "0909"), Note = "Giấy khai sinh – bản sao" };
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", dossier), Ct);

        Assert.Equal(dossier, (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!.Document);
        Assert.Single(await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Eq("applicant.name", "Phạm Thị Ngọc Hằng")), Ct));
    }
}
