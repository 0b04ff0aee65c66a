using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Caching;

public static class CacheExtensions
{
    /// <summary>Redis when <c>ConnectionStrings:redis</c> is set (behind <see cref="ResilientDistributedCache"/>), else in memory.</summary>
    public static IHostApplicationBuilder AddPlatformCache(this IHostApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddDistributedMemoryCache();
            return builder;
        }
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        builder.Services.AddSingleton(sp => new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConfigurationOptions = options,
            InstanceName = KeyPrefix(builder.Configuration),
        })));
        builder.Services.AddSingleton<IDistributedCache>(sp => new ResilientDistributedCache(
            sp.GetRequiredService<RedisCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResilientDistributedCache>>()));
        // Degraded, not unhealthy: the service still answers without its cache.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("cache",
            sp => new RedisHealthCheck(sp.GetRequiredService<RedisCache>()), HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(3)));
        return builder;
    }

    /// <summary>
    /// The deployment's Redis key prefix: <c>Cache:KeyPrefix</c> when set; else it follows the deployment as queue names do,
    /// <c>cchc:{Messaging:QueuePrefix}:</c>; else <c>cchc:</c>. Two deployments (or test runs) sharing one Redis never
    /// read each other's figures.
    /// </summary>
    public static string KeyPrefix(IConfiguration configuration) =>
        configuration["Cache:KeyPrefix"] is { Length: > 0 } prefix ? prefix
        : configuration["Messaging:QueuePrefix"] is { Length: > 0 } deployment ? $"cchc:{deployment}:"
        : "cchc:";

    public static async Task<T> GetOrCreateJsonAsync<T>(this IDistributedCache cache, string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken ct = default)
    {
        var cached = await cache.GetAsync(key, ct);
        if (cached is not null) return JsonSerializer.Deserialize<T>(cached, PlatformJson.Options)!;
        var value = await factory(ct);
        await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, PlatformJson.Options),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl }, ct);
        return value;
    }

    /// <summary>
    /// A cached value that writes landing while it is computed cannot leave stale: the value is stored under the key's
    /// current generation (<c>{key}@{generation}</c>), and every change of what it reflects starts a new generation
    /// (<see cref="NewGenerationAsync"/>) after its commit. A read that began before the commit stores its value under
    /// the old generation, which no later read asks for; a plain remove-then-set would let that late write win for the
    /// whole expiry. A missing generation is created before the value is computed, so it always precedes what it covers.
    /// </summary>
    public static async Task<T> GetOrCreateVersionedJsonAsync<T>(this IDistributedCache cache, string key, TimeSpan ttl,
        Func<CancellationToken, Task<T>> factory, CancellationToken ct = default)
    {
        var generation = await cache.GetStringAsync(GenerationKey(key), ct);
        if (generation is null)
        {
            generation = Guid.NewGuid().ToString("N");
            await cache.SetStringAsync(GenerationKey(key), generation, GenerationLifetime, ct);
        }
        return await cache.GetOrCreateJsonAsync($"{key}@{generation}", ttl, factory, ct);
    }

    /// <summary>Makes every value cached under <paramref name="key"/> so far unreachable; call after the commit that changed it.</summary>
    public static Task NewGenerationAsync(this IDistributedCache cache, string key, CancellationToken ct = default) =>
        // A fresh random generation, not an increment: concurrent changes need no atomic counter, each only a value unlike the last.
        cache.SetStringAsync(GenerationKey(key), Guid.NewGuid().ToString("N"), GenerationLifetime, ct);

    private static string GenerationKey(string key) => key + "@generation";

    private static readonly DistributedCacheEntryOptions GenerationLifetime = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) };

    private sealed class RedisHealthCheck(RedisCache cache) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await cache.GetAsync("health-probe", ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; serving without cache.", e);
            }
        }
    }
}
