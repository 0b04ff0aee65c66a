using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Domain;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// The desk's lifecycle, Circular 01/2018: received → in progress → (supplement) → resolved → returned, with refusals,
/// apologies and withdrawals. Every dossier here is a 5-day marriage registration received Monday 6 October 2025 at 09:00,
/// so it counts from that day and is due Monday 13 October (7, 8, 9, 10, 13: no holiday in between).
/// </summary>
public sealed partial class DossierLifecycleTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Due = "2025-10-13";

    private async Task<string> ReceivedAsync(string? name = null)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var dossier = await host.ReceiveAsync(name: name ?? "Nguyễn Văn An");
        Assert.Equal(Due, dossier.Str("dueDate"));
        return dossier.Str("id");
    }

    private async Task<string> InProgressAsync()
    {
        var id = await ReceivedAsync();
        await host.AssignAsync(id);
        return id;
    }

    private static IReadOnlyList<string> Actions(JsonElement dossier) =>
        dossier.GetProperty("history").EnumerateArray().Select(e => e.Str("action")).ToList();

    [GeneratedRegex("^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$")]
    private static partial Regex SurveyCode();

    [Fact]
    public async Task Receive_assign_resolve_return_walks_every_state_with_the_national_codes()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var officer = host.Tokens.Named("Trần Văn Tư", Seed.MyThanh, Roles.DeskOfficer);
        var response = await host.Client.PostJsonAsync(Desk.Dossiers(), officer, Desk.Application());
        var received = await response.JsonAsync(HttpStatusCode.Created);
        var id = received.Str("id");

        Assert.Equal("received", received.Str("status"));
        Assert.Equal(2, received.Int("nationalStatusCode"));
        Assert.Matches(@"^2025-\d{6}$", received.Str("receiptNo"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 6, 9, 0)), received.Str("receivedAt"));
        Assert.Equal("2025-10-06", received.Str("countsFrom"));
        Assert.Equal(Due, received.Str("dueDate"));
        Assert.Equal(Due, received.Str("appointmentDate"));
        Assert.Equal("Trần Văn Tư", received.Str("receivedBy"));
        Assert.Equal(["received"], Actions(received));

        host.Clock.SetLocal(2025, 10, 7, 8, 0);
        var assigned = await host.AssignAsync(id);
        Assert.Equal("in-progress", assigned.Str("status"));
        Assert.Equal(4, assigned.Int("nationalStatusCode"));
        Assert.Equal(Seed.DeskOfficer, assigned.Str("handlerId"));
        Assert.Equal(Seed.DeskOfficerName, assigned.Str("handlerName"));

        host.Clock.SetLocal(2025, 10, 9, 10, 0);
        var resolved = await host.ApproveAsync(id, "Đủ điều kiện đăng ký kết hôn");
        Assert.Equal("resolved", resolved.Str("status"));
        Assert.Equal(9, resolved.Int("nationalStatusCode"));
        Assert.Equal("approved", resolved.Str("outcome"));
        Assert.Equal("early", resolved.Str("timeliness"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 9, 10, 0)), resolved.Str("resolvedAt"));

        host.Clock.SetLocal(2025, 10, 10, 14, 0);
        var returned = await host.DoAsync(id, "return");
        Assert.Matches(SurveyCode(), returned.Str("surveyCode"));
        Assert.Equal(received.Str("receiptNo"), returned.Str("receiptNo"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 10, 14, 0)), returned.Str("returnedAt"));

        var stored = await host.GetDossierAsync(id);
        Assert.Equal("returned", stored.Str("status"));
        Assert.Equal(10, stored.Int("nationalStatusCode"));
        Assert.Equal(returned.Str("surveyCode"), stored.Str("surveyCode"));
        Assert.Equal(["received", "assigned", "approved", "returned"], Actions(stored));
    }

    [Fact]
    public async Task A_commune_leader_may_assign_and_resolve_but_only_the_desk_receives_and_returns()
    {
        var id = await ReceivedAsync();

        await host.TryAsync(id, "assign", new { staffId = Seed.DeskOfficer }, host.Leader).JsonAsync(HttpStatusCode.OK);
        await host.TryAsync(id, "resolve", new { outcome = "approved" }, host.Leader).JsonAsync(HttpStatusCode.OK);
        await host.TryAsync(id, "return", null, host.Leader).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.PostJsonAsync(Desk.Dossiers(), host.Leader, Desk.Application()).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.TryAsync(id, "return", null, host.Office).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("resolved", (await host.GetDossierAsync(id)).Str("status"));
    }

    [Fact]
    public async Task A_supplement_stops_the_clock_and_moves_the_due_date_by_the_working_days_paused()
    {
        var id = await InProgressAsync();

        host.Clock.SetLocal(2025, 10, 8, 10, 0); // Wednesday
        var paused = await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy xác nhận tình trạng hôn nhân" });
        Assert.Equal("supplement-requested", paused.Str("status"));
        Assert.Equal(5, paused.Int("nationalStatusCode"));
        Assert.Equal("2025-10-08", paused.GetProperty("supplements")[0].Str("pausedOn"));

        host.Clock.SetLocal(2025, 10, 13, 9, 30); // the following Monday: 9, 10 and 13 October were paused
        var resumed = await host.DoAsync(id, "supplement-received");
        Assert.Equal("in-progress", resumed.Str("status"));
        var supplement = resumed.GetProperty("supplements")[0];
        Assert.Equal(3, supplement.Int("pausedWorkingDays"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 13, 9, 30)), supplement.Str("receivedAt"));
        Assert.Equal("2025-10-16", resumed.Str("dueDate")); // 13 October + 3 working days
        Assert.Equal(Due, resumed.Str("originalDueDate"));

        host.Clock.SetLocal(2025, 10, 16, 15, 0);
        var resolved = await host.ApproveAsync(id);
        Assert.Equal("on-time", resolved.Str("timeliness"));
        Assert.Equal(5, resolved.Int("workingDaysUsed")); // 7, 8 then 14, 15, 16
        Assert.False(resolved.GetProperty("lateWithoutApology").GetBoolean());
    }

    [Fact]
    public async Task A_supplement_for_a_dossier_not_yet_assigned_returns_it_to_received()
    {
        var id = await ReceivedAsync();

        host.Clock.SetLocal(2025, 10, 7, 9, 0);
        await host.DoAsync(id, "request-supplement", new { reason = "Thiếu tờ khai" });
        host.Clock.SetLocal(2025, 10, 7, 16, 0);
        var resumed = await host.DoAsync(id, "supplement-received");

        Assert.Equal("received", resumed.Str("status"));
        Assert.Equal(0, resumed.GetProperty("supplements")[0].Int("pausedWorkingDays"));
        Assert.Equal(Due, resumed.Str("dueDate"));
    }

    [Fact]
    public async Task A_supplement_request_needs_its_reason()
    {
        var id = await InProgressAsync();

        var problem = await host.TryAsync(id, "request-supplement", new { reason = "  " }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["reason"], TestApi.ErrorFields(problem));
        Assert.Equal("in-progress", (await host.GetDossierAsync(id)).Str("status"));
    }

    [Fact]
    public async Task A_refusal_needs_its_reason_and_gives_the_refusal_form()
    {
        var id = await InProgressAsync();

        var noNote = await host.TryAsync(id, "resolve", new { outcome = "refused" }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["note"], TestApi.ErrorFields(noNote));
        // The outcome is typed (DossierOutcome): a word outside it is a field error naming the words allowed.
        var badOutcome = await host.TryAsync(id, "resolve", new { outcome = "maybe", note = "?" }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["outcome"], TestApi.ErrorFields(badOutcome));
        Assert.Equal("Phải là một trong các giá trị: approved, refused.", badOutcome.GetProperty("errors").GetProperty("outcome")[0].GetString());
        var noOutcome = await host.TryAsync(id, "resolve", new { note = "?" }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal("Phải là 'approved' (giải quyết) hoặc 'refused' (từ chối giải quyết).", noOutcome.GetProperty("errors").GetProperty("outcome")[0].GetString());
        Assert.Equal("in-progress", (await host.GetDossierAsync(id)).Str("status"));

        var refused = await host.DoAsync(id, "resolve", new { outcome = "refused", note = "Một bên chưa đủ tuổi kết hôn" });

        Assert.Equal("resolved", refused.Str("status"));
        Assert.Equal("refused", refused.Str("outcome"));
        Assert.Equal("Một bên chưa đủ tuổi kết hôn", refused.Str("outcomeNote"));
        Assert.Equal("refused", Actions(refused)[^1]);
    }

    [Fact]
    public async Task An_apology_before_the_due_date_sets_a_new_appointment_and_keeps_the_due_date()
    {
        var id = await InProgressAsync();

        host.Clock.SetLocal(2025, 10, 10, 9, 0);
        var apologized = await host.DoAsync(id, "apologize", new { reason = "Chờ xác minh của Công an xã", newDueDate = "2025-10-17" }, host.Leader);

        var apology = Assert.Single(apologized.GetProperty("apologies").EnumerateArray().ToList());
        Assert.Equal(Due, apology.Str("previousDueDate"));
        Assert.Equal("2025-10-17", apology.Str("newDueDate"));
        Assert.Equal("Chờ xác minh của Công an xã", apology.Str("reason"));
        Assert.Equal("2025-10-17", apologized.Str("appointmentDate"));
        Assert.Equal(Due, apologized.Str("dueDate"));
        Assert.Equal("in-progress", apologized.Str("status"));
        Assert.Equal("apology-issued", Actions(apologized)[^1]);

        // On the appointment day itself it is not yet too late: a second letter moves it again.
        host.Clock.SetLocal(2025, 10, 17, 8, 0);
        var again = await host.DoAsync(id, "apologize", new { reason = "Chờ trích lục", newDueDate = "2025-10-21" });
        Assert.Equal("2025-10-17", again.GetProperty("apologies")[1].Str("previousDueDate"));
        Assert.Equal("2025-10-21", again.Str("appointmentDate"));
    }

    [Fact]
    public async Task A_supplement_after_an_apology_moves_the_appointment_with_the_due_date()
    {
        // Due 13/10; apology on Friday 10 with a new appointment on Wednesday 15; the same day a supplement is requested,
        // and the citizen completes the dossier on Friday 17: 13–17 October were paused (5 days), so the due date is 20/10.
        // The appointment the citizen holds must not stay on the 15th, before the due date, already passed.
        var id = await InProgressAsync();
        host.Clock.SetLocal(2025, 10, 10, 9, 0);
        await host.DoAsync(id, "apologize", new { reason = "Chờ xác minh", newDueDate = "2025-10-15" });
        await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy xác nhận tình trạng hôn nhân" });
        host.Clock.SetLocal(2025, 10, 17, 9, 0);

        var resumed = await host.DoAsync(id, "supplement-received");

        Assert.Equal(5, resumed.GetProperty("supplements")[0].Int("pausedWorkingDays"));
        Assert.Equal("2025-10-20", resumed.Str("dueDate"));
        Assert.True(string.CompareOrdinal(resumed.Str("appointmentDate"), resumed.Str("dueDate")) >= 0,
            $"after the pause the due date is {resumed.Str("dueDate")} but the appointment given to the citizen is still {resumed.Str("appointmentDate")}");
    }

    [Fact]
    public async Task An_apology_after_the_due_date_is_422_apology_too_late()
    {
        var id = await InProgressAsync();

        host.Clock.SetLocal(2025, 10, 14, 8, 0);
        var problem = await host.TryAsync(id, "apologize", new { reason = "Chậm", newDueDate = "2025-10-20" })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "apology-too-late");

        Assert.Contains("13/10/2025", problem.Str("detail")); // the appointment, as Vietnamese write a date
        Assert.Empty((await host.GetDossierAsync(id)).GetProperty("apologies").EnumerateArray());
    }

    [Theory]
    [InlineData("2025-10-13", "the appointment date itself")]
    [InlineData("2025-10-10", "a date before the appointment")]
    [InlineData("2025-10-18", "a Saturday")]
    [InlineData("2025-10-19", "a Sunday")]
    [InlineData("2026-01-01", "New Year's Day")]
    [InlineData("2026-02-17", "Tết")]
    public async Task An_apology_needs_a_new_date_that_is_a_working_day_after_the_appointment(string newDueDate, string why)
    {
        var id = await InProgressAsync();

        host.Clock.SetLocal(2025, 10, 9, 9, 0);
        var problem = await host.TryAsync(id, "apologize", new { reason = "Chậm do " + why, newDueDate }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["newDueDate"], TestApi.ErrorFields(problem));
        Assert.Empty((await host.GetDossierAsync(id)).GetProperty("apologies").EnumerateArray());
    }

    [Fact]
    public async Task An_apology_needs_a_reason_and_a_date()
    {
        var id = await InProgressAsync();

        var problem = await host.TryAsync(id, "apologize", new { }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["newDueDate", "reason"], TestApi.ErrorFields(problem));
    }

    [Theory]
    [InlineData("received")]
    [InlineData("in-progress")]
    [InlineData("supplement-requested")]
    public async Task The_citizen_may_withdraw_an_open_dossier(string state)
    {
        var id = await ReceivedAsync();
        if (state != "received") await host.AssignAsync(id);
        if (state == "supplement-requested") await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy tờ" });

        host.Clock.SetLocal(2025, 10, 8, 11, 0);
        var withdrawn = await host.DoAsync(id, "withdraw");

        Assert.Equal("withdrawn", withdrawn.Str("status"));
        Assert.Equal(7, withdrawn.Int("nationalStatusCode"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 8, 11, 0)), withdrawn.Str("withdrawnAt"));
        Assert.Equal("withdrawn", Actions(withdrawn)[^1]);
    }

    [Theory]
    [InlineData("resolved", "Đã có kết quả")]
    [InlineData("returned", "Đã trả kết quả")]
    [InlineData("withdrawn", "Đã rút hồ sơ")]
    public async Task A_closed_dossier_cannot_be_withdrawn_and_the_409_names_its_state(string state, string vietnamese)
    {
        var id = await ReceivedAsync();
        if (state == "withdrawn") await host.DoAsync(id, "withdraw");
        else
        {
            await host.AssignAsync(id);
            await host.ApproveAsync(id);
            if (state == "returned") await host.DoAsync(id, "return");
        }
        var before = await host.GetDossierAsync(id);

        var problem = await host.TryAsync(id, "withdraw").ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");

        Assert.Contains($"đang ở trạng thái {vietnamese}", problem.Str("detail"));
        var after = await host.GetDossierAsync(id);
        Assert.Equal(state, after.Str("status"));
        Assert.Equal(Actions(before), Actions(after));
    }

    [Fact]
    public async Task Assigning_someone_who_is_not_on_the_desk_roster_is_422_with_the_reason()
    {
        var id = await ReceivedAsync();

        var notOnDesk = await host.TryAsync(id, "assign", new { staffId = Seed.NotOnDesk }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Contains(Seed.NotOnDesk, notOnDesk.Str("detail"));
        Assert.Equal(["Hôm nay không làm việc tại Bộ phận một cửa."], notOnDesk.Strings("reasons"));

        var unknown = await host.TryAsync(id, "assign", new { staffId = "khong-co-nguoi-nay" }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Contains("Chưa có tên trong danh sách cán bộ Bộ phận một cửa", Assert.Single(unknown.Strings("reasons")));

        // A desk officer of another commune is unknown to this commune's roster.
        var stranger = await host.TryAsync(id, "assign", new { staffId = Seed.LuongHoaDeskOfficer }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Contains("Chưa có tên trong danh sách cán bộ Bộ phận một cửa", Assert.Single(stranger.Strings("reasons")));

        var missing = await host.TryAsync(id, "assign", new { }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["staffId"], TestApi.ErrorFields(missing));

        var stored = await host.GetDossierAsync(id);
        Assert.Equal("received", stored.Str("status"));
        Assert.False(stored.TryGetProperty("handlerId", out _));
    }

    [Fact]
    public async Task Assigning_someone_whose_desk_period_has_ended_or_not_begun_is_422()
    {
        await host.Factory.ConsumeAsync(new StaffRegistered { Commune = Seed.MyThanh, StaffId = "mt-da-nghi", FullName = "Đỗ Văn Cũ", Kind = StaffKind.CivilServant, Position = "Công chức Tư pháp – Hộ tịch" });
        await host.Factory.ConsumeAsync(new StaffRegistered { Commune = Seed.MyThanh, StaffId = "mt-sap-toi", FullName = "Đỗ Thị Mới", Kind = StaffKind.CivilServant, Position = "Công chức Tư pháp – Hộ tịch" });
        await host.Factory.ConsumeAsync(new DeskAssignmentChanged { Commune = Seed.MyThanh, StaffId = "mt-da-nghi", OnDesk = true, From = new DateOnly(2015, 7, 9), Until = new DateOnly(2020, 12, 31) });
        await host.Factory.ConsumeAsync(new DeskAssignmentChanged { Commune = Seed.MyThanh, StaffId = "mt-sap-toi", OnDesk = true, From = new DateOnly(2025, 11, 1) });
        foreach (var staffId in new[] { "mt-da-nghi", "mt-sap-toi" })
            Assert.True((await host.Factory.Store.FindAsync<DeskStaff>(Seed.MyThanh, staffId))?.Document is { OnDesk: true, FullName: not null }, $"{staffId} on the roster");
        var id = await ReceivedAsync();

        foreach (var staffId in new[] { "mt-da-nghi", "mt-sap-toi" })
        {
            var problem = await host.TryAsync(id, "assign", new { staffId }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
            Assert.Equal(["Hôm nay không làm việc tại Bộ phận một cửa."], problem.Strings("reasons"));
        }

        host.Clock.SetLocal(2025, 11, 3, 9, 0);
        var assigned = await host.AssignAsync(id, "mt-sap-toi");
        Assert.Equal("Đỗ Thị Mới", assigned.Str("handlerName"));
    }

    [Fact]
    public async Task A_desk_assignment_ended_with_a_date_holds_until_that_day_and_one_ended_without_a_date_ends_at_once()
    {
        await host.Factory.ConsumeAsync(new StaffRegistered { Commune = Seed.MyThanh, StaffId = "mt-het-han", FullName = "Ngô Văn Hạn", Kind = StaffKind.CivilServant, Position = "Công chức Tư pháp – Hộ tịch" });
        await host.Factory.ConsumeAsync(new StaffRegistered { Commune = Seed.MyThanh, StaffId = "mt-nghi-ngay", FullName = "Ngô Thị Nghỉ", Kind = StaffKind.CivilServant, Position = "Công chức Tư pháp – Hộ tịch" });
        // Personnel's "end desk assignment": OnDesk false, From the original start, Until the last day (or none: off at once).
        await host.Factory.ConsumeAsync(new DeskAssignmentChanged { Commune = Seed.MyThanh, StaffId = "mt-het-han", OnDesk = false, From = new DateOnly(2020, 1, 2), Until = new DateOnly(2025, 10, 10) });
        await host.Factory.ConsumeAsync(new DeskAssignmentChanged { Commune = Seed.MyThanh, StaffId = "mt-nghi-ngay", OnDesk = false, From = new DateOnly(2020, 1, 2) });
        Assert.NotNull((await host.Factory.Store.FindAsync<DeskStaff>(Seed.MyThanh, "mt-het-han"))?.Document.OnDeskUntil);
        Assert.NotNull((await host.Factory.Store.FindAsync<DeskStaff>(Seed.MyThanh, "mt-nghi-ngay"))?.Document.OnDeskFrom);

        var first = await ReceivedAsync();
        host.Clock.SetLocal(2025, 10, 10, 16, 0); // the last day on the desk
        Assert.Equal("mt-het-han", (await host.AssignAsync(first, "mt-het-han")).Str("handlerId"));
        var off = await host.TryAsync(first, "assign", new { staffId = "mt-nghi-ngay" }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Equal(["Hôm nay không làm việc tại Bộ phận một cửa."], off.Strings("reasons"));

        var second = await ReceivedAsync();
        host.Clock.SetLocal(2025, 10, 13, 8, 0);
        var ended = await host.TryAsync(second, "assign", new { staffId = "mt-het-han" }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Equal(["Hôm nay không làm việc tại Bộ phận một cửa."], ended.Strings("reasons"));
    }

    [Fact]
    public async Task A_dossier_may_be_reassigned_while_in_progress()
    {
        var id = await InProgressAsync();

        var reassigned = await host.AssignAsync(id, Seed.SecondDeskOfficer);

        Assert.Equal(Seed.SecondDeskOfficer, reassigned.Str("handlerId"));
        Assert.Equal(["received", "assigned", "assigned"], Actions(reassigned));
    }

    [Fact]
    public async Task Every_step_records_who_did_it_from_the_token()
    {
        var id = await ReceivedAsync();
        var tu = host.Tokens.Named("Trần Văn Tư", Seed.MyThanh, Roles.DeskOfficer);
        var chairman = host.Tokens.Named("Huỳnh Văn Chủ Tịch", Seed.MyThanh, Roles.CommuneLeader);

        await host.TryAsync(id, "assign", new { staffId = Seed.DeskOfficer }, tu).JsonAsync(HttpStatusCode.OK);
        var resolved = await host.TryAsync(id, "resolve", new { outcome = "approved" }, chairman).JsonAsync(HttpStatusCode.OK);

        var history = resolved.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("Trần Văn Tư", history[1].Str("by"));
        Assert.Equal("Huỳnh Văn Chủ Tịch", history[2].Str("by"));
    }

    [Fact]
    public async Task An_unknown_dossier_is_404_for_every_step()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);

        await host.Client.GetAsync($"{Desk.Dossiers()}/khong-co", host.Desk).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.TryAsync("khong-co", "assign", new { staffId = Seed.DeskOfficer }).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.TryAsync("khong-co", "withdraw").ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.TryAsync("khong-co", "resolve", new { outcome = "approved" }).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
