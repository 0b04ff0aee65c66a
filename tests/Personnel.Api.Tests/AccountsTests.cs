using System.Net;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// /api/communes/{commune}/accounts: the district admin and the commune office give staff accounts with commune roles,
/// disable and enable them and reset passwords; each change is audited; another commune's accounts are out of reach.
/// </summary>
public sealed class AccountsTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string Accounts = "/api/communes/my-thanh/accounts";
    private const string NewPassword = "MatKhau2026";
    private readonly HttpClient _client = host.Client;
    private readonly PersonnelFactory _factory = host.Factory;

    private Task<string> OfficeAsync() => _client.TokenAsync(Office);
    private Task<string> AdminAsync() => _client.TokenAsync(Demo.DistrictAdmin);

    private static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..6]}";

    private Task<HttpResponseMessage> CreateAsync(string token, string staffId, string username, string password = NewPassword, string[]? roles = null,
        string path = Accounts) =>
        _client.PostJsonAsync(path, token, new { staffId, username, password, roles = roles ?? [Roles.DeskOfficer] });

    private async Task<IReadOnlyList<string>> UsernamesAsync(string token, string path = Accounts) =>
        (await (await _client.GetAsync(path, token)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(a => a.GetProperty("username").GetString()!).ToList();

    private async Task<List<(string? Action, string? By)>> AuditOfAsync(string token, string username, string path = Accounts) =>
        (await (await _client.GetAsync($"{path}/audit", token)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .Where(a => a.GetProperty("username").GetString() == username)
        .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("by").GetString())).ToList();

    [Fact]
    public async Task The_district_admin_creates_an_account_that_signs_in_with_its_roles_and_commune()
    {
        var admin = await AdminAsync();
        var staffId = await _client.RegisterIdAsync(await OfficeAsync(), "Huỳnh Thị Mới");
        var username = Unique("moi");

        var response = await CreateAsync(admin, staffId, username, roles: [Roles.DeskOfficer, Roles.Front]);

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Accounts}/{username}", response.Headers.Location?.OriginalString);
        Assert.Equal((username, "Huỳnh Thị Mới", staffId, false, false),
            (created.GetProperty("username").GetString(), created.GetProperty("displayName").GetString(), created.GetProperty("staffId").GetString(),
                created.GetProperty("disabled").GetBoolean(), created.GetProperty("locked").GetBoolean()));
        Assert.Equal([Roles.DeskOfficer, Roles.Front], StringsOf(created.GetProperty("roles")));
        Assert.False(created.TryGetProperty("secretHash", out _));
        Assert.False(created.TryGetProperty("password", out _));

        var token = await _client.TokenAsync(username, NewPassword);
        var claims = PersonnelApi.JwtPayload(token);
        Assert.Equal(username, claims.GetProperty("sub").GetString());
        Assert.Equal("Huỳnh Thị Mới", claims.GetProperty("name").GetString());
        Assert.Equal(Demo.MyThanh, claims.GetProperty("commune").GetString());
        Assert.Equal([Roles.DeskOfficer, Roles.Front], PersonnelApi.ClaimValues(claims.GetProperty("role")).Order());
        Assert.False(claims.TryGetProperty("district", out _));
        // And the token works for what the roles allow.
        await (await _client.GetAsync("/api/communes/my-thanh/desk-assignments", token)).JsonAsync(HttpStatusCode.OK);
        await (await _client.GetAsync(Accounts, token)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_commune_office_creates_an_account_too_and_the_username_is_stored_lowercase()
    {
        var office = await OfficeAsync();
        var staffId = await _client.RegisterIdAsync(office, "Lê Thị Hoa Văn");
        var username = Unique("Hoa.Van");

        var created = await (await CreateAsync(office, staffId, username, roles: [Roles.Front])).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(username.ToLowerInvariant(), created.GetProperty("username").GetString());
        var token = await _client.TokenAsync(username.ToUpperInvariant(), NewPassword);
        Assert.Equal([Roles.Front], PersonnelApi.ClaimValues(PersonnelApi.JwtPayload(token).GetProperty("role")));
        Assert.Contains(username.ToLowerInvariant(), await UsernamesAsync(office));
    }

    [Fact]
    public async Task A_taken_username_is_a_409_username_taken_whatever_its_case_and_the_first_account_is_untouched()
    {
        var office = await OfficeAsync();
        var staffId = await _client.RegisterIdAsync(office, "Mai Văn Trùng");
        var username = Unique("trung");
        await (await CreateAsync(office, staffId, username)).JsonAsync(HttpStatusCode.Created);

        await (await CreateAsync(office, staffId, username.ToUpperInvariant(), "KhacHan2026", [Roles.CommuneOffice])).ProblemAsync(HttpStatusCode.Conflict, "username-taken");
        await (await CreateAsync(office, staffId, Demo.DeskOfficer, "KhacHan2026")).ProblemAsync(HttpStatusCode.Conflict, "username-taken");
        await (await CreateAsync(office, staffId, Demo.DistrictAdmin, "KhacHan2026")).ProblemAsync(HttpStatusCode.Conflict, "username-taken");

        var token = await _client.TokenAsync(username, NewPassword);
        Assert.Equal([Roles.DeskOfficer], PersonnelApi.ClaimValues(PersonnelApi.JwtPayload(token).GetProperty("role")));
        await (await _client.SignInAsync(username, "KhacHan2026")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await _client.TokenAsync(Demo.DeskOfficer);
        await _client.TokenAsync(Demo.DistrictAdmin);
    }

    /// <summary>
    /// The office files the nominations the council votes on: were it to create, reset or re-enable a council member's
    /// account it would know the password and could approve its own nominations in that member's name.
    /// </summary>
    [Theory]
    [InlineData(Roles.CommuneLeader)]
    [InlineData(Roles.EmulationCouncil)]
    public async Task Only_the_district_admin_grants_and_manages_the_roles_that_decide(string role)
    {
        var office = await OfficeAsync();
        var staffId = await _client.RegisterIdAsync(office, "Trương Văn Lãnh");

        var refused = await (await CreateAsync(office, staffId, Unique("quyetdinh"), "LanhDao2026", [Roles.Front, role]))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "leader-account-by-district");
        Assert.Contains(role, refused.GetProperty("detail").GetString());
        var username = (await (await CreateAsync(await AdminAsync(), staffId, Unique("quyetdinh"), "LanhDao2026", [role])).JsonAsync(HttpStatusCode.Created))
            .GetProperty("username").GetString();

        await (await _client.PostJsonAsync($"{Accounts}/{username}/reset-password", office, new { password = "ChiemQuyen2026" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "leader-account-by-district");
        await (await _client.PostJsonAsync($"{Accounts}/{username}/enable", office, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "leader-account-by-district");
        await _client.TokenAsync(username!, "LanhDao2026"); // the password the office tried to set did not take
        await (await _client.PostJsonAsync($"{Accounts}/{username}/reset-password", await AdminAsync(), new { password = "MoiHon2027" })).JsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.DistrictAdmin)]
    [InlineData(Roles.DistrictOfficer)]
    [InlineData(Roles.Radio)]
    [InlineData("super-user")]
    public async Task District_roles_radio_or_unknown_roles_are_a_400_naming_roles(string role)
    {
        var admin = await AdminAsync();
        var username = Unique("vaitro");

        var problem = await (await CreateAsync(admin, HamletChief, username, roles: [Roles.DeskOfficer, role])).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["roles"], TestApi.ErrorFields(problem));
        Assert.DoesNotContain(username, await UsernamesAsync(admin));
        await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task No_roles_is_a_400_naming_roles()
    {
        var problem = await (await CreateAsync(await AdminAsync(), HamletChief, Unique("rong"), roles: [])).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["roles"], TestApi.ErrorFields(problem));
    }

    [Theory]
    [InlineData("Ab1")]
    [InlineData("chilachucai")]
    [InlineData("1234567890")]
    [InlineData("")]
    public async Task A_weak_password_is_a_400_naming_password(string password)
    {
        var office = await OfficeAsync();
        var username = Unique("yeu");

        var problem = await (await CreateAsync(office, HamletChief, username, password)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["password"], TestApi.ErrorFields(problem));
        Assert.DoesNotContain(username, await UsernamesAsync(office));
    }

    [Fact]
    public async Task A_username_with_spaces_or_too_short_is_a_400_naming_username()
    {
        var office = await OfficeAsync();

        var spaces = await (await CreateAsync(office, HamletChief, "ten co dau cach")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        var shortName = await (await CreateAsync(office, HamletChief, "ab")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["username"], TestApi.ErrorFields(spaces));
        Assert.Equal(["username"], TestApi.ErrorFields(shortName));
    }

    [Fact]
    public async Task Staff_who_left_get_no_account_422()
    {
        var office = await OfficeAsync();
        var staffId = await _client.RegisterIdAsync(office, "Kha Văn Đã Nghỉ");
        await (await _client.PostJsonAsync($"{StaffPath()}/{staffId}/status", office, new { status = "left" })).JsonAsync(HttpStatusCode.OK);
        var username = Unique("danghi");

        await (await CreateAsync(office, staffId, username)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "staff-left");

        Assert.DoesNotContain(username, await UsernamesAsync(office));
        await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task An_unknown_staff_member_or_one_of_another_commune_is_a_404()
    {
        var admin = await AdminAsync();
        var theirs = await _client.RegisterIdAsync(TokenForge.ForCommune(_factory.Key, Demo.LuongHoa, Roles.CommuneOffice), "Tăng Văn Láng Giềng",
            commune: Demo.LuongHoa);

        await (await CreateAsync(admin, "khong-co", Unique("khongco"))).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var username = Unique("langgieng");
        await (await CreateAsync(admin, theirs, username)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_it_is_enabled_again_and_every_change_is_audited()
    {
        var office = await OfficeAsync();
        var admin = await AdminAsync();
        var staffId = await _client.RegisterIdAsync(office, "Châu Văn Khóa");
        var username = Unique("khoa");
        await (await CreateAsync(office, staffId, username)).JsonAsync(HttpStatusCode.Created);
        await _client.TokenAsync(username, NewPassword);

        var disabled = await (await _client.PostJsonAsync($"{Accounts}/{username}/disable", office, new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var listed = (await (await _client.GetAsync(Accounts, office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(a => a.GetProperty("username").GetString() == username);
        Assert.True(listed.GetProperty("disabled").GetBoolean());

        var enabled = await (await _client.PostJsonAsync($"{Accounts}/{username}/enable", admin, new { })).JsonAsync(HttpStatusCode.OK);
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        await _client.TokenAsync(username, NewPassword);

        var adminName = PersonnelApi.JwtPayload(admin).GetProperty("name").GetString();
        Assert.Equal(
        [
            ("enabled", adminName),
            ("disabled", OfficeName),
            ($"created with roles {Roles.DeskOfficer}", OfficeName),
        ], await AuditOfAsync(office, username));
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_lifts_the_lockout_and_is_audited()
    {
        var office = await OfficeAsync();
        var staffId = await _client.RegisterIdAsync(office, "Thái Văn Quên");
        var username = Unique("quen");
        await (await CreateAsync(office, staffId, username)).JsonAsync(HttpStatusCode.Created);
        for (var i = 0; i < 5; i++) await _client.SignInAsync(username, "SaiMatKhau1");
        await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.TooManyRequests, "sign-in-throttled");
        var locked = (await (await _client.GetAsync(Accounts, office)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(a => a.GetProperty("username").GetString() == username);
        Assert.True(locked.GetProperty("locked").GetBoolean());

        var reset = await (await _client.PostJsonAsync($"{Accounts}/{username}/reset-password", office, new { password = "MoiHon2027" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.False(reset.GetProperty("locked").GetBoolean());
        await _client.TokenAsync(username, "MoiHon2027");
        await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(("password reset", OfficeName), (await AuditOfAsync(office, username))[0]);
    }

    [Fact]
    public async Task A_weak_new_password_is_a_400_and_the_old_one_still_works()
    {
        var office = await OfficeAsync();
        var staffId = await _client.RegisterIdAsync(office, "Thái Thị Giữ");
        var username = Unique("giu");
        await (await CreateAsync(office, staffId, username)).JsonAsync(HttpStatusCode.Created);

        var problem = await (await _client.PostJsonAsync($"{Accounts}/{username}/reset-password", office, new { password = "ngan" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["password"], TestApi.ErrorFields(problem));
        await _client.TokenAsync(username, NewPassword);
        Assert.Single(await AuditOfAsync(office, username));
    }

    [Fact]
    public async Task Another_communes_account_or_a_district_account_is_a_404_through_this_communes_routes()
    {
        var admin = await AdminAsync();
        var office = await OfficeAsync();
        var luongHoaStaff = await _client.RegisterIdAsync(TokenForge.ForCommune(_factory.Key, Demo.LuongHoa, Roles.CommuneOffice), "Văn Thị Lương",
            commune: Demo.LuongHoa);
        var theirs = Unique("luonghoa");
        await (await CreateAsync(admin, luongHoaStaff, theirs, path: "/api/communes/luong-hoa/accounts")).JsonAsync(HttpStatusCode.Created);

        foreach (var token in new[] { admin, office })
        foreach (var username in new[] { theirs, Demo.DistrictAdmin })
        {
            await (await _client.PostJsonAsync($"{Accounts}/{username}/disable", token, new { })).ProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await _client.PostJsonAsync($"{Accounts}/{username}/enable", token, new { })).ProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await _client.PostJsonAsync($"{Accounts}/{username}/reset-password", token, new { password = "ChiemQuyen2026" }))
                .ProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        await _client.TokenAsync(theirs, NewPassword);
        await _client.TokenAsync(Demo.DistrictAdmin);
        var ours = await UsernamesAsync(office);
        Assert.DoesNotContain(theirs, ours);
        Assert.DoesNotContain(Demo.DistrictAdmin, ours);
        Assert.Contains(theirs, await UsernamesAsync(admin, "/api/communes/luong-hoa/accounts"));
        // The luong-hoa audit has the creation; my-thanh's has no trace of these attempts.
        Assert.Equal([($"created with roles {Roles.DeskOfficer}", PersonnelApi.JwtPayload(admin).GetProperty("name").GetString())],
            await AuditOfAsync(admin, theirs, "/api/communes/luong-hoa/accounts"));
        Assert.Empty(await AuditOfAsync(office, theirs));
    }

    [Fact]
    public async Task The_list_shows_the_communes_accounts_sorted_with_their_staff_and_roles()
    {
        var office = await OfficeAsync();

        var list = await (await _client.GetAsync(Accounts, office)).JsonAsync(HttpStatusCode.OK);

        var usernames = list.EnumerateArray().Select(a => a.GetProperty("username").GetString()!).ToList();
        Assert.Equal(usernames.Order(StringComparer.Ordinal), usernames);
        Assert.Superset(new HashSet<string> { "chutich.mythanh", "motcua.mythanh", "vanphong.mythanh", "hdtdkt.mythanh", "mttq.mythanh", "radio-mythanh" },
            usernames.ToHashSet());
        var desk = list.EnumerateArray().Single(a => a.GetProperty("username").GetString() == Demo.DeskOfficer);
        Assert.Equal((DeskStaff, "Trần Thị Mai"), (desk.GetProperty("staffId").GetString(), desk.GetProperty("displayName").GetString()));
        Assert.Equal([Roles.DeskOfficer], StringsOf(desk.GetProperty("roles")));
        Assert.All(list.EnumerateArray(), a => Assert.False(a.TryGetProperty("secretHash", out _)));
    }

    [Fact]
    public async Task A_desk_officer_or_a_leader_cannot_manage_accounts()
    {
        var staffId = await _client.RegisterIdAsync(await OfficeAsync(), "Phùng Văn Chặn");
        foreach (var token in new[] { await _client.TokenAsync(Demo.DeskOfficer), await _client.TokenAsync(Demo.Leader) })
        {
            var username = Unique("chan");
            await (await _client.GetAsync(Accounts, token)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await _client.GetAsync($"{Accounts}/audit", token)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await CreateAsync(token, staffId, username)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await _client.PostJsonAsync($"{Accounts}/{Demo.DeskOfficer}/disable", token, new { })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await _client.PostJsonAsync($"{Accounts}/{Demo.DeskOfficer}/reset-password", token, new { password = "ChiemQuyen2026" }))
                .ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await _client.SignInAsync(username, NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        }
        await _client.TokenAsync(Demo.DeskOfficer);
    }

    [Fact]
    public async Task An_unknown_account_is_a_404()
    {
        var office = await OfficeAsync();

        await (await _client.PostJsonAsync($"{Accounts}/khong.co/disable", office, new { })).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.PostJsonAsync($"{Accounts}/khong.co/reset-password", office, new { password = "MoiHon2027" }))
            .ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

}
