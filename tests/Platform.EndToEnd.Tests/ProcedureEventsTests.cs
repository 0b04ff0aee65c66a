using System.Collections.Concurrent;
using System.Security.Claims;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Calendar;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Platform.Testing;
using Procedures.Api.Apis;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// What procedures tells the rest of the platform, observed by a consumer of another service on a real RabbitMQ:
/// the procedures module composed in a host with its own store and queues, driven through its route handlers (the
/// code behind the HTTP routes, without HTTP), with the commune and desk roster prepared by personnel's events.
/// Each event arrives once, with its fields and the <c>commune</c> header.
/// </summary>
public sealed class ProcedureEventsTests(RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("procedure-events-").FullName;
    private readonly string _commune = "xa-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ClaimsPrincipal _deskOfficer = new(new ClaimsIdentity(
        [new Claim("sub", "motcua.test"), new Claim("name", "Trần Thị Mai"), new Claim("role", "desk-officer")], "test", "name", "role"));
    private IHost? _host;

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

    private IServiceProvider Services => _host!.Services;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Procedures with an observer of another service, on the broker; the commune onboarded and, optionally, a handler on the desk.</summary>
    private async Task StartAsync(string? deskStaffId = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = rabbit.Require(),
            ["Messaging:QueuePrefix"] = "pe" + Guid.NewGuid().ToString("N")[..8],
            ["Storage:DataDirectory"] = _directory,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddDistributedMemoryCache();
        Procedures.Api.Extensions.ProceduresModule.AddProcedures(builder);
        builder.AddConsumer<ProcedureEventsObserver>("observer");
        builder.AddPlatformBus();
        _host = builder.Build();
        await _host.StartAsync(Ct);
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        var bus = Services.GetRequiredService<IBus>();
        await PublishAsync(bus, new CommuneOnboarded
        {
            Commune = _commune, Name = "Xã Thủ Tục", District = "giong-trom", DistrictName = "Huyện Giồng Trôm", DistrictKind = DistrictKind.District,
            Hamlets = [new Hamlet { Code = "ap-1", Name = "Ấp 1" }], OnboardedAt = DateTime.UtcNow,
        });
        var store = Services.GetRequiredService<IDocumentStore<ProceduresData>>();
        await Eventually(async () => await store.CountAsync<Procedure>(_commune, null, Ct) == 15, "the starter catalogue of the onboarded commune");
        if (deskStaffId is null) return;
        await RegisterStaffAsync(deskStaffId);
        await PublishAsync(bus, new DeskAssignmentChanged { Commune = _commune, StaffId = deskStaffId, OnDesk = true, From = new DateOnly(2015, 7, 9) });
        await Eventually(async () => (await store.FindAsync<DeskStaff>(_commune, deskStaffId, Ct))?.Document is { OnDesk: true, FullName: not null },
            "the desk roster from personnel's events");
    }

    /// <summary>Staff of the commune as personnel announces them (procedures keeps a copy: authors and handlers must be on it).</summary>
    private async Task RegisterStaffAsync(params string[] staffIds)
    {
        var store = Services.GetRequiredService<IDocumentStore<ProceduresData>>();
        foreach (var id in staffIds)
        {
            await PublishAsync(Services.GetRequiredService<IBus>(), new StaffRegistered { Commune = _commune, StaffId = id, FullName = "Trần Thị Mai", Kind = StaffKind.CivilServant, Position = "tu-phap-ho-tich" });
            await Eventually(async () => await store.FindAsync<DeskStaff>(_commune, id, Ct) is not null, $"staff {id} from personnel's events");
        }
    }

    private async Task PublishAsync<T>(IBus bus, T message) where T : class =>
        await bus.Publish(message, c => c.Headers.Set(PlatformHeaders.Commune, _commune), Ct);

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 45)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The events of this test's commune, published by this test's host, that satisfy <paramref name="match"/>, once they
    /// stop coming. Other hosts on the shared broker (their queues prefixed apart, the exchanges shared) consume this test's
    /// CommuneOnboarded too and announce their own starter catalogues for the same commune.
    /// </summary>
    private async Task<List<ProcedureEventsObserver.Seen>> SeenAsync(int expected, Func<ProcedureEventsObserver.Seen, bool> match)
    {
        var publisher = Services.GetRequiredService<IBus>().Address;
        List<ProcedureEventsObserver.Seen> Mine() => ProcedureEventsObserver.Log.Where(s => s.Commune == _commune && s.Source == publisher && match(s)).ToList();
        await Eventually(() => Task.FromResult(Mine().Count >= expected), $"{expected} event(s) on the observer's queue; saw {Mine().Count}");
        await Task.Delay(1500); // a duplicate would arrive within this
        return Mine();
    }

    [Fact]
    public async Task A_dossier_publishes_received_apology_resolved_and_returned_once_each_with_the_commune_header()
    {
        const string staffId = "xa-tu-phap";
        await StartAsync(staffId);
        var services = ActivatorUtilities.CreateInstance<DossierServices>(Services); // as a route binds its [AsParameters] record
        var workflow = services.Workflow;
        var directory = Services.GetRequiredService<ICommuneDirectory>();

        var received = (await DossiersApi.Receive(_commune, new ReceiveDossierRequest("ho-tich-ket-hon", new ApplicantInput("Nguyễn Văn An", "0909 123 456", "ap-1"), null),
            services, directory, _deskOfficer, Ct)).Value!;
        await DossiersApi.Assign(_commune, received.Id, new AssignRequest(staffId), services, _deskOfficer, Ct);
        var newDueDate = workflow.Calendar.AddWorkingDays(received.DueDate, 2);
        await DossiersApi.Apologize(_commune, received.Id, new ApologyRequest("Chờ xác minh tình trạng hôn nhân", newDueDate), services, _deskOfficer, Ct);
        var resolved = (await DossiersApi.Resolve(_commune, received.Id, new ResolveRequest(DossierOutcome.Approved, null), services, _deskOfficer, Ct)).Value!;
        var returned = (await DossiersApi.Return(_commune, received.Id, services, _deskOfficer, Ct)).Value!;

        var seen = await SeenAsync(4, s => s.Message is DossierReceived or ApologyIssued or DossierResolved or DossierReturned);
        Assert.All(seen, s => Assert.NotNull(s.MessageId));
        Assert.Equal(4, seen.Select(s => s.MessageId).Distinct().Count());

        var receipt = Assert.IsType<DossierReceived>(Assert.Single(seen, s => s.Message is DossierReceived).Message);
        Assert.Equal((_commune, received.Id, received.ReceiptNo, "ho-tich-ket-hon", "tu-phap-ho-tich", received.DueDate, "Trần Thị Mai"),
            (receipt.Commune, receipt.DossierId, receipt.ReceiptNo, receipt.ProcedureCode, receipt.Field, receipt.DueDate, receipt.ReceivedBy));
        Assert.Equal(received.ReceivedAt, receipt.ReceivedAt);
        Assert.Matches($"^{VietnamTime.Today(received.ReceivedAt).Year}-000001$", receipt.ReceiptNo);

        var apology = Assert.IsType<ApologyIssued>(Assert.Single(seen, s => s.Message is ApologyIssued).Message);
        Assert.Equal((received.Id, received.DueDate, newDueDate, "Chờ xác minh tình trạng hôn nhân", staffId),
            (apology.DossierId, apology.PreviousDueDate, apology.NewDueDate, apology.Reason, apology.HandlerId));

        var decision = Assert.IsType<DossierResolved>(Assert.Single(seen, s => s.Message is DossierResolved).Message);
        Assert.Equal((received.Id, "ho-tich-ket-hon", "tu-phap-ho-tich", DossierOutcome.Approved, staffId, false),
            (decision.DossierId, decision.ProcedureCode, decision.Field, decision.Outcome, decision.HandlerId, decision.LateWithoutApology));
        Assert.Equal(Timeliness.Early, decision.Timeliness); // decided on the day of receipt, 5 working days before the due date
        Assert.Equal(resolved.Timeliness, decision.Timeliness);
        Assert.Equal(resolved.WorkingDaysUsed, decision.WorkingDaysUsed);
        Assert.InRange(decision.WorkingDaysUsed, 0, 1);
        Assert.Equal(resolved.ResolvedAt, decision.ResolvedAt);

        var result = Assert.IsType<DossierReturned>(Assert.Single(seen, s => s.Message is DossierReturned).Message);
        Assert.Equal(returned.SurveyCode, result.SurveyCode); // what the route answered, printed on the slip
        Assert.Equal((received.Id, "ho-tich-ket-hon", staffId, returned.ReturnedAt), (result.DossierId, result.ProcedureCode, result.HandlerId, result.ReturnedAt));

        Assert.All(seen, s => Assert.Equal(_commune, s.CommuneHeader));
        // Nothing was left unsent, and nothing else about this dossier was announced (assign is not an event).
        Assert.Empty(await Services.GetRequiredService<IOutboxStore<ProceduresData>>().PendingAsync(10, Ct));
    }

    [Fact]
    public async Task A_new_procedure_and_an_approved_simplification_publish_procedure_changed_and_simplification_approved_once()
    {
        await StartAsync();
        var catalogue = ActivatorUtilities.CreateInstance<CatalogueServices>(Services);
        var simplifications = ActivatorUtilities.CreateInstance<SimplificationServices>(Services);
        var calendar = Services.GetRequiredService<WorkingCalendar>();
        var today = VietnamTime.Today(DateTime.UtcNow);

        await CatalogueApi.Create(_commune, new ProcedureInput("xac-nhan-thu-nhap", "Xác nhận thu nhập", "khac", 3,
            ["Đơn đề nghị xác nhận thu nhập", "Giấy tờ tùy thân (xuất trình)", "Bản sao hợp đồng lao động"], 0, "Luật Cư trú 2020", today, null, null, null),
            catalogue, _deskOfficer, Ct);
        await RegisterStaffAsync("xa-tu-phap", "xa-van-phong");
        var proposal = (await SimplificationsApi.Propose(_commune, new ProposalRequest("xac-nhan-thu-nhap", 1, ["Bản sao hợp đồng lao động"],
            "Tra cứu hợp đồng trên cơ sở dữ liệu bảo hiểm xã hội", ["xa-tu-phap", "xa-van-phong"]), simplifications, _deskOfficer, Ct)).Value!;
        await SimplificationsApi.Submit(_commune, proposal.Id, simplifications, Ct);
        var effectiveFrom = calendar.AddWorkingDays(today, 1);
        await SimplificationsApi.Approve(_commune, proposal.Id, new ApprovalRequest("UBND huyện Giồng Trôm", "123/QĐ-UBND", effectiveFrom),
            simplifications, _deskOfficer, Ct);

        var seen = await SeenAsync(3, s => s.Message is ProcedureChanged { ProcedureCode: "xac-nhan-thu-nhap" } or SimplificationApproved);
        var changes = seen.Select(s => s.Message).OfType<ProcedureChanged>().OrderBy(c => c.Revision).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal((1, 3, (int?)null, 3, (int?)null, today, true, "Xác nhận thu nhập", "khac"),
            (changes[0].Revision, changes[0].ProcessingDays, changes[0].PreviousProcessingDays, changes[0].ComponentCount, changes[0].PreviousComponentCount,
                changes[0].EffectiveFrom, changes[0].Posted, changes[0].Name, changes[0].Field));
        Assert.Equal((2, 1, (int?)3, 2, (int?)3, effectiveFrom),
            (changes[1].Revision, changes[1].ProcessingDays, changes[1].PreviousProcessingDays, changes[1].ComponentCount, changes[1].PreviousComponentCount,
                changes[1].EffectiveFrom));

        var approval = Assert.IsType<SimplificationApproved>(Assert.Single(seen, s => s.Message is SimplificationApproved).Message);
        Assert.Equal((proposal.Id, "xac-nhan-thu-nhap", "Xác nhận thu nhập", "UBND huyện Giồng Trôm", "123/QĐ-UBND", effectiveFrom, (int?)3, (int?)1),
            (approval.ProposalId, approval.ProcedureCode, approval.ProcedureName, approval.Authority, approval.DecisionNo, approval.EffectiveFrom,
                approval.PreviousProcessingDays, approval.NewProcessingDays));
        Assert.Equal(["xa-tu-phap", "xa-van-phong"], approval.AuthorStaffIds);
        Assert.Equal(["Bản sao hợp đồng lao động"], approval.RemovedComponents);

        Assert.All(seen, s => Assert.Equal(_commune, s.CommuneHeader));
        Assert.Equal(3, seen.Select(s => s.MessageId).Distinct().Count());
        // The starter catalogue of an onboarding is announced procedure by procedure too (feedback names procedures from it), once each.
        var starter = Assert.IsType<ProcedureChanged>(Assert.Single(await SeenAsync(1, s => s.Message is ProcedureChanged { ProcedureCode: "ho-tich-ket-hon" })).Message);
        Assert.Equal((1, true, "Đăng ký kết hôn"), (starter.Revision, starter.Posted, starter.Name));
    }
}

/// <summary>A consumer of another service (its own queue): records every procedures event it receives.</summary>
public sealed class ProcedureEventsObserver :
    IConsumer<DossierReceived>, IConsumer<DossierResolved>, IConsumer<DossierReturned>, IConsumer<ApologyIssued>,
    IConsumer<ProcedureChanged>, IConsumer<SimplificationApproved>
{
    public sealed record Seen(string Commune, object Message, string? CommuneHeader, Guid? MessageId, Uri? Source);

    public static ConcurrentQueue<Seen> Log { get; } = new();

    private static Task Record<T>(ConsumeContext<T> context, string commune) where T : class
    {
        Log.Enqueue(new Seen(commune, context.Message, context.Headers.Get<string>(PlatformHeaders.Commune), context.MessageId, context.SourceAddress));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<DossierReceived> context) => Record(context, context.Message.Commune);
    public Task Consume(ConsumeContext<DossierResolved> context) => Record(context, context.Message.Commune);
    public Task Consume(ConsumeContext<DossierReturned> context) => Record(context, context.Message.Commune);
    public Task Consume(ConsumeContext<ApologyIssued> context) => Record(context, context.Message.Commune);
    public Task Consume(ConsumeContext<ProcedureChanged> context) => Record(context, context.Message.Commune);
    public Task Consume(ConsumeContext<SimplificationApproved> context) => Record(context, context.Message.Commune);
}
