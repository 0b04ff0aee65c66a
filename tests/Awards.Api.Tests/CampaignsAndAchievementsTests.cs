using System.Net;
using Awards.Api.Tests.Infrastructure;

namespace Awards.Api.Tests;

/// <summary>The movement from onboarding, campaigns and later years added by the commune, and achievements entered by hand.</summary>
public sealed class CampaignsAndAchievementsTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    [Fact]
    public async Task Onboarding_launches_the_2015_2020_movement_with_the_seeds_quotas_and_deadlines()
    {
        var campaigns = await host.GetAsync("/api/communes/my-thanh/campaigns", host.Office);
        // Other tests of this class may add campaigns by hand; onboarding makes exactly one, the seed's movement.
        var movement = Assert.Single(campaigns.EnumerateArray(), c => !c.GetProperty("campaign").TryGetProperty("createdBy", out _));
        Assert.Equal(("cchc-2015-2020", 2015, 2020), (movement.GetProperty("campaign").Str("id"), movement.GetProperty("campaign").Int("fromYear"), movement.GetProperty("campaign").Int("toYear")));
        var plans = movement.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal([2015, 2016, 2017, 2018, 2019, 2020], plans.Select(p => p.Int("year")));
        Assert.Equal(6, plans.Select(p => p.Str("theme")).Distinct().Count());
        var plan = plans[1];
        Assert.Equal((1, 3, 1, 1), (plan.GetProperty("communeQuota").Int("collective"), plan.GetProperty("communeQuota").Int("individual"),
            plan.GetProperty("districtQuota").Int("collective"), plan.GetProperty("districtQuota").Int("individual")));
        Assert.Equal(("2016-11-25", "2016-12-10", 5), (plan.Str("communeDeadline"), plan.Str("districtDeadline"), plan.Int("councilSize")));
        Assert.Equal(100, plan.GetProperty("indicators").EnumerateObject().Sum(i => i.Value.GetProperty("weight").GetDouble()));
    }

    [Fact]
    public async Task The_commune_adds_a_campaign_and_a_later_year_each_announced_on_the_radio()
    {
        var created = await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns", host.Office, new
        {
            id = "cchc-2021-2025", name = "Phong trào thi đua đẩy mạnh cải cách hành chính giai đoạn 2021 – 2025", fromYear = 2021, toYear = 2025,
            years = new[] { new { year = 2021, theme = "Chuyển đổi số trong giải quyết thủ tục hành chính", councilSize = 7 } },
        }).JsonAsync(HttpStatusCode.Created);
        var plans = created.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(5, plans.Count);
        Assert.Equal(("Chuyển đổi số trong giải quyết thủ tục hành chính", 7), (plans[0].Str("theme"), plans[0].Int("councilSize")));
        await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns", host.Office, new { id = "cchc-2021-2025", name = "Lần nữa", fromYear = 2021, toYear = 2022 })
            .ProblemAsync(HttpStatusCode.Conflict, "campaign-exists");

        var added = await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns/cchc-2021-2025/years", host.Office,
            new { year = 2026, theme = "Một năm mới", communeDeadline = "2026-11-30" }).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("2026-11-30", "2026-12-10"), (added.Str("communeDeadline"), added.Str("districtDeadline")));
        Assert.Equal(2026, (await host.GetAsync("/api/communes/my-thanh/campaigns/cchc-2021-2025", host.Office)).GetProperty("campaign").Int("toYear"));
        await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns/cchc-2021-2025/years", host.Office, new { year = 2026 }).ProblemAsync(HttpStatusCode.Conflict, "plan-exists");
        await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns/cchc-2021-2025/years", host.Office,
            new { year = 2027, communeDeadline = "2027-12-20", districtDeadline = "2027-12-10", councilSize = 0 }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns/cchc-2021-2025/years", host.Member(1), new { year = 2027 }).ProblemAsync(HttpStatusCode.Forbidden);

        var radio = (await host.GetAsync("/api/communes/my-thanh/radio/items", host.Radio)).EnumerateArray().ToList();
        Assert.Contains(radio, i => i.Str("title") == "Kế hoạch thi đua năm 2026" && i.Str("text").Contains("Một năm mới") && i.Str("text").Contains("ngày 30 tháng 11 năm 2026"));
        Assert.Contains(radio, i => i.Str("kind") == "movement" && i.Str("text").Contains("2021 – 2025"));
    }

    [Fact]
    public async Task An_achievement_entered_by_hand_needs_its_evidence_and_names_who_entered_it()
    {
        host.Clock.SetLocal(2023, 6, 1);
        await host.Client.PostJsonAsync("/api/communes/my-thanh/achievements", host.Office, new { year = 2023, staffId = Seed.Desk, title = "Tiếp dân ngoài giờ" })
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        await host.Client.PostJsonAsync("/api/communes/my-thanh/achievements", host.Office, new { year = 2023, staffId = "khong-co", title = "X", evidence = "Biên bản" })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-staff");
        var recorded = await host.Client.PostJsonAsync("/api/communes/my-thanh/achievements", host.Tokens.Named("Lê Văn Tâm", Seed.MyThanh, "commune-office"),
            new { year = 2023, staffId = Seed.Desk, title = "Tiếp nhận hồ sơ ngoài giờ mùa lũ", evidence = "Biên bản số 12/BB-UBND ngày 20/5/2023" })
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("manual", Seed.DeskName, "Biên bản số 12/BB-UBND ngày 20/5/2023", "Lê Văn Tâm"),
            (recorded.Str("kind"), recorded.Str("name"), recorded.GetProperty("source").Str("evidence"), recorded.GetProperty("source").Str("recordedBy")));
        var collective = await host.Client.PostJsonAsync("/api/communes/my-thanh/achievements", host.Leader,
            new { year = 2023, name = "Bộ phận một cửa", title = "Không có hồ sơ trễ hạn", evidence = "Báo cáo 6 tháng" }).JsonAsync(HttpStatusCode.Created);
        Assert.True(collective.GetProperty("collective").GetBoolean());
        var listed = await host.GetAsync("/api/communes/my-thanh/achievements?year=2023", host.Member(1));
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(0, (await host.GetAsync("/api/communes/my-thanh/achievements?year=2022", host.Office)).GetArrayLength());
    }
}
