using System.Net;
using System.Net.Http.Json;
using Feedback.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Feedback.Api.Tests;

/// <summary>An item in each of my-thanh and luong-hoa, received on Monday 2 March 2026.</summary>
public sealed class TenantHost : FeedbackHost
{
    public string MyThanhItem { get; private set; } = "";
    public string LuongHoaItem { get; private set; } = "";
    public string LuongHoaCode { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetLocal(2026, 3, 2, 9, 0);
        MyThanhItem = (await this.SubmitAsync()).Str("id");
        var luongHoa = await this.SubmitAsync(FeedbackSteps.Item(content: "Ở Lương Hòa"), Seed.LuongHoa);
        (LuongHoaItem, LuongHoaCode) = (luongHoa.Str("id"), luongHoa.Str("trackingCode"));
    }
}

/// <summary>
/// Tenancy on every route of the service (MapFeedbackStaffApi, MapSurveysApi's index, MapPublicFeedbackApi, MapOpen311Api):
/// no commune reaches another's items.
/// </summary>
public sealed class TenantIsolationTests(TenantHost host) : IClassFixture<TenantHost>
{
    private sealed record Route(string Method, string Template, object? Body = null)
    {
        public bool UsesItem => Template.Contains("{i}");
    }

    private static readonly Dictionary<string, Route> StaffRoutes = new()
    {
        ["transcribe"] = new("POST", "/api/communes/{c}/feedback", FeedbackSteps.Item(channel: "desk-box")),
        ["list"] = new("GET", "/api/communes/{c}/feedback"),
        ["list overdue"] = new("GET", "/api/communes/{c}/feedback?overdue=true"),
        ["get"] = new("GET", "/api/communes/{c}/feedback/{i}"),
        ["assign"] = new("POST", "/api/communes/{c}/feedback/{i}/assign", new { staffId = Seed.OfficeClerk }),
        ["answer"] = new("POST", "/api/communes/{c}/feedback/{i}/answer", new { answer = "Trả lời", publish = false }),
        ["close"] = new("POST", "/api/communes/{c}/feedback/{i}/close", new { note = "Trùng" }),
        ["channels"] = new("GET", "/api/communes/{c}/feedback-channels"),
        ["satisfaction"] = new("GET", "/api/communes/{c}/satisfaction?year=2026"),
    };

    public static TheoryData<string> StaffRouteNames() => [.. StaffRoutes.Keys];

    public static TheoryData<string> ItemRouteNames() => [.. StaffRoutes.Where(r => r.Value.UsesItem).Select(r => r.Key)];

    private Task<HttpResponseMessage> CallAsync(string name, string? token, string commune = Seed.MyThanh, bool foreignItem = false)
    {
        var route = StaffRoutes[name];
        var path = route.Template.Replace("{c}", commune).Replace("{i}", foreignItem ? host.LuongHoaItem : host.MyThanhItem);
        return host.Client.SendAsync(new HttpMethod(route.Method), path, token, route.Body is null ? null : JsonContent.Create(route.Body));
    }

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task A_luong_hoa_token_with_every_commune_role_is_403_on_my_thanh(string route) =>
        await (await CallAsync(route, host.Tokens.ForCommune(Seed.LuongHoa, Tokens.AllCommuneRoles))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task A_district_officer_of_another_district_is_403(string route) =>
        await (await CallAsync(route, host.Tokens.ForDistrict(Seed.OtherDistrict, Roles.DistrictOfficer))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task No_token_is_401(string route)
    {
        var response = await CallAsync(route, null);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task The_same_token_for_my_thanh_gets_past_authorization(string route)
    {
        var response = await CallAsync(route, host.Tokens.ForCommune(Seed.MyThanh, Tokens.AllCommuneRoles));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{route}: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(ItemRouteNames))]
    public async Task A_my_thanh_token_with_a_luong_hoa_item_is_404(string route)
    {
        var before = (await host.GetItemAsync(host.LuongHoaItem, Seed.LuongHoa)).GetRawText();

        await (await CallAsync(route, host.Tokens.ForCommune(Seed.MyThanh, Tokens.AllCommuneRoles), foreignItem: true)).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(before, (await host.GetItemAsync(host.LuongHoaItem, Seed.LuongHoa)).GetRawText());
    }

    [Theory]
    [InlineData("list")]
    [InlineData("list overdue")]
    [InlineData("get")]
    [InlineData("channels")]
    [InlineData("satisfaction")]
    public async Task The_district_officer_of_giong_trom_reads_my_thanh(string route) =>
        await (await CallAsync(route, host.DistrictOfficer)).JsonAsync(HttpStatusCode.OK);

    [Theory]
    [InlineData("transcribe")]
    [InlineData("assign")]
    [InlineData("answer")]
    [InlineData("close")]
    public async Task The_district_officer_does_not_act_for_the_commune(string route) =>
        await (await CallAsync(route, host.DistrictOfficer)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

    [Fact]
    public async Task Lists_hold_only_the_communes_own_items()
    {
        Assert.Equal([host.LuongHoaItem], (await host.ListAsync(commune: Seed.LuongHoa)).Select(i => i.Str("id")));
        Assert.DoesNotContain(await host.ListAsync(), i => i.Str("id") == host.LuongHoaItem);
    }

    [Fact]
    public async Task Public_and_open311_routes_of_my_thanh_do_not_find_a_luong_hoa_item()
    {
        await host.Client.GetAsync($"{FeedbackSteps.PublicPath()}/{host.LuongHoaCode}", null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("Ở Lương Hòa", (await host.TrackAsync(host.LuongHoaCode, Seed.LuongHoa)).Str("content"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/open311/v2/requests/{host.LuongHoaItem}.json?jurisdiction_id=my-thanh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/open311/v2/tokens/{host.LuongHoaCode}.json?jurisdiction_id=my-thanh", null)).StatusCode);
        var byId = await host.Client.GetAsync($"/open311/v2/requests.json?jurisdiction_id=my-thanh&service_request_id={host.LuongHoaItem}", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, byId.GetArrayLength());
        var all = await host.Client.GetAsync("/open311/v2/requests.json?jurisdiction_id=my-thanh&start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z", null)
            .JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(all.EnumerateArray(), r => r.Str("service_request_id") == host.LuongHoaItem);
        // A survey code names its own commune: one of luong-hoa rates luong-hoa.
        var code = await host.ReturnDossierAsync(Seed.LuongHoa, Seed.Marriage, Seed.LuongHoaDeskOfficer);
        Assert.Equal("Xã Lương Hòa", (await host.Client.GetAsync($"/api/public/surveys/{code}", null).JsonAsync(HttpStatusCode.OK)).Str("communeName"));
    }
}
