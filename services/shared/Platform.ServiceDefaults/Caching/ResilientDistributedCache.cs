using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Caching;

/// <summary>
/// Wraps Redis so that its outage makes reads slower, never failed: an error counts as a miss (or a
/// skipped write) and opens a short breaker, during which Redis is not asked at all.
/// </summary>
public sealed class ResilientDistributedCache(IDistributedCache inner, TimeProvider time, ILogger<ResilientDistributedCache> logger) : IDistributedCache
{
    private static readonly TimeSpan BreakFor = TimeSpan.FromSeconds(15);
    private long _openUntilTicks;

    public bool IsOpen => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks);

    public byte[]? Get(string key) => Guard(() => inner.Get(key), null);
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => GuardAsync(() => inner.GetAsync(key, token), null);
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Guard(() => { inner.Set(key, value, options); return true; }, false);
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, false);
    public void Refresh(string key) => Guard(() => { inner.Refresh(key); return true; }, false);
    public Task RefreshAsync(string key, CancellationToken token = default) => GuardAsync(async () => { await inner.RefreshAsync(key, token); return true; }, false);
    public void Remove(string key) => Guard(() => { inner.Remove(key); return true; }, false);
    public Task RemoveAsync(string key, CancellationToken token = default) => GuardAsync(async () => { await inner.RemoveAsync(key, token); return true; }, false);

    private T Guard<T>(Func<T> action, T fallback)
    {
        if (IsOpen) return fallback;
        try { return action(); }
        catch (Exception e) when (e is not OperationCanceledException) { Trip(e); return fallback; }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> action, T fallback)
    {
        if (IsOpen) return fallback;
        try { return await action(); }
        catch (Exception e) when (e is not OperationCanceledException) { Trip(e); return fallback; }
    }

    private void Trip(Exception e)
    {
        Interlocked.Exchange(ref _openUntilTicks, (time.GetUtcNow() + BreakFor).UtcTicks);
        logger.LogWarning(e, "Cache unavailable; serving without it for {Seconds}s", BreakFor.TotalSeconds);
    }
}
