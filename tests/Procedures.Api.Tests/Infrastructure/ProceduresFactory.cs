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
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Tests.Infrastructure;

/// <summary>
/// The real procedures service (its Program) on TestServer: SQLite in a fresh temp directory, in-memory bus and cache,
/// a signing key generated for the factory, and a <see cref="ManualTimeProvider"/> as the service's TimeProvider.
/// The store is wrapped in a <see cref="GatedStore"/> so that concurrency tests can line requests up.
/// </summary>
public sealed class ProceduresFactory : WebApplicationFactory<ProceduresData>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ProceduresFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Key = SigningKey.FromPem(Pem);
        Tokens = new Tokens(Key, Clock);
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("procedures-tests-").FullName;
    public string Pem { get; } = RSA.Create(2048).ExportPkcs8PrivateKeyPem();
    public SigningKey Key { get; }
    public ManualTimeProvider Clock { get; } = new();
    public Tokens Tokens { get; }

    public GatedStore Store => Services.GetRequiredService<GatedStore>();
    public IBus Bus => Services.GetRequiredService<IBus>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:SigningKeyPem", Pem);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddFilter(level => level >= LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            var original = services.Single(d => d.ServiceType == typeof(IDocumentStore<ProceduresData>));
            services.Remove(original);
            services.AddSingleton(sp => new GatedStore(original.ImplementationFactory is { } create
                ? (IDocumentStore<ProceduresData>)create(sp)
                : (IDocumentStore<ProceduresData>)original.ImplementationInstance!));
            services.AddSingleton<IDocumentStore<ProceduresData>>(sp => sp.GetRequiredService<GatedStore>());
        });
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
