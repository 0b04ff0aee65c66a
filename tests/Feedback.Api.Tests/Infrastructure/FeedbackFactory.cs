using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Feedback.Api.Infrastructure;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>
/// The real feedback service (its Program) on TestServer: SQLite in a fresh temp directory, in-memory bus and cache
/// unless <paramref name="settings"/> name a broker, a signing key generated for the factory, and a
/// <see cref="ManualTimeProvider"/> as the service's TimeProvider. With <paramref name="kestrel"/> it listens on a real
/// loopback port instead (Kestrel's request body limit does not apply under TestServer).
/// </summary>
public sealed class FeedbackFactory : WebApplicationFactory<FeedbackData>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public FeedbackFactory(IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Key = SigningKey.FromPem(Pem);
        Tokens = new Tokens(Key, Clock);
        if (kestrel) UseKestrel(0);
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("feedback-tests-").FullName;
    public string Pem { get; } = RSA.Create(2048).ExportPkcs8PrivateKeyPem();
    public SigningKey Key { get; }
    public ManualTimeProvider Clock { get; } = new();
    public Tokens Tokens { get; }

    public IDocumentStore<FeedbackData> Store => Services.GetRequiredService<IDocumentStore<FeedbackData>>();
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
