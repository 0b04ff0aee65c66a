using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Personnel.Api.Tests.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.Contracts.Procedures;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// The evaluation sheets are fed by the other services' events (DossierResolved, SatisfactionRated, FeedbackAnswered,
/// SimplificationApproved), published here on the service's own in-memory bus; a message delivered twice counts once.
/// </summary>
public sealed class EventFedSheetTests : IAsyncLifetime
{
    private const string Evaluations = "/api/communes/my-thanh/evaluations";
    private readonly PersonnelFactory _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        // The consumers' queues must be bound before anything is published.
        await _factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static DateTime At(int year, int month, int day, int hour = 3) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static DossierResolved Resolved(string? handler, Timeliness timeliness, DateTime at) => new()
    {
        Commune = Demo.MyThanh, DossierId = Guid.NewGuid().ToString("N"), ProcedureCode = "ho-tich-khai-sinh", Field = "tu-phap-ho-tich",
        Outcome = DossierOutcome.Approved, Timeliness = timeliness, WorkingDaysUsed = 2, HandlerId = handler, ResolvedAt = at, LateWithoutApology = timeliness == Timeliness.Late,
    };

    private static SatisfactionRated Rated(string? handler, SatisfactionLevel level, DateTime at) => new()
    {
        Commune = Demo.MyThanh, DossierId = Guid.NewGuid().ToString("N"), ProcedureCode = "ho-tich-khai-sinh", HandlerId = handler, Level = level, RatedAt = at,
    };

    private static FeedbackAnswered Answered(string? staffId, FeedbackCategory category, bool? upheld, DateTime at) => new()
    {
        Commune = Demo.MyThanh, FeedbackId = Guid.NewGuid().ToString("N"), Category = category, StaffId = staffId, InTime = true, Upheld = upheld, AnsweredAt = at,
    };

    private static SimplificationApproved Approved(DateTime at, params string[] authors) => new()
    {
        Commune = Demo.MyThanh, ProposalId = Guid.NewGuid().ToString("N"), ProcedureCode = "ho-tich-khai-sinh", ProcedureName = "Đăng ký khai sinh",
        AuthorStaffIds = authors, RemovedComponents = ["Bản sao giấy chứng nhận kết hôn"], PreviousProcessingDays = 3, NewProcessingDays = 1,
        Authority = "UBND tỉnh Bến Tre", DecisionNo = "1234/QĐ-UBND", EffectiveFrom = new DateOnly(2026, 5, 1), ApprovedAt = at,
    };

    private async Task<EvaluationSheet?> SheetAsync(string staffId, int year) =>
        (await _factory.Store.FindAsync<EvaluationSheet>(Demo.MyThanh, EvaluationSheet.Key(staffId, year), Ct))?.Document;

    private async Task<Dictionary<string, JsonElement>> RowsAsync(int year) =>
        (await (await _client.GetAsync($"{Evaluations}?year={year}", await _client.TokenAsync(Demo.Leader))).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .ToDictionary(r => r.GetProperty("staffId").GetString()!);

    private static (int Handled, double? OnTime, int Ratings, double? Satisfaction, int Complaints, int Initiatives) Figures(JsonElement row)
    {
        var f = row.GetProperty("figures");
        double? Rate(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return (f.GetProperty("dossiersHandled").GetInt32(), Rate("onTimeRate"), f.GetProperty("ratings").GetInt32(), Rate("satisfactionIndex"),
            f.GetProperty("upheldComplaints").GetInt32(), f.GetProperty("initiatives").GetInt32());
    }

    [Fact]
    public async Task The_four_events_are_tallied_on_the_handlers_sheet_and_a_redelivered_message_counts_once()
    {
        // Each delivered twice with the same message id where marked so.
        await _factory.ConsumeAsync(Resolved(DeskStaff, Timeliness.Early, At(2026, 3, 2)), copies: 2);
        await _factory.ConsumeAsync(Resolved(DeskStaff, Timeliness.OnTime, At(2026, 3, 3)));
        await _factory.ConsumeAsync(Resolved(DeskStaff, Timeliness.Late, At(2026, 3, 4)), copies: 2);
        await _factory.ConsumeAsync(Rated(DeskStaff, SatisfactionLevel.Satisfied, At(2026, 3, 5)), copies: 2);
        await _factory.ConsumeAsync(Rated(DeskStaff, SatisfactionLevel.VerySatisfied, At(2026, 3, 6)));
        await _factory.ConsumeAsync(Rated(DeskStaff, SatisfactionLevel.NotSatisfied, At(2026, 3, 7)), copies: 2);
        await _factory.ConsumeAsync(Answered(DeskStaff, FeedbackCategory.StaffConduct, true, At(2026, 4, 1)), copies: 2);
        // Two authors, one of them listed twice; the approval delivered twice.
        await _factory.ConsumeAsync(Approved(At(2026, 4, 20), DeskStaff, UntrainedCivilServant, DeskStaff), copies: 2);

        var sheet = await SheetAsync(DeskStaff, 2026);
        Assert.NotNull(sheet);
        Assert.Equal((3, 2, 3, 2, 1, 1), (sheet.DossiersHandled, sheet.DossiersOnTime, sheet.Ratings, sheet.SatisfiedRatings, sheet.UpheldComplaints, sheet.Initiatives));
        Assert.Equal(1, (await SheetAsync(UntrainedCivilServant, 2026))?.Initiatives);

        var rows = await RowsAsync(2026);
        Assert.Equal((3, 0.6667, 3, 0.6667, 1, 1), Figures(rows[DeskStaff]));
        Assert.Equal((0, null, 0, null, 0, 1), Figures(rows[UntrainedCivilServant]));
        // 50 + 20 × 2/3 + 15 × 2/3 + 5 − 10 = 68: completed. 85 + 5 for the initiative = 90: excellent (one of seven allowed).
        var desk = rows[DeskStaff].GetProperty("suggested");
        Assert.Equal(("completed", 68), (desk.GetProperty("level").GetString(), desk.GetProperty("points").GetInt32()));
        var author = rows[UntrainedCivilServant].GetProperty("suggested");
        Assert.Equal(("excellent", 90), (author.GetProperty("level").GetString(), author.GetProperty("points").GetInt32()));
        // Nothing went to another year or person.
        Assert.All((await RowsAsync(2025)).Values, r => Assert.Equal((0, null, 0, null, 0, 0), Figures(r)));
        Assert.Equal((0, null, 0, null, 0, 0), Figures(rows[CultureCivilServant]));
    }

    /// <summary>
    /// A busy day: the other services' outboxes send resolutions, ratings, answers and approvals about the same officer at
    /// the same time. Every one of them must end up on the sheet; none may be dropped after the consumer's retries.
    /// </summary>
    [Fact]
    public async Task Events_about_one_person_arriving_together_are_all_counted()
    {
        var deliveries = new List<Task>();
        for (var i = 0; i < 10; i++)
        {
            deliveries.Add(_factory.ConsumeAsync(Resolved(DeskStaff, i % 5 == 0 ? Timeliness.Late : Timeliness.OnTime, At(2026, 7, 1))));
            deliveries.Add(_factory.ConsumeAsync(Rated(DeskStaff, i % 2 == 0 ? SatisfactionLevel.Satisfied : SatisfactionLevel.NotSatisfied, At(2026, 7, 1))));
            deliveries.Add(_factory.ConsumeAsync(Answered(DeskStaff, FeedbackCategory.StaffConduct, true, At(2026, 7, 1))));
            deliveries.Add(_factory.ConsumeAsync(Approved(At(2026, 7, 1), DeskStaff)));
        }

        await Task.WhenAll(deliveries);

        var sheet = await SheetAsync(DeskStaff, 2026);
        Assert.NotNull(sheet);
        Assert.Equal((10, 8, 10, 5, 10, 10), (sheet.DossiersHandled, sheet.DossiersOnTime, sheet.Ratings, sheet.SatisfiedRatings, sheet.UpheldComplaints, sheet.Initiatives));
    }

    [Fact]
    public async Task The_year_is_the_Vietnam_year_of_the_event()
    {
        // 2025-12-31 23:59 in Vietnam is 16:59 UTC; 2026-01-01 00:30 in Vietnam is 2025-12-31 17:30 UTC.
        await _factory.ConsumeAsync(Resolved(DeskStaff, Timeliness.OnTime, new DateTime(2025, 12, 31, 16, 59, 0, DateTimeKind.Utc)));
        await _factory.ConsumeAsync(Resolved(DeskStaff, Timeliness.Late, new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc)));
        await _factory.ConsumeAsync(Rated(DeskStaff, SatisfactionLevel.Satisfied, new DateTime(2025, 12, 31, 18, 0, 0, DateTimeKind.Utc)));

        Assert.Equal((1, 1.0, 0, null, 0, 0), Figures((await RowsAsync(2025))[DeskStaff]));
        Assert.Equal((1, 0.0, 1, 1.0, 0, 0), Figures((await RowsAsync(2026))[DeskStaff]));
    }

    [Fact]
    public async Task Events_without_a_person_and_complaints_not_upheld_or_not_about_conduct_change_nothing()
    {
        await _factory.ConsumeAsync(Resolved(null, Timeliness.Late, At(2026, 5, 4)));
        await _factory.ConsumeAsync(Rated(null, SatisfactionLevel.NotSatisfied, At(2026, 5, 4)));
        await _factory.ConsumeAsync(Answered(DeskStaff, FeedbackCategory.StaffConduct, false, At(2026, 5, 4)));
        await _factory.ConsumeAsync(Answered(DeskStaff, FeedbackCategory.StaffConduct, null, At(2026, 5, 4)));
        await _factory.ConsumeAsync(Answered(DeskStaff, FeedbackCategory.ProcedureRules, true, At(2026, 5, 4)));
        await _factory.ConsumeAsync(Answered(null, FeedbackCategory.StaffConduct, true, At(2026, 5, 4)));
        await _factory.ConsumeAsync(Approved(At(2026, 5, 4)));

        Assert.Null(await SheetAsync(DeskStaff, 2026));
        Assert.All((await RowsAsync(2026)).Values, r => Assert.Equal((0, null, 0, null, 0, 0), Figures(r)));
    }

    [Fact]
    public async Task Reassignments_name_a_low_on_time_rate_upheld_complaints_and_a_suggested_not_completed()
    {
        // Culture: 5 dossiers, 2 on time (40%).
        foreach (var timeliness in new[] { Timeliness.OnTime, Timeliness.Early, Timeliness.Late, Timeliness.Late, Timeliness.Late })
            await _factory.ConsumeAsync(Resolved(CultureCivilServant, timeliness, At(2026, 6, 1)));
        // The Front's chair: 4 late dossiers (too few to judge the rate) and 2 upheld complaints: 50 + 0 + 15 − 20 = 45.
        for (var i = 0; i < 4; i++)
            await _factory.ConsumeAsync(Resolved(FrontCadre, Timeliness.Late, At(2026, 6, 2)));
        await _factory.ConsumeAsync(Answered(FrontCadre, FeedbackCategory.StaffConduct, true, At(2026, 6, 3)));
        await _factory.ConsumeAsync(Answered(FrontCadre, FeedbackCategory.StaffConduct, true, At(2026, 6, 4)));
        // The hamlet chief: one upheld complaint.
        await _factory.ConsumeAsync(Answered(HamletChief, FeedbackCategory.StaffConduct, true, At(2026, 6, 5)));

        var proposals = (await (await _client.GetAsync($"{Evaluations}/reassignments?year=2026", await _client.TokenAsync(Demo.Leader)))
                .JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(p => p.GetProperty("staffId").GetString()!, p => StringsOf(p.GetProperty("reasons")));

        var culture = proposals[CultureCivilServant];
        Assert.Equal(3, culture.Count);
        Assert.StartsWith("tỷ lệ hồ sơ đúng hạn 40", culture[0]);
        Assert.Equal(["vị trí việc làm: thiếu trình độ: Trung cấp trở lên phù hợp chuyên ngành", "vị trí việc làm: chưa hoàn thành: Bồi dưỡng kiến thức quản lý nhà nước"],
            culture.Skip(1));
        Assert.Equal(["năm 2026 không hoàn thành nhiệm vụ", "2 phản ánh về thái độ phục vụ có căn cứ"], proposals[FrontCadre]);
        Assert.Equal(["1 phản ánh về thái độ phục vụ có căn cứ"], proposals[HamletChief]);
        Assert.DoesNotContain(DeskStaff, proposals.Keys);
        Assert.Equal(("not-completed", 45), ((await RowsAsync(2026))[FrontCadre].GetProperty("suggested").GetProperty("level").GetString(),
            (await RowsAsync(2026))[FrontCadre].GetProperty("suggested").GetProperty("points").GetInt32()));
    }
}
