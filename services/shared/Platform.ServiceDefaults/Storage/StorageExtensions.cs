using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using Platform.ServiceDefaults.Tenancy;

namespace Platform.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The service's document store: MongoDB when <c>ConnectionStrings:mongo</c> is set, else SQLite at
    /// <c>{Storage:DataDirectory}/{service}.db</c> (default <c>./data</c>); with its outbox dispatcher and a readiness check.
    /// Every document type the service stores is named in <paramref name="collections"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentStore<TService>(this IHostApplicationBuilder builder, string service, CollectionNames collections)
    {
        var mongo = builder.Configuration.GetConnectionString("mongo");
        if (string.IsNullOrWhiteSpace(mongo))
        {
            var directory = builder.Configuration["Storage:DataDirectory"] ?? "data";
            builder.Services.AddSingleton<IOutboxStore<TService>>(_ => new SqliteDocumentStore<TService>(service, Path.Combine(directory, $"{service}.db"), collections));
        }
        else
        {
            builder.Services.TryAddSingleton<IMongoClient>(_ => new MongoClient(mongo));
            var prefix = builder.Configuration["Storage:MongoDatabasePrefix"] ?? "cchc";
            builder.Services.AddSingleton<IOutboxStore<TService>>(sp =>
                new MongoDocumentStore<TService>(service, sp.GetRequiredService<IMongoClient>(), $"{prefix}-{service}", collections));
        }
        // One store object answers both: documents for the service, the outbox for its dispatcher.
        builder.Services.AddSingleton(sp => (IDocumentStore<TService>)sp.GetRequiredService<IOutboxStore<TService>>());
        builder.Services.AddHostedService<OutboxDispatcher<TService>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{service}-store",
            sp => new StoreHealthCheck(sp.GetRequiredService<IDocumentStore<TService>>()), HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5)));
        // The first store registered answers tenancy questions (in the standalone host: personnel's, which onboards).
        builder.Services.TryAddSingleton<ICommuneDirectory>(sp =>
            new CommuneDirectory(sp.GetRequiredService<IDocumentStore<TService>>(), sp.GetRequiredService<IMemoryCache>()));
        return builder;
    }

    /// <summary>The indexes a service's queries use, ensured at start-up: <c>indexes.On&lt;Dossier&gt;("status", "dueDate")</c>.</summary>
    public static IHostApplicationBuilder AddStoreIndexes<TService>(this IHostApplicationBuilder builder, Action<StoreIndexes> indexes)
    {
        var wanted = new StoreIndexes();
        indexes(wanted);
        builder.Services.AddSingleton<IHostedService>(sp => new StoreIndexCreator(sp.GetRequiredService<IDocumentStore<TService>>(), wanted));
        return builder;
    }

    public sealed class StoreIndexes
    {
        internal List<Func<IDocumentStore, CancellationToken, Task>> Ensure { get; } = [];

        public StoreIndexes On<T>(params string[] fields)
        {
            foreach (var field in fields) Ensure.Add((store, ct) => store.EnsureIndexAsync<T>(field, ct));
            return this;
        }
    }

    private sealed class StoreIndexCreator(IDocumentStore store, StoreIndexes indexes) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            foreach (var ensure in indexes.Ensure) await ensure(store, ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await store.PingAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy($"The {store.Service} store does not answer.", e);
            }
        }
    }
}
