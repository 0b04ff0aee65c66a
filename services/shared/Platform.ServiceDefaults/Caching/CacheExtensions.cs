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
            InstanceName = builder.Configuration["Cache:KeyPrefix"] ?? "cchc:",
        })));
        builder.Services.AddSingleton<IDistributedCache>(sp => new ResilientDistributedCache(
            sp.GetRequiredService<RedisCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResilientDistributedCache>>()));
        // Degraded, not unhealthy: the service still answers without its cache.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("cache",
            sp => new RedisHealthCheck(sp.GetRequiredService<RedisCache>()), HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(3)));
        return builder;
    }

    public static async Task<T> GetOrCreateJsonAsync<T>(this IDistributedCache cache, string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken ct = default)
    {
        var cached = await cache.GetAsync(key, ct);
        if (cached is not null) return JsonSerializer.Deserialize<T>(cached, PlatformJson.Options)!;
        var value = await factory(ct);
        await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, PlatformJson.Options),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl }, ct);
        return value;
    }

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
