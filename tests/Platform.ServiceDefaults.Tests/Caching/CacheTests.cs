using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
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
    public async Task A_service_still_answers_and_reports_degraded_when_redis_stops()
    {
        using var server = RedisProcess.TryStart() ?? throw SkipException("redis-server is not installed here");
        var calls = 0;
        await using var app = await TestApp.StartAsync(null, CountingEndpoint(() => Interlocked.Increment(ref calls)),
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{server.Port}", ["Cache:TestKey"] = "k" });
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await app.Client.GetFromJsonAsync<int>("/catalogue", ct));
        Assert.Equal(1, await app.Client.GetFromJsonAsync<int>("/catalogue", ct));

        server.Stop();

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

    /// <summary>A private redis-server on a free port, so stopping it disturbs no other test.</summary>
    private sealed class RedisProcess : IDisposable
    {
        private readonly Process _process;

        private RedisProcess(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public static RedisProcess? TryStart()
        {
            var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
            if (binary is null) return null;
            var port = TestPorts.GetFreeTcpPort();
            var process = Process.Start(new ProcessStartInfo(binary, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    return new RedisProcess(process, port);
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }
            process.Kill();
            throw new InvalidOperationException("redis-server did not start.");
        }

        public void Stop()
        {
            if (_process.HasExited) return;
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
        }
    }
}
