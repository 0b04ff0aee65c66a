using System.Net;
using System.Xml.Linq;
using Awards.Api.Tests.Infrastructure;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;

namespace Awards.Api.Tests;

/// <summary>What ordinary life throws at the service: events in any order, text pasted from a word processor, odd dates and settings.</summary>
public sealed class RobustnessTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    private const string Radio = "/api/communes/my-thanh/radio";

    [Fact]
    public async Task A_catalogue_and_staff_announced_before_the_onboarding_still_count_on_the_scoreboard()
    {
        const string commune = "xa-som";
        await host.Factory.ConsumeAsync(EventFedTests.Changed(commune, "ho-tich-khai-sinh", 1, posted: true));
        await host.Factory.ConsumeAsync(EventFedTests.Changed(commune, "cu-tru", 1, posted: false));
        await host.Factory.ConsumeAsync(
            new StaffRegistered { Commune = commune, StaffId = "xs-mot-cua", FullName = "Đỗ Văn Sớm", Kind = StaffKind.CivilServant, Position = "tu-phap-ho-tich" });

        await host.Factory.ConsumeAsync(new CommuneOnboarded
        {
            Commune = commune, Name = "Xã Sớm", District = Seed.OtherDistrict, DistrictName = "Huyện", DistrictKind = DistrictKind.District,
            Hamlets = [new Hamlet { Code = "ap-1", Name = "Ấp 1" }], OnboardedAt = new DateTime(2016, 1, 4, 1, 0, 0, DateTimeKind.Utc),
        });

        var board = await host.GetAsync($"/api/districts/{Seed.OtherDistrict}/scoreboard?year=2016", host.Tokens.ForDistrict(Seed.OtherDistrict, Roles.DistrictOfficer));
        var row = board.GetProperty("communes").EnumerateArray().Single(r => r.Str("commune") == commune);
        var posted = row.GetProperty("indicators").EnumerateArray().Single(i => i.Str("indicator") == "postedProcedures");
        Assert.Equal(0.5, posted.GetProperty("rate").GetDouble()); // 1 of the 2 procedures announced before the commune was
    }

    [Fact]
    public async Task Control_characters_pasted_into_a_name_never_break_the_rss_feed()
    {
        await host.Factory.ConsumeAsync(new HotlineChanged
        {
            Commune = Seed.MyThanh, ChangedAt = DateTime.UtcNow,
            Contacts = [new HotlineContact { Name = "Phạm\vThanh\u0001 Diễn", Title = "Chủ tịch UBND xã", Phone = "0275 3861 001" }],
        });

        var response = await host.Client.GetAsync($"{Radio}/feed.rss", host.Radio);
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(xml);
        Assert.Contains(feed.Descendants("item"), i => i.Element("description")!.Value.Contains("PhạmThanh Diễn", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_bulletin_for_a_day_outside_any_plausible_year_is_a_400(string date)
    {
        await host.Client.GetAsync($"{Radio}/bulletin?date={date}", host.Radio).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task A_new_campaign_whose_threshold_exceeds_its_default_council_is_refused()
    {
        var problem = await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns", host.Office, new
        {
            id = "cchc-2031-2035", name = "Giai đoạn 2031 – 2035", fromYear = 2031, toYear = 2035,
            years = new[] { new { year = 2031, approvalsNeeded = 7 } }, // the council keeps its default size, 5
        }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "inconsistent-plan");

        Assert.Contains("Số phiếu cần để thông qua (approvalsNeeded) lớn hơn số thành viên Hội đồng (councilSize).", problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        await host.Client.GetAsync("/api/communes/my-thanh/campaigns/cchc-2031-2035", host.Office).ProblemAsync(HttpStatusCode.NotFound);
    }
}
