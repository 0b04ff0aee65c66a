using System.Net;
using System.Text.Json;
using Awards.Api.Tests.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Awards.Api.Tests;

/// <summary>
/// Achievements, thematic candidates, the staff table and the scoreboard produced from the other services' events, each
/// delivered twice under one message id (a redelivery) and, where it matters, again under a new id (a republished copy).
/// Run on the in-memory bus and on the real RabbitMQ.
/// </summary>
public abstract class EventFedTests(AwardsHost host)
{
    private static DateTime At(int month, int day, int hour = 3) => new(2021, month, day, hour, 0, 0, DateTimeKind.Utc);

    protected virtual void Require() { }

    private async Task<IReadOnlyList<JsonElement>> AchievementsAsync(string? staffId = null) =>
        [.. (await host.GetAsync($"/api/communes/my-thanh/achievements?year=2021{(staffId is null ? "" : "&staffId=" + staffId)}", host.Office)).EnumerateArray()];

    [Fact]
    public async Task A_years_work_produces_traceable_achievements_once_each()
    {
        Require();
        var approved = NominationRulesTests.Approved(Seed.Culture, At(4, 2)) with { AuthorStaffIds = [Seed.Culture, Seed.Office, Seed.Culture] };
        await host.Factory.ConsumeAsync(approved, copies: 2);
        await host.Factory.ConsumeAsync(approved);
        var training = new TrainingCompleted { Commune = Seed.MyThanh, StaffId = Seed.Desk, Course = "Bồi dưỡng kỹ năng một cửa", CompletedOn = new DateOnly(2021, 5, 14), Hours = 24 };
        await host.Factory.ConsumeAsync(training, copies: 2);
        await host.Factory.ConsumeAsync(training);
        for (var i = 0; i < 10; i++)
            await host.Factory.ConsumeAsync(Resolved(Seed.Desk, Timeliness.OnTime, At(6, 1 + i), $"hs-{i}"), copies: 2);
        for (var i = 0; i < 10; i++)
            await host.Factory.ConsumeAsync(new SatisfactionRated
            {
                Commune = Seed.MyThanh, DossierId = $"hs-{i}", HandlerId = Seed.Desk, Level = i == 0 ? SatisfactionLevel.Satisfied : SatisfactionLevel.VerySatisfied, RatedAt = At(7, 1 + i),
            }, copies: 2);
        for (var i = 0; i < 10; i++)
        {
            await host.Factory.ConsumeAsync(new FeedbackReceived
            {
                Commune = Seed.MyThanh, FeedbackId = $"pa-{i}", Channel = "hotline", Category = FeedbackCategory.ProcedureRules, ReceivedAt = At(8, 1 + i), DueDate = new DateOnly(2021, 8, 20),
            }, copies: 2);
            await host.Factory.ConsumeAsync(new FeedbackAnswered
            {
                Commune = Seed.MyThanh, FeedbackId = $"pa-{i}", Category = FeedbackCategory.ProcedureRules, InTime = true, AnsweredAt = At(8, 11 + i),
            }, copies: 2);
        }

        var all = await AchievementsAsync();
        var initiatives = all.Where(a => a.Str("kind") == "initiative").ToList();
        Assert.Equal([Seed.Culture, Seed.Office], initiatives.Select(a => a.Str("staffId")).Order(StringComparer.Ordinal));
        Assert.All(initiatives, a =>
        {
            Assert.Equal(("event", "SimplificationApproved", approved.ProposalId), (a.GetProperty("source").Str("type"), a.GetProperty("source").Str("event"), a.GetProperty("source").Str("reference")));
            Assert.Contains("Đăng ký khai sinh", a.Str("title"));
        });
        var course = Assert.Single(all, a => a.Str("kind") == "training");
        Assert.Equal((Seed.Desk, Seed.DeskName), (course.Str("staffId"), course.Str("name")));
        Assert.Contains("24 giờ", course.Str("title"));
        var onTime = Assert.Single(all, a => a.Str("kind") == "dossiers-on-time");
        Assert.Equal("hs-9", onTime.GetProperty("source").Str("reference"));
        Assert.StartsWith("Giải quyết 10 hồ sơ đúng hạn", onTime.Str("title"));
        Assert.Single(all, a => a.Str("kind") == "high-satisfaction");
        var feedback = Assert.Single(all, a => a.Str("kind") == "feedback-answered");
        Assert.True(feedback.GetProperty("collective").GetBoolean());
        Assert.Equal(6, all.Count);
        Assert.Single(await AchievementsAsync(Seed.Desk), a => a.Str("kind") == "training");

        // The authors are candidates for a thematic commendation at once: outside the quota, voted like any other.
        var thematic = (await host.GetAsync("/api/communes/my-thanh/nominations?year=2021", host.Office)).EnumerateArray().Where(n => n.GetProperty("thematic").GetBoolean()).ToList();
        Assert.Equal([Seed.Culture, Seed.Office], thematic.Select(n => n.GetProperty("nominee").Str("staffId")).Order(StringComparer.Ordinal));
        Assert.All(thematic, n => Assert.Equal(("proposed", "Giấy khen chuyên đề của Chủ tịch UBND xã", approved.ProposalId), (n.Str("status"), n.Str("titleName"), n.Str("source"))));

        var table = await host.GetAsync("/api/communes/my-thanh/scoreboard?year=2021", host.Office);
        var rows = table.GetProperty("staff").EnumerateArray().ToDictionary(r => r.Str("staffId"));
        Assert.Equal((10, 1.0, 10, 1.0, 0, 1, 24.0), (rows[Seed.Desk].Int("dossiersHandled"), rows[Seed.Desk].GetProperty("onTimeRate").GetDouble(),
            rows[Seed.Desk].Int("ratings"), rows[Seed.Desk].GetProperty("satisfactionIndex").GetDouble(), rows[Seed.Desk].Int("initiatives"),
            rows[Seed.Desk].Int("trainings"), rows[Seed.Desk].GetProperty("trainingHours").GetDouble()));
        Assert.Equal(1, rows[Seed.Culture].Int("initiatives"));
        var row = table.GetProperty("row");
        var scores = row.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.Str("indicator"));
        // 10 of 10 on time, 10 of 10 satisfied, 10 of 10 answered in time, 1 initiative: full weights; 1 of 3 staff trained: 0.333 of 80%.
        Assert.Equal((25.0, 20.0, 15.0, 10.0), (scores["onTimeRate"].GetProperty("points").GetDouble(), scores["satisfactionIndex"].GetProperty("points").GetDouble(),
            scores["feedbackInTime"].GetProperty("points").GetDouble(), scores["initiatives"].GetProperty("points").GetDouble()));
        Assert.Equal(Math.Round(1.0 / 3 * 15 / 0.8, 2), scores["trainingCoverage"].GetProperty("points").GetDouble());
    }

    [Fact]
    public async Task The_district_officer_sees_the_communes_of_the_district_ranked_and_only_those()
    {
        Require();
        await host.Factory.ConsumeAsync(Changed(Seed.LuongHoa, "ho-tich-ket-hon", 1, posted: true), copies: 2);
        await host.Factory.ConsumeAsync(Resolved(Seed.LuongHoaStaff, Timeliness.Late, new DateTime(2022, 3, 1, 3, 0, 0, DateTimeKind.Utc), "lh-1", Seed.LuongHoa));
        await host.Factory.ConsumeAsync(Changed(Seed.MyThanh, "ho-tich-ket-hon", 1, posted: false));
        await host.Factory.ConsumeAsync(Changed(Seed.MyThanh, "ho-tich-ket-hon", 2, posted: true));
        await host.Factory.ConsumeAsync(Changed(Seed.MyThanh, "ho-tich-ket-hon", 1, posted: false)); // late copy of revision 1
        await host.Factory.ConsumeAsync(Changed(Seed.MyThanh, "cu-tru", 1, posted: false));

        var board = await host.GetAsync($"/api/districts/{Seed.District}/scoreboard?year=2022", host.DistrictOfficer);
        var rows = board.GetProperty("communes").EnumerateArray().ToList();
        Assert.Equal(["luong-hoa", "my-thanh"], rows.Select(r => r.Str("commune")));
        Assert.Equal([1, 2], rows.Select(r => r.Int("rank")));
        // luong-hoa: 1 of 1 posted → 15; my-thanh: 1 of 2 posted → 7.5; the late dossier scores 0 of 25.
        Assert.Equal([15.0, 7.5], rows.Select(r => r.GetProperty("score").GetDouble()));
        var onTime = rows[0].GetProperty("indicators").EnumerateArray().Single(i => i.Str("indicator") == "onTimeRate");
        Assert.Equal(0.0, onTime.GetProperty("rate").GetDouble());
        Assert.Contains("R × weight ÷ T", board.Str("rule"));

        var own = await host.GetAsync("/api/communes/my-thanh/scoreboard?year=2022", host.Office);
        Assert.Equal((2, 2, 7.5), (own.GetProperty("row").Int("rank"), own.Int("communes"), own.GetProperty("row").GetProperty("score").GetDouble()));
        var other = await host.GetAsync($"/api/districts/{Seed.OtherDistrict}/scoreboard?year=2022", host.Tokens.ForDistrict(Seed.OtherDistrict, "district-officer"));
        Assert.Equal(["son-dinh"], other.GetProperty("communes").EnumerateArray().Select(r => r.Str("commune")));
    }

    [Fact]
    public async Task An_event_of_a_commune_awards_never_recorded_is_consumed_without_a_fault_or_a_scoreboard_row()
    {
        Require();
        // ConsumeAsync fails at once when a consumer gives up on the message.
        await host.Factory.ConsumeAsync(Resolved("x-1", Timeliness.OnTime, new DateTime(2022, 3, 1, 3, 0, 0, DateTimeKind.Utc), "x-hs", "xa-la"));
        await host.Factory.ConsumeAsync(new HotlineChanged
        {
            Commune = "xa-la", ChangedAt = DateTime.UtcNow, Contacts = [new HotlineContact { Name = "A", Title = "Chủ tịch", Phone = "0909000000" }],
        });
        var board = await host.GetAsync($"/api/districts/{Seed.District}/scoreboard?year=2022", host.DistrictOfficer);
        Assert.DoesNotContain(board.GetProperty("communes").EnumerateArray(), r => r.Str("commune") == "xa-la");
    }

    internal static DossierResolved Resolved(string handler, Timeliness timeliness, DateTime at, string id, string commune = Seed.MyThanh) => new()
    {
        Commune = commune, DossierId = id, ProcedureCode = "ho-tich-khai-sinh", Field = "tu-phap-ho-tich", Outcome = DossierOutcome.Approved, Timeliness = timeliness,
        WorkingDaysUsed = 2, HandlerId = handler, ResolvedAt = at, LateWithoutApology = false,
    };

    internal static ProcedureChanged Changed(string commune, string code, int revision, bool posted, int days = 5, int? previousDays = null,
        int components = 3, int? previousComponents = null) => new()
    {
        Commune = commune, ProcedureCode = code, Name = code == "cu-tru" ? "Đăng ký thường trú" : "Đăng ký kết hôn", Field = "tu-phap-ho-tich", Revision = revision,
        EffectiveFrom = new DateOnly(2022, 1, 1), ProcessingDays = days, PreviousProcessingDays = previousDays, ComponentCount = components,
        PreviousComponentCount = previousComponents, Posted = posted,
    };
}

public sealed class InMemoryEventFedTests(AwardsHost host) : EventFedTests(host), IClassFixture<AwardsHost>;

public sealed class RabbitMqEventFedTests(RabbitAwardsHost host) : EventFedTests(host), IClassFixture<RabbitAwardsHost>
{
    protected override void Require() => host.Require();
}
