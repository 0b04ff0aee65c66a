using System.Net;
using Awards.Api.Tests.Infrastructure;

namespace Awards.Api.Tests;

/// <summary>Issue 12, faults 5 and 6 for awards: a malformed plan names its field, never <c>Awards.Api.Apis.PlanInput</c>; over-long values are refused and nothing is stored.</summary>
public sealed class ImplausibleInputTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    private const string Plan2016 = "/api/communes/my-thanh/campaigns/cchc-2015-2020/years/2016";

    [Theory]
    [InlineData("""{ "communeQuota": { "collective": "một" } }""", "communeQuota.collective")]
    [InlineData("""{ "indicators": [1] }""", "indicators")]
    [InlineData("""[1]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("", "body")]
    public async Task A_malformed_plan_names_the_field_as_json_and_never_a_server_type(string json, string field)
    {
        var response = await host.Client.SendAsync(HttpMethod.Put, Plan2016, host.Office, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal([field], TestApi.ErrorFields(problem));
        var text = problem.GetRawText();
        Assert.DoesNotContain("Awards.Api", text);
        Assert.DoesNotContain("PlanInput", text);
        Assert.DoesNotContain("'request'", text);
        Assert.DoesNotContain("$", text);
    }

    [Theory]
    [InlineData("evidence")]
    [InlineData("staffId")]
    public async Task An_achievement_with_100000_characters_is_400_and_not_stored(string field)
    {
        var before = (await host.Client.GetAsync("/api/communes/my-thanh/achievements?year=2023", host.Office).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
        var huge = new string('x', 100_000);

        var problem = await host.Client.PostJsonAsync("/api/communes/my-thanh/achievements", host.Office, new
        {
            year = 2023, name = "Tổ một cửa", title = "Tiếp dân ngoài giờ", evidence = field == "evidence" ? huge : "Biên bản", staffId = field == "staffId" ? huge : null,
        }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([field], TestApi.ErrorFields(problem));
        Assert.Equal(before, (await host.Client.GetAsync("/api/communes/my-thanh/achievements?year=2023", host.Office).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_campaign_with_a_100000_character_description_is_400_and_not_stored()
    {
        var problem = await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns", host.Office, new
        {
            id = "cchc-2040-2041", name = "Giai đoạn 2040", fromYear = 2040, toYear = 2041, description = new string('x', 100_000),
        }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["description"], TestApi.ErrorFields(problem));
        await host.Client.GetAsync("/api/communes/my-thanh/campaigns/cchc-2040-2041", host.Office).ProblemAsync(HttpStatusCode.NotFound);
    }
}
