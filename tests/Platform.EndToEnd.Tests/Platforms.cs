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
    public string Diagnostics => string.Join("\n\n", Processes.Select(p => $"== {p.Name} ==\n{p.Output}"));

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

/// <summary>The README's run command: the standalone host in demo mode on embedded defaults.</summary>
public sealed class StandalonePlatform : RunningPlatform
{
    private PlatformProcess? _host;

    public override string BaseUrl => _host!.Url;
    public override (string Username, string Password) DistrictAdmin => ("noivu.giongtrom", "Demo@2015");

    public override async ValueTask InitializeAsync()
    {
        _host = Start("standalone/Platform.Standalone", "Platform.Standalone", new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = Path.Combine(Directory, "data"),
        });
        await _host.WaitReadyAsync(TimeSpan.FromSeconds(60));
    }
}

/// <summary>Gateway and four services as separate processes on RabbitMQ and Redis, as a cluster runs them.</summary>
public sealed class DistributedPlatform(RabbitMqServer rabbit, RedisServer redis) : RunningPlatform
{
    private readonly string _adminPassword = "E2e-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private PlatformProcess? _gateway;

    public override string BaseUrl => _gateway!.Url;
    public override (string Username, string Password) DistrictAdmin => ("admin.giongtrom", _adminPassword);

    public override async ValueTask InitializeAsync()
    {
        if (!rabbit.IsAvailable || !redis.IsAvailable)
        {
            SkipReason = rabbit.UnavailableReason ?? redis.UnavailableReason;
            return;
        }
        var shared = new Dictionary<string, string>
        {
            ["ConnectionStrings:rabbitmq"] = rabbit.ConnectionString!,
            ["ConnectionStrings:redis"] = redis.ConnectionString!,
            ["Messaging:QueuePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..8],
            ["Storage:DataDirectory"] = Path.Combine(Directory, "data"),
        };
        var keyFile = Path.Combine(Directory, "signing-key.pem");
        await File.WriteAllTextAsync(keyFile, RSA.Create(2048).ExportPkcs8PrivateKeyPem());

        var personnel = Start("services/personnel/Personnel.Api", "Personnel.Api", new Dictionary<string, string>(shared)
        {
            ["Auth:SigningKeyFile"] = keyFile,
            ["Bootstrap:District:Code"] = "giong-trom",
            ["Bootstrap:District:Name"] = "Huyện Giồng Trôm",
            ["Bootstrap:Admin:Username"] = DistrictAdmin.Username,
            ["Bootstrap:Admin:Password"] = _adminPassword,
        });
        var jwks = new Dictionary<string, string>(shared) { ["Auth:JwksUrl"] = personnel.Url + "/api/auth/jwks" };
        var procedures = Start("services/procedures/Procedures.Api", "Procedures.Api", jwks);
        var feedback = Start("services/feedback/Feedback.Api", "Feedback.Api", jwks);
        var awards = Start("services/awards/Awards.Api", "Awards.Api", jwks);
        _gateway = Start("gateway/Platform.Gateway", "Platform.Gateway", new Dictionary<string, string>(jwks)
        {
            ["ReverseProxy:Clusters:personnel:Destinations:primary:Address"] = personnel.Url,
            ["ReverseProxy:Clusters:procedures:Destinations:primary:Address"] = procedures.Url,
            ["ReverseProxy:Clusters:feedback:Destinations:primary:Address"] = feedback.Url,
            ["ReverseProxy:Clusters:awards:Destinations:primary:Address"] = awards.Url,
        });
        // Every consumer's queue must exist before the first event, or the broker has nowhere to put it.
        await Task.WhenAll(Processes.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(90))));
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
