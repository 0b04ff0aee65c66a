using System.Diagnostics;
using System.Text.Json;
using Platform.ServiceDefaults.Domain;

namespace Platform.ServiceDefaults.Storage;

/// <summary>The writes of one business operation, committed together: documents, outbox events, inbox marks.</summary>
public sealed class ChangeSet
{
    private static readonly System.Reflection.Assembly ContractsAssembly = typeof(Platform.Contracts.Personnel.CommuneOnboarded).Assembly;
    private readonly List<DocumentChange> _documents = [];
    private readonly List<OutboxMessage> _outbox = [];
    private readonly List<(string Consumer, Guid MessageId)> _inbox = [];

    public IReadOnlyList<DocumentChange> Documents => _documents;
    public IReadOnlyList<OutboxMessage> Outbox => _outbox;
    public IReadOnlyList<(string Consumer, Guid MessageId)> Inbox => _inbox;
    public bool IsEmpty => _documents.Count == 0 && _outbox.Count == 0 && _inbox.Count == 0;

    public ChangeSet Insert<T>(string commune, string id, T document)
    {
        _documents.Add(new DocumentChange(ChangeKind.Insert, typeof(T), commune, id, 0, Serialize(document)));
        return this;
    }

    /// <summary>Replaces <paramref name="current"/>; fails with a conflict when someone changed it since it was read.</summary>
    public ChangeSet Update<T>(Stored<T> current, T document)
    {
        _documents.Add(new DocumentChange(ChangeKind.Update, typeof(T), current.Commune, current.Id, current.Version, Serialize(document)));
        return this;
    }

    /// <summary>Stores a domain operation's new document and queues the events it raised (chosen over <c>Insert&lt;T&gt;</c> for a <see cref="Changed{T}"/>).</summary>
    public ChangeSet Insert<T>(string commune, string id, Changed<T> change) => Insert(commune, id, change.State).PublishAll(commune, change.Events);

    /// <summary>Stores a domain operation's new state in place of <paramref name="current"/> and queues the events it raised.</summary>
    public ChangeSet Update<T>(Stored<T> current, Changed<T> change) => Update(current, change.State).PublishAll(current.Commune, change.Events);

    public ChangeSet Delete<T>(Stored<T> current)
    {
        _documents.Add(new DocumentChange(ChangeKind.Delete, typeof(T), current.Commune, current.Id, current.Version, null));
        return this;
    }

    /// <summary>Queues an integration event, published after the commit by the outbox dispatcher.</summary>
    public ChangeSet Publish<TEvent>(string commune, TEvent message) where TEvent : class
    {
        var type = message.GetType(); // an event raised by the domain arrives typed as object
        if (type.Assembly != ContractsAssembly)
            throw new InvalidOperationException($"{type} is not an event of Platform.Contracts.");
        _outbox.Add(new OutboxMessage(Guid.NewGuid(), commune, type.FullName!,
            JsonSerializer.Serialize(message, type, PlatformJson.Options), Activity.Current?.Id, DateTime.UtcNow));
        return this;
    }

    public ChangeSet PublishAll(string commune, IEnumerable<object> events)
    {
        foreach (var message in events) Publish(commune, message);
        return this;
    }

    public ChangeSet MarkConsumed(string consumer, Guid messageId)
    {
        _inbox.Add((consumer, messageId));
        return this;
    }

    private static string Serialize<T>(T document) => JsonSerializer.Serialize(document, PlatformJson.Options);
}

public enum ChangeKind { Insert, Update, Delete }

public sealed record DocumentChange(ChangeKind Kind, Type DocumentType, string Commune, string Id, long ExpectedVersion, string? Json)
{
    public ConcurrencyConflictException Duplicate() => new(ConflictKind.Duplicate, Id);

    public ConcurrencyConflictException Stale() => new(ConflictKind.Stale, Id);
}
