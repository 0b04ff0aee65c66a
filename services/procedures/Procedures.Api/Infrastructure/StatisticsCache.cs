using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Caching;

namespace Procedures.Api.Infrastructure;

/// <summary>
/// The year's figures, cached by generation: every dossier change of the year starts a new one after its commit, so a
/// figure computed while commits land is never served after them (<see cref="CacheExtensions.GetOrCreateVersionedJsonAsync"/>).
/// </summary>
public static class StatisticsCache
{
    public static string Key(string commune, int year) => $"procedures:stats:{commune}:{year}";

    public static Task InvalidateAsync(IDistributedCache cache, string commune, int year, CancellationToken ct) => cache.NewGenerationAsync(Key(commune, year), ct);
}
