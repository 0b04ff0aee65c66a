using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Platform.ServiceDefaults.Messaging;
using Platform.Testing;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The distributed platform (scripts/run-distributed.sh, RESTART_EXITED=1) on a private RabbitMQ node and a private Redis
/// that these tests stop and start, with one commune and its desk officer shared by the cases. Every case ends with the
/// platform whole again, and with the same invariant: the dossiers procedures committed as resolved are the dossiers
/// personnel (evaluation sheets) and awards (scoreboard) counted, each once.
/// </summary>
public sealed class FaultPlatformFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _deskOnce = new(1, 1);

    public PrivateRabbitMq? Broker { get; private set; }
    public PrivateRedis? Cache { get; private set; }
    public DistributedPlatform Platform { get; private set; } = null!;

    /// <summary>The commune, the district admin's token (a reader of every service's figures), the desk officer's token and staff id.</summary>
    public (string Commune, string Admin, string Desk, string DeskStaffId)? Desk { get; private set; }

    /// <summary>What procedures answered 201 (received) and 200 (resolved) for, over all cases.</summary>
    public int Received;
    public int Resolved;

    public async ValueTask InitializeAsync()
    {
        var broker = PrivateRabbitMq.TryStartAsync();
        var cache = PrivateRedis.TryStartAsync();
        (Broker, Cache) = (await broker, await cache);
        var unavailable = Broker is null ? "rabbitmq-server is not installed here (/usr/lib/rabbitmq/bin/rabbitmq-server)"
            : Cache is null ? "redis-server is not installed here" : null;
        Platform = new DistributedPlatform(Broker?.ConnectionString, Cache?.ConnectionString, unavailable, new Dictionary<string, string>
        {
            ["RESTART_EXITED"] = "1", // a killed process is started again, with the same settings
            // The cases read and write quickly from one address and two accounts: the limits are not what they test.
            ["RateLimits__AnonymousPerMinute"] = "100000",
            ["RateLimits__StaffPerMinute"] = "100000",
            ["RateLimits__AccountPerMinute"] = "100000",
        });
        await Platform.InitializeAsync();
    }

    /// <summary>Onboards the commune and provisions its desk once, for every case.</summary>
    public async Task<(string Commune, string Admin, string Desk, string DeskStaffId)> DeskAsync(HttpClient http)
    {
        await _deskOnce.WaitAsync();
        try
        {
            if (Desk is { } desk) return desk;
            var (admin, commune) = await DeskFlow.OnboardAsync(http, Platform.DistrictAdmin, "Xã Sự Cố", () => Platform.Diagnostics);
            var username = "motcua." + commune;
            var password = "Desk-" + Guid.NewGuid().ToString("N")[..12];
            var provisioned = await DeskFlow.ProvisionDeskAsync(http, admin, commune, username, password, () => Platform.Diagnostics);
            Desk = (commune, admin, await DeskFlow.TokenAsync(http, username, password, () => Platform.Diagnostics), provisioned.DeskStaffId);
            return Desk.Value;
        }
        finally
        {
            _deskOnce.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        if (Broker is not null) await Broker.DisposeAsync();
        if (Cache is not null) await Cache.DisposeAsync();
    }
}

/// <summary>
/// The fault cases of issue 12 on real processes: the broker stopped and started while dossiers are received and
/// resolved, procedures killed (SIGKILL) right after its commits, Redis stopped during reads, and poison messages on a
/// service's queue. Each case states what could go wrong (a loss, a double, a 5xx, a stuck consumer) and checks it.
/// </summary>
public sealed class DistributedFaultTests(FaultPlatformFixture fixture) : IClassFixture<FaultPlatformFixture>
{
    private static readonly int Year = DateTime.UtcNow.AddHours(7).Year;
    private HttpClient? _client;

    private HttpClient Http
    {
        get
        {
            if (fixture.Platform.SkipReason is { } reason) Assert.Skip(reason);
            return _client ??= new HttpClient { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Note(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private string Diagnostics() => fixture.Platform.Diagnostics;

    private Task<(string Commune, string Admin, string Desk, string DeskStaffId)> DeskAsync() => fixture.DeskAsync(Http);

    private async Task<JsonElement> GetAsync(string path, string? token)
    {
        var response = await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, path, token), Ct);
        return await DeskFlow.JsonAsync(response, HttpStatusCode.OK, "GET " + path);
    }

    /// <summary>
    /// One dossier received, assigned to the desk officer and resolved, through the gateway. Each answer must be the
    /// expected one, broker or no broker: a commit needs the store only (the event waits in the outbox).
    /// </summary>
    private async Task ReceiveAndResolveAsync() => await ResolveAsync(await ReceiveAndAssignAsync());

    /// <summary>A dossier received and assigned to the desk officer; its id.</summary>
    private async Task<string> ReceiveAndAssignAsync()
    {
        var (commune, _, desk, staffId) = await DeskAsync();
        var dossiers = $"/api/communes/{commune}/dossiers";
        var received = await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, dossiers, desk, new
        {
            procedureCode = DeskFlow.Procedure, applicant = new { name = "Phạm Văn Sự", phone = "0909" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture) },
        }), Ct), HttpStatusCode.Created, "receive");
        Interlocked.Increment(ref fixture.Received);
        var id = received.GetProperty("id").GetString()!;
        await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"{dossiers}/{id}/assign", desk, new { staffId }), Ct), HttpStatusCode.OK, "assign");
        return id;
    }

    private async Task ResolveAsync(string id)
    {
        var (commune, _, desk, _) = await DeskAsync();
        await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"/api/communes/{commune}/dossiers/{id}/resolve", desk,
            new { outcome = "approved", note = "Đủ điều kiện" }), Ct), HttpStatusCode.OK, "resolve");
        Interlocked.Increment(ref fixture.Resolved);
    }

    private sealed record Figures(int ProceduresReceived, int ProceduresResolved, int Personnel, int Awards)
    {
        public override string ToString() =>
            $"procedures received {ProceduresReceived} resolved {ProceduresResolved}, personnel handled {Personnel}, awards handled {Awards}";
    }

    /// <summary>
    /// Procedures' statistics of the year, and what the two services derived from its DossierResolved events: the desk
    /// officer's dossiers handled on personnel's evaluation sheet and on awards' scoreboard.
    /// </summary>
    private async Task<Figures> FiguresAsync()
    {
        var (commune, admin, desk, staffId) = await DeskAsync();
        var stats = await GetAsync($"/api/communes/{commune}/procedure-stats?year={Year}", desk);
        var resolved = stats.GetProperty("resolvedEarly").GetInt32() + stats.GetProperty("resolvedOnTime").GetInt32() + stats.GetProperty("resolvedLate").GetInt32();
        var evaluations = await GetAsync($"/api/communes/{commune}/evaluations?year={Year}", admin);
        var personnel = evaluations.EnumerateArray().Single(r => r.GetProperty("staffId").GetString() == staffId).GetProperty("figures").GetProperty("dossiersHandled").GetInt32();
        var scoreboard = await GetAsync($"/api/communes/{commune}/scoreboard?year={Year}", admin);
        var awards = scoreboard.GetProperty("staff").EnumerateArray().SingleOrDefault(r => r.GetProperty("staffId").GetString() == staffId) is { ValueKind: JsonValueKind.Object } row
            ? row.GetProperty("dossiersHandled").GetInt32() : 0;
        return new Figures(stats.GetProperty("received").GetInt32(), resolved, personnel, awards);
    }

    /// <summary>
    /// Procedures kept every commit it answered for, and personnel and awards count each resolution once: they reach the
    /// figure within <paramref name="seconds"/>, never pass it, and still hold it a while later (a late redelivery would show).
    /// </summary>
    /// <returns>When personnel and awards had counted everything.</returns>
    private async Task<DateTime> AssertEveryResolutionCountedOnceAsync(string what, int seconds = 60)
    {
        var expected = new Figures(fixture.Received, fixture.Resolved, fixture.Resolved, fixture.Resolved);
        var watch = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        Figures figures;
        while (true)
        {
            figures = await FiguresAsync();
            Assert.True(figures.ProceduresReceived == expected.ProceduresReceived && figures.ProceduresResolved == expected.ProceduresResolved,
                $"{what}: procedures lost or added a commit. Expected {expected}; got {figures}.\n{Diagnostics()}");
            Assert.True(figures.Personnel <= expected.Personnel && figures.Awards <= expected.Awards,
                $"{what}: a resolution was counted twice. Expected {expected}; got {figures}.\n{Diagnostics()}");
            if (figures == expected) break;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what}: a resolution never arrived within {seconds} s. Expected {expected}; got {figures}.\n{Diagnostics()}");
            await Task.Delay(250, Ct);
        }
        var counted = DateTime.UtcNow;
        Note($"{what}: {figures}, all delivered {watch.Elapsed.TotalSeconds:F1} s after the check began");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // longer than the consumers' retries (0.1 + 0.5 + 1.5 s)
        Assert.Equal(expected, await FiguresAsync());
        return counted;
    }

    [Fact]
    public async Task Dossiers_received_and_resolved_while_the_broker_stops_and_starts_reach_personnel_and_awards_once()
    {
        var broker = fixture.Broker!;
        await DeskAsync();
        await ReceiveAndResolveAsync(); // the desk roster is in procedures, and every queue is bound
        await AssertEveryResolutionCountedOnceAsync("before the outage");

        using var stop = new CancellationTokenSource();
        var duringOutage = 0;
        var brokerDown = false;
        async Task DeskLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                await ReceiveAndResolveAsync();
                if (Volatile.Read(ref brokerDown)) Interlocked.Increment(ref duringOutage);
                await Task.Delay(100, Ct); // a busy desk, not a flood: the case is the outage, not the load
            }
        }
        var desks = new[] { Task.Run(DeskLoopAsync, Ct), Task.Run(DeskLoopAsync, Ct) }; // two desks at once

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Volatile.Write(ref brokerDown, true);
        await broker.StopAsync();
        Note($"broker stopped after {fixture.Resolved} resolutions");
        await Task.Delay(TimeSpan.FromSeconds(6), Ct);
        await broker.StartAsync();
        var back = DateTime.UtcNow;
        Volatile.Write(ref brokerDown, false);
        Note($"broker started again after {fixture.Resolved} resolutions");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await stop.CancelAsync();
        await Task.WhenAll(desks); // a desk's failed answer (a 5xx while the broker was away) fails the case here

        Assert.True(duringOutage > 0, "No dossier was resolved while the broker was down: the case proved nothing.");
        Note($"{duringOutage} dossiers resolved while the broker was down");
        var counted = await AssertEveryResolutionCountedOnceAsync("after the broker restart");
        Note($"from the broker's return to every resolution (those of the outage and of the 3 s after it) counted by personnel and awards: {(counted - back).TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Procedures_killed_right_after_its_commits_loses_and_doubles_nothing_once_started_again()
    {
        // Dossiers received and assigned first, then resolved all at once: procedures is killed the moment the last
        // resolution is answered, while its outbox is still publishing.
        var ids = new List<string>();
        for (var i = 0; i < 12; i++) ids.Add(await ReceiveAndAssignAsync());
        var pid = fixture.Platform.ProcessIdOf("procedures");
        using var procedures = Process.GetProcessById(pid);
        Assert.Contains("Procedures.Api.dll", await File.ReadAllTextAsync($"/proc/{pid}/cmdline", Ct)); // the process this test's script started

        await Task.WhenAll(ids.Select(ResolveAsync));
        procedures.Kill(); // SIGKILL: no shutdown, no flush, whatever the outbox had not sent yet stays in the store
        await procedures.WaitForExitAsync(Ct);
        Note($"procedures (pid {pid}) killed right after {ids.Count} resolutions, {UnsentEvents("procedures")} events unsent in its outbox");

        var restart = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (fixture.Platform.ProcessIdOf("procedures") == pid
               || !await IsReadyAsync(probe, fixture.Platform.UrlOf("procedures") + "/health/ready"))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"procedures was not started again within 60 s.\n{Diagnostics()}");
            await Task.Delay(200, Ct);
        }
        Note($"procedures started again (pid {fixture.Platform.ProcessIdOf("procedures")}), ready after {restart.Elapsed.TotalSeconds:F1} s");

        await AssertEveryResolutionCountedOnceAsync("after procedures was killed and started again");
    }

    /// <summary>What a service's outbox holds unsent, read from its store (the script is meanwhile starting it again).</summary>
    private string UnsentEvents(string service)
    {
        try
        {
            using var store = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Platform.StorePath(service)};Mode=ReadOnly;Pooling=False");
            store.Open();
            using var count = store.CreateCommand();
            count.CommandText = "SELECT count(*) FROM _outbox WHERE sent_at IS NULL";
            return Convert.ToString(count.ExecuteScalar(), CultureInfo.InvariantCulture)!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return $"(unknown: {e.Message})";
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient probe, string url)
    {
        try { return (await probe.GetAsync(url)).IsSuccessStatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }

    [Fact]
    public async Task Reads_while_redis_is_stopped_are_served_from_the_stores_and_caching_resumes_when_it_is_back()
    {
        var cache = fixture.Cache!;
        var (commune, admin, desk, _) = await DeskAsync();
        // A cached read of each service: procedures' catalogue and statistics, personnel's hotline, feedback's published
        // answers, awards' movements.
        (string Path, string? Token)[] reads =
        [
            ($"/api/communes/{commune}/procedures", null),
            ($"/api/communes/{commune}/procedure-stats?year={Year}", desk),
            ($"/api/communes/{commune}/hotline", null),
            ($"/api/public/communes/{commune}/feedback/answers", null),
            ($"/api/communes/{commune}/campaigns", admin),
        ];
        var slowest = TimeSpan.Zero;
        var slowestRead = "";
        async Task ReadAllAsync(string when)
        {
            foreach (var (path, token) in reads)
            {
                var watch = Stopwatch.StartNew();
                var response = await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, path, token), Ct);
                if (watch.Elapsed > slowest) (slowest, slowestRead) = (watch.Elapsed, $"{when}: {path}");
                Assert.True(response.StatusCode == HttpStatusCode.OK,
                    $"{when}: GET {path} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}\n{Diagnostics()}");
            }
        }
        await ReadAllAsync("with Redis");
        Assert.NotEmpty(await CachedKeysAsync(cache));

        await cache.StopAsync();
        var outage = Stopwatch.StartNew();
        var rounds = 0;
        while (outage.Elapsed < TimeSpan.FromSeconds(5))
        {
            await ReadAllAsync("Redis stopped");
            rounds++;
        }
        Note($"{rounds} rounds of {reads.Length} reads, all 200, in {outage.Elapsed.TotalSeconds:F1} s without Redis; the slowest {slowest.TotalMilliseconds:F0} ms ({slowestRead})");
        // The first read of each service waits for Redis's timeout (1 s), then its breaker skips the cache: no read hangs.
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"A read without Redis took {slowest.TotalSeconds:F1} s ({slowestRead}).");
        // Each service knows it runs without its cache: ready (it answers), its cache check degraded.
        foreach (var service in new[] { "personnel", "procedures", "feedback", "awards" })
            Assert.Equal("Degraded", await CacheHealthAsync(service));
        // A change while the cache is away is read back at once: the figures come from the store, not from a stale copy.
        await ReceiveAndResolveAsync();
        var stats = await GetAsync($"/api/communes/{commune}/procedure-stats?year={Year}", desk);
        Assert.Equal(fixture.Received, stats.GetProperty("received").GetInt32());

        await cache.StartAsync(); // empty: no persistence
        var back = Stopwatch.StartNew();
        while ((await CachedKeysAsync(cache)).Count == 0)
        {
            await ReadAllAsync("Redis back");
            if (back.Elapsed > TimeSpan.FromSeconds(45)) Assert.Fail($"Nothing was cached again within 45 s of Redis's return.\n{Diagnostics()}");
            await Task.Delay(500, Ct);
        }
        Note($"caching resumed {back.Elapsed.TotalSeconds:F1} s after Redis returned: {string.Join(", ", await CachedKeysAsync(cache))}");
        foreach (var service in new[] { "personnel", "procedures", "feedback", "awards" })
        {
            string status;
            while ((status = await CacheHealthAsync(service)) != "Healthy")
            {
                if (back.Elapsed > TimeSpan.FromSeconds(45)) Assert.Fail($"{service}'s cache check is still {status} 45 s after Redis returned.\n{Diagnostics()}");
                await Task.Delay(500, Ct);
            }
        }
        await AssertEveryResolutionCountedOnceAsync("after the Redis outage");
    }

    /// <summary>The status of a service's cache check on its own /health/ready, which must answer 200 either way.</summary>
    private async Task<string> CacheHealthAsync(string service)
    {
        var health = await DeskFlow.JsonAsync(await Http.GetAsync(fixture.Platform.UrlOf(service) + "/health/ready", Ct), HttpStatusCode.OK, service + " /health/ready");
        return health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cache").GetProperty("status").GetString()!;
    }

    /// <summary>The keys this deployment (its Cache:KeyPrefix) holds in the private Redis.</summary>
    private async Task<IReadOnlyList<string>> CachedKeysAsync(PrivateRedis cache)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cache.ConnectionString);
        var keys = new List<string>();
        await foreach (var key in redis.GetServer(cache.ConnectionString).KeysAsync(pattern: fixture.Platform.CachePrefix + "*")) keys.Add(key.ToString());
        return keys;
    }

    [Fact]
    public async Task Poison_messages_end_in_the_error_queue_while_the_consumer_goes_on_with_the_next_good_ones()
    {
        await DeskAsync();
        var queue = $"{fixture.Platform.QueuePrefix}-{BusExtensions.QueueName("awards", typeof(Awards.Api.Consumers.DossierResolvedConsumer))}";
        var factory = new ConnectionFactory { Uri = new Uri(fixture.Broker!.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var before = await MessageCountAsync(connection, queue + "_error");

        // Straight onto awards' DossierResolved queue: a body that is not JSON at all, and a well-formed envelope whose
        // DossierResolved cannot be read (a date that is no date). Neither can ever be consumed.
        string Envelope(string message) => $$"""
            {"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:Platform.Contracts.Procedures:DossierResolved"],"message":{{message}}}
            """;
        string[] poison =
        [
            "{\"messageId\": \"" + Guid.NewGuid() + "\", \"message\": {\"commune\": ",
            Envelope($$"""{"commune":"{{(await DeskAsync()).Commune}}","dossierId":"x","resolvedAt":"not a date","timeliness":"early"}"""),
        ];
        foreach (var body in poison)
            await channel.BasicPublishAsync("", queue, mandatory: true,
                new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true },
                Encoding.UTF8.GetBytes(body), Ct);

        // The next good messages: the consumer goes on, and counts each once.
        await ReceiveAndResolveAsync();
        await ReceiveAndResolveAsync();
        await AssertEveryResolutionCountedOnceAsync("after the poison messages");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        uint errors;
        while ((errors = await MessageCountAsync(connection, queue + "_error") - before) < poison.Length)
        {
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(250, Ct);
        }
        Assert.True(errors == poison.Length, $"{errors} of the {poison.Length} poison messages are in {queue}_error.\n{Diagnostics()}");
        Assert.Equal(0u, await MessageCountAsync(connection, queue)); // nothing left behind them
    }

    /// <summary>A queue's ready messages through a passive declare (no management plugin); 0 when it does not exist yet.</summary>
    private static async Task<uint> MessageCountAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        try { return (await channel.QueueDeclarePassiveAsync(queue, Ct)).MessageCount; }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // a passive declare of a missing queue closes the channel
        }
    }
}
