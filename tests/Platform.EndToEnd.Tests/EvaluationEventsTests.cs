using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Personnel.Api.Consumers;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Personnel's evaluation sheets fed by the other services' events on a real RabbitMQ: the personnel module composed in a
/// host with its own store and queues, the four events published on the broker, each of them twice with the same
/// message id as a redelivery would; every tally on the <see cref="EvaluationSheet"/> counts exactly once.
/// </summary>
public sealed class EvaluationEventsTests(RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evaluation-events-").FullName;
    private readonly string _prefix = "ev" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _commune = "xa-" + Guid.NewGuid().ToString("N")[..8];
    private IHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private IDocumentStore<PersonnelData> Store => _host!.Services.GetRequiredService<IDocumentStore<PersonnelData>>();

    private async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = rabbit.Require(),
            ["Messaging:QueuePrefix"] = _prefix,
            ["Storage:DataDirectory"] = _directory,
            ["Auth:SigningKeyFile"] = Path.Combine(_directory, "key.pem"),
            ["Auth:CreateSigningKey"] = "true",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton(Platform.ServiceDefaults.Security.SigningKey.FromConfiguration(builder.Configuration)!);
        Personnel.Api.Extensions.PersonnelModule.AddPersonnel(builder);
        builder.AddPlatformBus();
        _host = builder.Build();
        await _host.StartAsync(Ct);
        await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await ObserveFaultsAsync();
    }

    /// <summary>Publishes the message <paramref name="copies"/> times with one message id: the broker delivers every copy.</summary>
    private async Task<Guid> PublishAsync<T>(T message, int copies = 1) where T : class
    {
        var id = NewId.NextGuid();
        var bus = _host!.Services.GetRequiredService<IBus>();
        for (var copy = 0; copy < copies; copy++)
            await bus.Publish(message, c =>
            {
                c.MessageId = id;
                c.Headers.Set(PlatformHeaders.Commune, _commune);
            }, Ct);
        return id;
    }

    /// <summary>Publishes the message twice with one message id and waits until its consumer has marked it consumed.</summary>
    private async Task<Guid> DeliverTwiceAsync<T>(string consumer, T message) where T : class
    {
        var id = await PublishAsync(message, copies: 2);
        await ConsumedAsync((consumer, id));
        return id;
    }

    private async Task ConsumedAsync(params (string Consumer, Guid Id)[] messages) =>
        await Eventually(async () =>
        {
            if (!_faults.IsEmpty) Assert.Fail("Personnel gave up on a message after its retries, so its tally is lost:\n" + string.Join("\n", _faults));
            foreach (var (consumer, id) in messages)
                if (!await Store.HasConsumedAsync(consumer, id, Ct)) return false;
            return true;
        }, $"{messages.Length} message(s) to be consumed from the broker");

    /// <summary>Faults MassTransit publishes when a consumer gives up on a message of this test's commune.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _faults = new();

    private async Task ObserveFaultsAsync()
    {
        var bus = _host!.Services.GetRequiredService<IBus>();
        var handle = bus.ConnectReceiveEndpoint(_prefix + "-test-faults", e =>
        {
            if (e is MassTransit.IRabbitMqReceiveEndpointConfigurator rabbitEndpoint) rabbitEndpoint.AutoDelete = true;
            e.Handler<Fault<DossierResolved>>(c => Record(c.Message, c.Message.Message.Commune));
            e.Handler<Fault<SatisfactionRated>>(c => Record(c.Message, c.Message.Message.Commune));
            e.Handler<Fault<FeedbackAnswered>>(c => Record(c.Message, c.Message.Message.Commune));
            e.Handler<Fault<SimplificationApproved>>(c => Record(c.Message, c.Message.Message.Commune));
        });
        await handle.Ready;
    }

    private Task Record(Fault fault, string commune)
    {
        if (commune == _commune)
            _faults.Enqueue($"message {fault.FaultedMessageId} ({string.Join(", ", fault.FaultMessageTypes)}): " +
                            string.Join(" | ", fault.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}")));
        return Task.CompletedTask;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 45)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    private async Task<EvaluationSheet?> SheetAsync(string staffId, int year) =>
        (await Store.FindAsync<EvaluationSheet>(_commune, EvaluationSheet.Key(staffId, year), Ct))?.Document;

    private static DateTime At(int month, int day) => new(2026, month, day, 3, 0, 0, DateTimeKind.Utc);

    private DossierResolved Resolved(string handler, Timeliness timeliness, DateTime at) => new()
    {
        Commune = _commune, DossierId = Guid.NewGuid().ToString("N"), ProcedureCode = "ho-tich-khai-sinh", Field = "tu-phap-ho-tich",
        Outcome = DossierOutcome.Approved, Timeliness = timeliness, WorkingDaysUsed = 2, HandlerId = handler, ResolvedAt = at, LateWithoutApology = timeliness == Timeliness.Late,
    };

    private SatisfactionRated Rated(string handler, SatisfactionLevel level, DateTime at) => new()
    {
        Commune = _commune, DossierId = Guid.NewGuid().ToString("N"), ProcedureCode = "ho-tich-khai-sinh", HandlerId = handler, Level = level, RatedAt = at,
    };

    private FeedbackAnswered Answered(string staffId, DateTime at) => new()
    {
        Commune = _commune, FeedbackId = Guid.NewGuid().ToString("N"), Category = FeedbackCategory.StaffConduct, StaffId = staffId, InTime = true, Upheld = true,
        AnsweredAt = at,
    };

    private SimplificationApproved Approved(DateTime at, params string[] authors) => new()
    {
        Commune = _commune, ProposalId = Guid.NewGuid().ToString("N"), ProcedureCode = "ho-tich-khai-sinh", ProcedureName = "Đăng ký khai sinh",
        AuthorStaffIds = authors, RemovedComponents = ["Bản sao sổ hộ khẩu"], PreviousProcessingDays = 3, NewProcessingDays = 1,
        Authority = "UBND tỉnh Bến Tre", DecisionNo = "1234/QĐ-UBND", EffectiveFrom = new DateOnly(2026, 5, 1), ApprovedAt = at,
    };

    [Fact]
    public async Task Each_event_is_tallied_once_on_the_sheet_even_when_delivered_twice()
    {
        await StartAsync();
        const string handler = "xa-tu-phap";
        const string coAuthor = "xa-van-phong";

        // One message at a time (so that two different messages never race for the sheet), each delivered twice.
        await DeliverTwiceAsync(nameof(DossierResolvedConsumer), Resolved(handler, Timeliness.Early, At(3, 2)));
        await DeliverTwiceAsync(nameof(DossierResolvedConsumer), Resolved(handler, Timeliness.OnTime, At(3, 3)));
        await DeliverTwiceAsync(nameof(DossierResolvedConsumer), Resolved(handler, Timeliness.Late, At(3, 4)));
        await DeliverTwiceAsync(nameof(SatisfactionRatedConsumer), Rated(handler, SatisfactionLevel.VerySatisfied, At(3, 5)));
        await DeliverTwiceAsync(nameof(SatisfactionRatedConsumer), Rated(handler, SatisfactionLevel.NotSatisfied, At(3, 6)));
        await DeliverTwiceAsync(nameof(FeedbackAnsweredConsumer), Answered(handler, At(4, 1)));
        await DeliverTwiceAsync(nameof(SimplificationApprovedConsumer), Approved(At(4, 20), handler, coAuthor));
        await Task.Delay(2000, Ct); // a second copy would land within this
        Assert.Empty(_faults);

        var sheet = await SheetAsync(handler, 2026);
        Assert.NotNull(sheet);
        Assert.Equal((3, 2), (sheet.DossiersHandled, sheet.DossiersOnTime));
        Assert.Equal((2, 1), (sheet.Ratings, sheet.SatisfiedRatings));
        Assert.Equal(1, sheet.UpheldComplaints);
        Assert.Equal(1, sheet.Initiatives);
        Assert.Equal((0.6667, 0.5), (sheet.OnTimeRate, sheet.SatisfactionIndex));
        var other = await SheetAsync(coAuthor, 2026);
        Assert.NotNull(other);
        Assert.Equal((0, 0, 0, 1), (other.DossiersHandled, other.Ratings, other.UpheldComplaints, other.Initiatives));
        Assert.Null(await SheetAsync(handler, 2025));
    }

    /// <summary>
    /// The four kinds of event about one officer arriving together, each delivered twice, as the other services' outboxes
    /// send them on a busy day: every tally must land exactly once; none may be dropped to the error queue.
    /// </summary>
    [Fact]
    public async Task Events_about_one_officer_arriving_together_are_each_tallied_exactly_once()
    {
        await StartAsync();
        const string handler = "xa-mot-cua";
        // Published all at once, as an outbox dispatcher sends its batch.
        var publications = new List<Task<(string, Guid)>>();
        for (var i = 0; i < 24; i++)
        {
            var n = i;
            publications.Add(Task.Run(async () => (nameof(DossierResolvedConsumer), await PublishAsync(Resolved(handler, n % 3 == 0 ? Timeliness.Late : Timeliness.OnTime, At(7, 1)), copies: 2))));
            publications.Add(Task.Run(async () => (nameof(SatisfactionRatedConsumer), await PublishAsync(Rated(handler, n % 2 == 0 ? SatisfactionLevel.Satisfied : SatisfactionLevel.NotSatisfied, At(7, 1)), copies: 2))));
            publications.Add(Task.Run(async () => (nameof(FeedbackAnsweredConsumer), await PublishAsync(Answered(handler, At(7, 1)), copies: 2))));
            publications.Add(Task.Run(async () => (nameof(SimplificationApprovedConsumer), await PublishAsync(Approved(At(7, 1), handler), copies: 2))));
        }
        var messages = await Task.WhenAll(publications);

        await ConsumedAsync([.. messages]);
        await Task.Delay(2000, Ct);

        Assert.Empty(_faults);
        var sheet = await SheetAsync(handler, 2026);
        Assert.NotNull(sheet);
        Assert.Equal((24, 16, 24, 12, 24, 24), (sheet.DossiersHandled, sheet.DossiersOnTime, sheet.Ratings, sheet.SatisfiedRatings, sheet.UpheldComplaints, sheet.Initiatives));
    }
}
