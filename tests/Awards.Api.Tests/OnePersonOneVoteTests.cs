using System.Net;
using System.Text.Json;
using Awards.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Awards.Api.Tests;

/// <summary>
/// Issue 12, fault 1: the council is a roster of named people for the year, kept with the plan; a vote belongs to a person,
/// once, whichever of their accounts casts it; an account of no staff member, or of one off the roster, cannot vote; the
/// filer's own approval never carries a nomination; the tally keeps the names.
/// </summary>
public sealed class OnePersonOneVoteTests(CouncilHost host) : IClassFixture<CouncilHost>
{
    private Task<HttpResponseMessage> Vote(string id, string token, bool approve = true) =>
        host.Client.PostJsonAsync($"{Steps.Nominations()}/{id}/votes", token, new { approve });

    private string CouncilAccount(string subject, string staffId) => host.Tokens.Staff(subject, staffId, Seed.MyThanh, Roles.EmulationCouncil);

    [Fact]
    public async Task Two_accounts_of_one_staff_member_cast_one_vote()
    {
        host.Clock.SetLocal(2015, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2015, name: "Hai tài khoản"));
        // The office made two council accounts for the same person.
        await Vote(id, CouncilAccount("hdtdkt1", Seed.CouncilStaff(1))).JsonAsync(HttpStatusCode.OK);
        var again = await Vote(id, CouncilAccount("hdtdkt1-b", Seed.CouncilStaff(1))).ProblemAsync(HttpStatusCode.Conflict, "already-voted");
        Assert.Contains(Seed.CouncilName(1), again.Str("detail"));

        var read = await host.GetAsync($"{Steps.Nominations()}/{id}", host.Office);
        var vote = Assert.Single(read.GetProperty("votes").EnumerateArray());
        Assert.Equal((Seed.CouncilStaff(1), Seed.CouncilName(1), "hdtdkt1"), (vote.Str("member"), vote.Str("memberName"), vote.Str("account")));
        Assert.Equal(1, read.GetProperty("tally").Int("approvals"));
        Assert.Equal([Seed.CouncilName(1)], read.GetProperty("tally").Strings("approvedBy"));
    }

    [Fact]
    public async Task Two_accounts_of_one_person_voting_at_once_still_cast_one_vote()
    {
        host.Clock.SetLocal(2020, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2020, name: "Cùng lúc"));
        var answers = await Task.WhenAll(Enumerable.Range(1, 2).Select(i => Vote(id, CouncilAccount($"hdtdkt5-{i}", Seed.CouncilStaff(5)))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var read = await host.GetAsync($"{Steps.Nominations()}/{id}", host.Office);
        Assert.Equal(Seed.CouncilStaff(5), Assert.Single(read.GetProperty("votes").EnumerateArray()).Str("member"));
    }

    [Fact]
    public async Task An_account_of_no_staff_member_or_of_one_off_the_roster_cannot_vote()
    {
        host.Clock.SetLocal(2016, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2016, name: "Người ngoài hội đồng"));

        var nobody = await Vote(id, host.Tokens.Member("hdtdkt-khong-ten", Seed.MyThanh, Roles.EmulationCouncil))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "no-staff-member");
        Assert.Contains("không gắn với cán bộ", nobody.Str("detail"));
        var offRoster = await Vote(id, CouncilAccount("hdtdkt-motcua", Seed.Desk)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-on-council");
        Assert.Contains(Seed.DeskName, offRoster.Str("detail"));
        Assert.Contains("2016", offRoster.Str("detail"));
        // A staff member of another commune, on a token of this one, is on no roster here either.
        await Vote(id, CouncilAccount("hdtdkt-luonghoa", Seed.LuongHoaStaff)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-on-council");

        var read = await host.GetAsync($"{Steps.Nominations()}/{id}", host.Office);
        Assert.Equal(("proposed", 0), (read.Str("status"), read.GetProperty("votes").GetArrayLength()));
    }

    [Fact]
    public async Task A_year_whose_council_is_not_named_takes_no_vote()
    {
        host.Clock.SetLocal(2021, 9, 1);
        await host.Client.PostJsonAsync("/api/communes/my-thanh/campaigns", host.Office, new { id = "cchc-2021", name = "Thi đua năm 2021", fromYear = 2021, toYear = 2021 })
            .JsonAsync(HttpStatusCode.Created);
        var id = await host.NominateAsync(Steps.Individual(2021, name: "Chưa có hội đồng"));
        var refused = await host.VoteAsync(id, 1).ProblemAsync(HttpStatusCode.UnprocessableEntity, "no-council");
        Assert.Contains("chưa có danh sách thành viên Hội đồng", refused.Str("detail"));
    }

    [Fact]
    public async Task The_filers_own_approval_is_recorded_and_never_counted()
    {
        host.Clock.SetLocal(2017, 9, 1);
        // The office civil servant sits on the council as its secretary, with the four others: five seats, three approvals needed.
        await host.Client.PutJsonAsync(AwardsHost.CouncilPath(2017), host.Office, new
        {
            members = new[] { new { staffId = Seed.Office, seat = "Thư ký" } }.Concat(Enumerable.Range(1, 4).Select(n => new { staffId = Seed.CouncilStaff(n), seat = "Ủy viên" })),
        }).JsonAsync(HttpStatusCode.OK);
        var office = host.Tokens.Staff("vanphong.mythanh", Seed.Office, Seed.MyThanh, Roles.CommuneOffice);
        var id = (await host.TryNominateAsync(Steps.Individual(2017, name: "Do văn phòng đề nghị"), token: office).JsonAsync(HttpStatusCode.Created)).Str("id");

        // The filer's council accounts: the first approval is kept and not counted, the second account finds it cast.
        var own = await Vote(id, CouncilAccount("hdtdkt.vanphong", Seed.Office)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("proposed", 0), (own.Str("status"), own.GetProperty("tally").Int("approvals")));
        Assert.Equal([Seed.OfficeName], own.GetProperty("tally").Strings("notCounted"));
        await Vote(id, CouncilAccount("hdtdkt2.vanphong", Seed.Office)).ProblemAsync(HttpStatusCode.Conflict, "already-voted");
        await host.VoteAsync(id, 1).JsonAsync(HttpStatusCode.OK);
        var two = await host.VoteAsync(id, 2).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("proposed", two.Str("status")); // two counted approvals of the three needed, whatever the filer said
        var approved = await host.VoteAsync(id, 3).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("approved", approved.Str("status"));
        var tally = approved.GetProperty("tally");
        Assert.Equal((3, 0, 5, 3), (tally.Int("approvals"), tally.Int("rejections"), tally.Int("councilSize"), tally.Int("needed")));
        Assert.Equal([Seed.CouncilName(1), Seed.CouncilName(2), Seed.CouncilName(3)], tally.Strings("approvedBy"));
        Assert.Equal([Seed.OfficeName], tally.Strings("notCounted"));
        Assert.Equal([Seed.OfficeName, .. Enumerable.Range(1, 4).Select(Seed.CouncilName)], tally.GetProperty("council").EnumerateArray().Select(m => m.Str("name")));

        // Without the filer's seat, two rejections of the four others leave too few to carry it: rejected at once.
        var second = (await host.TryNominateAsync(Steps.Individual(2017, name: "Đề nghị thứ hai"), token: office).JsonAsync(HttpStatusCode.Created)).Str("id");
        await Vote(second, CouncilAccount("hdtdkt.vanphong", Seed.Office)).JsonAsync(HttpStatusCode.OK);
        await host.VoteAsync(second, 1, approve: false).JsonAsync(HttpStatusCode.OK);
        var rejected = await host.VoteAsync(second, 2, approve: false).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Equal([Seed.CouncilName(1), Seed.CouncilName(2)], rejected.GetProperty("tally").Strings("rejectedBy"));
    }

    [Fact]
    public async Task Whoever_keeps_the_plan_names_the_council_from_the_communes_staff()
    {
        var path = AwardsHost.CouncilPath(2018);
        object Members(params string[] ids) => new { members = ids.Select(id => new { staffId = id }).ToArray() };

        await host.Client.PutJsonAsync(path, host.Member(1), Members(Seed.CouncilStaff(1))).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.PutJsonAsync(path, host.Tokens.ForCommune(Seed.MyThanh, Roles.Front), Members(Seed.CouncilStaff(1))).ProblemAsync(HttpStatusCode.Forbidden);

        var invalid = await host.Client.PutJsonAsync(path, host.Office, new
        {
            size = 2,
            members = new object[] { new { staffId = Seed.CouncilStaff(1) }, new { staffId = Seed.CouncilStaff(1) }, new { staffId = "" }, new { staffId = Seed.Culture, seat = new string('x', 101) } },
        }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["members[1].staffId", "members[2].staffId", "members[3].seat", "size"], TestApi.ErrorFields(invalid));
        Assert.Equal(["members"], TestApi.ErrorFields(await host.Client.PutJsonAsync(path, host.Office, new { members = Array.Empty<object>() })
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input")));

        // Members are staff of this commune: another commune's staff member and an unknown id are refused, by id.
        var unknown = await host.Client.PutJsonAsync(path, host.Office, Members(Seed.CouncilStaff(1), Seed.LuongHoaStaff, "khong-co"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-staff");
        Assert.Contains(Seed.LuongHoaStaff, unknown.Str("detail"));
        Assert.Contains("khong-co", unknown.Str("detail"));

        // Two named members of five seats could never give the three approvals needed.
        await host.Client.PutJsonAsync(path, host.Office, new { size = 5, members = new[] { new { staffId = Seed.CouncilStaff(1) }, new { staffId = Seed.CouncilStaff(2) } } })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "inconsistent-plan");

        var plan = await host.Client.PutJsonAsync(path, host.Leader, new
        {
            size = 5,
            members = new[]
            {
                new { staffId = Seed.CouncilStaff(1), seat = "Chủ tịch Hội đồng" }, new { staffId = Seed.CouncilStaff(2), seat = "Phó Chủ tịch Hội đồng" },
                new { staffId = Seed.Culture, seat = "Ủy viên" }, new { staffId = Seed.Office, seat = "Thư ký" },
            },
        }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, plan.Int("councilSize"));
        Assert.Equal([(Seed.CouncilStaff(1), Seed.CouncilName(1), "Chủ tịch Hội đồng"), (Seed.CouncilStaff(2), Seed.CouncilName(2), "Phó Chủ tịch Hội đồng"),
                (Seed.Culture, Seed.CultureName, "Ủy viên"), (Seed.Office, Seed.OfficeName, "Thư ký")],
            plan.GetProperty("council").EnumerateArray().Select(m => (m.Str("staffId"), m.Str("name"), m.Str("seat"))));
        var kept = (await host.GetAsync("/api/communes/my-thanh/campaigns/cchc-2015-2020", host.Member(1))).GetProperty("plans").EnumerateArray().Single(p => p.Int("year") == 2018);
        Assert.Equal(4, kept.GetProperty("council").GetArrayLength());

        // The plan's own edits keep to the roster: fewer seats than named members is refused.
        await host.Client.PutJsonAsync("/api/communes/my-thanh/campaigns/cchc-2015-2020/years/2018", host.Office, new { councilSize = 3 })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "inconsistent-plan");
        await host.Client.PutJsonAsync(AwardsHost.CouncilPath(2099), host.Office, Members(Seed.CouncilStaff(1))).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        // Only the named members vote that year: the culture officer now can, member 3 no longer.
        host.Clock.SetLocal(2018, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2018, name: "Hội đồng mới"));
        await Vote(id, CouncilAccount("hdtdkt-vanhoa", Seed.Culture)).JsonAsync(HttpStatusCode.OK);
        await host.VoteAsync(id, 3).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-on-council");
    }

    [Fact]
    public async Task The_roster_the_first_vote_found_stays_with_the_count()
    {
        host.Clock.SetLocal(2019, 9, 1);
        var id = await host.NominateAsync(Steps.Individual(2019, name: "Hội đồng giữa chừng"));
        await host.VoteAsync(id, 1).JsonAsync(HttpStatusCode.OK);
        // The plan's roster changes mid-count: member 2 leaves the council, the culture officer joins.
        await host.SeatCouncilAsync(2019, [Seed.CouncilStaff(1), Seed.Culture, Seed.CouncilStaff(3), Seed.CouncilStaff(4), Seed.CouncilStaff(5)]);
        await Vote(id, CouncilAccount("hdtdkt-vanhoa", Seed.Culture)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-on-council");
        var counted = await host.VoteAsync(id, 2).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Seed.Council.Select(c => c.Name), counted.GetProperty("tally").GetProperty("council").EnumerateArray().Select(m => m.Str("name")));
        // A nomination not yet voted on takes the new roster.
        var fresh = await host.NominateAsync(Steps.Individual(2019, name: "Hội đồng mới năm 2019"));
        await Vote(fresh, CouncilAccount("hdtdkt-vanhoa", Seed.Culture)).JsonAsync(HttpStatusCode.OK);
    }
}
