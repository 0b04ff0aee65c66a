using System.Security.Cryptography;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>A running platform reached through one base URL, whatever its shape.</summary>
public abstract class RunningPlatform : IAsyncLifetime
{
    protected readonly List<PlatformProcess> Processes = [];
    protected readonly string Directory = System.IO.Directory.CreateTempSubdirectory("e2e-").FullName;

    public abstract string BaseUrl { get; }
    /// <summary>Why this platform could not start here (a server it needs is missing); its tests are then skipped.</summary>
    public string? SkipReason { get; protected set; }
    public abstract (string Username, string Password) DistrictAdmin { get; }
    public virtual string Diagnostics => string.Join("\n\n", Processes.Select(p => $"== {p.Name} ==\n{p.Output}"));

    public abstract ValueTask InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes) await process.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    protected PlatformProcess Start(string project, string assembly, IReadOnlyDictionary<string, string> settings)
    {
        var process = PlatformProcess.Start(project, assembly, $"http://127.0.0.1:{TestPorts.GetFreeTcpPort()}", settings);
        Processes.Add(process);
        return process;
    }
}

/// <summary>The README's run command: the standalone host in demo mode on embedded defaults (and any <paramref name="settings"/> given).</summary>
public sealed class StandalonePlatform(IReadOnlyDictionary<string, string>? settings = null) : RunningPlatform
{
    private PlatformProcess? _host;

    public override string BaseUrl => _host!.Url;
    public override (string Username, string Password) DistrictAdmin => ("noivu.giongtrom", "Demo@2015");

    public override async ValueTask InitializeAsync()
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Storage:DataDirectory"] = Path.Combine(Directory, "data"),
        };
        _host = Start("standalone/Platform.Standalone", "Platform.Standalone", all);
        await _host.WaitReadyAsync(TimeSpan.FromSeconds(60));
    }
}

/// <summary>
/// Gateway, four services and the web app as separate processes on RabbitMQ and Redis, as a cluster runs them: started by
/// scripts/run-distributed.sh (the same code path a person runs), on free ports, with this test run's broker, cache,
/// queue prefix, data folder and admin password.
/// </summary>
public sealed class DistributedPlatform : RunningPlatform
{
    private static readonly string[] Deployables = ["gateway", "personnel", "procedures", "feedback", "awards", "web"];
    private readonly string _adminPassword = "E2e-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private readonly string? _rabbit;
    private readonly string? _redis;
    private readonly string? _unavailable;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Dictionary<string, int> _ports = [];
    private PlatformProcess? _script;
    private string? _url;

    /// <summary>On the test run's broker and cache (the assembly's fixtures).</summary>
    public DistributedPlatform(RabbitMqServer rabbit, RedisServer redis)
        : this(rabbit.ConnectionString, redis.ConnectionString, rabbit.UnavailableReason ?? redis.UnavailableReason)
    {
    }

    /// <summary>
    /// On the given broker and cache (a test's private servers, which it may stop), with <paramref name="environment"/>
    /// added to the script's, e.g. RESTART_EXITED=1 or a rate limit; skipped with <paramref name="unavailable"/> when set.
    /// </summary>
    public DistributedPlatform(string? rabbit, string? redis, string? unavailable = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        (_rabbit, _redis, _environment) = (rabbit, redis, environment ?? new Dictionary<string, string>());
        _unavailable = unavailable ?? (rabbit is null || redis is null ? "no RabbitMQ or Redis here" : null);
    }

    public override string BaseUrl => _url!;

    /// <summary>This run's Messaging:QueuePrefix: queues and exchanges are named <c>{QueuePrefix}-…</c>.</summary>
    public string QueuePrefix { get; } = "e2e" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>This run's Redis key prefix (the script's default, which follows the queue prefix).</summary>
    public string CachePrefix => $"cchc:{QueuePrefix}:";

    /// <summary>A service's SQLite store, <c>{DATA_DIR}/{service}.db</c>.</summary>
    public string StorePath(string service) => Path.Combine(Directory, "data", service + ".db");

    /// <summary>A deployable's own URL (not through the gateway), e.g. <c>procedures</c>.</summary>
    public string UrlOf(string deployable) => $"http://127.0.0.1:{_ports[deployable]}";

    /// <summary>The process id of a deployable as the script last started it (its "started NAME (pid N)" line).</summary>
    public int ProcessIdOf(string deployable)
    {
        var marker = $"started {deployable} (pid ";
        var line = _script!.Lines.Last(l => l.Contains(marker, StringComparison.Ordinal));
        var start = line.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return int.Parse(line[start..line.IndexOf(')', start)], System.Globalization.CultureInfo.InvariantCulture);
    }
    public override (string Username, string Password) DistrictAdmin => ("admin.giongtrom", _adminPassword);

    public override string Diagnostics => base.Diagnostics + string.Concat(Deployables.Select(name =>
    {
        var log = Path.Combine(Directory, "logs", name + ".log");
        return File.Exists(log) ? $"\n\n== {name}.log ==\n{string.Join('\n', File.ReadLines(log).TakeLast(100))}" : "";
    }));

    public override async ValueTask InitializeAsync()
    {
        if (_unavailable is not null)
        {
            SkipReason = _unavailable;
            return;
        }
        var ports = new HashSet<int>();
        while (ports.Count < Deployables.Length) ports.Add(TestPorts.GetFreeTcpPort());
        var environment = new Dictionary<string, string>(_environment)
        {
            ["NO_BUILD"] = "1", // built alongside these tests
            ["CONFIGURATION"] = PlatformProcess.BuildConfiguration,
            ["NO_SERVICES"] = "1", // the fixtures found the broker and the cache
            ["RABBITMQ"] = _rabbit!,
            ["REDIS"] = _redis!,
            ["QUEUE_PREFIX"] = QueuePrefix,
            ["DATA_DIR"] = Path.Combine(Directory, "data"),
            ["LOG_DIR"] = Path.Combine(Directory, "logs"),
            ["ADMIN_USERNAME"] = DistrictAdmin.Username,
            ["ADMIN_PASSWORD"] = _adminPassword,
            ["READY_TIMEOUT"] = "150",
        };
        foreach (var (name, port) in Deployables.Zip(ports))
        {
            _ports[name] = port;
            environment[name.ToUpperInvariant() + "_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        _url = UrlOf("gateway");
        var script = _script = PlatformProcess.StartScript("scripts/run-distributed.sh", _url, environment);
        Processes.Add(script);
        // The script prints this once every process answers /health/ready, consumers first (their queues bound).
        await script.WaitForOutputAsync("Distributed platform ready: " + _url, TimeSpan.FromSeconds(240));
    }
}

/// <summary>Tests on the distributed platform: skipped, with the reason, when a server it needs is missing.</summary>
public abstract class DistributedScenario(DistributedFixture fixture)
{
    private HttpClient? _client;

    protected DistributedFixture Fixture => fixture;

    protected HttpClient Http
    {
        get
        {
            if (fixture.Platform.SkipReason is { } reason) Assert.Skip(reason);
            return _client ??= new HttpClient { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    protected string Diagnostics() => fixture.Platform.Diagnostics;
}
