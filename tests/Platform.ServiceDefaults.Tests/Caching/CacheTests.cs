using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Caching;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Caching;

/// <summary>The cache on a real Redis, and a service that keeps answering when Redis stops.</summary>
public sealed class CacheTests(RedisServer redis)
{
    private static Action<WebApplication> CountingEndpoint(Func<int> next) => app =>
        app.MapGet("/catalogue", async (IDistributedCache cache) =>
            TypedResults.Ok(await cache.GetOrCreateJsonAsync("catalogue:" + app.Configuration["Cache:TestKey"], TimeSpan.FromMinutes(5), _ => Task.FromResult(next())))).AllowAnonymous();

    [Fact]
    public async Task Values_are_shared_through_redis()
    {
        var connection = redis.Require();
        var calls = 0;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = connection, ["Cache:TestKey"] = Guid.NewGuid().ToString("N") };
        await using var first = await TestApp.StartAsync(null, CountingEndpoint(() => Interlocked.Increment(ref calls)), settings);
        await using var second = await TestApp.StartAsync(null, CountingEndpoint(() => Interlocked.Increment(ref calls)), settings);

        Assert.Equal(1, await first.Client.GetFromJsonAsync<int>("/catalogue", TestContext.Current.CancellationToken));
        Assert.Equal(1, await second.Client.GetFromJsonAsync<int>("/catalogue", TestContext.Current.CancellationToken));
        Assert.Equal(1, calls);
        Assert.IsType<ResilientDistributedCache>(first.App.Services.GetRequiredService<IDistributedCache>());
    }

    [Fact]
    public async Task Two_deployments_on_one_redis_do_not_read_each_others_cache()
    {
        var connection = redis.Require();
        var calls = 0;
        // Each deployment is told only its queue prefix, as run-distributed.sh and the tests' platforms are; the same key.
        Dictionary<string, string?> Deployment(string name) => new()
        {
            ["ConnectionStrings:redis"] = connection, ["Messaging:QueuePrefix"] = name, ["Cache:TestKey"] = "received",
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var first = await TestApp.StartAsync(null, CountingEndpoint(() => Interlocked.Increment(ref calls)), Deployment("first" + run));
        await using var second = await TestApp.StartAsync(null, CountingEndpoint(() => Interlocked.Increment(ref calls)), Deployment("second" + run));
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await first.Client.GetFromJsonAsync<int>("/catalogue", ct));
        Assert.Equal(2, await second.Client.GetFromJsonAsync<int>("/catalogue", ct)); // its own figure, not the first's
        Assert.Equal(1, await first.Client.GetFromJsonAsync<int>("/catalogue", ct));
        Assert.Equal(2, await second.Client.GetFromJsonAsync<int>("/catalogue", ct));
        Assert.Equal($"cchc:first{run}:", CacheExtensions.KeyPrefix(first.App.Configuration));
    }

    [Fact]
    public async Task A_service_still_answers_and_reports_degraded_when_redis_stops()
    {
        await using var server = await PrivateRedis.TryStartAsync() ?? throw SkipException("redis-server is not installed here");
        var calls = 0;
        await using var app = await TestApp.StartAsync(null, CountingEndpoint(() => Interlocked.Increment(ref calls)),
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = server.ConnectionString, ["Cache:TestKey"] = "k" });
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await app.Client.GetFromJsonAsync<int>("/catalogue", ct));
        Assert.Equal(1, await app.Client.GetFromJsonAsync<int>("/catalogue", ct));

        await server.StopAsync();

        var watch = Stopwatch.StartNew();
        var answer = await app.Client.GetAsync("/catalogue", ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, await answer.Content.ReadFromJsonAsync<int>(ct)); // computed afresh: slower, not failed
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/catalogue", ct)).StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Reads took {watch.Elapsed} without Redis.");

        var ready = await app.Client.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
    }

    private static Exception SkipException(string reason)
    {
        Assert.Skip(reason);
        return new UnreachableException();
    }
}
