using System.Net;
using System.Text.Json;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// GET /api/communes/{commune}/evaluations?year=, PUT .../evaluations/{staffId}/{year} and GET .../evaluations/reassignments
/// on a fresh demo commune per test (the seven demo staff of my-thanh, none with 2026 figures: 85 points, good, each).
/// </summary>
public sealed class EvaluationApiTests : IAsyncLifetime
{
    private const string Evaluations = "/api/communes/my-thanh/evaluations";
    private readonly PersonnelFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<string> LeaderAsync() => _client.TokenAsync(Demo.Leader);

    private Task<HttpResponseMessage> FinalizeAsync(string token, string staffId, int year, string level, string? note = null) =>
        _client.PutJsonAsync($"{Evaluations}/{staffId}/{year}", token, new { level, note });

    private async Task<Dictionary<string, JsonElement>> RowsAsync(int year, string? token = null) =>
        (await (await _client.GetAsync($"{Evaluations}?year={year}", token ?? await LeaderAsync())).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .ToDictionary(r => r.GetProperty("staffId").GetString()!);

    private static string? FinalLevel(JsonElement row) =>
        row.TryGetProperty("final", out var final) && final.ValueKind == JsonValueKind.Object ? final.GetProperty("level").GetString() : null;

    [Fact]
    public async Task The_sheet_of_2026_shows_each_persons_figures_suggestion_and_final_level()
    {
        var leader = await LeaderAsync();
        await FinalizeAsync(leader, CultureCivilServant, 2026, "good", "Hoàn thành tốt");

        var list = await (await _client.GetAsync($"{Evaluations}?year=2026", await _client.TokenAsync(Office))).JsonAsync(HttpStatusCode.OK);

        var rows = list.EnumerateArray().ToList();
        Assert.Equal(DemoStaffIds.Order(), rows.Select(r => r.GetProperty("staffId").GetString()!).Order());
        var names = rows.Select(r => r.GetProperty("fullName").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var desk = rows.Single(r => r.GetProperty("staffId").GetString() == DeskStaff);
        Assert.Equal(("Trần Thị Mai", "tu-phap-ho-tich", "active"),
            (desk.GetProperty("fullName").GetString(), desk.GetProperty("position").GetString(), desk.GetProperty("status").GetString()));
        var figures = desk.GetProperty("figures");
        Assert.Equal((0, 0, 0, 0, 0.0), (figures.GetProperty("dossiersHandled").GetInt32(), figures.GetProperty("ratings").GetInt32(),
            figures.GetProperty("upheldComplaints").GetInt32(), figures.GetProperty("initiatives").GetInt32(), figures.GetProperty("trainingHours").GetDouble()));
        Assert.False(figures.TryGetProperty("onTimeRate", out var rate) && rate.ValueKind != JsonValueKind.Null);
        Assert.Equal(("good", 85), (desk.GetProperty("suggested").GetProperty("level").GetString(), desk.GetProperty("suggested").GetProperty("points").GetInt32()));
        Assert.Equal("85 điểm", desk.GetProperty("suggested").GetProperty("reasons")[0].GetString());
        Assert.Null(FinalLevel(desk));

        var culture = rows.Single(r => r.GetProperty("staffId").GetString() == CultureCivilServant).GetProperty("final");
        Assert.Equal(("good", 85, "Hoàn thành tốt", LeaderName),
            (culture.GetProperty("level").GetString(), culture.GetProperty("points").GetInt32(), culture.GetProperty("note").GetString(),
                culture.GetProperty("finalizedBy").GetString()));
        Assert.EndsWith("Z", culture.GetProperty("finalizedAt").GetString());
    }

    [Fact]
    public async Task The_readers_are_the_leader_the_office_the_council_and_the_district_not_the_desk()
    {
        foreach (var token in new[]
                 {
                     await _client.TokenAsync(Office), await _client.TokenAsync("hdtdkt.mythanh"),
                     TokenForge.ForDistrict(_factory.Key, Demo.District, Roles.DistrictOfficer),
                 })
        {
            Assert.Equal(7, (await RowsAsync(2026, token)).Count);
            await (await _client.GetAsync($"{Evaluations}/reassignments?year=2026", token)).JsonAsync(HttpStatusCode.OK);
        }
        var desk = await _client.TokenAsync(Demo.DeskOfficer);
        await (await _client.GetAsync($"{Evaluations}?year=2026", desk)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.GetAsync($"{Evaluations}/reassignments?year=2026", desk)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_year_outside_2015_to_2100_is_a_400_naming_year()
    {
        var leader = await LeaderAsync();

        var list = await (await _client.GetAsync($"{Evaluations}?year=2014", leader)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        var put = await (await FinalizeAsync(leader, DeskStaff, 2101, "good")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["year"], TestApi.ErrorFields(list));
        Assert.Equal(["year"], TestApi.ErrorFields(put));
    }

    [Fact]
    public async Task In_2026_excellent_beyond_20_percent_of_the_good_or_better_is_a_422_excellent_cap()
    {
        var leader = await LeaderAsync();

        // Seven good or better: one may be excellent.
        var first = await (await FinalizeAsync(leader, CultureCivilServant, 2026, "excellent", "Nhiều sáng kiến")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("excellent", 85, "Nhiều sáng kiến", LeaderName),
            (first.GetProperty("final").GetProperty("level").GetString(), first.GetProperty("final").GetProperty("points").GetInt32(),
                first.GetProperty("final").GetProperty("note").GetString(), first.GetProperty("final").GetProperty("finalizedBy").GetString()));
        Assert.Equal((CultureCivilServant, "good"), (first.GetProperty("staffId").GetString(), first.GetProperty("suggested").GetProperty("level").GetString()));

        var problem = await (await FinalizeAsync(leader, UntrainedCivilServant, 2026, "excellent")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "excellent-cap");
        Assert.Equal(["đã xếp loại xuất sắc: 1", "tối đa: 1"], Reasons(problem));
        Assert.Null(FinalLevel((await RowsAsync(2026))[UntrainedCivilServant]));

        // The one already excellent may be finalised again; another level for the second is fine.
        await (await FinalizeAsync(leader, CultureCivilServant, 2026, "excellent", "Sửa ghi chú")).JsonAsync(HttpStatusCode.OK);
        await (await FinalizeAsync(leader, UntrainedCivilServant, 2026, "good")).JsonAsync(HttpStatusCode.OK);

        // Three more good staff make ten: now two may be excellent, not three.
        var office = await _client.TokenAsync(Office);
        for (var i = 1; i <= 3; i++) await _client.RegisterIdAsync(office, $"Nhân Viên Mới {i}");
        await (await FinalizeAsync(leader, UntrainedCivilServant, 2026, "excellent")).JsonAsync(HttpStatusCode.OK);
        var third = await (await FinalizeAsync(leader, Chairman, 2026, "excellent")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "excellent-cap");
        Assert.Equal(["đã xếp loại xuất sắc: 2", "tối đa: 2"], Reasons(third));

        var rows = await RowsAsync(2026);
        Assert.Equal(10, rows.Count);
        Assert.Equal([CultureCivilServant, UntrainedCivilServant], rows.Where(r => FinalLevel(r.Value) == "excellent").Select(r => r.Key).Order());
        Assert.Equal("Sửa ghi chú", rows[CultureCivilServant].GetProperty("final").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Lowering_the_good_or_better_count_with_final_levels_tightens_the_cap()
    {
        var leader = await LeaderAsync();
        // Ten staff, two finalised completed: eight good or better, so one excellent only.
        var office = await _client.TokenAsync(Office);
        for (var i = 1; i <= 3; i++) await _client.RegisterIdAsync(office, $"Nhân Viên Thêm {i}");
        await (await FinalizeAsync(leader, HamletChief, 2026, "completed")).JsonAsync(HttpStatusCode.OK);
        await (await FinalizeAsync(leader, FrontCadre, 2026, "completed")).JsonAsync(HttpStatusCode.OK);

        await (await FinalizeAsync(leader, DeskStaff, 2026, "excellent")).JsonAsync(HttpStatusCode.OK);
        var problem = await (await FinalizeAsync(leader, ViceChairman, 2026, "excellent")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "excellent-cap");

        Assert.Equal(["đã xếp loại xuất sắc: 1", "tối đa: 1"], Reasons(problem));
    }

    [Fact]
    public async Task Until_2025_there_is_no_cap_on_excellent()
    {
        var leader = await LeaderAsync();

        foreach (var id in DemoStaffIds)
        {
            var row = await (await FinalizeAsync(leader, id, 2025, "excellent")).JsonAsync(HttpStatusCode.OK);
            Assert.False(row.GetProperty("final").TryGetProperty("points", out var points) && points.ValueKind != JsonValueKind.Null);
        }

        var rows = await RowsAsync(2025);
        Assert.All(rows.Values, r => Assert.Equal("excellent", FinalLevel(r)));
        // The suggestion under the criteria: no desk work, no complaint, no initiative: good, without points.
        Assert.All(rows.Values, r => Assert.Equal("good", r.GetProperty("suggested").GetProperty("level").GetString()));
        Assert.All(rows.Values, r => Assert.False(r.GetProperty("suggested").TryGetProperty("points", out var p) && p.ValueKind != JsonValueKind.Null));
        // 2026 is untouched.
        Assert.All((await RowsAsync(2026)).Values, r => Assert.Null(FinalLevel(r)));
    }

    [Fact]
    public async Task Only_the_leader_finalises_the_office_council_and_desk_get_403_and_nothing_is_recorded()
    {
        foreach (var token in new[] { await _client.TokenAsync(Office), await _client.TokenAsync("hdtdkt.mythanh"), await _client.TokenAsync(Demo.DeskOfficer) })
            await (await FinalizeAsync(token, DeskStaff, 2026, "good")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await FinalizeAsync(await _client.TokenAsync(Demo.DistrictAdmin), DeskStaff, 2026, "good")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.Null(FinalLevel((await RowsAsync(2026))[DeskStaff]));
    }

    [Fact]
    public async Task An_unknown_level_is_a_400_naming_level_and_an_unknown_person_a_404()
    {
        var leader = await LeaderAsync();

        var problem = await (await FinalizeAsync(leader, DeskStaff, 2026, "outstanding")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["level"], TestApi.ErrorFields(problem));
        Assert.Contains("excellent, good, completed, not-completed", FieldErrors(problem, "level").Single());
        var missing = await _client.PutJsonAsync($"{Evaluations}/{DeskStaff}/2026", leader, new { note = "Không có mức" });
        Assert.Equal(["level"], TestApi.ErrorFields(await missing.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input")));
        var longNote = await (await FinalizeAsync(leader, DeskStaff, 2026, "good", new string('x', 2001))).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["note"], TestApi.ErrorFields(longNote));
        await (await FinalizeAsync(leader, "khong-co", 2026, "good")).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Null(FinalLevel((await RowsAsync(2026))[DeskStaff]));
    }

    [Fact]
    public async Task Training_hours_of_the_year_raise_the_suggestion_and_the_cap_keeps_the_lower_id_on_a_tie()
    {
        var office = await _client.TokenAsync(Office);
        // 40 hours in 2026 each: 85 + 5 = 90, both suggested excellent; seven good or better allow one.
        await _client.AddTrainingAsync(office, CultureCivilServant, "Bồi dưỡng chuyển đổi số", "2026-03-10", 40);
        await _client.AddTrainingAsync(office, UntrainedCivilServant, "Bồi dưỡng chuyển đổi số", "2026-03-10", 40);
        // Hours of another year do not count for 2026.
        await _client.AddTrainingAsync(office, DeskStaff, "Bồi dưỡng kỹ năng", "2025-12-31", 40);

        var rows = await RowsAsync(2026);

        Assert.Equal(40.0, rows[CultureCivilServant].GetProperty("figures").GetProperty("trainingHours").GetDouble());
        Assert.Equal(0.0, rows[DeskStaff].GetProperty("figures").GetProperty("trainingHours").GetDouble());
        var kept = rows[CultureCivilServant].GetProperty("suggested");
        var capped = rows[UntrainedCivilServant].GetProperty("suggested");
        Assert.Equal(("excellent", 90), (kept.GetProperty("level").GetString(), kept.GetProperty("points").GetInt32()));
        Assert.Equal(("good", 90), (capped.GetProperty("level").GetString(), capped.GetProperty("points").GetInt32()));
        Assert.Contains("giới hạn 20%: tối đa 1 xuất sắc", StringsOf(capped.GetProperty("reasons")));
        Assert.Equal(("good", 85), (rows[DeskStaff].GetProperty("suggested").GetProperty("level").GetString(),
            rows[DeskStaff].GetProperty("suggested").GetProperty("points").GetInt32()));
    }

    [Fact]
    public async Task Reassignments_list_position_gaps_and_not_completed_with_reasons_and_leave_out_those_who_left()
    {
        var leader = await LeaderAsync();
        var office = await _client.TokenAsync(Office);
        await (await FinalizeAsync(leader, FrontCadre, 2026, "not-completed", "Vi phạm quy chế")).JsonAsync(HttpStatusCode.OK);
        await (await _client.PostJsonAsync($"{StaffPath()}/{CultureCivilServant}/status", office, new { status = "left" })).JsonAsync(HttpStatusCode.OK);

        var proposals = (await (await _client.GetAsync($"{Evaluations}/reassignments?year=2026", leader)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(p => p.GetProperty("staffId").GetString()!, p => StringsOf(p.GetProperty("reasons")));

        const string noCourse = "vị trí việc làm: chưa hoàn thành: Bồi dưỡng kiến thức quản lý nhà nước";
        const string noDegree = "vị trí việc làm: thiếu trình độ: Trung cấp trở lên phù hợp chuyên ngành";
        Assert.Equal(new Dictionary<string, IReadOnlyList<string>>
        {
            [Chairman] = [noCourse],
            [ViceChairman] = [noCourse],
            [UntrainedCivilServant] = [noDegree, noCourse],
            [FrontCadre] = ["năm 2026 không hoàn thành nhiệm vụ"],
        }, proposals);
    }
}
