using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// A server of a test's own, on free ports, that the test may stop and start again (an outage on demand) without
/// disturbing any other test or the machine's shared servers. Started from the Debian package's binaries;
/// <see cref="TryStart"/>-style factories return null when the binary is missing, so the test can skip saying why.
/// </summary>
public abstract class PrivateServer : IAsyncDisposable
{
    private Process? _process;

    protected PrivateServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>True while the server's process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server's own output (its last lines), for a failing test's message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(60));

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    protected abstract ProcessStartInfo StartInfo();

    /// <summary>How long a start may take before the test fails.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(30);

    /// <summary>Starts (or starts again, with the same data and ports) and waits until its port accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        var start = StartInfo();
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await TcpProbe.IsListeningAsync("127.0.0.1", Port, TimeSpan.FromSeconds(1)))
        {
            if (_process.HasExited) throw new InvalidOperationException($"{GetType().Name} exited with {_process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{GetType().Name} did not listen on {Port} within {StartTimeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the server: TERM (its own orderly stop), then a kill of what is left after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { }
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await StopAsync(TimeSpan.FromSeconds(10));
    }

    protected static string? Binary(params string[] candidates) => candidates.FirstOrDefault(File.Exists);
}

/// <summary>A private redis-server: no persistence, its own free port.</summary>
public sealed class PrivateRedis : PrivateServer
{
    private readonly string _binary;

    private PrivateRedis(string binary) : base(TestPorts.GetFreeTcpPort()) => _binary = binary;

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>A started server, or null when redis-server is not installed.</summary>
    public static async Task<PrivateRedis?> TryStartAsync()
    {
        if (Binary("/usr/bin/redis-server", "/usr/local/bin/redis-server") is not { } binary) return null;
        var server = new PrivateRedis(binary);
        await server.StartAsync();
        return server;
    }

    protected override ProcessStartInfo StartInfo() =>
        new(_binary, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
}

/// <summary>
/// A private RabbitMQ node (its own node name, AMQP and distribution ports, data folder; no plugins), so that a test can
/// stop and restart "the broker" while the machine's shared one serves every other test. Its queues and persistent
/// messages survive a restart, as a real broker's do.
/// </summary>
public sealed class PrivateRabbitMq : PrivateServer
{
    private readonly string _binary;
    private readonly string _directory = Directory.CreateTempSubdirectory("rabbitmq-").FullName;
    private readonly string _node = "cchc-test-" + Guid.NewGuid().ToString("N")[..8] + "@localhost";
    private readonly int _distributionPort = TestPorts.GetFreeTcpPort();

    private PrivateRabbitMq(string binary) : base(TestPorts.GetFreeTcpPort()) => _binary = binary;

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    /// <summary>A started node, or null when the rabbitmq-server package is not installed.</summary>
    public static async Task<PrivateRabbitMq?> TryStartAsync()
    {
        if (Binary("/usr/lib/rabbitmq/bin/rabbitmq-server") is not { } binary) return null;
        var server = new PrivateRabbitMq(binary);
        await server.StartAsync();
        return server;
    }

    protected override ProcessStartInfo StartInfo()
    {
        File.WriteAllText(Path.Combine(_directory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(_directory, "rabbitmq.conf"), "log.console = true\nlog.file = false\n");
        var start = new ProcessStartInfo(_binary);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["RABBITMQ_NODENAME"] = _node,
                     ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                     ["RABBITMQ_NODE_PORT"] = Port.ToString(invariant),
                     ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(invariant),
                     ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia"),
                     ["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log"),
                     ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins"),
                     ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf"),
                     ["RABBITMQ_PID_FILE"] = Path.Combine(_directory, "rabbitmq.pid"),
                 })
            start.Environment[key] = value;
        return start;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
