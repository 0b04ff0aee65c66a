using System.Security.Claims;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Tenancy;

namespace Platform.ServiceDefaults.Tests.Security;

public sealed class TenancyRuleTests
{
    private sealed class Directory : ICommuneDirectory
    {
        public Task<CommuneRecord?> FindAsync(string commune, CancellationToken ct = default) => Task.FromResult(commune switch
        {
            "my-thanh" => Record("my-thanh", "giong-trom"),
            "luong-hoa" => Record("luong-hoa", "giong-trom"),
            "phu-son" => Record("phu-son", "cho-lach"),
            _ => null,
        });

        private static CommuneRecord? Record(string code, string district) => new(code, code, district, district, DistrictKind.District, [], DateTime.UnixEpoch);
    }

    private static ClaimsPrincipal User(string? commune = null, string? district = null)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, "someone") };
        if (commune is not null) claims.Add(new Claim(ClaimNames.Commune, commune));
        if (district is not null) claims.Add(new Claim(ClaimNames.District, district));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static Task<bool> Allows(ClaimsPrincipal user, string? commune, string? district) =>
        TenantAuthorizationHandler.AllowsAsync(user, commune, district, new Directory(), CancellationToken.None);

    [Theory]
    [InlineData("my-thanh", true)]
    [InlineData("luong-hoa", false)]
    [InlineData("phu-son", false)]
    [InlineData("nowhere", false)]
    public async Task A_commune_token_reaches_only_its_commune(string routeCommune, bool allowed) =>
        Assert.Equal(allowed, await Allows(User(commune: "my-thanh"), routeCommune, null));

    [Theory]
    [InlineData("my-thanh", true)]
    [InlineData("luong-hoa", true)]
    [InlineData("phu-son", false)]
    [InlineData("nowhere", false)]
    public async Task A_district_token_reaches_the_communes_of_its_district(string routeCommune, bool allowed) =>
        Assert.Equal(allowed, await Allows(User(district: "giong-trom"), routeCommune, null));

    [Fact]
    public async Task District_routes_need_that_district()
    {
        Assert.True(await Allows(User(district: "giong-trom"), null, "giong-trom"));
        Assert.False(await Allows(User(district: "cho-lach"), null, "giong-trom"));
        Assert.False(await Allows(User(commune: "my-thanh"), null, "giong-trom"));
    }

    [Fact]
    public async Task A_token_without_tenant_claims_reaches_no_commune_but_routes_without_a_tenant()
    {
        Assert.False(await Allows(User(), "my-thanh", null));
        Assert.False(await Allows(User(), null, "giong-trom"));
        Assert.True(await Allows(User(), null, null));
    }

    [Fact]
    public async Task A_commune_claim_is_compared_exactly()
    {
        Assert.False(await Allows(User(commune: "My-Thanh"), "my-thanh", null));
        Assert.False(await Allows(User(commune: "my-thanh "), "my-thanh", null));
    }
}
