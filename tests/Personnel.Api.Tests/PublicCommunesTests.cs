using System.Net;
using System.Text.Json;
using Personnel.Api.Apis;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>GET /api/public/communes[/{commune}]: the portal's list of communes, anonymous and with nothing but public facts.</summary>
public sealed class PublicCommunesTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private readonly HttpClient _client = host.Client;

    private static readonly string[] PublicProperties = ["code", "name", "displayName", "district", "hamlets"];

    private static void AssertOnlyPublicFacts(JsonElement commune)
    {
        Assert.Equal(PublicProperties.Order(StringComparer.Ordinal), commune.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["code", "kind", "name"], commune.GetProperty("district").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(commune.GetProperty("hamlets").EnumerateArray(),
            h => Assert.Equal(["code", "name"], h.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Anyone_lists_the_deployments_communes_in_Vietnamese_order()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        foreach (var (code, name) in new[] { ("an-thanh", "Xã Ân Thạnh"), ("binh-thanh", "Xã Bình Thành"), ("dai-dien", "Xã Đại Điền"), ("duong-ke", "Xã Dương Kế") })
            await (await _client.PostJsonAsync("/api/districts/giong-trom/communes", admin, new { code, name, hamlets = new[] { new { code = "ap-1", name = "Ấp 1" } } }))
                .JsonAsync(HttpStatusCode.Created);

        var list = await (await _client.GetAsync("/api/public/communes", token: null)).JsonAsync(HttpStatusCode.OK);

        var names = list.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        // Vietnamese order, not the code points': Â after A but before B, D before Đ, Lương Hòa before Mỹ Thạnh.
        Assert.True(names.IndexOf("Xã Ân Thạnh") < names.IndexOf("Xã Bình Thành"), string.Join(", ", names));
        Assert.True(names.IndexOf("Xã Bình Thành") < names.IndexOf("Xã Dương Kế"));
        Assert.True(names.IndexOf("Xã Dương Kế") < names.IndexOf("Xã Đại Điền"), string.Join(", ", names));
        Assert.True(names.IndexOf("Xã Đại Điền") < names.IndexOf("Xã Lương Hòa"));
        Assert.True(names.IndexOf("Xã Lương Hòa") < names.IndexOf("Xã Mỹ Thạnh"));
        Assert.All(list.EnumerateArray(), AssertOnlyPublicFacts);
    }

    [Fact]
    public async Task One_commune_is_its_names_district_and_hamlets()
    {
        var myThanh = await (await _client.GetAsync("/api/public/communes/my-thanh", token: null)).JsonAsync(HttpStatusCode.OK);

        AssertOnlyPublicFacts(myThanh);
        Assert.Equal("my-thanh", myThanh.GetProperty("code").GetString());
        Assert.Equal("Xã Mỹ Thạnh", myThanh.GetProperty("name").GetString());
        Assert.Equal("UBND xã Mỹ Thạnh", myThanh.GetProperty("displayName").GetString());
        var district = myThanh.GetProperty("district");
        Assert.Equal(Demo.District, district.GetProperty("code").GetString());
        Assert.Equal("district", district.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(district.GetProperty("name").GetString()));
        Assert.Equal(6, myThanh.GetProperty("hamlets").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_commune_is_a_404_problem()
    {
        await (await _client.GetAsync("/api/public/communes/khong-co", token: null)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_staff_token_of_another_commune_reads_the_same_public_facts()
    {
        var luongHoa = TokenForge.ForCommune(host.Factory.Key, "luong-hoa");

        var read = await (await _client.GetAsync("/api/public/communes/my-thanh", luongHoa)).JsonAsync(HttpStatusCode.OK);
        var anonymous = await (await _client.GetAsync("/api/public/communes/my-thanh", token: null)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(anonymous.GetRawText(), read.GetRawText());
    }

    [Theory]
    [InlineData("Xã Mỹ Thạnh", "UBND xã Mỹ Thạnh")]
    [InlineData("Phường An Hội", "UBND phường An Hội")]
    [InlineData("Thị trấn Giồng Trôm", "UBND thị trấn Giồng Trôm")]
    [InlineData("Mỹ Thạnh", "UBND xã Mỹ Thạnh")]
    public void The_display_name_is_the_peoples_committee(string name, string displayName)
    {
        Assert.Equal(displayName, PublicCommuneView.DisplayNameOf(name));
    }
}
