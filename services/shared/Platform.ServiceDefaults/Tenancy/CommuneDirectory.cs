using Microsoft.Extensions.Caching.Memory;
using Platform.Contracts.Common;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tenancy;

/// <summary>A commune as every service records it on <see cref="CommuneOnboarded"/>: enough to check tenancy.</summary>
public sealed record CommuneRecord(
    string Code, string Name, string District, string DistrictName, DistrictKind DistrictKind,
    IReadOnlyList<HamletRecord> Hamlets, DateTime OnboardedAt)
{
    public static CommuneRecord From(CommuneOnboarded e) =>
        new(e.Commune, e.Name, e.District, e.DistrictName, e.DistrictKind,
            e.Hamlets.Select(h => new HamletRecord(h.Code, h.Name)).ToList(), e.OnboardedAt);
}

public sealed record HamletRecord(string Code, string Name);

public interface ICommuneDirectory
{
    Task<CommuneRecord?> FindAsync(string commune, CancellationToken ct = default);
}

public static class CommuneDirectoryExtensions
{
    /// <summary>The commune, or the 404 naming it (<paramref name="whatKey"/>: the message key of what the caller calls it).</summary>
    public static async Task<CommuneRecord> GetAsync(this ICommuneDirectory directory, string commune, string whatKey, CancellationToken ct = default) =>
        await directory.FindAsync(commune, ct) ?? throw new Problems.NotFoundException(whatKey, commune);

    public static Task<CommuneRecord> GetAsync(this ICommuneDirectory directory, string commune, CancellationToken ct = default) =>
        directory.GetAsync(commune, Problems.CommonMessages.Commune, ct);
}

/// <summary>Reads the communes a service has recorded, with a short memory cache (communes never move).</summary>
public sealed class CommuneDirectory(IDocumentStore store, IMemoryCache cache) : ICommuneDirectory
{
    public async Task<CommuneRecord?> FindAsync(string commune, CancellationToken ct = default)
    {
        if (cache.TryGetValue(("commune", commune), out CommuneRecord? known)) return known;
        var found = (await store.FindAsync<CommuneRecord>(Scopes.Platform, commune, ct))?.Document;
        if (found is not null) cache.Set(("commune", commune), found, TimeSpan.FromMinutes(5));
        return found;
    }

    /// <summary>
    /// Whether this service recorded the commune already: a second announcement of an onboarding (republished by an
    /// operator, or under a new message id) changes nothing and must not fail forever on the records it would insert again.
    /// </summary>
    public static async Task<bool> IsRecordedAsync(IDocumentStore store, string commune, CancellationToken ct) =>
        await store.FindAsync<CommuneRecord>(Scopes.Platform, commune, ct) is not null;

    /// <summary>Records a commune in the same change set as whatever else the consumer does.</summary>
    public static ChangeSet Record(ChangeSet changes, CommuneOnboarded onboarded) =>
        changes.Insert(Scopes.Platform, onboarded.Commune, CommuneRecord.From(onboarded));

    /// <summary>Records the commune and tells the platform this service is ready to serve it.</summary>
    public static ChangeSet Prepare(ChangeSet changes, CommuneOnboarded onboarded, string service, DateTime now) =>
        Record(changes, onboarded).Publish(onboarded.Commune,
            new CommunePrepared { Commune = onboarded.Commune, Service = service, PreparedAt = now });
}
