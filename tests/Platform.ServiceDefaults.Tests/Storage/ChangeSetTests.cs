using Platform.Contracts.Common;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Storage;

public sealed class ChangeSetTests
{
    private sealed record Note(string Text);

    private static readonly CommunePrepared Prepared = new() { Commune = "my-thanh", Service = "tests", PreparedAt = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc) };

    [Fact]
    public void Inserting_a_domain_change_stores_its_state_not_the_wrapper_and_queues_its_events()
    {
        var changes = new ChangeSet().Insert("my-thanh", "n1", new Changed<Note>(new Note("a"), [Prepared]));

        var document = Assert.Single(changes.Documents);
        Assert.Equal(typeof(Note), document.DocumentType);
        Assert.Equal(ChangeKind.Insert, document.Kind);
        Assert.DoesNotContain("events", document.Json!, StringComparison.OrdinalIgnoreCase);
        var message = Assert.Single(changes.Outbox);
        Assert.Equal(typeof(CommunePrepared).FullName, message.MessageType);
        Assert.Equal("my-thanh", message.Commune);
    }

    [Fact]
    public void Updating_with_a_domain_change_keeps_the_read_version_and_queues_each_event_in_order()
    {
        var current = new Stored<Note>("my-thanh", "n1", 7, DateTime.UtcNow, new Note("a"));
        var second = Prepared with { Service = "second" };

        var changes = new ChangeSet().Update(current, new Changed<Note>(new Note("b"), [Prepared, second]));

        var document = Assert.Single(changes.Documents);
        Assert.Equal((ChangeKind.Update, typeof(Note), 7L), (document.Kind, document.DocumentType, document.ExpectedVersion));
        Assert.Collection(changes.Outbox, m => Assert.Contains("\"tests\"", m.Body), m => Assert.Contains("\"second\"", m.Body));
    }

    [Fact]
    public void A_change_without_events_queues_nothing()
    {
        Changed<Note> unchanged = new Note("a");

        Assert.Empty(new ChangeSet().Insert("my-thanh", "n1", unchanged).Outbox);
    }
}
