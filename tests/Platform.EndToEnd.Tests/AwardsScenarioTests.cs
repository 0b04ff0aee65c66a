using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The awards issue's "done when", through the front door: a year's work (a training recorded in personnel) produces an
/// achievement in awards; the office files nominations and is stopped at the quota and after the deadline; the council
/// votes; the chairman and the district decide; the awards reach the radio feed; the district officer sees the communes ranked.
/// </summary>
public static class AwardsFlow
{
    /// <summary>Who acts; <paramref name="CouncilStaff"/> are the staff ids the office names as the year's council of three (Council1's and Council2's among them).</summary>
    public sealed record People(string Office, string Leader, string Council1, string Council2, string District, string RadioReader, string StaffId, string StaffName,
        IReadOnlyList<string> CouncilStaff);

    private static int Year => DateTime.UtcNow.AddHours(7).Year;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static async Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, string token, object? body, HttpStatusCode expected) =>
        await DeskFlow.JsonAsync(await http.SendAsync(DeskFlow.Request(method, path, token, body), TestContext.Current.CancellationToken), expected, $"{method} {path}");

    private static async Task<JsonElement> Until(HttpClient http, string path, string token, Func<JsonElement, bool> done, string what, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var value = await Send(http, HttpMethod.Get, path, token, null, HttpStatusCode.OK);
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what}: {value}\n{diagnostics()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public static async Task RunAsync(HttpClient http, string commune, People p, Func<string> diagnostics)
    {
        var c = $"/api/communes/{commune}";
        var year = Year;

        // The movement exists after onboarding; the commune adds this year's plan (council of three, filings open to year end).
        var movement = await Until(http, $"{c}/campaigns", p.Office, v => v.GetArrayLength() > 0, "the movement from onboarding", diagnostics);
        Assert.Equal("cchc-2015-2020", movement[0].GetProperty("campaign").GetProperty("id").GetString());
        await Send(http, HttpMethod.Post, $"{c}/campaigns", p.Office, new
        {
            id = $"cchc-{year}", name = $"Thi đua đẩy mạnh cải cách hành chính năm {year}", fromYear = year, toYear = year,
            years = new[] { new { year, theme = "Chuyển đổi số", councilSize = 3, communeDeadline = $"{year}-12-31", districtDeadline = $"{year}-12-31" } },
        }, HttpStatusCode.Created);
        // The council is a roster of named staff members kept with the plan; staff registered in personnel reach awards by events.
        var roster = new { members = p.CouncilStaff.Select(staffId => new { staffId }).ToArray() };
        var councilPath = $"{c}/campaigns/cchc-{year}/years/{year}/council";
        var seated = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var answer = await http.SendAsync(DeskFlow.Request(HttpMethod.Put, councilPath, p.Office, roster), TestContext.Current.CancellationToken);
            if (answer.StatusCode != HttpStatusCode.UnprocessableEntity || DateTime.UtcNow > seated)
            {
                var plan = await DeskFlow.JsonAsync(answer, HttpStatusCode.OK, $"PUT {councilPath}");
                Assert.Equal(p.CouncilStaff, plan.GetProperty("council").EnumerateArray().Select(m => m.GetProperty("staffId").GetString()));
                break;
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        // A year's work: a training recorded in personnel becomes an achievement in awards (TrainingCompleted).
        await Send(http, HttpMethod.Post, $"{c}/staff/{p.StaffId}/trainings", p.Office,
            new { course = "Bồi dưỡng kỹ năng giao tiếp tại Bộ phận một cửa", completedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hours = 16 },
            HttpStatusCode.OK);
        var achievements = await Until(http, $"{c}/achievements?year={year}", p.Office,
            v => v.EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "training" && a.GetProperty("staffId").GetString() == p.StaffId),
            "the training as an achievement", diagnostics);
        Assert.Contains(achievements.EnumerateArray(), a => a.GetProperty("name").GetString() == p.StaffName);

        // Nominations: three individuals, then the fourth is over quota; a past year's deadline is gone.
        object Individual(string name, string level = "commune") =>
            new { year, level, kind = "individual", nominee = new { name }, title = "giay-khen", reason = "Tiêu biểu trong phong trào thi đua" };
        var ids = new List<string>();
        foreach (var name in new[] { p.StaffName, "Nguyễn Văn Hai", "Lê Thị Ba" })
            ids.Add((await Send(http, HttpMethod.Post, $"{c}/nominations", p.Office, Individual(name, ids.Count == 2 ? "district" : "commune"), HttpStatusCode.Created))
                .GetProperty("id").GetString()!);
        var over = await Send(http, HttpMethod.Post, $"{c}/nominations", p.Office, Individual("Người thứ tư"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("urn:cchc:problem:over-quota", over.GetProperty("type").GetString());
        var late = await Send(http, HttpMethod.Post, $"{c}/nominations", p.Office,
            new { year = 2020, level = "commune", kind = "collective", nominee = new { name = "Bộ phận một cửa" }, title = "tap-the-lao-dong-tien-tien", reason = "Năm 2020" },
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("urn:cchc:problem:past-deadline", late.GetProperty("type").GetString());
        Assert.Contains("25/11/2020", late.GetProperty("detail").GetString());

        // The council votes: two of three named members approve; a second vote by the same member is refused; the office cannot vote.
        foreach (var id in new[] { ids[0], ids[2] })
        {
            await Send(http, HttpMethod.Post, $"{c}/nominations/{id}/votes", p.Council1, new { approve = true }, HttpStatusCode.OK);
            var approved = await Send(http, HttpMethod.Post, $"{c}/nominations/{id}/votes", p.Council2, new { approve = true }, HttpStatusCode.OK);
            Assert.Equal("approved", approved.GetProperty("status").GetString());
            Assert.Equal(2, approved.GetProperty("tally").GetProperty("needed").GetInt32());
            Assert.Equal(2, approved.GetProperty("tally").GetProperty("approvedBy").GetArrayLength());
        }
        await Send(http, HttpMethod.Post, $"{c}/nominations/{ids[1]}/votes", p.Council1, new { approve = true }, HttpStatusCode.OK);
        await Send(http, HttpMethod.Post, $"{c}/nominations/{ids[1]}/votes", p.Council1, new { approve = true }, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"{c}/nominations/{ids[1]}/votes", p.Office, new { approve = true }),
            TestContext.Current.CancellationToken)).StatusCode);

        // The chairman grants the commune-level award; the district-level one is forwarded and decided by the district.
        var communeNo = $"{Random.Shared.Next(100, 999)}/QĐ-UBND";
        await Send(http, HttpMethod.Post, $"{c}/awards", p.Leader, new { nominationId = ids[0], decisionNo = communeNo }, HttpStatusCode.Created);
        await Send(http, HttpMethod.Post, $"{c}/awards", p.Leader, new { nominationId = ids[0], decisionNo = communeNo }, HttpStatusCode.Conflict);
        await Send(http, HttpMethod.Post, $"{c}/nominations/{ids[2]}/forward", p.Office, null, HttpStatusCode.OK);
        var inbox = await Send(http, HttpMethod.Get, $"/api/districts/giong-trom/nominations?year={year}", p.District, null, HttpStatusCode.OK);
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("id").GetString() == ids[2] && n.GetProperty("commune").GetString() == commune);
        var districtNo = $"{Random.Shared.Next(1000, 9999)}/QĐ-UBND";
        await Send(http, HttpMethod.Post, $"/api/districts/giong-trom/nominations/{ids[2]}/decide", p.District,
            new { granted = true, decisionNo = districtNo, title = "Giấy khen của Chủ tịch UBND huyện" }, HttpStatusCode.OK);
        await Send(http, HttpMethod.Post, $"/api/districts/giong-trom/nominations/{ids[2]}/decide", p.District,
            new { granted = true, decisionNo = districtNo }, HttpStatusCode.Conflict);

        // Both awards reach the radio: the items and the RSS feed.
        await Until(http, $"{c}/radio/items", p.RadioReader, v => v.EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "award"
            && (i.GetProperty("text").GetString()!.Contains(communeNo) || i.GetProperty("text").GetString()!.Contains(districtNo))) == 2, "the awards on the radio", diagnostics);
        var feed = await http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"{c}/radio/feed.rss", p.RadioReader), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var rss = XDocument.Parse(await feed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(rss.Descendants("item"), i => i.Element("description")!.Value.Contains(p.StaffName) && i.Element("description")!.Value.Contains(communeNo));

        // The district officer sees the communes ranked.
        var board = await Send(http, HttpMethod.Get, $"/api/districts/giong-trom/scoreboard?year={year}", p.District, null, HttpStatusCode.OK);
        var rows = board.GetProperty("communes").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("commune").GetString() == commune);
        Assert.Equal(1, rows[0].GetProperty("rank").GetInt32());
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].GetProperty("score").GetDouble() <= rows[i - 1].GetProperty("score").GetDouble(), board.ToString());
            Assert.True(rows[i].GetProperty("rank").GetInt32() >= rows[i - 1].GetProperty("rank").GetInt32(), board.ToString());
        }
    }
}

public sealed class StandaloneAwardsScenarioTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_years_work_to_awards_on_the_radio_and_the_district_ranking_in_demo_mode()
    {
        var ct = TestContext.Current.CancellationToken;
        string Diagnostics() => fixture.Platform.Diagnostics;
        Task<string> Token(string user) => DeskFlow.TokenAsync(_http, user, "Demo@2015", Diagnostics);
        var admin = await Token("noivu.giongtrom");
        // The demo commune's council accounts belong to three staff members; the flow names them as the year's council.
        var council2 = await Token("hdtdkt2.mythanh");
        var radio = await _http.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { clientId = "radio-mythanh", clientSecret = "Demo@2015" }), ct);
        var radioToken = (await DeskFlow.JsonAsync(radio, HttpStatusCode.OK, "radio client token")).GetProperty("accessToken").GetString()!;

        await AwardsFlow.RunAsync(_http, "my-thanh", new AwardsFlow.People(await Token("vanphong.mythanh"), await Token("chutich.mythanh"), await Token("hdtdkt.mythanh"),
            council2, admin, radioToken, "mt-tu-phap", "Trần Thị Mai", ["mt-van-hoa", "mt-pho-chu-tich", "mt-mttq"]), Diagnostics);

        // The radio client reads only its own commune.
        var other = await _http.SendAsync(DeskFlow.Request(HttpMethod.Get, "/api/communes/luong-hoa/radio/items", radioToken), ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}

public sealed class DistributedAwardsScenarioTests(DistributedFixture fixture) : IClassFixture<DistributedFixture>
{
    private HttpClient? _client;

    private HttpClient Http
    {
        get
        {
            if (fixture.Platform.SkipReason is { } reason) Assert.Skip(reason);
            return _client ??= new HttpClient { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        }
    }

    [Fact]
    public async Task A_years_work_to_awards_on_the_radio_and_the_district_ranking_through_the_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        string Diagnostics() => fixture.Platform.Diagnostics;
        var (username, password) = fixture.Platform.DistrictAdmin;
        var admin = await DeskFlow.TokenAsync(Http, username, password, Diagnostics);
        var commune = "xa-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, "/api/districts/giong-trom/communes", admin,
            new { code = commune, name = "Xã Thi Đua", hamlets = new[] { new { code = "ap-1", name = "Ấp 1" } } }), ct)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var record = await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"/api/communes/{commune}", admin), ct), HttpStatusCode.OK, "commune");
            if (record.GetProperty("services").GetProperty("awards").GetString() == "ready") break;
            if (DateTime.UtcNow > deadline) Assert.Fail($"awards never prepared {commune}\n{Diagnostics()}");
            await Task.Delay(250, ct);
        }

        async Task<string> Person(string name, string position, string kind, string user, string role)
        {
            var staff = await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"/api/communes/{commune}/staff", admin,
                new { fullName = name, kind, position }), ct), HttpStatusCode.Created, "staff");
            var id = staff.GetProperty("staff").GetProperty("id").GetString()!;
            var secret = "Pass-" + Guid.NewGuid().ToString("N")[..10];
            await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"/api/communes/{commune}/accounts", admin,
                new { staffId = id, username = $"{user}.{commune}", password = secret, roles = new[] { role } }), ct), HttpStatusCode.Created, "account");
            return $"{id}|{await DeskFlow.TokenAsync(Http, $"{user}.{commune}", secret, Diagnostics)}";
        }

        var office = (await Person("Lê Văn Tâm", "van-phong-thong-ke", "civil-servant", "vanphong", "commune-office")).Split('|');
        var leader = (await Person("Phạm Thanh Diễn", "chu-tich-ubnd", "cadre", "chutich", "commune-leader")).Split('|');
        var council1 = (await Person("Nguyễn Thị Lan", "van-hoa-xa-hoi", "civil-servant", "hdtdkt1", "emulation-council")).Split('|');
        var council2 = (await Person("Võ Thị Hoa", "chu-tich-mttq", "cadre", "hdtdkt2", "emulation-council")).Split('|');

        await AwardsFlow.RunAsync(Http, commune, new AwardsFlow.People(office[1], leader[1], council1[1], council2[1], admin, office[1], office[0], "Lê Văn Tâm",
            [council1[0], council2[0], leader[0]]), Diagnostics);
    }
}
