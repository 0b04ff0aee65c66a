using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.Domain;
using Personnel.Api.Tests.Infrastructure;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// The staff registry (GET|POST /api/communes/{commune}/staff, staff/{id}, trainings, qualifications, disciplines, status):
/// validated, kept per commune, with a history of who did what.
/// </summary>
public sealed class StaffRegistryTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private readonly HttpClient _client = host.Client;
    private readonly PersonnelFactory _factory = host.Factory;

    private Task<string> OfficeAsync() => _client.TokenAsync(Office);
    private Task<string> LeaderAsync() => _client.TokenAsync(Demo.Leader);

    private async Task<IReadOnlyList<string>> ListedIdsAsync(string token, string commune = Demo.MyThanh) =>
        (await (await _client.GetAsync(StaffPath(commune), token)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .Select(v => v.GetProperty("staff").GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task The_commune_office_registers_a_civil_servant_who_is_then_readable_listed_and_announced()
    {
        await using var registered = await EventProbe<StaffRegistered>.StartAsync(_factory.Bus);
        var office = await OfficeAsync();

        var response = await _client.PostJsonAsync(StaffPath(), office, new
        {
            fullName = "  Đặng Thị Thu ", kind = "civil-servant", position = "van-hoa-xa-hoi", phone = "0275 3861 031", hamlet = "ap-2",
            qualifications = new[] { Positions.IntermediateDegree },
        });

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var staff = created.GetProperty("staff");
        var id = staff.GetProperty("id").GetString()!;
        Assert.Equal($"/api/communes/my-thanh/staff/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Đặng Thị Thu", staff.GetProperty("fullName").GetString());
        Assert.Equal("civil-servant", staff.GetProperty("kind").GetString());
        Assert.Equal("van-hoa-xa-hoi", staff.GetProperty("position").GetString());
        Assert.Equal("0275 3861 031", staff.GetProperty("phone").GetString());
        Assert.Equal("ap-2", staff.GetProperty("hamlet").GetString());
        Assert.Equal("active", staff.GetProperty("status").GetString());
        Assert.Equal([Positions.IntermediateDegree], StringsOf(staff.GetProperty("qualifications")));
        Assert.Equal("Văn hóa – xã hội", created.GetProperty("positionTitle").GetString());
        // The position asks for the state-management course; the desk asks for it and the one-stop course.
        Assert.Equal([$"chưa hoàn thành: {Positions.StateManagementCourse}"], StringsOf(created.GetProperty("positionGaps")));
        Assert.Equal([$"chưa hoàn thành: {Positions.StateManagementCourse}", $"chưa hoàn thành: {Positions.OneStopCourse}"],
            StringsOf(created.GetProperty("deskGaps")));
        var history = Assert.Single(staff.GetProperty("history").EnumerateArray());
        Assert.Equal(("registered", OfficeName), (history.GetProperty("what").GetString(), history.GetProperty("by").GetString()));

        var read = await (await _client.GetAsync($"{StaffPath()}/{id}", await LeaderAsync())).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Đặng Thị Thu", read.GetProperty("staff").GetProperty("fullName").GetString());
        Assert.Contains(id, await ListedIdsAsync(office));

        await registered.WaitForAsync(r => r.StaffId == id, "StaffRegistered on the bus");
        var message = Assert.Single(registered.Received, r => r.StaffId == id);
        Assert.Equal((Demo.MyThanh, "Đặng Thị Thu", StaffKind.CivilServant, "van-hoa-xa-hoi"), (message.Commune, message.FullName, message.Kind, message.Position));
    }

    [Fact]
    public async Task The_registry_lists_the_demo_staff_sorted_by_name_for_the_district_too()
    {
        var district = await _client.TokenAsync(Demo.DistrictAdmin);

        var list = await (await _client.GetAsync(StaffPath(), district)).JsonAsync(HttpStatusCode.OK);

        var ids = list.EnumerateArray().Select(v => v.GetProperty("staff").GetProperty("id").GetString()!).ToList();
        Assert.Superset(DemoStaffIds.ToHashSet(), ids.ToHashSet());
        var names = list.EnumerateArray().Select(v => v.GetProperty("staff").GetProperty("fullName").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var desk = list.EnumerateArray().Single(v => v.GetProperty("staff").GetProperty("id").GetString() == DeskStaff);
        Assert.Equal(0, desk.GetProperty("deskGaps").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_naming_kind_and_nothing_is_stored()
    {
        var office = await OfficeAsync();
        var before = await ListedIdsAsync(office);

        var problem = await (await _client.PostJsonAsync(StaffPath(), office,
            new { fullName = "Người Thử Kind", kind = "contractor", position = "van-hoa-xa-hoi" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Contains("kind", TestApi.ErrorFields(problem));
        Assert.Contains("cadre, civil-servant, non-specialized", FieldErrors(problem, "kind").Single());
        Assert.Equal(before, await ListedIdsAsync(office));
    }

    [Fact]
    public async Task An_unknown_position_is_a_400_naming_position_only()
    {
        var office = await OfficeAsync();
        var before = await ListedIdsAsync(office);

        var problem = await (await _client.PostJsonAsync(StaffPath(), office,
            new { fullName = "Người Thử Vị Trí", kind = "civil-servant", position = "giam-doc" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["position"], TestApi.ErrorFields(problem));
        Assert.Contains("tu-phap-ho-tich", FieldErrors(problem, "position").Single());
        Assert.Equal(before, await ListedIdsAsync(office));
    }

    [Fact]
    public async Task A_position_of_another_kind_is_a_400_saying_whose_position_it_is()
    {
        var office = await OfficeAsync();
        var before = await ListedIdsAsync(office);

        var problem = await (await _client.PostJsonAsync(StaffPath(), office,
            new { fullName = "Người Thử Loại", kind = "cadre", position = "tu-phap-ho-tich" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["position"], TestApi.ErrorFields(problem));
        Assert.Equal("'tu-phap-ho-tich' là vị trí dành cho công chức.", FieldErrors(problem, "position").Single());
        Assert.Equal(before, await ListedIdsAsync(office));
    }

    [Fact]
    public async Task A_hamlet_the_commune_does_not_have_is_a_400_naming_hamlet()
    {
        var office = await OfficeAsync();
        var before = await ListedIdsAsync(office);

        // My Thanh has six hamlets, ap-1 to ap-6.
        var problem = await (await _client.PostJsonAsync(StaffPath(), office,
            new { fullName = "Người Thử Ấp", kind = "non-specialized", position = "truong-ap", hamlet = "ap-7" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["hamlet"], TestApi.ErrorFields(problem));
        Assert.Contains("ap-7", FieldErrors(problem, "hamlet").Single());
        Assert.Equal(before, await ListedIdsAsync(office));
    }

    [Fact]
    public async Task Missing_name_and_a_short_phone_are_reported_together()
    {
        var office = await OfficeAsync();

        var problem = await (await _client.PostJsonAsync(StaffPath(), office,
            new { fullName = " ", kind = "civil-servant", position = "van-hoa-xa-hoi", phone = "12345" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["fullName", "phone"], TestApi.ErrorFields(problem).Order());
    }

    [Fact]
    public async Task Trainings_qualifications_discipline_and_leaving_are_recorded_with_who_did_what()
    {
        var office = await OfficeAsync();
        var leader = await LeaderAsync();
        var id = await _client.RegisterIdAsync(office, "Phan Văn Lộc", "civil-servant", "dia-chinh-xay-dung");

        var trained = await _client.AddTrainingAsync(office, id, Positions.StateManagementCourse, "2024-05-10", 120);
        var training = Assert.Single(trained.GetProperty("staff").GetProperty("trainings").EnumerateArray());
        Assert.Equal((Positions.StateManagementCourse, "2024-05-10", 120.0, OfficeName),
            (training.GetProperty("course").GetString(), training.GetProperty("completedOn").GetString(), training.GetProperty("hours").GetDouble(),
                training.GetProperty("recordedBy").GetString()));
        Assert.Equal([$"thiếu trình độ: {Positions.IntermediateDegree}"], StringsOf(trained.GetProperty("positionGaps")));

        var qualified = await (await _client.PostJsonAsync($"{StaffPath()}/{id}/qualifications", leader,
            new { qualification = Positions.IntermediateDegree })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([Positions.IntermediateDegree], StringsOf(qualified.GetProperty("staff").GetProperty("qualifications")));
        Assert.Equal(0, qualified.GetProperty("positionGaps").GetArrayLength());
        // The same qualification again changes nothing.
        var again = await (await _client.PostJsonAsync($"{StaffPath()}/{id}/qualifications", leader,
            new { qualification = Positions.IntermediateDegree })).JsonAsync(HttpStatusCode.OK);
        Assert.Single(again.GetProperty("staff").GetProperty("qualifications").EnumerateArray());

        var disciplined = await (await _client.PostJsonAsync($"{StaffPath()}/{id}/disciplines", leader, new
        {
            measure = "Khiển trách", decisionNo = "15/QĐ-UBND", from = "2025-03-01", until = "2026-02-28", reason = "Trễ hạn hồ sơ nhiều lần",
        })).JsonAsync(HttpStatusCode.OK);
        var discipline = Assert.Single(disciplined.GetProperty("staff").GetProperty("disciplines").EnumerateArray());
        Assert.Equal(("Khiển trách", "15/QĐ-UBND", "2025-03-01", "2026-02-28", "Trễ hạn hồ sơ nhiều lần"),
            (discipline.GetProperty("measure").GetString(), discipline.GetProperty("decisionNo").GetString(), discipline.GetProperty("from").GetString(),
                discipline.GetProperty("until").GetString(), discipline.GetProperty("reason").GetString()));

        var left = await (await _client.PostJsonAsync($"{StaffPath()}/{id}/status", office, new { status = "left", note = "Chuyển công tác" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("left", left.GetProperty("staff").GetProperty("status").GetString());

        var read = await (await _client.GetAsync($"{StaffPath()}/{id}", office)).JsonAsync(HttpStatusCode.OK);
        var history = read.GetProperty("staff").GetProperty("history").EnumerateArray()
            .Select(h => (h.GetProperty("what").GetString(), h.GetProperty("by").GetString())).ToList();
        Assert.Equal(
        [
            ("registered", OfficeName),
            ($"training: {Positions.StateManagementCourse}", OfficeName),
            ($"qualification: {Positions.IntermediateDegree}", LeaderName),
            ("discipline: 15/QĐ-UBND", LeaderName),
            ("status: left – Chuyển công tác", OfficeName),
        ], history);
        Assert.All(read.GetProperty("staff").GetProperty("history").EnumerateArray(), h => Assert.EndsWith("Z", h.GetProperty("at").GetString()));
        Assert.Equal("left", read.GetProperty("staff").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_training_in_the_future_or_without_hours_is_a_400_listing_both()
    {
        var office = await OfficeAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd");

        var problem = await (await _client.PostJsonAsync($"{StaffPath()}/{HamletChief}/trainings", office,
            new { course = "Bồi dưỡng kỹ năng", completedOn = future, hours = 0 })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["completedOn", "hours"], TestApi.ErrorFields(problem).Order());
        var read = await (await _client.GetAsync($"{StaffPath()}/{HamletChief}", office)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, read.GetProperty("staff").GetProperty("trainings").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_naming_status()
    {
        var office = await OfficeAsync();

        var problem = await (await _client.PostJsonAsync($"{StaffPath()}/{HamletChief}/status", office, new { status = "retired" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["status"], TestApi.ErrorFields(problem));
        Assert.Contains("active, on-leave, left", FieldErrors(problem, "status").Single());
    }

    [Fact]
    public async Task Only_the_leader_records_a_discipline_the_commune_office_gets_403_and_nothing_is_recorded()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterIdAsync(office, "Lý Văn Kỷ");

        var response = await _client.PostJsonAsync($"{StaffPath()}/{id}/disciplines", office,
            new { measure = "Khiển trách", decisionNo = "16/QĐ-UBND", from = "2025-03-01", until = "2026-02-28" });

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var read = await (await _client.GetAsync($"{StaffPath()}/{id}", office)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, read.GetProperty("staff").GetProperty("disciplines").GetArrayLength());
    }

    [Fact]
    public async Task A_discipline_ending_before_it_starts_is_a_400_naming_until()
    {
        var leader = await LeaderAsync();

        var problem = await (await _client.PostJsonAsync($"{StaffPath()}/{HamletChief}/disciplines", leader,
            new { measure = "Khiển trách", decisionNo = "17/QĐ-UBND", from = "2025-03-01", until = "2025-02-28" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["until"], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task A_desk_officer_neither_reads_nor_keeps_the_registry()
    {
        var desk = await _client.TokenAsync(Demo.DeskOfficer);

        await (await _client.GetAsync(StaffPath(), desk)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.GetAsync($"{StaffPath()}/{DeskStaff}", desk)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.PostJsonAsync(StaffPath(), desk, new { fullName = "Người Lạ", kind = "cadre", position = "chu-tich-mttq" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_staff_id_is_a_404_on_every_staff_route()
    {
        var office = await OfficeAsync();

        await (await _client.GetAsync($"{StaffPath()}/khong-co", office)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.PostJsonAsync($"{StaffPath()}/khong-co/trainings", office, new { course = "Khóa", completedOn = "2024-01-01", hours = 8 }))
            .ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.PostJsonAsync($"{StaffPath()}/khong-co/qualifications", office, new { qualification = "Cử nhân" }))
            .ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.PostJsonAsync($"{StaffPath()}/khong-co/status", office, new { status = "left" }))
            .ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Another_communes_staff_id_is_a_404_from_this_communes_route_and_its_route_is_403_to_this_commune()
    {
        var luongHoaOffice = TokenForge.ForCommune(_factory.Key, Demo.LuongHoa, Roles.CommuneOffice);
        var theirs = await _client.RegisterIdAsync(luongHoaOffice, "Trương Văn Lương", "civil-servant", "tai-chinh-ke-toan", commune: Demo.LuongHoa);
        var district = await _client.TokenAsync(Demo.DistrictAdmin);
        var office = await OfficeAsync();

        // The district reads it where it lives, and not through my-thanh's route.
        var read = await (await _client.GetAsync($"{StaffPath(Demo.LuongHoa)}/{theirs}", district)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Trương Văn Lương", read.GetProperty("staff").GetProperty("fullName").GetString());
        await (await _client.GetAsync($"{StaffPath()}/{theirs}", district)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.PostJsonAsync($"{StaffPath()}/{theirs}/trainings", office, new { course = "Khóa", completedOn = "2024-01-01", hours = 8 }))
            .ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(theirs, await ListedIdsAsync(office));

        // My Thanh's staff do not reach Luong Hoa's routes at all.
        await (await _client.GetAsync($"{StaffPath(Demo.LuongHoa)}/{theirs}", office)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.GetAsync(StaffPath(Demo.LuongHoa), office)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var unchanged = await (await _client.GetAsync($"{StaffPath(Demo.LuongHoa)}/{theirs}", district)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, unchanged.GetProperty("staff").GetProperty("trainings").GetArrayLength());
    }

    [Fact]
    public async Task The_positions_and_their_frameworks_are_public()
    {
        var positions = await (await _client.GetAsync("/api/positions", null)).JsonAsync(HttpStatusCode.OK);

        var justice = positions.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "tu-phap-ho-tich");
        Assert.Equal("civil-servant", justice.GetProperty("kind").GetString());
        Assert.Equal([Positions.IntermediateDegree], StringsOf(justice.GetProperty("requiredQualifications")));
        Assert.Equal([Positions.StateManagementCourse], StringsOf(justice.GetProperty("requiredTrainings")));
        Assert.Equal(13, positions.GetArrayLength());
    }

    [Fact]
    public async Task The_office_edits_a_persons_facts_which_are_kept_recorded_in_the_history_and_announced_again()
    {
        await using var registered = await EventProbe<StaffRegistered>.StartAsync(_factory.Bus);
        var office = await OfficeAsync();
        var id = await _client.RegisterIdAsync(office, "Trương Văn Sửa");

        var edited = await (await _client.PutJsonAsync($"{StaffPath()}/{id}", office, new
        {
            fullName = " Trương Văn Sữa ", kind = "non-specialized", position = "truong-ap", phone = "0275 3861 077", hamlet = "ap-4",
        })).JsonAsync(HttpStatusCode.OK);

        var staff = edited.GetProperty("staff");
        Assert.Equal(("Trương Văn Sữa", "non-specialized", "truong-ap", "0275 3861 077", "ap-4"),
            (staff.GetProperty("fullName").GetString(), staff.GetProperty("kind").GetString(), staff.GetProperty("position").GetString(),
                staff.GetProperty("phone").GetString(), staff.GetProperty("hamlet").GetString()));
        Assert.Equal("Trưởng ấp", edited.GetProperty("positionTitle").GetString());
        Assert.Empty(StringsOf(edited.GetProperty("positionGaps")));
        Assert.Equal(["registered", "edited"], staff.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()));
        var read = await (await _client.GetAsync($"{StaffPath()}/{id}", office)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Trương Văn Sữa", read.GetProperty("staff").GetProperty("fullName").GetString());

        // The services that keep names and rosters hear the new facts.
        await registered.WaitForAsync(r => r.StaffId == id && r.FullName == "Trương Văn Sữa", "StaffRegistered with the edited facts");
        var message = Assert.Single(registered.Received, r => r.StaffId == id && r.FullName == "Trương Văn Sữa");
        Assert.Equal((StaffKind.NonSpecialized, "truong-ap"), (message.Kind, message.Position));
    }

    [Fact]
    public async Task An_edit_is_checked_as_a_registration_is_and_a_refused_edit_changes_nothing()
    {
        var office = await OfficeAsync();
        var id = await _client.RegisterIdAsync(office, "Phan Thị Giữ");

        var problem = await (await _client.PutJsonAsync($"{StaffPath()}/{id}", office,
            new { fullName = "", kind = "cadre", position = "tu-phap-ho-tich", phone = "12", hamlet = "ap-7" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["fullName", "phone", "position"], TestApi.ErrorFields(problem).Order());
        var hamlet = await (await _client.PutJsonAsync($"{StaffPath()}/{id}", office,
            new { fullName = "Phan Thị Giữ", kind = "civil-servant", position = "van-hoa-xa-hoi", hamlet = "ap-7" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["hamlet"], TestApi.ErrorFields(hamlet));
        var read = (await (await _client.GetAsync($"{StaffPath()}/{id}", office)).JsonAsync(HttpStatusCode.OK)).GetProperty("staff");
        Assert.Equal(("Phan Thị Giữ", "civil-servant"), (read.GetProperty("fullName").GetString(), read.GetProperty("kind").GetString()));
        Assert.Single(read.GetProperty("history").EnumerateArray());

        await (await _client.PutJsonAsync($"{StaffPath()}/khong-co", office,
            new { fullName = "Không Có", kind = "civil-servant", position = "van-hoa-xa-hoi" })).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.PutJsonAsync($"{StaffPath()}/{id}", await _client.TokenAsync(Demo.DeskOfficer),
            new { fullName = "Kẻ Sửa", kind = "civil-servant", position = "van-hoa-xa-hoi" })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
