using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Personnel.Api.Domain;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The procedures issue's "done when", through the front door: the desk officer receives a dossier, a handler on the
/// desk roster takes it, it is approved, its receipt printed, its result returned with a survey code, and then the
/// year's statistics count it and the citizen can track it by receipt number and phone, and by nothing else.
/// </summary>
public static class DeskFlow
{
    public const string Procedure = "ho-tich-ket-hon";

    public sealed record Outcome(string Id, string ReceiptNo, string Phone, string SurveyCode);

    private static DateOnly VietnamToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<string> TokenAsync(HttpClient http, string username, string password, Func<string> diagnostics)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {username}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{diagnostics()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The public list of procedures, read without a token: the fifteen of the starter catalogue.</summary>
    public static async Task AssertPublicCatalogueAsync(HttpClient http, string commune)
    {
        var ct = TestContext.Current.CancellationToken;
        var list = await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, $"/api/communes/{commune}/procedures", null), ct), HttpStatusCode.OK,
            "public catalogue");
        Assert.Equal(15, list.GetArrayLength());
        var marriage = list.EnumerateArray().Single(p => p.GetProperty("code").GetString() == Procedure);
        Assert.Equal(5, marriage.GetProperty("processingDays").GetInt32());
        Assert.Equal("tu-phap-ho-tich", marriage.GetProperty("field").GetString());
        Assert.True(marriage.GetProperty("components").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(marriage.GetProperty("legalBasis").GetString()));
        Assert.Equal(JsonValueKind.String, marriage.GetProperty("postedSince").ValueKind);
    }

    /// <summary>
    /// receive → assign → resolve → print the receipt → return → statistics → public lookup (and a wrong phone),
    /// checking what each step answers.
    /// </summary>
    public static async Task<Outcome> RunAsync(HttpClient http, string commune, string deskToken, string staffId, string hamlet, Func<string> diagnostics)
    {
        var ct = TestContext.Current.CancellationToken;
        var year = VietnamToday.Year;
        var phone = "09" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var dossiers = $"/api/communes/{commune}/dossiers";

        // 1. Receive: 201 with the receipt number of the year, the due date and the status.
        var receivedResponse = await http.SendAsync(Request(HttpMethod.Post, dossiers, deskToken, new
        {
            procedureCode = Procedure,
            applicant = new { name = "Nguyễn Văn An", phone = $"+84 {phone[1..4]} {phone[4..7]} {phone[7..]}", hamlet },
        }), ct);
        var received = await JsonAsync(receivedResponse, HttpStatusCode.Created, "receive");
        var id = received.GetProperty("id").GetString()!;
        var receiptNo = received.GetProperty("receiptNo").GetString()!;
        Assert.Matches(new Regex($"^{year}-\\d{{6}}$"), receiptNo);
        Assert.Equal("received", received.GetProperty("status").GetString());
        var dueDate = DateOnly.Parse(received.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(dueDate > VietnamToday, $"A 5-working-day procedure is due after today; got {dueDate}.");
        Assert.Equal(phone, received.GetProperty("applicant").GetProperty("phone").GetString()); // +84 written as a leading 0
        Assert.EndsWith($"{dossiers}/{id}", receivedResponse.Headers.Location?.ToString());

        // 2. Assign: the roster reaches procedures by events (StaffRegistered, DeskAssignmentChanged), so 422 until then.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        JsonElement assigned;
        while (true)
        {
            var response = await http.SendAsync(Request(HttpMethod.Post, $"{dossiers}/{id}/assign", deskToken, new { staffId }), ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                assigned = await JsonAsync(response, HttpStatusCode.OK, "assign");
                break;
            }
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity,
                $"assign: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"{staffId} never reached procedures' desk roster.\n{diagnostics()}");
            await Task.Delay(250, ct);
        }
        Assert.Equal("in-progress", assigned.GetProperty("status").GetString());
        Assert.Equal(staffId, assigned.GetProperty("handlerId").GetString());

        // 3. Resolve: approved, early (a 5-day procedure decided on the day it was received).
        var resolved = await JsonAsync(await http.SendAsync(Request(HttpMethod.Post, $"{dossiers}/{id}/resolve", deskToken,
            new { outcome = "approved", note = "Đủ điều kiện kết hôn" }), ct), HttpStatusCode.OK, "resolve");
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("approved", resolved.GetProperty("outcome").GetString());
        Assert.Equal("early", resolved.GetProperty("timeliness").GetString());

        // 4. The receipt (form 01) is printed by the web app from this dossier (tests/Platform.Web.Tests, WebApp/ browser tests).
        // 5. Return: the survey code printed on the result slip.
        var returned = await JsonAsync(await http.SendAsync(Request(HttpMethod.Post, $"{dossiers}/{id}/return", deskToken), ct), HttpStatusCode.OK, "return");
        var surveyCode = returned.GetProperty("surveyCode").GetString()!;
        Assert.Matches("^[A-Z2-9]{10}$", surveyCode);
        Assert.Equal(receiptNo, returned.GetProperty("receiptNo").GetString());
        var again = await http.SendAsync(Request(HttpMethod.Post, $"{dossiers}/{id}/return", deskToken), ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // 6. The year's statistics count it, resolved early, under its field and its handler.
        var stats = await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, $"/api/communes/{commune}/procedure-stats?year={year}", deskToken), ct),
            HttpStatusCode.OK, "procedure-stats");
        Assert.True(stats.GetProperty("received").GetInt32() >= 1, $"received: {stats}");
        Assert.True(stats.GetProperty("resolvedEarly").GetInt32() >= 1, $"resolvedEarly: {stats}");
        var resolvedCount = stats.GetProperty("resolvedEarly").GetInt32() + stats.GetProperty("resolvedOnTime").GetInt32() + stats.GetProperty("resolvedLate").GetInt32();
        Assert.True(resolvedCount <= stats.GetProperty("received").GetInt32(), $"more resolved than received: {stats}");
        Assert.Contains(stats.GetProperty("byField").EnumerateArray(), f => f.GetProperty("field").GetString() == "tu-phap-ho-tich");
        Assert.Contains(stats.GetProperty("byHandler").EnumerateArray(), h => h.GetProperty("handlerId").GetString() == staffId);

        // 7. The citizen's lookup: no token, receipt number and phone; status and dates only.
        var lookup = await JsonAsync(await http.SendAsync(Request(HttpMethod.Get,
            $"/api/public/communes/{commune}/dossiers/{receiptNo}?phone={phone}", null), ct), HttpStatusCode.OK, "lookup");
        Assert.Equal("returned", lookup.GetProperty("status").GetString());
        Assert.Equal(10, lookup.GetProperty("nationalStatusCode").GetInt32());
        Assert.Equal(receiptNo, lookup.GetProperty("receiptNo").GetString());
        Assert.Equal(dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lookup.GetProperty("dueDate").GetString());
        Assert.Equal(JsonValueKind.String, lookup.GetProperty("returnedAt").ValueKind);
        var lookupText = lookup.GetRawText();
        Assert.DoesNotContain("Nguy", lookupText); // nothing personal
        Assert.DoesNotContain(phone, lookupText);

        // A wrong phone, no phone and an unknown receipt all get the same 404.
        var wrongPhone = "09" + (phone[2] == '1' ? "2" : "1") + phone[3..];
        foreach (var path in new[]
                 {
                     $"/api/public/communes/{commune}/dossiers/{receiptNo}?phone={wrongPhone}",
                     $"/api/public/communes/{commune}/dossiers/{receiptNo}",
                     $"/api/public/communes/{commune}/dossiers/{year}-999999?phone={phone}",
                 })
        {
            var response = await http.SendAsync(Request(HttpMethod.Get, path, null), ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        return new Outcome(id, receiptNo, phone, surveyCode);
    }

    /// <summary>The district admin onboards a new commune (two hamlets) and waits until all four services have prepared it.</summary>
    public static async Task<(string Admin, string Commune)> OnboardAsync(HttpClient http, (string Username, string Password) districtAdmin, string name,
        Func<string> diagnostics)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await TokenAsync(http, districtAdmin.Username, districtAdmin.Password, diagnostics);
        var code = "xa-" + Guid.NewGuid().ToString("N")[..8];
        var created = await http.SendAsync(Request(HttpMethod.Post, "/api/districts/giong-trom/communes", admin, new
        {
            code, name, hamlets = new[] { new { code = "ap-1", name = "Ấp 1" }, new { code = "ap-2", name = "Ấp 2" } },
        }), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var commune = await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, $"/api/communes/{code}", admin), ct), HttpStatusCode.OK, "commune");
            var services = commune.GetProperty("services");
            if (new[] { "personnel", "procedures", "feedback", "awards" }.All(s => services.GetProperty(s).GetString() == "ready")) return (admin, code);
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not every service prepared {code}: {services}\n{diagnostics()}");
            await Task.Delay(250, ct);
        }
    }

    public sealed record ProvisionedDesk(string DeskStaffId, string ClerkStaffId, string OfficeToken);

    /// <summary>
    /// How a newly onboarded commune gets its desk, all through the gateway: the district admin registers the commune's
    /// office clerk and gives them an account; the office registers the civil servant with the desk's qualification and
    /// courses, puts them on the desk (personnel announces it to procedures) and gives them a desk-officer account.
    /// </summary>
    public static async Task<ProvisionedDesk> ProvisionDeskAsync(HttpClient http, string admin, string commune, string username, string password,
        Func<string> diagnostics)
    {
        var ct = TestContext.Current.CancellationToken;
        async Task<JsonElement> Post(string token, string path, object body, HttpStatusCode expected) =>
            await JsonAsync(await http.SendAsync(Request(HttpMethod.Post, $"/api/communes/{commune}/{path}", token, body), ct), expected, path);

        var clerk = (await Post(admin, "staff", new { fullName = "Lê Văn Tâm", kind = "civil-servant", position = "van-phong-thong-ke" }, HttpStatusCode.Created))
            .GetProperty("staff").GetProperty("id").GetString()!;
        var officePassword = "Office-" + Guid.NewGuid().ToString("N")[..10];
        await Post(admin, "accounts", new { staffId = clerk, username = "vanphong." + commune, password = officePassword, roles = new[] { "commune-office" } }, HttpStatusCode.Created);
        var office = await TokenAsync(http, "vanphong." + commune, officePassword, diagnostics);

        var desk = (await Post(office, "staff", new
        {
            fullName = "Trần Thị Mai", kind = "civil-servant", position = "tu-phap-ho-tich", phone = "0275 3861 010",
            qualifications = new[] { Positions.IntermediateDegree },
        }, HttpStatusCode.Created)).GetProperty("staff").GetProperty("id").GetString()!;
        foreach (var course in new[] { Positions.StateManagementCourse, Positions.OneStopCourse })
            await Post(office, $"staff/{desk}/trainings", new { course, completedOn = "2024-06-01", hours = 40 }, HttpStatusCode.OK);
        await Post(office, "desk-assignments", new { staffId = desk }, HttpStatusCode.Created);
        await Post(office, "accounts", new { staffId = desk, username, password, roles = new[] { "desk-officer" } }, HttpStatusCode.Created);
        return new ProvisionedDesk(desk, clerk, office);
    }

    /// <summary>The working-day calendar is public: holidays of a year (Tết included) and a due date.</summary>
    public static async Task AssertCalendarAsync(HttpClient http)
    {
        var ct = TestContext.Current.CancellationToken;
        var holidays = await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, "/api/calendar/2026/holidays", null), ct), HttpStatusCode.OK, "holidays");
        var dates = holidays.EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToList();
        Assert.Contains("2026-01-01", dates);
        Assert.Contains("2026-02-17", dates); // Tết Bính Ngọ, the first day of the lunar year
        Assert.Contains("2026-04-26", dates); // Hùng Kings' day, 10th of the 3rd lunar month
        Assert.Contains("2026-09-02", dates);
        // Friday 2026-02-13: the Tết days off (from the 14th) are skipped.
        var due = await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, "/api/calendar/due-date?from=2026-02-13&workingDays=1", null), ct),
            HttpStatusCode.OK, "due-date");
        var dueDate = DateOnly.Parse(due.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(dueDate > new DateOnly(2026, 2, 20), $"due {dueDate}: the Tết holiday should be skipped");
        var bad = await http.SendAsync(Request(HttpMethod.Get, "/api/calendar/due-date?from=2026-02-13", null), ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

/// <summary>The standalone host in demo mode: the seeded desk officer of Mỹ Thạnh and the desk roster from personnel's events.</summary>
public sealed class StandaloneProceduresScenarioTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task The_desk_officer_receives_assigns_resolves_prints_and_returns_a_dossier_the_citizen_then_tracks()
    {
        var desk = await DeskFlow.TokenAsync(_http, "motcua.mythanh", "Demo@2015", () => fixture.Platform.Diagnostics);
        await DeskFlow.AssertPublicCatalogueAsync(_http, "my-thanh");

        var outcome = await DeskFlow.RunAsync(_http, "my-thanh", desk, "mt-tu-phap", "ap-1", () => fixture.Platform.Diagnostics);

        // The dossier as the desk sees it afterwards: returned, with its whole history.
        var ct = TestContext.Current.CancellationToken;
        var dossier = await DeskFlow.JsonAsync(await _http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"/api/communes/my-thanh/dossiers/{outcome.Id}", desk), ct),
            HttpStatusCode.OK, "dossier");
        Assert.Equal("returned", dossier.GetProperty("status").GetString());
        Assert.Equal(outcome.SurveyCode, dossier.GetProperty("surveyCode").GetString());
        Assert.Equal(["received", "assigned", "approved", "returned"],
            dossier.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        var listed = await DeskFlow.JsonAsync(await _http.SendAsync(DeskFlow.Request(HttpMethod.Get, "/api/communes/my-thanh/dossiers?status=returned", desk), ct),
            HttpStatusCode.OK, "list");
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("id").GetString() == outcome.Id);
    }

    [Fact]
    public async Task The_desk_stays_in_its_commune_and_needs_a_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await DeskFlow.TokenAsync(_http, "motcua.mythanh", "Demo@2015", () => fixture.Platform.Diagnostics);
        var body = new { procedureCode = DeskFlow.Procedure, applicant = new { name = "Lê Thị Bình", phone = "0909123456" } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(DeskFlow.Request(HttpMethod.Post, "/api/communes/my-thanh/dossiers", null, body), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(DeskFlow.Request(HttpMethod.Post, "/api/communes/luong-hoa/dossiers", desk, body), ct)).StatusCode);
        var unknown = await _http.SendAsync(DeskFlow.Request(HttpMethod.Post, "/api/communes/my-thanh/dossiers", desk, body with { procedureCode = "khong-co" }), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var notOnDesk = await DeskFlow.JsonAsync(await _http.SendAsync(DeskFlow.Request(HttpMethod.Post, "/api/communes/my-thanh/dossiers", desk, body), ct),
            HttpStatusCode.Created, "receive");
        var assign = await _http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"/api/communes/my-thanh/dossiers/{notOnDesk.GetProperty("id").GetString()}/assign",
            desk, new { staffId = "mt-chu-tich" }), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, assign.StatusCode); // a leader, not on the desk roster
        await DeskFlow.AssertCalendarAsync(_http);
    }
}

/// <summary>
/// The same flow through the gateway and four service processes on RabbitMQ and Redis, with no demo data: the district
/// admin onboards a commune, its staff, desk and accounts are set up through the API, and the desk officer runs the desk.
/// </summary>
public sealed class DistributedProceduresScenarioTests(DistributedFixture fixture) : DistributedScenario(fixture), IClassFixture<DistributedFixture>
{
    private Task<(string Admin, string Commune)> OnboardAsync() => DeskFlow.OnboardAsync(Http, Fixture.Platform.DistrictAdmin, "Xã Thủ Tục", Diagnostics);

    [Fact]
    public async Task An_onboarded_commune_has_its_public_catalogue_and_calendar_through_the_gateway_but_the_district_admin_cannot_receive()
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, commune) = await OnboardAsync();

        await DeskFlow.AssertPublicCatalogueAsync(Http, commune);
        await DeskFlow.AssertCalendarAsync(Http);

        // The district admin (also district officer) reads the commune's figures, but the desk is a desk officer's.
        var stats = await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"/api/communes/{commune}/procedure-stats", admin), ct),
            HttpStatusCode.OK, "procedure-stats as district officer");
        Assert.Equal(0, stats.GetProperty("received").GetInt32());
        var receive = await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"/api/communes/{commune}/dossiers", admin,
            new { procedureCode = DeskFlow.Procedure, applicant = new { name = "Lê Thị Bình", phone = "0909123456" } }), ct);
        Assert.Equal(HttpStatusCode.Forbidden, receive.StatusCode);
        var lookup = await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"/api/public/communes/{commune}/dossiers/2026-000001?phone=0909123456", null), ct);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_desk_officer_of_an_onboarded_commune_runs_the_desk_flow_through_the_gateway()
    {
        var (admin, commune) = await OnboardAsync();
        var username = "motcua." + commune;
        var password = "Desk-" + Guid.NewGuid().ToString("N")[..12];
        var (staffId, _, _) = await DeskFlow.ProvisionDeskAsync(Http, admin, commune, username, password, Diagnostics);

        var desk = await DeskFlow.TokenAsync(Http, username, password, Diagnostics);
        var outcome = await DeskFlow.RunAsync(Http, commune, desk, staffId, "ap-2", Diagnostics);

        Assert.Equal($"{DateTime.UtcNow.AddHours(7).Year}-000001", outcome.ReceiptNo); // the commune's first dossier of the year
        var stats = await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"/api/communes/{commune}/procedure-stats", desk),
            TestContext.Current.CancellationToken), HttpStatusCode.OK, "procedure-stats");
        Assert.Equal(1, stats.GetProperty("received").GetInt32());
        Assert.Equal(1, stats.GetProperty("resolvedEarly").GetInt32());
        Assert.Equal(1.0, stats.GetProperty("onTimeRate").GetDouble());
    }
}
