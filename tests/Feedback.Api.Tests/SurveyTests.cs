using System.Net;
using Feedback.Api.Tests.Infrastructure;
using Platform.Contracts.Feedback;

namespace Feedback.Api.Tests;

/// <summary>The survey code printed on a returned dossier's result slip: one answer per code.</summary>
public sealed class SurveyTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private static string Survey(string code) => $"/api/public/surveys/{code}";

    private static object Rating(object? level = null, object? factors = null, string? comment = null) =>
        new { level = level ?? "satisfied", factors = factors ?? new { access = 5, procedure = 4, officer = 5, result = 4, feedbackHandling = 3 }, comment };

    [Fact]
    public async Task A_returned_dossier_gives_a_code_that_rates_it_once_and_raises_satisfaction_rated()
    {
        host.Clock.SetLocal(2025, 11, 3, 10, 0);
        await using var rated = await EventProbe<SatisfactionRated>.StartAsync(host.Factory.Bus);
        var code = await host.ReturnDossierAsync(procedureCode: Seed.Marriage, handlerId: Seed.DeskOfficer);

        var view = await host.Client.GetAsync(Survey(code), null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((code, "Xã Mỹ Thạnh", Seed.Marriage, Seed.MarriageName, false),
            (view.Str("code"), view.Str("communeName"), view.Str("procedureCode"), view.Str("procedureName"), view.GetProperty("answered").GetBoolean()));
        Assert.Equal(Vn.Iso(Vn.At(2025, 11, 3, 10, 0)), view.Str("returnedAt"));

        host.Clock.SetLocal(2025, 11, 3, 10, 30);
        var response = await host.Client.PostJsonAsync(Survey(code), null, Rating("very-satisfied", comment: "Cán bộ tận tình"));
        var thanks = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Survey(code), response.Headers.Location?.OriginalString);
        Assert.Equal((code, "very-satisfied", Vn.Iso(Vn.At(2025, 11, 3, 10, 30))), (thanks.Str("code"), thanks.Str("level"), thanks.Str("ratedAt")));

        var raised = await rated.WaitForAsync(e => e.ProcedureCode == Seed.Marriage && e.RatedAt == Vn.At(2025, 11, 3, 10, 30).UtcDateTime, "SatisfactionRated");
        Assert.Equal((Seed.MyThanh, Seed.DeskOfficer, SatisfactionLevel.VerySatisfied), (raised.Commune, raised.HandlerId, raised.Level));
        Assert.NotNull(raised.DossierId);
        Assert.True((await host.Client.GetAsync(Survey(code), null).JsonAsync(HttpStatusCode.OK)).GetProperty("answered").GetBoolean());

        await host.Client.PostJsonAsync(Survey(code), null, Rating("not-satisfied")).ProblemAsync(HttpStatusCode.Conflict, "survey-answered");
        // Typed in lower case, it is the same code, and still used.
        await host.Client.PostJsonAsync(Survey(code.ToLowerInvariant()), null, Rating()).ProblemAsync(HttpStatusCode.Conflict, "survey-answered");
        var index = await host.Client.GetAsync("/api/communes/my-thanh/satisfaction?year=2025", host.Leader).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, index.Int("responses"));
    }

    [Theory]
    [InlineData("ABCDEFGHJK")]
    [InlineData("khong-co-ma")]
    [InlineData("ABCDEFGHJKABCDEFGHJKABCDEFGHJKABC")] // longer than any code
    public async Task An_unknown_code_is_404_to_read_and_to_answer(string code)
    {
        await host.Client.GetAsync(Survey(code), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.PostJsonAsync(Survey(code), null, Rating()).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string> BadRatings() => new()
    {
        { """{ "factors": { "access": 5 } }""", "level" },
        { """{ "level": "satisfied", "factors": { "access": 0 } }""", "factors.access" },
        { """{ "level": "satisfied", "factors": { "officer": 6 } }""", "factors.officer" },
        { """{ "level": "satisfied", "factors": { "feedbackHandling": -1 } }""", "factors.feedbackHandling" },
        { """{ "level": "satisfied", "comment": "COMMENT" }""", "comment" },
    };

    [Theory]
    [MemberData(nameof(BadRatings))]
    public async Task A_bad_rating_is_400_and_leaves_the_code_unused(string json, string field)
    {
        var code = await host.ReturnDossierAsync();

        var problem = await host.Client.PostRawAsync(Survey(code), null, json.Replace("COMMENT", new string('x', 1001)))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([field], TestApi.ErrorFields(problem));
        Assert.False((await host.Client.GetAsync(Survey(code), null).JsonAsync(HttpStatusCode.OK)).GetProperty("answered").GetBoolean());
    }

    [Theory]
    [InlineData("""{ "level": "happy" }""")]
    [InlineData("""{ "level": 1 }""")]
    [InlineData("""{ "level": "satisfied", "factors": { "access": "five" } }""")]
    public async Task A_level_or_score_that_is_not_one_of_the_values_is_400(string json)
    {
        var code = await host.ReturnDossierAsync();

        await host.Client.PostRawAsync(Survey(code), null, json).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.False((await host.Client.GetAsync(Survey(code), null).JsonAsync(HttpStatusCode.OK)).GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Answers_sent_at_once_count_once()
    {
        host.Clock.SetLocal(2023, 6, 1, 9, 0);
        var code = await host.ReturnDossierAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Client.PostJsonAsync(Survey(code), null, Rating())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var index = await host.Client.GetAsync("/api/communes/my-thanh/satisfaction?year=2023", host.Leader).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, index.Int("responses"));
    }

    [Fact]
    public async Task Factors_may_be_skipped()
    {
        host.Clock.SetLocal(2026, 1, 5, 9, 0);
        var code = await host.ReturnDossierAsync();

        await host.Client.PostRawAsync(Survey(code), null, """{ "level": "not-satisfied" }""").JsonAsync(HttpStatusCode.Created);
    }
}
