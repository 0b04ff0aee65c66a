using System.Collections.Concurrent;
using System.Security.Cryptography;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection.Testing;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Xunit;

namespace Platform.Testing.Service;

/// <summary>
/// The real service whose document store is marked by <typeparamref name="TData"/> (its Program) on TestServer: SQLite in a
/// fresh temp directory, the in-memory bus and cache unless <paramref name="settings"/> name a broker, a signing key of
/// the factory's own, a <see cref="ManualTimeProvider"/> as the service's TimeProvider (unless <paramref name="manualClock"/>
/// is false) and MassTransit's test harness watching the bus. With <paramref name="kestrel"/> it listens on a real loopback
/// port instead (Kestrel's own limits do not apply under TestServer).
/// </summary>
public class ServiceFactory<TData> : WebApplicationFactory<TData> where TData : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _manualClock;
    private readonly ConsumedMessages _consumed = new();

    public ServiceFactory(IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false, bool manualClock = true)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _manualClock = manualClock;
        Key = SigningKey.FromPem(Pem);
        Tokens = new Tokens(Key, Clock);
        if (kestrel) UseKestrel(0);
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory(typeof(TData).Name + "-tests-").FullName;
    public string Pem { get; } = RSA.Create(2048).ExportPkcs8PrivateKeyPem();
    public SigningKey Key { get; }
    public ManualTimeProvider Clock { get; } = new();
    public Tokens Tokens { get; }

    public IDocumentStore<TData> Store => Services.GetRequiredService<IDocumentStore<TData>>();
    public IBus Bus => Services.GetRequiredService<IBus>();
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:SigningKeyPem", Pem);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddFilter(level => level >= LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (_manualClock) services.AddSingleton<TimeProvider>(Clock);
            // MassTransit's harness on the service's own bus. AddMassTransitTestHarness would rebuild the bus with its default
            // in-memory configuration: the consumers stay, but the platform's message retry and log-scope filter would not.
            services.AddOptions<TestHarnessOptions>();
            services.TryAddSingleton<ContainerTestHarness>();
            services.TryAddSingleton<ITestHarness>(provider => provider.GetRequiredService<ContainerTestHarness>());
            services.AddBusObserver<ContainerTestHarnessBusObserver>();
            services.AddConsumeObserver(_ => _consumed);
            ConfigureServices(services);
        });
    }

    /// <summary>Test-only changes to the service's registrations, made after the service's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// Publishes as another service's outbox would (a message id, the commune header), <paramref name="copies"/> times under
    /// one id as a redelivery would, and waits until every consumer of <typeparamref name="T"/> here has consumed each copy.
    /// A <see cref="Fault{T}"/> for it (a consumer that threw through its retries) fails the test at once with the exception.
    /// </summary>
    public async Task<Guid> ConsumeAsync<T>(T message, int copies = 1) where T : class
    {
        var consumers = Services.GetServices<IConsumerRegistration>().Count(r => r.Type.IsAssignableTo(typeof(IConsumer<T>)));
        if (consumers == 0) throw new InvalidOperationException($"No consumer of {typeof(T).Name} is registered.");
        var id = NewId.NextGuid();
        var commune = (string?)typeof(T).GetProperty("Commune")?.GetValue(message);
        for (var copy = 0; copy < copies; copy++)
            await Bus.Publish(message, c =>
            {
                c.MessageId = id;
                if (commune is not null) c.Headers.Set(PlatformHeaders.Commune, commune);
            }, Ct);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_consumed.Count(id) < consumers * copies)
        {
            // A cancelled token makes the harness list answer with what it holds now instead of waiting for more.
            if (Harness.Published.Select<Fault<T>>(f => f.Context.Message.FaultedMessageId == id, new CancellationToken(true)).FirstOrDefault() is { } fault)
                Assert.Fail($"A consumer of {typeof(T).Name} {id} gave up: " +
                            string.Join(" | ", fault.Context.Message.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}")));
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {typeof(T).Name} {id} to be consumed by {consumers} consumer(s).");
            await Task.Delay(10, Ct);
        }
        return id;
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
        GC.SuppressFinalize(this);
    }

    /// <summary>How many receive endpoints consumed each message id without a fault (the harness keeps only the first).</summary>
    private sealed class ConsumedMessages : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _counts = new();

        public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
