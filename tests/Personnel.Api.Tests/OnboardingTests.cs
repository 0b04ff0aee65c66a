using System.Net;
using System.Text.Json;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Personnel.Api.Tests;

/// <summary>POST /api/districts/{district}/communes: onboarding a commune is data, validated, stored once, readable at once.</summary>
public sealed class OnboardingTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string DistrictCommunes = "/api/districts/giong-trom/communes";
    private readonly HttpClient _client = host.Client;
    private readonly PersonnelFactory _factory = host.Factory;

    private Task<string> AdminAsync() => _client.TokenAsync(Demo.DistrictAdmin);

    private async Task<IReadOnlyList<string>> ListedCodesAsync(string admin)
    {
        var list = await (await _client.GetAsync(DistrictCommunes, admin)).JsonAsync(HttpStatusCode.OK);
        return list.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
    }

    [Fact]
    public async Task The_district_admin_onboards_a_commune_that_is_then_readable_and_listed()
    {
        var admin = await AdminAsync();
        var request = new
        {
            code = "chau-hoa",
            name = "  Xã Châu Hòa ",
            hamlets = new[] { new { code = "ap-1", name = "Ấp 1" }, new { code = "ap-giong-trom", name = "Ấp Giồng Trôm" } },
        };

        var response = await _client.PostJsonAsync(DistrictCommunes, admin, request);

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/communes/chau-hoa", response.Headers.Location?.OriginalString);
        AssertChauHoa(created);
        Assert.Equal("ready", created.GetProperty("services").GetProperty("personnel").GetString());

        var read = await (await _client.GetAsync("/api/communes/chau-hoa", admin)).JsonAsync(HttpStatusCode.OK);
        AssertChauHoa(read);
        Assert.Contains("chau-hoa", await ListedCodesAsync(admin));

        // Its own staff reach it from now on, and only it.
        var staff = TokenForge.ForCommune(_factory.Key, "chau-hoa");
        await (await _client.GetAsync("/api/communes/chau-hoa", staff)).JsonAsync(HttpStatusCode.OK);
        await (await _client.GetAsync("/api/communes/my-thanh", staff)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static void AssertChauHoa(JsonElement commune)
    {
        Assert.Equal("chau-hoa", commune.GetProperty("code").GetString());
        Assert.Equal("Xã Châu Hòa", commune.GetProperty("name").GetString());
        Assert.Equal(Demo.District, commune.GetProperty("district").GetString());
        var hamlets = commune.GetProperty("hamlets").EnumerateArray().ToList();
        Assert.Equal(["ap-1", "ap-giong-trom"], hamlets.Select(h => h.GetProperty("code").GetString()));
        Assert.Equal(["Ấp 1", "Ấp Giồng Trôm"], hamlets.Select(h => h.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Onboarding_the_same_code_again_is_a_409_commune_exists()
    {
        var admin = await AdminAsync();
        var request = new { code = "son-phu", name = "Xã Sơn Phú", hamlets = new[] { new { code = "ap-1", name = "Ấp 1" } } };
        await (await _client.PostJsonAsync(DistrictCommunes, admin, request)).JsonAsync(HttpStatusCode.Created);

        var again = await _client.PostJsonAsync(DistrictCommunes, admin, request with { });

        await again.ProblemAsync(HttpStatusCode.Conflict, "commune-exists");
        Assert.Single(await ListedCodesAsync(admin), c => c == "son-phu");
    }

    [Fact]
    public async Task Onboarding_a_demo_commune_again_is_a_409_and_leaves_it_as_it_was()
    {
        var admin = await AdminAsync();

        var response = await _client.PostJsonAsync(DistrictCommunes, admin, new { code = "my-thanh", name = "Xã Giả", hamlets = Array.Empty<object>() });

        await response.ProblemAsync(HttpStatusCode.Conflict, "commune-exists");
        var myThanh = await (await _client.GetAsync("/api/communes/my-thanh", admin)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Xã Mỹ Thạnh", myThanh.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_400()
    {
        var admin = await AdminAsync();
        var before = await ListedCodesAsync(admin);

        var response = await _client.PostJsonAsync(DistrictCommunes, admin, new
        {
            code = "Bad Code",
            name = "",
            hamlets = new[] { new { code = "ap-1", name = "Ấp 1" }, new { code = "ap-1", name = "Ấp Một" } },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        var fields = TestApi.ErrorFields(problem);
        Assert.Contains("code", fields);
        Assert.Contains("name", fields);
        Assert.Contains("hamlets", fields);
        Assert.Equal(before, await ListedCodesAsync(admin));
    }

    public static TheoryData<string, string> InvalidRequests => new()
    {
        { """{ "code": "Bad Code", "name": "Xã Phước Long", "hamlets": [] }""", "code" },
        { """{ "code": "", "name": "Xã Phước Long", "hamlets": [] }""", "code" },
        { """{ "name": "Xã Phước Long", "hamlets": [] }""", "code" },
        { """{ "code": "phuoc-long", "name": "", "hamlets": [] }""", "name" },
        { """{ "code": "phuoc-long", "name": "   ", "hamlets": [] }""", "name" },
        { """{ "code": "phuoc-long", "name": "Xã Phước Long", "hamlets": [{ "code": "ap-1", "name": "Ấp 1" }, { "code": "ap-1", "name": "Ấp Một" }] }""", "hamlets" },
        { """{ "code": "phuoc-long", "name": "Xã Phước Long", "hamlets": [{ "code": "Ấp 1", "name": "Ấp 1" }] }""", "hamlets[0].code" },
        { """{ "code": "phuoc-long", "name": "Xã Phước Long", "hamlets": [{ "code": "ap-1", "name": "" }] }""", "hamlets[0].name" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_invalid_request_is_a_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var admin = await AdminAsync();
        var before = await ListedCodesAsync(admin);

        var response = await _client.PostRawAsync(DistrictCommunes, admin, json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Contains(field, TestApi.ErrorFields(problem));
        var after = await ListedCodesAsync(admin);
        Assert.Equal(before, after);
        Assert.DoesNotContain("phuoc-long", after);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var admin = await AdminAsync();

        var response = await _client.PostRawAsync(DistrictCommunes, admin, """{ "code": "phuoc-long", "name": """);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task Onboarding_into_an_unknown_district_is_404()
    {
        var token = TokenForge.ForDistrict(_factory.Key, "unknown-district");

        var response = await _client.PostJsonAsync("/api/districts/unknown-district/communes", token,
            new { code = "xa-moi", name = "Xã Mới", hamlets = Array.Empty<object>() });

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("unknown-district", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("xa-moi", await ListedCodesAsync(await AdminAsync()));
    }
}
