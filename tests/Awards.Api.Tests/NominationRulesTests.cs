using System.Net;
using Awards.Api.Tests.Infrastructure;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Awards.Api.Tests;

/// <summary>Quotas and deadlines of the yearly review (seed II.3) at their edges, in Vietnam time, and the titles' conditions.</summary>
public sealed class NominationRulesTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    [Fact]
    public async Task Filing_to_the_commune_closes_at_the_end_of_25_November_Vietnam_time()
    {
        host.Clock.SetLocal(2016, 11, 24, 23, 59);
        await host.NominateAsync(Steps.Individual(2016, name: "Người thứ nhất"));
        host.Clock.SetLocal(2016, 11, 25, 23, 59);
        await host.NominateAsync(Steps.Individual(2016, name: "Người thứ hai"));
        // 26 November 00:00 in Vietnam is still 25 November (17:00) in UTC: the rule is applied in Vietnam time.
        host.Clock.SetLocal(2016, 11, 26, 0, 0);
        var problem = await host.TryNominateAsync(Steps.Individual(2016, name: "Người thứ ba")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "past-deadline");
        Assert.Contains("25/11/2016", problem.Str("detail"));
        Assert.Contains("26/11/2016", problem.Str("detail"));
        Assert.Single(problem.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task One_collective_and_three_individuals_a_year_then_422_saying_which_and_a_withdrawal_frees_a_place()
    {
        host.Clock.SetLocal(2017, 10, 1);
        var first = await host.NominateAsync(Steps.Individual(2017, name: "A"));
        await host.NominateAsync(Steps.Individual(2017, name: "B"));
        await host.NominateAsync(Steps.Individual(2017, name: "C"));
        await host.NominateAsync(Steps.Collective(2017));

        var individual = await host.TryNominateAsync(Steps.Individual(2017, name: "D")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "over-quota");
        Assert.Contains("3 cá nhân", individual.Str("detail"));
        var collective = await host.TryNominateAsync(Steps.Collective(2017)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "over-quota");
        Assert.Contains("1 tập thể", collective.Str("detail"));
        // Another year and another commune have their own places.
        await host.NominateAsync(Steps.Individual(2018, name: "D"));
        await host.Client.PostJsonAsync(Steps.Nominations(Seed.LuongHoa), host.Tokens.ForCommune(Seed.LuongHoa, "commune-office"), Steps.Individual(2017, name: "E"))
            .JsonAsync(HttpStatusCode.Created);

        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{first}/withdraw", host.Office, null).JsonAsync(HttpStatusCode.OK);
        await host.NominateAsync(Steps.Individual(2017, name: "D"));
        await host.TryNominateAsync(Steps.Individual(2017, name: "E")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "over-quota");
    }

    [Fact]
    public async Task Over_quota_and_past_deadline_together_give_both_reasons()
    {
        host.Clock.SetLocal(2019, 11, 20);
        await host.NominateAsync(Steps.Collective(2019));
        host.Clock.SetLocal(2019, 12, 1);
        var problem = await host.TryNominateAsync(Steps.Collective(2019)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "nomination-refused");
        Assert.Equal(2, problem.GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public async Task The_quota_and_deadline_are_the_campaign_years_settings()
    {
        host.Clock.SetLocal(2018, 11, 27);
        await host.TryNominateAsync(Steps.Collective(2018)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "past-deadline");
        await host.Client.PutJsonAsync("/api/communes/my-thanh/campaigns/cchc-2015-2020/years/2018", host.Office,
            new { communeDeadline = "2018-11-30", communeQuota = new { collective = 2 } }).JsonAsync(HttpStatusCode.OK);
        await host.NominateAsync(Steps.Collective(2018));
        await host.NominateAsync(Steps.Collective(2018));
        await host.TryNominateAsync(Steps.Collective(2018)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "over-quota");
        // A year no plan covers.
        host.Clock.SetLocal(2022, 3, 1);
        await host.TryNominateAsync(Steps.Collective(2022)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "no-plan");
    }

    [Fact]
    public async Task Lao_dong_tien_tien_needs_a_final_evaluation_of_at_least_good()
    {
        host.Clock.SetLocal(2020, 11, 1);
        var noEvaluation = await host.TryNominateAsync(Steps.Individual(2020, Seed.Culture, Seed.CultureName, "lao-dong-tien-tien"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Contains("Chưa có kết quả đánh giá", noEvaluation.Str("detail"));

        await host.Factory.ConsumeAsync(Evaluated(Seed.Culture, 2020, EvaluationLevel.Completed, new DateTime(2020, 10, 20, 0, 0, 0, DateTimeKind.Utc)));
        var completed = await host.TryNominateAsync(Steps.Individual(2020, Seed.Culture, Seed.CultureName, "lao-dong-tien-tien"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Contains("Hoàn thành nhiệm vụ", completed.Str("detail"));

        await host.Factory.ConsumeAsync(Evaluated(Seed.Culture, 2020, EvaluationLevel.Good, new DateTime(2020, 10, 25, 0, 0, 0, DateTimeKind.Utc)));
        // An older copy finalised earlier arriving late does not undo the newer level.
        await host.Factory.ConsumeAsync(Evaluated(Seed.Culture, 2020, EvaluationLevel.NotCompleted, new DateTime(2020, 10, 1, 0, 0, 0, DateTimeKind.Utc)));
        await host.NominateAsync(Steps.Individual(2020, Seed.Culture, Seed.CultureName, "lao-dong-tien-tien"));
        // The title needs the person on record, and a collective cannot hold it.
        await host.TryNominateAsync(Steps.Individual(2020, null, "Ai đó", "lao-dong-tien-tien")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        await host.TryNominateAsync(Steps.Collective(2020, title: "lao-dong-tien-tien")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        await host.TryNominateAsync(Steps.Individual(2020, "khong-co", "Không có", "giay-khen")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-staff");
    }

    [Fact]
    public async Task Chien_si_thi_dua_co_so_needs_a_good_evaluation_and_an_approved_initiative_of_the_year()
    {
        host.Clock.SetLocal(2015, 11, 2);
        await host.Factory.ConsumeAsync(Evaluated(Seed.Desk, 2015, EvaluationLevel.Excellent, new DateTime(2015, 10, 30, 0, 0, 0, DateTimeKind.Utc)));
        var problem = await host.TryNominateAsync(Steps.Individual(2015, Seed.Desk, Seed.DeskName, "chien-si-thi-dua-co-so"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");
        Assert.Contains("sáng kiến", problem.Str("detail"));

        await host.Factory.ConsumeAsync(Approved(Seed.Desk, new DateTime(2015, 9, 1, 2, 0, 0, DateTimeKind.Utc)));
        await host.NominateAsync(Steps.Individual(2015, Seed.Desk, Seed.DeskName, "chien-si-thi-dua-co-so"));
    }

    [Fact]
    public async Task Malformed_nominations_are_400_listing_the_fields()
    {
        host.Clock.SetLocal(2016, 3, 1);
        var problem = await host.Client.PostRawAsync(Steps.Nominations(), host.Office, """{"year": 1990, "title": "huan-chuong"}""")
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["kind", "level", "nominee.name", "reason", "title", "year"], TestApi.ErrorFields(problem));
        // A level or kind outside the vocabulary is refused as the body is read, on its field.
        foreach (var (body, field) in new[] { ("""{"level": "province"}""", "level"), ("""{"level": "commune", "kind": "team"}""", "kind") })
            Assert.Equal([field], TestApi.ErrorFields(await host.Client.PostRawAsync(Steps.Nominations(), host.Office, body).ProblemAsync(HttpStatusCode.BadRequest)));
        await host.Client.PostRawAsync(Steps.Nominations(), host.Office, "{not json").ProblemAsync(HttpStatusCode.BadRequest);
    }

    internal static EvaluationFinalized Evaluated(string staffId, int year, EvaluationLevel level, DateTime at) =>
        new() { Commune = Seed.MyThanh, StaffId = staffId, Year = year, Level = level, FinalizedAt = at };

    internal static SimplificationApproved Approved(string author, DateTime at, string commune = Seed.MyThanh, string? proposalId = null) => new()
    {
        Commune = commune, ProposalId = proposalId ?? Guid.NewGuid().ToString("N")[..12], ProcedureCode = "ho-tich-khai-sinh", ProcedureName = "Đăng ký khai sinh",
        AuthorStaffIds = [author], RemovedComponents = ["Bản sao sổ hộ khẩu"], PreviousProcessingDays = 3, NewProcessingDays = 1,
        Authority = "UBND tỉnh Bến Tre", DecisionNo = "1234/QĐ-UBND", EffectiveFrom = DateOnly.FromDateTime(at).AddDays(10), ApprovedAt = at,
    };
}
