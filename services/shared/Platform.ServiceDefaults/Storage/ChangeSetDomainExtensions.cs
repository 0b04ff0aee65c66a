using Platform.ServiceDefaults.Domain;

namespace Platform.ServiceDefaults.Storage;

public static class ChangeSetDomainExtensions
{
    /// <summary>Stores a domain operation's new state in place of <paramref name="current"/> and queues the events it raised.</summary>
    public static ChangeSet Update<T>(this ChangeSet changes, Stored<T> current, Changed<T> change) =>
        changes.Update(current, change.State).PublishAll(current.Commune, change.Events);

    /// <summary>Stores a domain operation's new document and queues the events it raised.</summary>
    public static ChangeSet Insert<T>(this ChangeSet changes, string commune, string id, Changed<T> change) =>
        changes.Insert(commune, id, change.State).PublishAll(commune, change.Events);

    public static ChangeSet PublishAll(this ChangeSet changes, string commune, IEnumerable<object> events)
    {
        foreach (var message in events) changes.Publish(commune, message);
        return changes;
    }
}
