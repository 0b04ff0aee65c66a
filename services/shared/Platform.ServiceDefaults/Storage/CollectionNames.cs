namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// The collection (SQLite table, Mongo collection) of each document type a service stores. Named explicitly, in the
/// service's infrastructure, so that renaming a class does not orphan its stored data.
/// </summary>
public sealed class CollectionNames
{
    private readonly Dictionary<Type, string> _names = [];

    /// <summary>Starts a service's names with the documents ServiceDefaults itself keeps in every store (the commune directory).</summary>
    public static CollectionNames Platform() => new CollectionNames().Add<Tenancy.CommuneRecord>("communeRecord");

    public IReadOnlyDictionary<Type, string> All => _names;

    public CollectionNames Add<T>(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"'{name}' is not a collection name (letters, digits and _ only).", nameof(name));
        if (_names.FirstOrDefault(n => n.Value == name).Key is { } taken)
            throw new ArgumentException($"The collection '{name}' already holds {taken.FullName}.", nameof(name));
        if (!_names.TryAdd(typeof(T), name))
            throw new ArgumentException($"{typeof(T).FullName} is already stored in '{_names[typeof(T)]}'.", nameof(name));
        return this;
    }

    public string Of(Type type) => _names.TryGetValue(type, out var name) ? name
        : throw new InvalidOperationException($"{type.FullName} has no collection name: add it to the store's CollectionNames (the service's Infrastructure/*Data.cs).");
}
