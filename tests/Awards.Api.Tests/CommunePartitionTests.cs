using System.Reflection;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Awards.Api.Tests.Infrastructure;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;

namespace Awards.Api.Tests;

/// <summary>The awards service on MassTransit's test harness, its store counting the commits that conflicted.</summary>
public sealed class HarnessedAwards : IAsyncLifetime
{
    private readonly AwardsFactory _parent = new();

    public WebApplicationFactory<AwardsData> Factory { get; private set; } = null!;
    public ITestHarness Harness => Factory.Services.GetTestHarness();
    public IDocumentStore<AwardsData> Store => Factory.Services.GetRequiredService<IDocumentStore<AwardsData>>();

    public async ValueTask InitializeAsync()
    {
        Factory = _parent.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            var store = services.Last(d => d.ServiceType == typeof(IDocumentStore<AwardsData>));
            services.AddSingleton(sp => WatchedStore.Wrap((IDocumentStore<AwardsData>)store.ImplementationFactory!(sp)));
        }));
        await ((IBusControl)Harness.Bus).WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync() => await _parent.DisposeAsync();

    public Task PublishAsync<T>(T message, string commune) where T : class =>
        Harness.Bus.Publish(message, c => c.Headers.Set(PlatformHeaders.Commune, commune), TestContext.Current.CancellationToken);
}

/// <summary>Passes every call to the real store, counting the commits it refuses as conflicting; reads of <see cref="Unreadable"/> fail.</summary>
public class WatchedStore : DispatchProxy
{
    public const string Unreadable = "khong-doc-duoc";

    private static int _conflicts;
    private static int _unreadableReads;
    private IDocumentStore<AwardsData> _inner = null!;

    public static int Conflicts => Volatile.Read(ref _conflicts);
    public static int UnreadableReads => Volatile.Read(ref _unreadableReads);

    public static IDocumentStore<AwardsData> Wrap(IDocumentStore<AwardsData> inner)
    {
        var proxy = Create<IDocumentStore<AwardsData>, WatchedStore>();
        ((WatchedStore)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (args?.FirstOrDefault() is Unreadable)
        {
            Interlocked.Increment(ref _unreadableReads);
            throw new IOException("The disk cannot be read.");
        }
        var result = method!.Invoke(_inner, args);
        return method.Name == nameof(IDocumentStore.CommitAsync) ? Counted((Task)result!) : result;
    }

    private static async Task Counted(Task commit)
    {
        try
        {
            await commit;
        }
        catch (ConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }
}

/// <summary>
/// A commune's events, on whichever queue they arrive, are consumed one after another: the indicators and the radio
/// counter they all update never conflict, and nothing is retried.
/// </summary>
public sealed class CommunePartitionTests(HarnessedAwards awards) : IClassFixture<HarnessedAwards>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Many_events_of_one_commune_at_once_are_each_consumed_once_without_a_conflict()
    {
        const string commune = "phan-vung";
        await awards.PublishAsync(new CommuneOnboarded
        {
            Commune = commune, Name = "Xã Phân Vùng", District = Seed.District, DistrictName = "Huyện", DistrictKind = DistrictKind.District,
            Hamlets = [new Hamlet { Code = "ap-1", Name = "Ấp 1" }], OnboardedAt = new DateTime(2021, 1, 4, 1, 0, 0, DateTimeKind.Utc),
        }, commune);
        await Eventually.TrueAsync(async () => await Indicators(commune) is not null, "the commune's indicators");
        var conflictsBefore = WatchedStore.Conflicts;

        var at = new DateTime(2021, 3, 1, 3, 0, 0, DateTimeKind.Utc);
        await Task.WhenAll(Enumerable.Range(1, 40).SelectMany(i => new[]
        {
            awards.PublishAsync(new DossierReceived
            {
                Commune = commune, DossierId = $"hs-{i}", ReceiptNo = $"{i}/TN", ProcedureCode = "2.000815", Field = "ho-tich", ReceivedAt = at,
                DueDate = new DateOnly(2021, 3, 10),
            }, commune),
            awards.PublishAsync(new TrainingCompleted { Commune = commune, StaffId = $"cb-{i}", Course = "Kỹ năng một cửa", CompletedOn = new DateOnly(2021, 3, 1), Hours = 8 }, commune),
            awards.PublishAsync(new HotlineChanged { Commune = commune, Contacts = [new HotlineContact { Name = "Lê Văn Tâm", Title = "Chủ tịch", Phone = $"09000000{i:D2}" }], ChangedAt = at }, commune),
        }));

        await Eventually.TrueAsync(async () => await Indicators(commune) is { } i && i.For(2021) is { DossiersReceived: 40, TrainedStaff.Count: 40 },
            "every dossier and course counted");
        await Eventually.TrueAsync(async () => (await awards.Store.FindAsync<RadioCounter>(commune, RadioCounter.Key, Ct))?.Document.Last == 41,
            "the launch and every hotline on the radio");
        Assert.Equal(conflictsBefore, WatchedStore.Conflicts);
        Assert.Equal(121, awards.Harness.Consumed.Select(m => Communes(m) == commune).Count());
        Assert.DoesNotContain(awards.Harness.Consumed.Select(m => Communes(m) == commune && m.Exception is not null), _ => true);
        Assert.Equal(40, (await Indicators(commune))!.For(2021).DossiersReceived); // nothing counted twice
    }

    [Theory]
    [MemberData(nameof(Consumers))]
    public void Each_consumer_listens_on_its_service_queue_a_bounded_number_at_a_time(Type consumer)
    {
        var definition = (IConsumerDefinition)awards.Factory.Services.GetRequiredService(typeof(IConsumerDefinition<>).MakeGenericType(consumer));

        Assert.Equal(BusExtensions.QueueName("awards", consumer), definition.GetEndpointName(DefaultEndpointNameFormatter.Instance));
        Assert.Equal(PlatformConsumers.MessageLimit, definition.ConcurrentMessageLimit);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_tried_four_times_then_faults()
    {
        var id = NewId.NextGuid();
        var readsBefore = WatchedStore.UnreadableReads;
        await awards.Harness.Bus.Publish(new StaffRegistered { Commune = WatchedStore.Unreadable, StaffId = "cb-1", FullName = "Lê Văn Tâm", Kind = StaffKind.Cadre, Position = "chu-tich-ubnd" },
            c => c.MessageId = id, Ct);

        await Eventually.TrueAsync(() => Task.FromResult(awards.Harness.Published.Select<Fault<StaffRegistered>>(f => f.Context.Message.FaultedMessageId == id).Any()),
            "the message's fault");
        Assert.Equal(4, WatchedStore.UnreadableReads - readsBefore); // one delivery and three retries, each failing at its first read
    }

    private static readonly Type[] AwardsConsumers =
        [.. typeof(AwardsData).Assembly.GetTypes().Where(t => t.Namespace == "Awards.Api.Consumers" && t.IsAssignableTo(typeof(IConsumer)))];

    public static TheoryData<Type> Consumers() => [.. AwardsConsumers];

    private static string? Communes(IReceivedMessage message) => message.Context.Headers.Get<string>(PlatformHeaders.Commune);

    private async Task<CommuneIndicators?> Indicators(string commune) =>
        (await awards.Store.FindAsync<CommuneIndicators>(CommuneIndicators.Scope(Seed.District), commune, Ct))?.Document;
}
