using System.Net;
using System.Text.Json;
using Awards.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Awards.Api.Tests;

/// <summary>Council votes with the tally and threshold kept, the commune chairman's and the district's decisions, and AwardGranted on the radio.</summary>
public sealed class CouncilAndDecisionTests(CouncilHost host) : IClassFixture<CouncilHost>
{
    private static void AssertTally(JsonElement nomination, int approvals, int rejections, int size, int needed, string rule)
    {
        var tally = nomination.GetProperty("tally");
        Assert.Equal((approvals, rejections, size, needed, rule),
            (tally.Int("approvals"), tally.Int("rejections"), tally.Int("councilSize"), tally.Int("needed"), tally.Str("rule")));
    }

    [Fact]
    public async Task More_than_half_of_a_council_of_five_approves_and_the_vote_then_closes()
    {
        host.Clock.SetLocal(2016, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2016, name: "Bỏ phiếu"));
        var one = await host.VoteAsync(id, 1).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("proposed", one.Str("status"));
        await host.VoteAsync(id, 2, approve: false).JsonAsync(HttpStatusCode.OK);
        var two = await host.VoteAsync(id, 3).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("proposed", two.Str("status")); // 2 of 5 is not more than half
        var three = await host.VoteAsync(id, 4).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("approved", three.Str("status"));
        AssertTally(three, 3, 1, 5, 3, "more-than-half");
        Assert.Equal(["council-1", "council-2", "council-3", "council-4"], three.GetProperty("votes").EnumerateArray().Select(v => v.Str("member")));
        // The tally keeps who approved and who did not, by name.
        var tally = three.GetProperty("tally");
        Assert.Equal([Seed.CouncilName(1), Seed.CouncilName(3), Seed.CouncilName(4)], tally.GetProperty("approvedBy").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal([Seed.CouncilName(2)], tally.GetProperty("rejectedBy").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(Seed.Council.Select(c => c.Name), tally.GetProperty("council").EnumerateArray().Select(m => m.Str("name")));

        await host.VoteAsync(id, 4).ProblemAsync(HttpStatusCode.Conflict, "already-voted");
        await host.VoteAsync(id, 5).ProblemAsync(HttpStatusCode.Conflict, "voting-closed");
    }

    [Fact]
    public async Task Three_rejections_of_five_reject_and_a_smaller_council_needs_fewer()
    {
        host.Clock.SetLocal(2017, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2017, name: "Bị bác"));
        for (var m = 1; m <= 2; m++) await host.VoteAsync(id, m, approve: false).JsonAsync(HttpStatusCode.OK);
        var rejected = await host.VoteAsync(id, 3, approve: false).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.Str("status"));
        AssertTally(rejected, 0, 3, 5, 3, "more-than-half");

        await host.SeatCouncilAsync(2019, [Seed.CouncilStaff(1), Seed.CouncilStaff(2), Seed.CouncilStaff(3)]);
        host.Clock.SetLocal(2019, 9, 1);
        var small = await host.NominateAsync(Steps.Individual(2019, name: "Hội đồng nhỏ"));
        await host.VoteAsync(small, 1).JsonAsync(HttpStatusCode.OK);
        var approved = await host.VoteAsync(small, 2).JsonAsync(HttpStatusCode.OK);
        AssertTally(approved, 2, 0, 3, 2, "more-than-half");
        Assert.Equal("approved", approved.Str("status"));

        await host.Client.PutJsonAsync("/api/communes/my-thanh/campaigns/cchc-2015-2020/years/2019", host.Office, new { approvalsNeeded = 3 }).JsonAsync(HttpStatusCode.OK);
        var unanimous = await host.NominateAsync(Steps.Collective(2019));
        for (var m = 1; m <= 2; m++) Assert.Equal("proposed", (await host.VoteAsync(unanimous, m).JsonAsync(HttpStatusCode.OK)).Str("status"));
        AssertTally(await host.VoteAsync(unanimous, 3).JsonAsync(HttpStatusCode.OK), 3, 0, 3, 3, "fixed");
    }

    [Fact]
    public async Task Only_the_council_votes()
    {
        host.Clock.SetLocal(2015, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2015, name: "Không phải hội đồng"));
        foreach (var role in new[] { Roles.CommuneOffice, Roles.CommuneLeader, Roles.Front, Roles.DeskOfficer, Roles.Radio })
            await host.Client.PostJsonAsync($"{Steps.Nominations()}/{id}/votes", host.Tokens.ForCommune(Seed.MyThanh, role), new { approve = true })
                .ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{id}/votes", host.DistrictOfficer, new { approve = true }).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{id}/votes", host.Member(1), new { }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        var read = await host.GetAsync($"{Steps.Nominations()}/{id}", host.Office);
        Assert.Equal(0, read.GetProperty("votes").GetArrayLength());
    }

    [Fact]
    public async Task The_chairman_grants_a_commune_level_award_once_and_it_reaches_the_radio()
    {
        host.Clock.SetLocal(2016, 11, 28);
        var id = await host.NominateAsyncAt(2016, 11, 20, Steps.Individual(2016, Seed.Desk, Seed.DeskName, "giay-khen"));
        await host.Client.PostJsonAsync("/api/communes/my-thanh/awards", host.Leader, new { nominationId = id, decisionNo = "15/QĐ-UBND" })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "council-not-approved");
        await host.ApproveByCouncilAsync(id);

        await host.Client.PostJsonAsync("/api/communes/my-thanh/awards", host.Office, new { nominationId = id, decisionNo = "15/QĐ-UBND" }).ProblemAsync(HttpStatusCode.Forbidden);
        var award = await host.Client.PostJsonAsync("/api/communes/my-thanh/awards", host.Leader, new { nominationId = id, decisionNo = "15/QĐ-UBND" })
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Giấy khen của Chủ tịch UBND xã", "15/QĐ-UBND", Seed.DeskName), (award.Str("title"), award.Str("decisionNo"), award.GetProperty("nominee").Str("name")));
        await host.Client.PostJsonAsync("/api/communes/my-thanh/awards", host.Leader, new { nominationId = id, decisionNo = "16/QĐ-UBND" })
            .ProblemAsync(HttpStatusCode.Conflict, "already-decided");
        var nomination = await host.GetAsync($"{Steps.Nominations()}/{id}", host.Office);
        Assert.Equal(("granted", "15/QĐ-UBND"), (nomination.Str("status"), nomination.GetProperty("decision").Str("decisionNo")));

        JsonElement item = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = await host.GetAsync("/api/communes/my-thanh/radio/items", host.Radio);
            item = items.EnumerateArray().LastOrDefault(i => i.Str("kind") == "award" && i.Str("text").Contains("15/QĐ-UBND"));
            return item.ValueKind == JsonValueKind.Object;
        }, "the award on the radio");
        Assert.Contains(Seed.DeskName, item.Str("text"));
        Assert.Contains("Giấy khen", item.Str("title"));
        Assert.Single((await host.GetAsync("/api/communes/my-thanh/awards?year=2016", host.Office)).EnumerateArray(), a => a.Str("nominationId") == id);
    }

    [Fact]
    public async Task A_district_level_nomination_is_forwarded_by_10_December_decided_once_by_its_district()
    {
        host.Clock.SetLocal(2018, 11, 1);
        var collective = await host.NominateAsync(Steps.Collective(2018, level: "district", title: "giay-khen"));
        var person = await host.NominateAsync(Steps.Individual(2018, name: "Người lên huyện", level: "district"));
        var second = await host.NominateAsync(Steps.Individual(2018, name: "Người thứ hai lên huyện", level: "district"));
        var commune = await host.NominateAsync(Steps.Individual(2018, name: "Cấp xã"));
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{person}/forward", host.Office, null).ProblemAsync(HttpStatusCode.Conflict, "not-approved");
        foreach (var id in new[] { collective, person, second, commune }) await host.ApproveByCouncilAsync(id);
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{commune}/forward", host.Office, null).ProblemAsync(HttpStatusCode.UnprocessableEntity, "commune-level");

        host.Clock.SetLocal(2018, 12, 10, 23, 59);
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{person}/forward", host.Office, null).JsonAsync(HttpStatusCode.OK);
        var over = await host.Client.PostJsonAsync($"{Steps.Nominations()}/{second}/forward", host.Office, null).ProblemAsync(HttpStatusCode.UnprocessableEntity, "over-quota");
        Assert.Contains("huyện", over.Str("detail"));
        host.Clock.SetLocal(2018, 12, 11, 0, 0);
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{collective}/forward", host.Office, null).ProblemAsync(HttpStatusCode.UnprocessableEntity, "past-deadline");

        var inbox = await host.GetAsync($"/api/districts/{Seed.District}/nominations?year=2018", host.DistrictOfficer);
        var item = Assert.Single(inbox.EnumerateArray());
        Assert.Equal((person, "my-thanh", "Xã Mỹ Thạnh", "forwarded"), (item.Str("id"), item.Str("commune"), item.Str("communeName"), item.Str("status")));
        // Another district neither sees nor decides it.
        var other = host.Tokens.ForDistrict(Seed.OtherDistrict, Roles.DistrictOfficer);
        Assert.Equal(0, (await host.GetAsync($"/api/districts/{Seed.OtherDistrict}/nominations?year=2018", other)).GetArrayLength());
        await host.Client.PostJsonAsync($"/api/districts/{Seed.OtherDistrict}/nominations/{person}/decide", other, new { granted = true, decisionNo = "1/QĐ" })
            .ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PostJsonAsync($"/api/districts/{Seed.District}/nominations/{person}/decide", other, new { granted = true, decisionNo = "1/QĐ" })
            .ProblemAsync(HttpStatusCode.Forbidden);

        var decided = await host.Client.PostJsonAsync($"/api/districts/{Seed.District}/nominations/{person}/decide", host.DistrictOfficer,
            new { granted = true, decisionNo = "345/QĐ-UBND", title = "Giấy khen của Chủ tịch UBND huyện" }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("granted", decided.Str("status"));
        await host.Client.PostJsonAsync($"/api/districts/{Seed.District}/nominations/{person}/decide", host.DistrictOfficer,
            new { granted = false, decisionNo = "346/QĐ-UBND" }).ProblemAsync(HttpStatusCode.Conflict, "already-decided");
        var back = await host.GetAsync($"{Steps.Nominations()}/{person}", host.Office);
        Assert.Equal(("granted", "345/QĐ-UBND"), (back.Str("status"), back.GetProperty("decision").Str("decisionNo")));
        await Eventually.TrueAsync(async () => (await host.GetAsync("/api/communes/my-thanh/radio/items", host.Radio)).EnumerateArray()
            .Any(i => i.Str("text").Contains("345/QĐ-UBND") && i.Str("text").Contains("Ủy ban nhân dân huyện")), "the district's award on the radio");
    }

    [Fact]
    public async Task A_refusal_grants_nothing()
    {
        host.Clock.SetLocal(2020, 11, 2);
        var id = await host.NominateAsync(Steps.Collective(2020));
        await host.ApproveByCouncilAsync(id);
        var refused = await host.Client.PostJsonAsync("/api/communes/my-thanh/awards", host.Leader, new { nominationId = id, granted = false, decisionNo = "20/QĐ-UBND" })
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("refused", refused.Str("status"));
        Assert.DoesNotContain((await host.GetAsync("/api/communes/my-thanh/awards?year=2020", host.Office)).EnumerateArray(), a => a.Str("nominationId") == id);
    }
}

public static class ClockSteps
{
    /// <summary>Files on a given Vietnam day, then puts the clock back.</summary>
    public static async Task<string> NominateAsyncAt(this AwardsHost host, int year, int month, int day, object body)
    {
        var now = host.Clock.GetUtcNow();
        host.Clock.SetLocal(year, month, day);
        try
        {
            return await host.NominateAsync(body);
        }
        finally
        {
            host.Clock.Set(now);
        }
    }
}
