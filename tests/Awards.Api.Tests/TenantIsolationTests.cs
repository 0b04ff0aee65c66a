using System.Net;
using Awards.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Awards.Api.Tests;

/// <summary>Every route: no token is 401, another commune's or district's token is 403, another commune's ids are 404.</summary>
public sealed class TenantIsolationTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    private static readonly string[] AllCommuneRoles = [Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader, Roles.EmulationCouncil, Roles.Front, Roles.Radio];

    public static TheoryData<string, string> Routes() => new()
    {
        { "GET", "/api/communes/my-thanh/campaigns" },
        { "POST", "/api/communes/my-thanh/campaigns" },
        { "GET", "/api/communes/my-thanh/campaigns/cchc-2015-2020" },
        { "POST", "/api/communes/my-thanh/campaigns/cchc-2015-2020/years" },
        { "PUT", "/api/communes/my-thanh/campaigns/cchc-2015-2020/years/2016" },
        { "PUT", "/api/communes/my-thanh/campaigns/cchc-2015-2020/years/2016/council" },
        { "GET", "/api/communes/my-thanh/achievements" },
        { "POST", "/api/communes/my-thanh/achievements" },
        { "GET", "/api/communes/my-thanh/nominations" },
        { "POST", "/api/communes/my-thanh/nominations" },
        { "GET", "/api/communes/my-thanh/nominations/x" },
        { "POST", "/api/communes/my-thanh/nominations/x/votes" },
        { "POST", "/api/communes/my-thanh/nominations/x/forward" },
        { "POST", "/api/communes/my-thanh/nominations/x/withdraw" },
        { "GET", "/api/communes/my-thanh/awards" },
        { "POST", "/api/communes/my-thanh/awards" },
        { "GET", "/api/communes/my-thanh/scoreboard" },
        { "GET", "/api/communes/my-thanh/radio/items" },
        { "GET", "/api/communes/my-thanh/radio/feed.rss" },
        { "GET", "/api/communes/my-thanh/radio/bulletin" },
        { "GET", "/api/communes/my-thanh/radio/bulletin.wav" },
        { "GET", "/api/districts/giong-trom/nominations" },
        { "POST", "/api/districts/giong-trom/nominations/x/decide" },
        { "GET", "/api/districts/giong-trom/scoreboard" },
        { "GET", "/api/districts/giong-trom/scoreboard/trend" },
        { "GET", "/api/districts/giong-trom/communes/my-thanh/scoreboard" },
    };

    private Task<HttpResponseMessage> CallAsync(string method, string path, string? token) =>
        method == "GET" ? host.Client.GetAsync(path, token)
        : method == "PUT" ? host.Client.PutJsonAsync(path, token, new { })
        : host.Client.PostJsonAsync(path, token, new { });

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_communes_staff_another_district_and_no_token_are_kept_out(string method, string path)
    {
        await (await CallAsync(method, path, null)).ProblemAsync(HttpStatusCode.Unauthorized);
        var luongHoa = host.Tokens.ForCommune(Seed.LuongHoa, AllCommuneRoles);
        await (await CallAsync(method, path, luongHoa)).ProblemAsync(HttpStatusCode.Forbidden);
        var otherDistrict = host.Tokens.ForDistrict(Seed.OtherDistrict, Roles.DistrictOfficer, Roles.DistrictAdmin);
        await (await CallAsync(method, path, otherDistrict)).ProblemAsync(HttpStatusCode.Forbidden);
        // Another commune of another district: its own staff reach only their own commune.
        await (await CallAsync(method, path, host.Tokens.ForCommune(Seed.SonDinh, AllCommuneRoles))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_communes_nomination_and_campaign_are_404_from_ones_own_commune()
    {
        host.Clock.SetLocal(2016, 10, 1);
        var id = await host.NominateAsync(Steps.Individual(2016, name: "Của Mỹ Thạnh"));
        await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns", host.Office, new { id = "rieng-my-thanh", name = "Phong trào riêng", fromYear = 2021, toYear = 2025 })
            .JsonAsync(HttpStatusCode.Created);
        var office = host.Tokens.ForCommune(Seed.LuongHoa, Roles.CommuneOffice);
        var leader = host.Tokens.ForCommune(Seed.LuongHoa, Roles.CommuneLeader);
        var council = host.Tokens.Member("lh-council", Seed.LuongHoa, Roles.EmulationCouncil);
        const string theirs = "/api/communes/luong-hoa/nominations";
        await host.Client.GetAsync($"{theirs}/{id}", office).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.PostJsonAsync($"{theirs}/{id}/votes", council, new { approve = true }).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PostJsonAsync($"{theirs}/{id}/forward", office, null).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PostJsonAsync($"{theirs}/{id}/withdraw", office, null).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PostJsonAsync("/api/communes/luong-hoa/awards", leader, new { nominationId = id, decisionNo = "1/QĐ" }).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.GetAsync("/api/communes/luong-hoa/campaigns/rieng-my-thanh", office).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PutJsonAsync("/api/communes/luong-hoa/campaigns/rieng-my-thanh/years/2021", office, new { councilSize = 7 }).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PutJsonAsync("/api/communes/luong-hoa/campaigns/rieng-my-thanh/years/2021/council", office,
            new { members = new[] { new { staffId = Seed.LuongHoaStaff } } }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await host.GetAsync("/api/communes/luong-hoa/nominations?year=2016", office)).EnumerateArray(), n => n.Str("id") == id);
        Assert.DoesNotContain((await host.GetAsync("/api/communes/luong-hoa/campaigns", office)).EnumerateArray(), c => c.GetProperty("campaign").Str("id") == "rieng-my-thanh");
        // Nothing changed in my-thanh.
        var mine = await host.GetAsync($"{Steps.Nominations()}/{id}", host.Office);
        Assert.Equal(("proposed", 0), (mine.Str("status"), mine.GetProperty("votes").GetArrayLength()));
    }

    [Fact]
    public async Task The_district_officer_reads_the_communes_of_the_district()
    {
        foreach (var path in new[] { "campaigns", "achievements", "nominations", "awards", "scoreboard" })
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/api/communes/luong-hoa/{path}", host.DistrictOfficer)).StatusCode);
        await host.Client.PostJsonAsync("/api/communes/my-thanh/nominations", host.DistrictOfficer, Steps.Collective(2016)).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
