using System.Net;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>A dossier and a submitted proposal in each of my-thanh and luong-hoa (Monday 6 October 2025).</summary>
public sealed class TenantHost : ProceduresHost
{
    public string MyThanhDossier { get; private set; } = "";
    public string MyThanhReceipt { get; private set; } = "";
    public string LuongHoaDossier { get; private set; } = "";
    public string MyThanhProposal { get; private set; } = "";
    public string LuongHoaProposal { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetLocal(2025, 10, 6, 9, 0);
        var myThanh = await this.ReceiveAsync("lien-thong-khai-sinh-thuong-tru-bhyt");
        (MyThanhDossier, MyThanhReceipt) = (myThanh.Str("id"), myThanh.Str("receiptNo"));
        LuongHoaDossier = (await this.ReceiveAsync("lien-thong-khai-sinh-thuong-tru-bhyt", "Người Lương Hòa", "0977000111", commune: Seed.LuongHoa)).Str("id");
        MyThanhProposal = await ProposalAsync(Seed.MyThanh);
        LuongHoaProposal = await ProposalAsync(Seed.LuongHoa);
    }

    private async Task<string> ProposalAsync(string commune)
    {
        var office = Tokens.ForCommune(commune, Roles.CommuneOffice);
        var proposal = await Client.PostJsonAsync($"/api/communes/{commune}/simplifications", office,
            new { procedureCode = "cu-tru-thuong-tru", proposedProcessingDays = 5, rationale = "Rút ngắn",
                authorStaffIds = new[] { commune == Seed.MyThanh ? Seed.DeskOfficer : Seed.LuongHoaDeskOfficer } }).JsonAsync(HttpStatusCode.Created);
        await Client.PostJsonAsync($"/api/communes/{commune}/simplifications/{proposal.Str("id")}/submit", office, null).JsonAsync(HttpStatusCode.OK);
        return proposal.Str("id");
    }
}

/// <summary>
/// Tenancy on every tenant-scoped route of the service (from MapCatalogueApi, MapDossiersApi,
/// MapStatisticsApi, MapSimplificationsApi, MapPublicProceduresApi): no commune reaches another's data.
/// </summary>
public sealed class TenantIsolationTests(TenantHost host) : IClassFixture<TenantHost>
{
    private sealed record Route(string Method, string Template, object? Body = null)
    {
        public bool UsesDossier => Template.Contains("{d}");
        public bool UsesProposal => Template.Contains("{p}");
    }

    private static readonly Dictionary<string, Route> StaffRoutes = new()
    {
        ["create procedure"] = new("POST", "/api/communes/{c}/procedures", new
        {
            code = "xac-nhan-kiem-soat", name = "Thủ tục kiểm soát", field = "khac", processingDays = 1, components = new[] { "Đơn" }, fee = 0, legalBasis = "Luật",
        }),
        ["revise procedure"] = new("PUT", "/api/communes/{c}/procedures/ho-tich-khai-tu", new
        {
            name = "Đăng ký khai tử", field = "tu-phap-ho-tich", processingDays = 0, components = new[] { "Tờ khai đăng ký khai tử" }, fee = 0, legalBasis = "Luật Hộ tịch 2014",
            effectiveFrom = "2030-01-01",
        }),
        ["receive dossier"] = new("POST", "/api/communes/{c}/dossiers", Desk.Application(hamlet: null)),
        ["list dossiers"] = new("GET", "/api/communes/{c}/dossiers"),
        ["desk handlers"] = new("GET", "/api/communes/{c}/desk-handlers"),
        ["search the queue"] = new("GET", "/api/communes/{c}/dossiers?q=nguyen%20van&open=true&sort=dueDate&field=tu-phap-ho-tich&page=1&pageSize=10"),
        ["dossier summary"] = new("GET", "/api/communes/{c}/dossiers/summary"),
        ["due-date preview"] = new("GET", "/api/communes/{c}/procedures/ho-tich-ket-hon/due-date?receivedAt=2025-10-06T02:00:00Z"),
        ["get dossier"] = new("GET", "/api/communes/{c}/dossiers/{d}"),
        ["assign"] = new("POST", "/api/communes/{c}/dossiers/{d}/assign", new { staffId = Seed.DeskOfficer }),
        ["request supplement"] = new("POST", "/api/communes/{c}/dossiers/{d}/request-supplement", new { reason = "Thiếu" }),
        ["supplement received"] = new("POST", "/api/communes/{c}/dossiers/{d}/supplement-received"),
        ["complete step"] = new("POST", "/api/communes/{c}/dossiers/{d}/steps/0/complete"),
        ["resolve"] = new("POST", "/api/communes/{c}/dossiers/{d}/resolve", new { outcome = "approved" }),
        ["return"] = new("POST", "/api/communes/{c}/dossiers/{d}/return"),
        ["apologize"] = new("POST", "/api/communes/{c}/dossiers/{d}/apologize", new { reason = "Chậm", newDueDate = "2025-10-22" }),
        ["withdraw"] = new("POST", "/api/communes/{c}/dossiers/{d}/withdraw"),
        ["statistics"] = new("GET", "/api/communes/{c}/procedure-stats?year=2025"),
        ["propose"] = new("POST", "/api/communes/{c}/simplifications", new
        {
            procedureCode = "cu-tru-tam-tru", proposedProcessingDays = 2, rationale = "Rút ngắn", authorStaffIds = new[] { Seed.DeskOfficer },
        }),
        ["list proposals"] = new("GET", "/api/communes/{c}/simplifications"),
        ["get proposal"] = new("GET", "/api/communes/{c}/simplifications/{p}"),
        ["submit proposal"] = new("POST", "/api/communes/{c}/simplifications/{p}/submit"),
        ["approve proposal"] = new("POST", "/api/communes/{c}/simplifications/{p}/approve", new { authority = "UBND tỉnh", decisionNo = "1/QĐ", effectiveFrom = "2030-01-01" }),
        ["reject proposal"] = new("POST", "/api/communes/{c}/simplifications/{p}/reject", new { reason = "Không" }),
    };

    public static TheoryData<string> StaffRouteNames() => [.. StaffRoutes.Keys];

    public static TheoryData<string> IdRouteNames() => [.. StaffRoutes.Where(r => r.Value.UsesDossier || r.Value.UsesProposal).Select(r => r.Key)];

    private string Path(Route route, string commune, string dossier, string proposal) =>
        route.Template.Replace("{c}", commune).Replace("{d}", dossier).Replace("{p}", proposal);

    private Task<HttpResponseMessage> CallAsync(string name, string? token, string commune = Seed.MyThanh, bool foreignIds = false)
    {
        var route = StaffRoutes[name];
        var path = foreignIds
            ? Path(route, commune, host.LuongHoaDossier, host.LuongHoaProposal)
            : Path(route, commune, host.MyThanhDossier, host.MyThanhProposal);
        return host.Client.SendAsync(new HttpMethod(route.Method), path, token, route.Body is null ? null : System.Net.Http.Json.JsonContent.Create(route.Body));
    }

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task A_luong_hoa_desk_officer_is_403_on_my_thanh(string route)
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);

        await (await CallAsync(route, host.LuongHoaDesk)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task A_luong_hoa_token_with_every_commune_role_is_still_403_on_my_thanh(string route)
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);

        await (await CallAsync(route, host.Tokens.ForCommune(Seed.LuongHoa, Tokens.AllCommuneRoles))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task The_same_token_for_my_thanh_gets_past_authorization(string route)
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);

        var response = await CallAsync(route, host.Tokens.ForCommune(Seed.MyThanh, Tokens.AllCommuneRoles));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{route}: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(StaffRouteNames))]
    public async Task No_token_is_401(string route)
    {
        var response = await CallAsync(route, null);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(IdRouteNames))]
    public async Task A_my_thanh_token_with_a_luong_hoa_id_is_404(string route)
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);
        var before = await host.GetDossierAsync(host.LuongHoaDossier, Seed.LuongHoa, host.LuongHoaDesk);

        await (await CallAsync(route, host.Tokens.ForCommune(Seed.MyThanh, Tokens.AllCommuneRoles), foreignIds: true)).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(before.GetRawText(), (await host.GetDossierAsync(host.LuongHoaDossier, Seed.LuongHoa, host.LuongHoaDesk)).GetRawText());
        var proposal = await host.Client.GetAsync($"/api/communes/luong-hoa/simplifications/{host.LuongHoaProposal}", host.Tokens.ForCommune(Seed.LuongHoa, Roles.CommuneLeader))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", proposal.Str("status"));
    }

    [Fact]
    public async Task Lists_and_figures_hold_only_the_communes_own_dossiers()
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);

        var luongHoa = await host.ListDossiersAsync(commune: Seed.LuongHoa);
        var myThanh = await host.ListDossiersAsync();

        Assert.Equal([host.LuongHoaDossier], luongHoa.Select(d => d.Str("id")));
        Assert.Empty(await host.ListDossiersAsync("?q=nguoi%20luong%20hoa"));
        Assert.Equal([host.LuongHoaDossier], (await host.ListDossiersAsync("?q=nguoi%20luong%20hoa", Seed.LuongHoa)).Select(d => d.Str("id")));
        var summary = await host.Client.GetAsync("/api/communes/luong-hoa/dossiers/summary", host.LuongHoaDesk).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, summary.Int("open"));
        Assert.DoesNotContain(myThanh, d => d.Str("id") == host.LuongHoaDossier);
        var stats = await host.Client.GetAsync("/api/communes/luong-hoa/procedure-stats?year=2025", host.LuongHoaDesk).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.Int("received"));
        var proposals = await host.Client.GetAsync("/api/communes/luong-hoa/simplifications", host.LuongHoaDesk).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([host.LuongHoaProposal], proposals.EnumerateArray().Select(p => p.Str("id")));
    }

    [Theory]
    [InlineData("list dossiers")]
    [InlineData("search the queue")]
    [InlineData("dossier summary")]
    [InlineData("get dossier")]
    [InlineData("statistics")]
    [InlineData("list proposals")]
    [InlineData("get proposal")]
    public async Task The_district_officer_of_giong_trom_reads_my_thanh(string route)
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);

        await (await CallAsync(route, host.DistrictOfficer)).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_district_officer_sees_the_dossier_itself()
    {
        var dossier = await host.GetDossierAsync(host.MyThanhDossier, token: host.DistrictOfficer);

        Assert.Equal(host.MyThanhReceipt, dossier.Str("receiptNo"));
    }

    [Theory]
    [InlineData("receive dossier")]
    [InlineData("due-date preview")]
    [InlineData("assign")]
    [InlineData("resolve")]
    [InlineData("withdraw")]
    [InlineData("create procedure")]
    [InlineData("propose")]
    [InlineData("approve proposal")]
    public async Task The_district_officer_cannot_act_for_the_commune(string route)
    {
        host.Clock.SetLocal(2025, 10, 6, 10, 0);

        await (await CallAsync(route, host.DistrictOfficer)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("list dossiers")]
    [InlineData("dossier summary")]
    [InlineData("get dossier")]
    [InlineData("statistics")]
    public async Task Another_districts_officer_or_the_district_admin_reads_nothing(string route)
    {
        await (await CallAsync(route, host.Tokens.ForDistrict("cho-lach", Roles.DistrictOfficer))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await CallAsync(route, host.Tokens.ForDistrict(Seed.District, Roles.DistrictAdmin))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("/api/communes/my-thanh/procedures")]
    [InlineData("/api/communes/my-thanh/procedures/ho-tich-ket-hon")]
    public async Task Public_routes_answer_whoever_asks(string path)
    {
        await host.Client.GetAsync(path, null).JsonAsync(HttpStatusCode.OK);
        await host.Client.GetAsync(path, host.LuongHoaDesk).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_public_lookup_is_per_commune()
    {
        var path = $"/api/public/communes/my-thanh/dossiers/{host.MyThanhReceipt}?phone={Seed.Phone}";

        await host.Client.GetAsync(path, host.LuongHoaDesk).JsonAsync(HttpStatusCode.OK);
        await host.Client.GetAsync(path.Replace("/my-thanh/", "/luong-hoa/"), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
