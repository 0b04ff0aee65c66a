using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Personnel.Api.Tests.Infrastructure;

/// <summary>
/// The real personnel service (its Program) in demo mode: district giong-trom with communes my-thanh and luong-hoa,
/// the district admin noivu.giongtrom, the my-thanh accounts and the radio-mythanh client, all with <see cref="Demo.Password"/>.
/// Each factory has its own data directory and signing key, deleted on dispose. No RabbitMQ/Redis: in-memory bus and cache.
/// With <paramref name="kestrel"/> the service listens on a real loopback port instead of TestServer (needed where
/// Kestrel's own behaviour is under test, such as the request body limit set by ConfigureKestrel).
/// </summary>
public sealed class PersonnelFactory : WebApplicationFactory<PersonnelData>
{
    private readonly TimeProvider? _time;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    public PersonnelFactory(TimeProvider? time = null, bool kestrel = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _time = time;
        _settings = settings;
        if (kestrel) UseKestrel(0);
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("personnel-tests-").FullName;

    /// <summary>The service's own signing key (the one it issues and validates tokens with).</summary>
    public SigningKey SigningKey => Services.GetRequiredService<SigningKey>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:SigningKeyFile", Path.Combine(DataDirectory, "signing-key.pem"));
        builder.UseSetting("Auth:CreateSigningKey", "true");
        builder.UseSetting("Bootstrap:District:Code", Demo.District);
        builder.UseSetting("Bootstrap:District:Name", "Huyện Giồng Trôm");
        builder.UseSetting("Bootstrap:Admin:Username", Demo.DistrictAdmin);
        builder.UseSetting("Bootstrap:Admin:Password", Demo.Password);
        builder.UseSetting("Demo:Enabled", "true");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddFilter(level => level >= LogLevel.Warning));
        if (_time is not null) builder.ConfigureServices(services => services.AddSingleton(_time));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned up by the OS eventually.
        }
    }
}

/// <summary>One started service shared by the tests of a class (for tests that do not touch lockout counters).</summary>
public sealed class PersonnelHost : IAsyncLifetime
{
    public PersonnelFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>What demo mode seeds.</summary>
public static class Demo
{
    public const string Password = "Demo@2015";
    public const string District = "giong-trom";
    public const string MyThanh = "my-thanh";
    public const string LuongHoa = "luong-hoa";
    public const string DistrictAdmin = "noivu.giongtrom";
    public const string DeskOfficer = "motcua.mythanh";
    public const string Leader = "chutich.mythanh";
    public const string RadioClient = "radio-mythanh";
}
