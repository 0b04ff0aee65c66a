using Platform.Calendar;
using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Localization;

namespace Procedures.Api.Infrastructure;

public sealed record ReceiptCounter(int Year, int Last);

/// <summary>Loads and saves dossiers of one commune; a save raises its events in the same commit.</summary>
public sealed class DossierRepository(IDocumentStore<ProceduresData> store, IDistributedCache cache)
{
    public IDocumentStore<ProceduresData> Store => store;

    public async Task<Stored<Dossier>> GetAsync(string commune, string id, CancellationToken ct) =>
        await store.FindAsync<Dossier>(commune, id, ct) ?? throw new NotFoundException(ProceduresMessages.Dossier, id);

    /// <summary>Applies one lifecycle step; a concurrent change of the same dossier makes this one a 409.</summary>
    public async Task<Dossier> ChangeAsync(string commune, string id, Func<Dossier, Dossier> step, Action<Dossier, ChangeSet>? events, CancellationToken ct)
    {
        var current = await GetAsync(commune, id, ct);
        var changed = step(current.Document);
        var changes = new ChangeSet().Update(current, changed);
        events?.Invoke(changed, changes);
        await store.CommitAsync(changes, ct);
        // Committed: the figures must move on even if the caller gives up now.
        await StatisticsCache.InvalidateAsync(cache, commune, VietnamTime.Today(changed.ReceivedAt).Year, CancellationToken.None);
        return changed;
    }

    /// <summary>Receipt numbers run per commune and year (2016-000001, …); a race for the next number retries.</summary>
    public async Task<Dossier> ReceiveAsync(string commune, Func<string, Dossier> receive, Action<Dossier, ChangeSet> events, int year, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counter = await store.FindAsync<ReceiptCounter>(commune, year.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
            var next = (counter?.Document.Last ?? 0) + 1;
            var dossier = receive($"{year}-{next:D6}");
            var changes = counter is null
                ? new ChangeSet().Insert(commune, year.ToString(System.Globalization.CultureInfo.InvariantCulture), new ReceiptCounter(year, next))
                : new ChangeSet().Update(counter, counter.Document with { Last = next });
            changes.Insert(commune, dossier.Id, dossier);
            events(dossier, changes);
            try
            {
                await store.CommitAsync(changes, ct);
                await StatisticsCache.InvalidateAsync(cache, commune, year, CancellationToken.None);
                return dossier;
            }
            catch (ConcurrencyConflictException) when (attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(1, 10 + attempt), ct);
            }
        }
    }
}

/// <summary>
/// The year's figures, cached by generation: every dossier change of the year starts a new one after its commit, so a
/// figure computed while commits land is never served after them (<see cref="CacheExtensions.GetOrCreateVersionedJsonAsync"/>).
/// </summary>
public static class StatisticsCache
{
    public static string Key(string commune, int year) => $"procedures:stats:{commune}:{year}";

    public static Task InvalidateAsync(IDistributedCache cache, string commune, int year, CancellationToken ct) => cache.NewGenerationAsync(Key(commune, year), ct);
}
