using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Storage;

public static class DocumentStoreExtensions
{
    /// <summary>The document, or the 404 that names what was looked for (<paramref name="whatKey"/>: a message key naming the kind).</summary>
    public static async Task<Stored<T>> GetAsync<T>(this IDocumentStore store, string commune, string id, string whatKey, CancellationToken ct = default) =>
        await store.FindAsync<T>(commune, id, ct) ?? throw new NotFoundException(whatKey, id);
}
