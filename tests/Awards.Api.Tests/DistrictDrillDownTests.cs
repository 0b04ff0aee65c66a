using System.Net;
using Awards.Api.Tests.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Security;
using static Awards.Api.Tests.EventFedTests;

namespace Awards.Api.Tests;

/// <summary>
/// The district's charts and drill-down: which figures rest on few answers, the ranking over the years, and the
/// procedures and officers where a commune lost its points, fed by the events awards already consumes.
/// </summary>
public sealed class DistrictDrillDownTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    private static DateTime At(int month, int day) => new(2023, month, day, 3, 0, 0, DateTimeKind.Utc);

    private static SatisfactionRated Rated(string dossier, SatisfactionLevel level, DateTime at, string? procedure = "ho-tich-khai-sinh") => new()
    {
        Commune = Seed.MyThanh, DossierId = dossier, ProcedureCode = procedure, HandlerId = Seed.Desk, Level = level, RatedAt = at,
    };

    [Fact]
    public async Task A_share_resting_on_fewer_than_ten_answers_is_flagged_with_its_basis()
    {
        for (var i = 0; i < 3; i++)
            await host.Factory.ConsumeAsync(Rated($"few-{i}", SatisfactionLevel.VerySatisfied, At(2, 1 + i)));
        for (var i = 0; i < 12; i++)
            await host.Factory.ConsumeAsync(Resolved(Seed.Desk, Timeliness.OnTime, At(2, 1 + i), $"many-{i}"));

        var board = await host.GetAsync($"/api/districts/{Seed.District}/scoreboard?year=2023", host.DistrictOfficer);
        var mine = board.GetProperty("communes").EnumerateArray().Single(r => r.Str("commune") == Seed.MyThanh);
        var scores = mine.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.Str("indicator"));
        Assert.Equal((3, true), (scores["satisfactionIndex"].Int("basis"), scores["satisfactionIndex"].GetProperty("fewAnswers").GetBoolean()));
        Assert.Equal((12, false), (scores["onTimeRate"].Int("basis"), scores["onTimeRate"].GetProperty("fewAnswers").GetBoolean()));
        // Nothing answered is no data, not few answers; a count has no basis.
        Assert.False(scores["feedbackInTime"].GetProperty("fewAnswers").GetBoolean());
        Assert.False(scores["initiatives"].TryGetProperty("basis", out var basis) && basis.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_drill_down_names_the_procedures_and_officers_where_the_commune_lost_points()
    {
        await host.Factory.ConsumeAsync(Changed(Seed.MyThanh, "ho-tich-khai-sinh", 1, posted: true));
        await host.Factory.ConsumeAsync(Changed(Seed.MyThanh, "cu-tru", 1, posted: false));
        await host.Factory.ConsumeAsync(Resolved(Seed.Desk, Timeliness.Late, new DateTime(2024, 3, 1, 3, 0, 0, DateTimeKind.Utc), "late-1"), copies: 2);
        await host.Factory.ConsumeAsync(Resolved(Seed.Desk, Timeliness.OnTime, new DateTime(2024, 3, 2, 3, 0, 0, DateTimeKind.Utc), "ok-1"));
        await host.Factory.ConsumeAsync(Rated("late-1", SatisfactionLevel.NotSatisfied, new DateTime(2024, 3, 5, 3, 0, 0, DateTimeKind.Utc)));
        await host.Factory.ConsumeAsync(Rated("x", SatisfactionLevel.NotSatisfied, new DateTime(2024, 3, 5, 3, 0, 0, DateTimeKind.Utc), procedure: null));

        var losses = await host.GetAsync($"/api/districts/{Seed.District}/communes/{Seed.MyThanh}/scoreboard?year=2024", host.DistrictOfficer);
        Assert.Equal((Seed.MyThanh, 2024), (losses.Str("commune"), losses.Int("year")));
        Assert.True(losses.GetProperty("row").Int("rank") >= 1);
        var procedures = losses.GetProperty("procedures").EnumerateArray().ToList();
        // The late, badly rated procedure first (a redelivered message counted once); then the one not posted.
        Assert.Equal(["ho-tich-khai-sinh", "cu-tru"], procedures.Select(p => p.Str("code")));
        Assert.Equal((2, 1, 1, 1), (procedures[0].Int("resolved"), procedures[0].Int("late"), procedures[0].Int("ratings"), procedures[0].Int("unsatisfied")));
        Assert.Equal(("Đăng ký thường trú", false), (procedures[1].Str("name"), procedures[1].GetProperty("posted").GetBoolean()));
        var desk = losses.GetProperty("officers").EnumerateArray().Single(o => o.Str("staffId") == Seed.Desk);
        Assert.Equal((Seed.DeskName, 2, 1, 2, 2), (desk.Str("fullName"), desk.Int("handled"), desk.Int("late"), desk.Int("ratings"), desk.Int("unsatisfied")));

        // Another year: nothing lost through dossiers.
        var quiet = await host.GetAsync($"/api/districts/{Seed.District}/communes/{Seed.MyThanh}/scoreboard?year=2019", host.DistrictOfficer);
        Assert.DoesNotContain(quiet.GetProperty("procedures").EnumerateArray(), p => p.Int("late") > 0);
    }

    [Fact]
    public async Task A_commune_is_drilled_into_only_by_its_own_districts_officer()
    {
        var path = $"/api/districts/{Seed.District}/communes/{Seed.MyThanh}/scoreboard?year=2024";
        await host.Client.GetAsync(path, host.Tokens.ForDistrict(Seed.OtherDistrict, Roles.DistrictOfficer)).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.GetAsync($"/api/districts/{Seed.OtherDistrict}/communes/{Seed.MyThanh}/scoreboard", host.Tokens.ForDistrict(Seed.OtherDistrict, Roles.DistrictOfficer))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.GetAsync(path, host.Office).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.GetAsync($"/api/districts/{Seed.District}/communes/xa-khong-co/scoreboard", host.DistrictOfficer).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_trend_gives_each_commune_its_total_and_rank_for_every_year_oldest_first()
    {
        await host.Factory.ConsumeAsync(Resolved(Seed.LuongHoaStaff, Timeliness.OnTime, new DateTime(2020, 3, 1, 3, 0, 0, DateTimeKind.Utc), "trend-lh", Seed.LuongHoa));
        var trend = await host.GetAsync($"/api/districts/{Seed.District}/scoreboard/trend?from=2019&to=2021", host.DistrictOfficer);
        Assert.Equal([2019, 2020, 2021], trend.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        var communes = trend.GetProperty("communes").EnumerateArray().ToDictionary(c => c.Str("commune"));
        Assert.Contains(Seed.MyThanh, communes.Keys);
        var luongHoa2020 = communes[Seed.LuongHoa].GetProperty("years").EnumerateArray().Single(y => y.Int("year") == 2020);
        var board = await host.GetAsync($"/api/districts/{Seed.District}/scoreboard?year=2020", host.DistrictOfficer);
        var row = board.GetProperty("communes").EnumerateArray().Single(r => r.Str("commune") == Seed.LuongHoa);
        Assert.Equal((row.Int("rank"), row.GetProperty("score").GetDouble()), (luongHoa2020.Int("rank"), luongHoa2020.GetProperty("score").GetDouble()));
        Assert.True(luongHoa2020.GetProperty("score").GetDouble() >= 25);
    }

    [Fact]
    public async Task A_trend_of_more_than_ten_years_or_backwards_is_refused_on_its_field()
    {
        var tooLong = await host.Client.GetAsync($"/api/districts/{Seed.District}/scoreboard/trend?from=2000&to=2020", host.DistrictOfficer).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("from", out _));
        await host.Client.GetAsync($"/api/districts/{Seed.District}/scoreboard/trend?from=2022&to=2020", host.DistrictOfficer).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
