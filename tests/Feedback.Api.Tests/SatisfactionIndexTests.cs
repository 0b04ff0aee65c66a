using System.Net;
using System.Text.Json;
using Feedback.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Feedback.Api.Tests;

/// <summary>
/// The satisfaction index over generated answers: a seeded random year of ratings, the expected figures computed here
/// from the answers themselves, compared with what the service reports.
/// </summary>
public sealed class SatisfactionIndexTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private static readonly string[] Levels = ["not-satisfied", "satisfied", "very-satisfied"];
    private static readonly string[] Factors = ["access", "procedure", "officer", "result", "feedbackHandling"];
    private static readonly string[] Procedures = [Seed.Marriage, Seed.Birth, Seed.Residence];
    private static readonly Dictionary<string, string> ProcedureNames = new()
    {
        [Seed.Marriage] = Seed.MarriageName, [Seed.Birth] = Seed.BirthName, [Seed.Residence] = Seed.ResidenceName,
    };
    private static readonly Dictionary<string, string> StaffNames = new() { [Seed.DeskOfficer] = Seed.DeskOfficerName, [Seed.OfficeClerk] = Seed.OfficeClerkName };
    private static readonly string?[] Handlers = [Seed.DeskOfficer, Seed.OfficeClerk, null, "nguoi-da-nghi"]; // null: no handler; the last is unknown to feedback

    private sealed record Answer(string Procedure, string? Handler, string Level, Dictionary<string, int?> Scores)
    {
        public bool Satisfied => Level != "not-satisfied";
    }

    private Task<JsonElement> IndexAsync(int year, string? token = null) =>
        host.Client.GetAsync($"/api/communes/my-thanh/satisfaction?year={year}", token ?? host.Leader).JsonAsync(HttpStatusCode.OK);

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static void AssertShare(double? expected, JsonElement actual, string what)
    {
        if (expected is null)
            Assert.True(actual.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined, $"{what}: expected no share, got {actual}");
        else
            Assert.True(Math.Abs(expected.Value - actual.GetDouble()) <= 0.00005, $"{what}: expected {expected:0.0000}, got {actual}");
    }

    private static JsonElement Property(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value : default;

    private static void AssertGroups(IEnumerable<IGrouping<string, Answer>> expected, JsonElement actual, IReadOnlyDictionary<string, string> names, string what)
    {
        var groups = expected.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rows = actual.EnumerateArray().ToList();
        Assert.Equal(groups.Select(g => (g.Key, g.Count())), rows.Select(r => (r.Str("code"), r.Int("responses"))));
        foreach (var (group, row) in groups.Zip(rows))
        {
            Assert.Equal(names.GetValueOrDefault(group.Key), Property(row, "name").ValueKind == JsonValueKind.String ? row.Str("name") : null);
            AssertShare(Share(group.Count(a => a.Satisfied), group.Count()), row.GetProperty("satisfiedShare"), $"{what} {group.Key}");
        }
    }

    [Fact]
    public async Task The_index_of_a_year_matches_the_figures_computed_from_its_answers()
    {
        var random = new Random(2015);
        var answers = Enumerable.Range(0, 60).Select(_ => new Answer(
            Procedures[random.Next(Procedures.Length)], Handlers[random.Next(Handlers.Length)], Levels[random.Next(Levels.Length)],
            Factors.ToDictionary(f => f, _ => random.NextDouble() < 0.2 ? (int?)null : random.Next(1, 6)))).ToList();
        var codes = new List<string>();
        foreach (var answer in answers) codes.Add(await host.ReturnDossierAsync(procedureCode: answer.Procedure, handlerId: answer.Handler));

        host.Clock.SetLocal(2024, 1, 2, 8, 0);
        for (var i = 0; i < answers.Count; i++)
        {
            host.Clock.Advance(TimeSpan.FromHours(100)); // spread over 2024 (60 × 100 h ≈ 250 days)
            if (i == answers.Count - 1)
            {
                // The cached index is dropped by a new answer: read it once before the last one.
                Assert.Equal(answers.Count - 1, (await IndexAsync(2024)).Int("responses"));
                host.Clock.SetLocal(2024, 12, 31, 23, 30); // 16:30 UTC: still 2024 in Vietnam
            }
            var a = answers[i];
            await host.Client.PostJsonAsync($"/api/public/surveys/{codes[i]}", null, new { level = a.Level, factors = a.Scores })
                .JsonAsync(HttpStatusCode.Created);
        }
        // Rated just after midnight on New Year's day in Vietnam (still 2024 in UTC): it belongs to 2025.
        var nextYear = await host.ReturnDossierAsync(procedureCode: Seed.Birth);
        host.Clock.SetLocal(2025, 1, 1, 0, 30);
        await host.Client.PostJsonAsync($"/api/public/surveys/{nextYear}", null, new { level = "not-satisfied" }).JsonAsync(HttpStatusCode.Created);

        var index = await IndexAsync(2024);

        Assert.Equal(2024, index.Int("year"));
        Assert.Equal(answers.Count, index.Int("responses"));
        AssertShare(Share(answers.Count(a => a.Satisfied), answers.Count), index.GetProperty("satisfiedShare"), "satisfiedShare");
        var byLevel = index.GetProperty("byLevel");
        Assert.Equal(Levels.Select(l => answers.Count(a => a.Level == l)),
            new[] { "notSatisfied", "satisfied", "verySatisfied" }.Select(l => byLevel.Int(l)));
        foreach (var factor in Factors)
        {
            var scores = answers.Select(a => a.Scores[factor]).OfType<int>().ToList();
            var row = index.GetProperty("byFactor").GetProperty(factor);
            Assert.Equal(scores.Count, row.Int("responses"));
            Assert.True(Math.Abs(scores.Average() - row.GetProperty("average").GetDouble()) <= 0.005, $"{factor} average: {scores.Average()} vs {row}");
            AssertShare(Share(scores.Count(s => s >= 4), scores.Count), row.GetProperty("satisfiedShare"), $"{factor} share");
        }
        AssertGroups(answers.GroupBy(a => a.Procedure), index.GetProperty("byProcedure"), ProcedureNames, "procedure");
        AssertGroups(answers.Where(a => a.Handler is not null).GroupBy(a => a.Handler!), index.GetProperty("byHandler"), StaffNames, "handler");
        // The sanity of the generated data: every group is there, and not everyone was satisfied.
        Assert.Equal(3, index.GetProperty("byHandler").GetArrayLength());
        Assert.InRange(index.GetProperty("satisfiedShare").GetDouble(), 0.3, 0.95);

        var following = await IndexAsync(2025);
        Assert.Equal(1, following.Int("responses"));
        AssertShare(0, following.GetProperty("satisfiedShare"), "2025");
    }

    [Fact]
    public async Task A_year_without_answers_has_no_share_rather_than_zero()
    {
        var index = await IndexAsync(2019);

        Assert.Equal(0, index.Int("responses"));
        AssertShare(null, Property(index, "satisfiedShare"), "satisfiedShare");
        foreach (var factor in Factors)
        {
            var row = index.GetProperty("byFactor").GetProperty(factor);
            Assert.Equal(0, row.Int("responses"));
            AssertShare(null, Property(row, "average"), $"{factor} average");
            AssertShare(null, Property(row, "satisfiedShare"), $"{factor} share");
        }
        Assert.Equal(0, index.GetProperty("byProcedure").GetArrayLength());
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public async Task A_year_out_of_range_is_400(int year) =>
        Assert.Equal(["year"], TestApi.ErrorFields(await host.Client.GetAsync($"/api/communes/my-thanh/satisfaction?year={year}", host.Leader)
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input")));

    [Theory]
    [InlineData(Roles.EmulationCouncil, HttpStatusCode.OK)]
    [InlineData(Roles.Front, HttpStatusCode.OK)]
    [InlineData(Roles.DeskOfficer, HttpStatusCode.OK)]
    [InlineData(Roles.Radio, HttpStatusCode.Forbidden)]
    public async Task Who_reads_the_index(string role, HttpStatusCode expected) =>
        Assert.Equal(expected, (await host.Client.GetAsync("/api/communes/my-thanh/satisfaction?year=2019", host.Tokens.ForCommune(Seed.MyThanh, role))).StatusCode);
}
