using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Awards.Api.Infrastructure;

namespace Awards.Api.Tests.Infrastructure;

/// <summary>
/// The real awards service (its Program) on TestServer: SQLite in a fresh temp directory, the in-memory bus (or RabbitMQ
/// when settings say so) and cache, a signing key of its own and a <see cref="ManualTimeProvider"/>.
/// </summary>
public sealed class AwardsFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<AwardsData>
{
    private static readonly string Pem = RSA.Create(2048).ExportPkcs8PrivateKeyPem();
    private readonly IReadOnlyDictionary<string, string?> _settings = settings ?? new Dictionary<string, string?>();
    private Tokens? _tokens;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("awards-tests-").FullName;
    public ManualTimeProvider Clock { get; } = new();
    public Tokens Tokens => _tokens ??= new Tokens(SigningKey.FromPem(Pem), Clock);

    public IDocumentStore<AwardsData> Store => Services.GetRequiredService<IDocumentStore<AwardsData>>();
    public IBus Bus => Services.GetRequiredService<IBus>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:SigningKeyPem", Pem);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddFilter(level => level >= LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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
