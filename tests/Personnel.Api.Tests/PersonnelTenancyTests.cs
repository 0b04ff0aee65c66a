using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Personnel.Api.Domain;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// Every tenant-scoped personnel route of my-thanh (staff, desk, hotline, accounts, evaluations): a luong-hoa token holding
/// every role is refused with 403, another district's token too, no token is a 401; the same request with a my-thanh
/// token gets past authorization (a harmless control answers 200, 400 or 404); and the refused requests change nothing.
/// </summary>
public sealed class PersonnelTenancyTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string C = "/api/communes/my-thanh";
    private readonly HttpClient _client = host.Client;
    private readonly PersonnelFactory _factory = host.Factory;

    /// <summary>A request a stranger would like to make (valid, harmful) and a harmless one that shows the route lets my-thanh in.</summary>
    public sealed record RouteCase(HttpMethod Method, string Path, object? Body, string ControlPath, object? ControlBody, HttpStatusCode ControlStatus);

    private static readonly object ValidStaff = new { fullName = "Kẻ Lạ Mặt", kind = "civil-servant", position = "van-hoa-xa-hoi" };
    private static readonly object Empty = new { };

    private static readonly Dictionary<string, RouteCase> Cases = new()
    {
        ["GET staff"] = new(HttpMethod.Get, $"{C}/staff", null, $"{C}/staff", null, HttpStatusCode.OK),
        ["POST staff"] = new(HttpMethod.Post, $"{C}/staff", ValidStaff, $"{C}/staff", Empty, HttpStatusCode.BadRequest),
        ["GET staff/{id}"] = new(HttpMethod.Get, $"{C}/staff/{DeskStaff}", null, $"{C}/staff/{DeskStaff}", null, HttpStatusCode.OK),
        ["PUT staff/{id}"] = new(HttpMethod.Put, $"{C}/staff/{DeskStaff}", ValidStaff, $"{C}/staff/{DeskStaff}", Empty, HttpStatusCode.BadRequest),
        ["POST staff/{id}/trainings"] = new(HttpMethod.Post, $"{C}/staff/{DeskStaff}/trainings",
            new { course = "Khóa giả", completedOn = "2024-01-01", hours = 8 }, $"{C}/staff/{DeskStaff}/trainings", Empty, HttpStatusCode.BadRequest),
        ["POST staff/{id}/qualifications"] = new(HttpMethod.Post, $"{C}/staff/{DeskStaff}/qualifications",
            new { qualification = "Bằng giả" }, $"{C}/staff/{DeskStaff}/qualifications", Empty, HttpStatusCode.BadRequest),
        ["POST staff/{id}/disciplines"] = new(HttpMethod.Post, $"{C}/staff/{DeskStaff}/disciplines",
            new { measure = "Cách chức", decisionNo = "99/QĐ", from = "2026-01-01", until = "2027-12-31" }, $"{C}/staff/{DeskStaff}/disciplines", Empty,
            HttpStatusCode.BadRequest),
        ["POST staff/{id}/status"] = new(HttpMethod.Post, $"{C}/staff/{DeskStaff}/status", new { status = "left" },
            $"{C}/staff/{DeskStaff}/status", new { status = "fired" }, HttpStatusCode.BadRequest),
        ["GET desk-assignments"] = new(HttpMethod.Get, $"{C}/desk-assignments", null, $"{C}/desk-assignments", null, HttpStatusCode.OK),
        ["POST desk-assignments"] = new(HttpMethod.Post, $"{C}/desk-assignments", new { staffId = DeskStaff, from = "2026-01-05" },
            $"{C}/desk-assignments", Empty, HttpStatusCode.BadRequest),
        ["POST desk-assignments/{id}/end"] = new(HttpMethod.Post, $"{C}/desk-assignments/{DeskStaff}/end", new { until = "2026-01-05" },
            $"{C}/desk-assignments/khong-co/end", Empty, HttpStatusCode.NotFound),
        ["PUT hotline"] = new(HttpMethod.Put, $"{C}/hotline", new { contacts = new[] { new { name = "Kẻ Mạo Danh", title = "Chủ tịch", phone = "0999 999 999" } } },
            $"{C}/hotline", Empty, HttpStatusCode.BadRequest),
        ["GET accounts"] = new(HttpMethod.Get, $"{C}/accounts", null, $"{C}/accounts", null, HttpStatusCode.OK),
        ["GET accounts/audit"] = new(HttpMethod.Get, $"{C}/accounts/audit", null, $"{C}/accounts/audit", null, HttpStatusCode.OK),
        ["POST accounts"] = new(HttpMethod.Post, $"{C}/accounts",
            new { staffId = CultureCivilServant, username = "ke.la.mat", password = "ChiemQuyen2026", roles = new[] { Roles.CommuneLeader } },
            $"{C}/accounts", Empty, HttpStatusCode.BadRequest),
        ["POST accounts/{u}/disable"] = new(HttpMethod.Post, $"{C}/accounts/{Demo.DeskOfficer}/disable", Empty,
            $"{C}/accounts/khong.co/disable", Empty, HttpStatusCode.NotFound),
        ["POST accounts/{u}/enable"] = new(HttpMethod.Post, $"{C}/accounts/{Demo.DeskOfficer}/enable", Empty,
            $"{C}/accounts/khong.co/enable", Empty, HttpStatusCode.NotFound),
        ["POST accounts/{u}/reset-password"] = new(HttpMethod.Post, $"{C}/accounts/{Demo.DeskOfficer}/reset-password", new { password = "ChiemQuyen2026" },
            $"{C}/accounts/khong.co/reset-password", new { password = "ChiemQuyen2026" }, HttpStatusCode.NotFound),
        ["GET evaluations"] = new(HttpMethod.Get, $"{C}/evaluations?year=2026", null, $"{C}/evaluations?year=2026", null, HttpStatusCode.OK),
        ["GET evaluations/reassignments"] = new(HttpMethod.Get, $"{C}/evaluations/reassignments?year=2026", null,
            $"{C}/evaluations/reassignments?year=2026", null, HttpStatusCode.OK),
        ["PUT evaluations/{id}/{year}"] = new(HttpMethod.Put, $"{C}/evaluations/{DeskStaff}/2026", new { level = "not-completed", note = "Giả mạo" },
            $"{C}/evaluations/{DeskStaff}/2026", new { level = "terrible" }, HttpStatusCode.BadRequest),
    };

    public static TheoryData<string> Routes => new(Cases.Keys);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token) =>
        _client.SendAsync(method, path, token, body is null ? null : JsonContent.Create(body));

    private string AllRoles(string commune) => TokenForge.ForCommuneRoles(_factory.Key, commune, [.. Roles.All]);

    private string OtherDistrict() => TokenForge.Create(_factory.Key.Credentials,
        new Dictionary<string, object> { [ClaimNames.District] = "cho-lach", [ClaimNames.Role] = new[] { Roles.DistrictAdmin, Roles.DistrictOfficer } });

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_luong_hoa_token_is_403_another_district_403_no_token_401_and_nothing_changes(string route)
    {
        var c = Cases[route];

        await (await SendAsync(c.Method, c.Path, c.Body, AllRoles(Demo.LuongHoa))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SendAsync(c.Method, c.Path, c.Body, TokenForge.ForCommune(_factory.Key, Demo.LuongHoa, Roles.CommuneLeader)))
            .ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SendAsync(c.Method, c.Path, c.Body, OtherDistrict())).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SendAsync(c.Method, c.Path, c.Body, null)).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        // The same route lets my-thanh in: the control request is answered by the endpoint itself.
        var control = await SendAsync(c.Method, c.ControlPath, c.ControlBody, AllRoles(Demo.MyThanh));
        var body = await control.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(control.StatusCode == c.ControlStatus, $"control {route}: expected {(int)c.ControlStatus} but got {(int)control.StatusCode}: {body}");

        await AssertNothingChangedAsync();
    }

    private async Task AssertNothingChangedAsync()
    {
        var office = await _client.TokenAsync(Office);
        var staff = (await (await _client.GetAsync($"{C}/staff", office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(DemoStaffIds.Order(), staff.Select(s => s.GetProperty("staff").GetProperty("id").GetString()!).Order());
        var desk = staff.Single(s => s.GetProperty("staff").GetProperty("id").GetString() == DeskStaff).GetProperty("staff");
        Assert.Equal("active", desk.GetProperty("status").GetString());
        Assert.Equal(("Trần Thị Mai", "tu-phap-ho-tich"), (desk.GetProperty("fullName").GetString(), desk.GetProperty("position").GetString()));
        Assert.Equal([Positions.IntermediateDegree], StringsOf(desk.GetProperty("qualifications")));
        Assert.Equal(2, desk.GetProperty("trainings").GetArrayLength());
        Assert.Equal(0, desk.GetProperty("disciplines").GetArrayLength());

        var period = Assert.Single((await (await _client.GetAsync($"{C}/desk-assignments", office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.False(period.TryGetProperty("until", out _));

        var hotline = await (await _client.GetAsync($"{C}/hotline", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Phạm Thanh Diễn", "Nguyễn Văn Hùng"], hotline.GetProperty("contacts").EnumerateArray().Select(h => h.GetProperty("name").GetString()));

        var accounts = (await (await _client.GetAsync($"{C}/accounts", office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.DoesNotContain(accounts, a => a.GetProperty("username").GetString() == "ke.la.mat");
        Assert.False(accounts.Single(a => a.GetProperty("username").GetString() == Demo.DeskOfficer).GetProperty("disabled").GetBoolean());
        Assert.Empty((await (await _client.GetAsync($"{C}/accounts/audit", office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        var evaluation = (await (await _client.GetAsync($"{C}/evaluations?year=2026", office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(r => r.GetProperty("staffId").GetString() == DeskStaff);
        Assert.False(evaluation.TryGetProperty("final", out var final) && final.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task The_demo_desk_officer_still_signs_in_with_the_demo_password()
    {
        // None of the refused resets above took effect (this class's host is shared by the theory's cases).
        foreach (var route in Cases.Keys)
        {
            var c = Cases[route];
            await (await SendAsync(c.Method, c.Path, c.Body, AllRoles(Demo.LuongHoa))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }

        await _client.TokenAsync(Demo.DeskOfficer);
        await (await _client.SignInAsync(Demo.DeskOfficer, "ChiemQuyen2026")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await _client.SignInAsync("ke.la.mat", "ChiemQuyen2026")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }
}
