using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.Contracts.Common;

namespace Platform.ServiceDefaults.Tests.Storage;

public sealed record Dossier(string ReceiptNo, string Status, DateOnly ReceivedOn, int Days, Applicant Applicant, string? Note = null);

public sealed record Applicant(string Name, string Phone);

/// <summary>What every document store must do, run against SQLite always and MongoDB where one exists.</summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    private IDocumentStore? _store;
    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("Store not created.");

    protected abstract Task<IDocumentStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

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

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            Store.CommitAsync(new ChangeSet().Update(first, first.Document with { Status = "withdrawn" }), Ct));

        Assert.Equal("version-conflict", conflict.Type);
        Assert.Equal(409, PlatformExceptionHandler.StatusOf(conflict));
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

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Store.CommitAsync(changes, Ct));

        Assert.Equal("duplicate", conflict.Type);
        Assert.Null(await Store.FindAsync<Dossier>("my-thanh", "d2", Ct));
        Assert.Equal("2016-000001", (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!.Document.ReceiptNo);
        Assert.Empty(await Store.PendingOutboxAsync(10, Ct));
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

        await Assert.ThrowsAsync<ConflictException>(() => Store.CommitAsync(new ChangeSet().Delete(first), Ct));
        var current = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        await Store.CommitAsync(new ChangeSet().Delete(current), Ct);

        Assert.Null(await Store.FindAsync<Dossier>("my-thanh", "d1", Ct));
    }

    [Fact]
    public async Task Outbox_is_written_with_the_change_and_marked_sent()
    {
        var prepared = new CommunePrepared { Commune = "my-thanh", Service = "procedures", PreparedAt = new DateTime(2016, 2, 5, 1, 0, 0, DateTimeKind.Utc) };
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")).Publish("my-thanh", prepared), Ct);

        var pending = Assert.Single(await Store.PendingOutboxAsync(10, Ct));
        Assert.Equal("my-thanh", pending.Commune);
        Assert.Equal(typeof(CommunePrepared).FullName, pending.MessageType);
        Assert.Contains("\"service\":\"procedures\"", pending.Body);

        await Store.MarkSentAsync([pending.Id], DateTime.UtcNow, Ct);
        Assert.Empty(await Store.PendingOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task A_failed_change_writes_no_outbox_message()
    {
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", Sample("2016-000001")), Ct);
        var stale = (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!;
        await Store.CommitAsync(new ChangeSet().Update(stale, stale.Document with { Days = 2 }), Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Store.CommitAsync(new ChangeSet()
            .Update(stale, stale.Document with { Status = "resolved" })
            .Publish("my-thanh", new CommunePrepared { Commune = "my-thanh", Service = "x", PreparedAt = DateTime.UtcNow }), Ct));

        Assert.Empty(await Store.PendingOutboxAsync(10, Ct));
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
    public async Task Vietnamese_text_round_trips_unchanged()
    {
        var dossier = Sample("2016-000001") with { Applicant = new Applicant("Phạm Thị Ngọc Hằng", "0909"), Note = "Giấy khai sinh – bản sao" };
        await Store.CommitAsync(new ChangeSet().Insert("my-thanh", "d1", dossier), Ct);

        Assert.Equal(dossier, (await Store.FindAsync<Dossier>("my-thanh", "d1", Ct))!.Document);
        Assert.Single(await Store.QueryAsync<Dossier>("my-thanh", new Query(Filter.Eq("applicant.name", "Phạm Thị Ngọc Hằng")), Ct));
    }
}
