using System.Net;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Personnel.Api.Tests;

/// <summary>
/// The security property: a commune's staff reach only their commune; the district reaches its own communes and district
/// routes; another district reaches none of them. Refusals are 403 problems and change nothing.
/// </summary>
public sealed class TenancyTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string DistrictCommunes = "/api/districts/giong-trom/communes";
    private readonly HttpClient _client = host.Client;
    private readonly PersonnelFactory _factory = host.Factory;

    private static object NewCommune(string code) => new { code, name = "Xã Thử " + code, hamlets = new[] { new { code = "ap-1", name = "Ấp 1" } } };

    private async Task AssertForbiddenAsync(HttpResponseMessage response) =>
        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

    private async Task<IReadOnlyList<string>> DistrictCommuneCodesAsync()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        var list = await (await _client.GetAsync(DistrictCommunes, admin)).JsonAsync(HttpStatusCode.OK);
        return list.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
    }

    [Fact]
    public async Task A_desk_officer_reaches_their_commune_only()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);

        var own = await (await _client.GetAsync("/api/communes/my-thanh", token)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Demo.District, own.GetProperty("district").GetString());
        await AssertForbiddenAsync(await _client.GetAsync("/api/communes/luong-hoa", token));
        await AssertForbiddenAsync(await _client.GetAsync(DistrictCommunes, token));
    }

    [Fact]
    public async Task A_desk_officer_cannot_onboard_a_commune_and_nothing_is_stored()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);

        await AssertForbiddenAsync(await _client.PostJsonAsync(DistrictCommunes, token, NewCommune("phuoc-long")));

        Assert.DoesNotContain("phuoc-long", await DistrictCommuneCodesAsync());
    }

    [Fact]
    public async Task The_radio_client_reads_its_commune_only()
    {
        var token = await _client.ClientTokenAsync(Demo.RadioClient);

        await (await _client.GetAsync("/api/communes/my-thanh", token)).JsonAsync(HttpStatusCode.OK);
        await AssertForbiddenAsync(await _client.GetAsync("/api/communes/luong-hoa", token));
        await AssertForbiddenAsync(await _client.GetAsync(DistrictCommunes, token));
    }

    [Fact]
    public async Task The_district_admin_reaches_every_commune_of_the_district_and_the_district_list()
    {
        var token = await _client.TokenAsync(Demo.DistrictAdmin);

        var myThanh = await (await _client.GetAsync("/api/communes/my-thanh", token)).JsonAsync(HttpStatusCode.OK);
        var luongHoa = await (await _client.GetAsync("/api/communes/luong-hoa", token)).JsonAsync(HttpStatusCode.OK);
        var list = await (await _client.GetAsync(DistrictCommunes, token)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Xã Mỹ Thạnh", myThanh.GetProperty("name").GetString());
        Assert.Equal(6, myThanh.GetProperty("hamlets").GetArrayLength());
        Assert.Equal("Xã Lương Hòa", luongHoa.GetProperty("name").GetString());
        var codes = list.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains(Demo.MyThanh, codes);
        Assert.Contains(Demo.LuongHoa, codes);
        Assert.All(list.EnumerateArray(), c => Assert.Equal(Demo.District, c.GetProperty("district").GetString()));
    }

    [Fact]
    public async Task A_district_officer_lists_communes_but_cannot_onboard()
    {
        var token = TokenForge.ForDistrict(_factory.Key, Demo.District, Roles.DistrictOfficer);

        await (await _client.GetAsync(DistrictCommunes, token)).JsonAsync(HttpStatusCode.OK);
        await AssertForbiddenAsync(await _client.PostJsonAsync(DistrictCommunes, token, NewCommune("tan-thanh")));
        Assert.DoesNotContain("tan-thanh", await DistrictCommuneCodesAsync());
    }

    [Fact]
    public async Task A_commune_token_claiming_the_district_admin_role_still_cannot_act_for_the_district()
    {
        var token = TokenForge.ForCommune(_factory.Key, Demo.MyThanh, Roles.DistrictAdmin);

        await AssertForbiddenAsync(await _client.GetAsync(DistrictCommunes, token));
        await AssertForbiddenAsync(await _client.PostJsonAsync(DistrictCommunes, token, NewCommune("an-hiep")));
        await AssertForbiddenAsync(await _client.GetAsync("/api/communes/luong-hoa", token));
        Assert.DoesNotContain("an-hiep", await DistrictCommuneCodesAsync());
    }

    [Fact]
    public async Task Another_districts_admin_reaches_nothing_of_giong_trom()
    {
        var token = TokenForge.ForDistrict(_factory.Key, "cho-lach");

        await AssertForbiddenAsync(await _client.GetAsync(DistrictCommunes, token));
        await AssertForbiddenAsync(await _client.GetAsync("/api/communes/my-thanh", token));
        await AssertForbiddenAsync(await _client.GetAsync("/api/communes/luong-hoa", token));
        await AssertForbiddenAsync(await _client.PostJsonAsync(DistrictCommunes, token, NewCommune("hung-le")));
        Assert.DoesNotContain("hung-le", await DistrictCommuneCodesAsync());
    }

    [Fact]
    public async Task Another_communes_token_does_not_reach_my_thanh()
    {
        var token = TokenForge.ForCommune(_factory.Key, Demo.LuongHoa, Roles.CommuneLeader);

        await (await _client.GetAsync("/api/communes/luong-hoa", token)).JsonAsync(HttpStatusCode.OK);
        await AssertForbiddenAsync(await _client.GetAsync("/api/communes/my-thanh", token));
    }

    [Fact]
    public async Task The_commune_in_the_route_is_matched_exactly()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);

        var response = await _client.GetAsync("/api/communes/MY-THANH", token);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
