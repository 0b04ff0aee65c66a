using System.Net;
using System.Text.Json;
using Personnel.Api.Domain;
using Personnel.Api.Tests.Infrastructure;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// POST /api/communes/{commune}/desk-assignments: only a qualified, active civil servant of good standing, not rated
/// "not completed" last year, goes on the one-stop desk; a 422 lists every unmet rule at once.
/// </summary>
public sealed class DeskAssignmentTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string Desk = "/api/communes/my-thanh/desk-assignments";
    private const string NotACivilServant = "không phải công chức (chỉ công chức được bố trí tại Bộ phận một cửa)";
    private readonly HttpClient _client = host.Client;

    private Task<string> OfficeAsync() => _client.TokenAsync(Office);
    private Task<string> LeaderAsync() => _client.TokenAsync(Demo.Leader);

    private Task<HttpResponseMessage> AssignAsync(string token, string staffId, string from) =>
        _client.PostJsonAsync(Desk, token, new { staffId, from });

    private async Task<List<JsonElement>> PeriodsOfAsync(string token, string staffId) =>
        (await (await _client.GetAsync(Desk, token)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .Where(a => a.GetProperty("staffId").GetString() == staffId).ToList();

    private async Task<IReadOnlyList<string>> RefusedAsync(string token, string staffId, string from)
    {
        var problem = await (await AssignAsync(token, staffId, from)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible-for-desk");
        Assert.Empty(await PeriodsOfAsync(token, staffId));
        return Reasons(problem);
    }

    [Fact]
    public async Task A_qualified_active_civil_servant_goes_on_the_desk()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Ngô Thị Đủ");

        var response = await AssignAsync(office, id, "2026-01-05");

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/communes/my-thanh/desk-assignments", response.Headers.Location?.OriginalString);
        Assert.Equal((id, "2026-01-05", OfficeName), (created.GetProperty("staffId").GetString(), created.GetProperty("from").GetString(),
            created.GetProperty("recordedBy").GetString()));
        Assert.False(created.TryGetProperty("until", out var until) && until.ValueKind != JsonValueKind.Null);
        var period = Assert.Single(await PeriodsOfAsync(office, id));
        Assert.Equal("2026-01-05", period.GetProperty("from").GetString());
    }

    [Fact]
    public async Task The_demo_desk_officer_is_on_the_desk_and_the_desk_officer_can_read_the_roster_but_not_change_it()
    {
        var desk = await _client.TokenAsync(Demo.DeskOfficer);

        var period = Assert.Single(await PeriodsOfAsync(desk, DeskStaff));
        Assert.Equal("2015-07-09", period.GetProperty("from").GetString());

        await (await AssignAsync(desk, DeskStaff, "2026-01-05")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.PostJsonAsync($"{Desk}/{DeskStaff}/end", desk, new { })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Single(await PeriodsOfAsync(desk, DeskStaff));
    }

    [Fact]
    public async Task A_cadre_is_refused_with_the_kind_rule()
    {
        var reasons = await RefusedAsync(await LeaderAsync(), Chairman, "2026-01-05");

        Assert.Contains(NotACivilServant, reasons);
    }

    [Fact]
    public async Task A_non_specialised_hamlet_chief_is_refused_with_the_kind_rule_and_every_gap()
    {
        var reasons = await RefusedAsync(await OfficeAsync(), HamletChief, "2026-01-05");

        Assert.Equal(
        [
            NotACivilServant,
            $"thiếu trình độ: {Positions.IntermediateDegree}",
            $"chưa hoàn thành: {Positions.StateManagementCourse}",
            $"chưa hoàn thành: {Positions.OneStopCourse}",
        ], reasons);
    }

    [Fact]
    public async Task A_civil_servant_without_the_degree_and_both_courses_is_refused_with_each_of_them_at_once()
    {
        var reasons = await RefusedAsync(await OfficeAsync(), UntrainedCivilServant, "2026-01-05");

        Assert.Equal(
        [
            $"thiếu trình độ: {Positions.IntermediateDegree}",
            $"chưa hoàn thành: {Positions.StateManagementCourse}",
            $"chưa hoàn thành: {Positions.OneStopCourse}",
        ], reasons);
    }

    [Fact]
    public async Task Each_missing_requirement_alone_is_named()
    {
        var office = await OfficeAsync();
        // The degree and the state-management course, but not the one-stop course.
        var id = IdOf(await _client.RegisterAsync(office, "Võ Văn Thiếu", qualifications: [Positions.IntermediateDegree]));
        await _client.AddTrainingAsync(office, id, Positions.StateManagementCourse, "2023-11-20", 120);

        Assert.Equal([$"chưa hoàn thành: {Positions.OneStopCourse}"], await RefusedAsync(office, id, "2026-01-05"));

        await _client.AddTrainingAsync(office, id, Positions.OneStopCourse, "2024-03-15", 24);
        await (await AssignAsync(office, id, "2026-01-05")).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_person_under_discipline_on_the_first_day_is_refused_and_accepted_once_it_has_run_out()
    {
        var office = await OfficeAsync();
        var leader = await LeaderAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Đỗ Văn Kỷ Luật");
        await (await _client.PostJsonAsync($"{StaffPath()}/{id}/disciplines", leader,
            new { measure = "Khiển trách", decisionNo = "20/QĐ-UBND", from = "2025-06-01", until = "2026-05-31" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["đang trong thời hạn xử lý kỷ luật"], await RefusedAsync(office, id, "2026-05-31"));

        var created = await (await AssignAsync(office, id, "2026-06-01")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-06-01", created.GetProperty("from").GetString());
    }

    [Fact]
    public async Task A_person_who_left_or_is_on_leave_is_refused()
    {
        var office = await OfficeAsync();
        var gone = await _client.RegisterDeskQualifiedAsync(office, "Bùi Văn Nghỉ");
        var away = await _client.RegisterDeskQualifiedAsync(office, "Bùi Thị Phép");
        await (await _client.PostJsonAsync($"{StaffPath()}/{gone}/status", office, new { status = "left" })).JsonAsync(HttpStatusCode.OK);
        await (await _client.PostJsonAsync($"{StaffPath()}/{away}/status", office, new { status = "on-leave" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["đã nghỉ việc"], await RefusedAsync(office, gone, "2026-01-05"));
        Assert.Equal(["đang tạm nghỉ"], await RefusedAsync(office, away, "2026-01-05"));
    }

    [Fact]
    public async Task A_person_rated_not_completed_last_year_is_refused_but_not_two_years_later()
    {
        var office = await OfficeAsync();
        var leader = await LeaderAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Cao Văn Yếu");
        var finalized = await (await _client.PutJsonAsync($"/api/communes/my-thanh/evaluations/{id}/2025", leader,
            new { level = "not-completed", note = "Nhiều hồ sơ trễ hạn" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("not-completed", finalized.GetProperty("final").GetProperty("level").GetString());

        Assert.Equal(["năm 2025 xếp loại Không hoàn thành nhiệm vụ"], await RefusedAsync(office, id, "2026-01-05"));

        // Only the year before the first day counts.
        await (await AssignAsync(office, id, "2027-01-04")).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Every_unmet_rule_is_listed_at_once()
    {
        var office = await OfficeAsync();
        var leader = await LeaderAsync();
        var id = IdOf(await _client.RegisterAsync(office, "Lâm Văn Đủ Thứ", "cadre", "chu-tich-mttq"));
        await (await _client.PostJsonAsync($"{StaffPath()}/{id}/disciplines", leader,
            new { measure = "Cảnh cáo", decisionNo = "21/QĐ-UBND", from = "2025-06-01", until = "2026-12-31" })).JsonAsync(HttpStatusCode.OK);
        await (await _client.PutJsonAsync($"/api/communes/my-thanh/evaluations/{id}/2025", leader, new { level = "not-completed" })).JsonAsync(HttpStatusCode.OK);
        await (await _client.PostJsonAsync($"{StaffPath()}/{id}/status", office, new { status = "on-leave" })).JsonAsync(HttpStatusCode.OK);

        var reasons = await RefusedAsync(office, id, "2026-03-02");

        Assert.Equal(
        [
            NotACivilServant,
            "đang tạm nghỉ",
            "đang trong thời hạn xử lý kỷ luật",
            "năm 2025 xếp loại Không hoàn thành nhiệm vụ",
            $"thiếu trình độ: {Positions.IntermediateDegree}",
            $"chưa hoàn thành: {Positions.StateManagementCourse}",
            $"chưa hoàn thành: {Positions.OneStopCourse}",
        ], reasons);
    }

    [Fact]
    public async Task A_person_already_on_the_desk_is_a_409()
    {
        var office = await OfficeAsync();

        await (await AssignAsync(office, DeskStaff, "2026-01-05")).ProblemAsync(HttpStatusCode.Conflict, "already-on-desk");

        Assert.Single(await PeriodsOfAsync(office, DeskStaff));
    }

    [Fact]
    public async Task An_unknown_person_is_a_404_and_a_missing_staff_id_a_400()
    {
        var office = await OfficeAsync();

        await (await AssignAsync(office, "khong-co", "2026-01-05")).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var problem = await (await _client.PostJsonAsync(Desk, office, new { from = "2026-01-05" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["staffId"], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task Ending_an_assignment_closes_the_period_and_the_person_may_come_back_later()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Hồ Thị Luân");
        await (await AssignAsync(office, id, "2025-02-03")).JsonAsync(HttpStatusCode.Created);

        var ended = await (await _client.PostJsonAsync($"{Desk}/{id}/end", office, new { until = "2025-12-31" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((id, "2025-02-03", "2025-12-31"), (ended.GetProperty("staffId").GetString(), ended.GetProperty("from").GetString(),
            ended.GetProperty("until").GetString()));
        var period = Assert.Single(await PeriodsOfAsync(office, id));
        Assert.Equal(("2025-02-03", "2025-12-31"), (period.GetProperty("from").GetString(), period.GetProperty("until").GetString()));
        // Nothing is open any more.
        await (await _client.PostJsonAsync($"{Desk}/{id}/end", office, new { until = "2026-01-31" })).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        await (await AssignAsync(office, id, "2026-03-02")).JsonAsync(HttpStatusCode.Created);
        var periods = await PeriodsOfAsync(office, id);
        Assert.Equal(["2026-03-02", "2025-02-03"], periods.Select(p => p.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task Ending_before_the_period_began_is_a_400_naming_until()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Tạ Văn Sớm");
        await (await AssignAsync(office, id, "2025-02-03")).JsonAsync(HttpStatusCode.Created);

        var problem = await (await _client.PostJsonAsync($"{Desk}/{id}/end", office, new { until = "2025-02-02" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["until"], TestApi.ErrorFields(problem));
        Assert.False(Assert.Single(await PeriodsOfAsync(office, id)).TryGetProperty("until", out _));
    }

    [Fact]
    public async Task Ending_without_a_date_ends_it_today()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Tô Thị Hôm Nay");
        await (await AssignAsync(office, id, "2025-02-03")).JsonAsync(HttpStatusCode.Created);

        var ended = await (await _client.PostJsonAsync($"{Desk}/{id}/end", office, new { })).JsonAsync(HttpStatusCode.OK);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        Assert.Equal(today, ended.GetProperty("until").GetString());
    }

    [Fact]
    public async Task Ending_with_no_body_at_all_ends_it_today()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Tô Văn Không Thân");
        await (await AssignAsync(office, id, "2025-02-03")).JsonAsync(HttpStatusCode.Created);

        // The request's only field (until) is optional: a bare POST, as api clients send for actions such as /disable, must do.
        var ended = await (await _client.SendAsync(HttpMethod.Post, $"{Desk}/{id}/end", office)).JsonAsync(HttpStatusCode.OK);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        Assert.Equal(today, ended.GetProperty("until").GetString());
    }

    [Fact]
    public async Task Leaving_takes_a_person_off_the_desk_from_today()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Quách Văn Đi");
        await (await AssignAsync(office, id, "2025-02-03")).JsonAsync(HttpStatusCode.Created);

        await (await _client.PostJsonAsync($"{StaffPath()}/{id}/status", office, new { status = "left" })).JsonAsync(HttpStatusCode.OK);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        var period = Assert.Single(await PeriodsOfAsync(office, id));
        Assert.Equal(today, period.GetProperty("until").GetString());
    }

    [Fact]
    public async Task Leaving_before_a_scheduled_assignment_begins_is_recorded_and_the_assignment_does_not_stay_open()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterDeskQualifiedAsync(office, "Quách Thị Chưa Đến");
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(60).ToString("yyyy-MM-dd");
        await (await AssignAsync(office, id, future)).JsonAsync(HttpStatusCode.Created);

        // The person resigns before their first day on the desk: the registry must accept it.
        var left = await (await _client.PostJsonAsync($"{StaffPath()}/{id}/status", office, new { status = "left", note = "Thôi việc" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("left", left.GetProperty("staff").GetProperty("status").GetString());
        Assert.All(await PeriodsOfAsync(office, id), p => Assert.True(p.TryGetProperty("until", out var until) && until.ValueKind == JsonValueKind.String,
            $"an assignment of someone who left is still open: {p}"));
    }
}
