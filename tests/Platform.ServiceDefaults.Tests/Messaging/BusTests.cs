using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Common;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.ServiceDefaults.Tests.Messaging;

public sealed class BusTestData;

public sealed record Tally(int Count);

/// <summary>Counts each onboarding once per commune, through the inbox.</summary>
public sealed class TallyingConsumer(IDocumentStore<BusTestData> store) : IConsumer<CommuneOnboarded>
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();
    public static readonly ConcurrentDictionary<string, string?> CommuneHeaders = new();
    public static readonly ConcurrentDictionary<string, byte[]> Bodies = new();

    public async Task Consume(ConsumeContext<CommuneOnboarded> context)
    {
        CommuneHeaders[context.Message.Commune] = context.Headers.Get<string>(PlatformHeaders.Commune);
        Bodies[context.Message.Commune] = context.ReceiveContext.Body.GetBytes();
        await store.ConsumeOnceAsync(context, nameof(TallyingConsumer), async changes =>
        {
            var tally = await store.FindAsync<Tally>(context.Message.Commune, "tally");
            if (tally is null) changes.Insert(context.Message.Commune, "tally", new Tally(1));
            else changes.Update(tally, new Tally(tally.Document.Count + 1));
        });
        Deliveries.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
    }
}

/// <summary>Never succeeds, so its messages must end in its error queue after the short retries.</summary>
public sealed class AlwaysFailingConsumer : IConsumer<CommunePrepared>
{
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    public Task Consume(ConsumeContext<CommunePrepared> context)
    {
        Attempts.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        throw new InvalidOperationException("This consumer always fails.");
    }
}

/// <summary>The bus on a real RabbitMQ: outbox to consumer, idempotent redelivery, error queues.</summary>
public sealed class BusTests(RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _directory = Directory.CreateTempSubdirectory("bus-").FullName;
    private IHost _host = null!;
    private string _connectionString = null!;

    public async ValueTask InitializeAsync()
    {
        _connectionString = rabbit.Require();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:rabbitmq"] = _connectionString;
        builder.Configuration["Messaging:QueuePrefix"] = _prefix;
        builder.Configuration["Storage:DataDirectory"] = _directory;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.AddDocumentStore<BusTestData>("bustest", CollectionNames.Platform().Add<Tally>("tally"));
        builder.AddConsumer<TallyingConsumer>("bustest");
        builder.AddConsumer<AlwaysFailingConsumer>("bustest");
        builder.AddPlatformBus();
        _host = builder.Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
        await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is null) return;
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await using (var connection = await new ConnectionFactory { Uri = new Uri(_connectionString) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            foreach (var consumer in new[] { typeof(TallyingConsumer), typeof(AlwaysFailingConsumer) })
                await channel.QueueDeleteAsync($"{_prefix}-{BusExtensions.QueueName("bustest", consumer)}");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private IDocumentStore<BusTestData> Store => _host.Services.GetRequiredService<IDocumentStore<BusTestData>>();

    private static CommuneOnboarded Onboarded(string commune) => new()
    {
        Commune = commune, Name = "Xã thử", District = "giong-trom", DistrictName = "Huyện Giồng Trôm", DistrictKind = DistrictKind.District,
        Hamlets = [new Hamlet { Code = "ap-1", Name = "Ấp 1" }], OnboardedAt = DateTime.UtcNow,
    };

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_event_committed_to_the_outbox_reaches_the_consumer_with_its_commune_header()
    {
        var commune = "c" + Guid.NewGuid().ToString("N")[..10];

        await Store.CommitAsync(new ChangeSet().Publish(commune, Onboarded(commune)), TestContext.Current.CancellationToken);

        await Eventually(async () => await Store.FindAsync<Tally>(commune, "tally") is not null, "the consumer's tally");
        Assert.Equal(1, (await Store.FindAsync<Tally>(commune, "tally"))!.Document.Count);
        Assert.Equal(commune, TallyingConsumer.CommuneHeaders[commune]);
        await Eventually(async () => (await _host.Services.GetRequiredService<IOutboxStore<BusTestData>>().PendingAsync(10)).Count == 0, "the outbox to be marked sent");
    }

    [Fact]
    public async Task An_event_travels_the_bus_in_the_platform_json_kebab_case_enums_and_fixed_fraction_instants()
    {
        var commune = "c" + Guid.NewGuid().ToString("N")[..10];
        var onboarded = Onboarded(commune) with { DistrictKind = DistrictKind.Province, OnboardedAt = new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc) };

        await Store.CommitAsync(new ChangeSet().Publish(commune, onboarded), TestContext.Current.CancellationToken);

        await Eventually(() => Task.FromResult(TallyingConsumer.Bodies.ContainsKey(commune)), "the consumed body");
        using var body = System.Text.Json.JsonDocument.Parse(TallyingConsumer.Bodies[commune]);
        var message = body.RootElement.GetProperty("message");
        Assert.Equal("province", message.GetProperty("districtKind").GetString());
        Assert.Equal("2026-03-02T01:30:00.0000000Z", message.GetProperty("onboardedAt").GetString());
    }

    [Fact]
    public async Task A_redelivered_message_has_no_second_effect()
    {
        var commune = "c" + Guid.NewGuid().ToString("N")[..10];
        var messageId = NewId.NextGuid();
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(Onboarded(commune), c => c.MessageId = messageId, TestContext.Current.CancellationToken);
        await bus.Publish(Onboarded(commune), c => c.MessageId = messageId, TestContext.Current.CancellationToken);

        await Eventually(() => Task.FromResult(TallyingConsumer.Deliveries.GetValueOrDefault(messageId) == 2), "both deliveries");
        Assert.Equal(1, (await Store.FindAsync<Tally>(commune, "tally"))!.Document.Count);
    }

    [Fact]
    public async Task A_message_whose_consumer_keeps_throwing_lands_in_the_error_queue()
    {
        var messageId = NewId.NextGuid();
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(new CommunePrepared { Commune = "nowhere", Service = "test", PreparedAt = DateTime.UtcNow },
            c => c.MessageId = messageId, TestContext.Current.CancellationToken);

        var errorQueue = $"{_prefix}-{BusExtensions.QueueName("bustest", typeof(AlwaysFailingConsumer))}_error";
        var factory = new ConnectionFactory { Uri = new Uri(_connectionString) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        var found = false;
        await Eventually(async () =>
        {
            // A get on a queue not yet declared closes the channel, so each attempt takes a fresh one.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var result = await channel.BasicGetAsync(errorQueue, autoAck: true);
                found |= result is not null && System.Text.Encoding.UTF8.GetString(result.Body.Span).Contains(messageId.ToString());
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // the error queue is declared on the first fault
            }
            return found;
        }, $"the message in {errorQueue}");
        Assert.Equal(4, AlwaysFailingConsumer.Attempts[messageId]); // one delivery and three retries
        await using var cleanup = await connection.CreateChannelAsync();
        await cleanup.QueueDeleteAsync(errorQueue);
    }
}
