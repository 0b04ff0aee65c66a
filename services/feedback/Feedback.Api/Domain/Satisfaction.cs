using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Problems;
using Feedback.Api.Localization;

namespace Feedback.Api.Domain;

/// <summary>The five SIPAS factors (Decision 2640/QĐ-BNV), each scored 1–5; a citizen may skip any of them.</summary>
public sealed record SatisfactionFactors(int? Access, int? Procedure, int? Officer, int? Result, int? FeedbackHandling)
{
    public static IReadOnlyList<string> Names { get; } = ["access", "procedure", "officer", "result", "feedbackHandling"];

    public IEnumerable<(string Name, int? Score)> Scores() =>
        [("access", Access), ("procedure", Procedure), ("officer", Officer), ("result", Result), ("feedbackHandling", FeedbackHandling)];
}

/// <summary>A survey code printed on a returned dossier's result slip; it lets one answer be given.</summary>
public sealed record SurveyInvitation(
    string Code, string Commune, string DossierId, string ProcedureCode, string? HandlerId, DateTime ReturnedAt, DateTime? AnsweredAt = null)
{
    /// <summary>The one answer the code allows: the invitation is used up and the response kept; raises <see cref="SatisfactionRated"/>.</summary>
    public Changed<(SurveyInvitation Invitation, SurveyResponse Response)> Answer(
        SatisfactionLevel level, SatisfactionFactors? factors, string? comment, DateTime now)
    {
        if (AnsweredAt is not null) throw new ConflictException("survey-answered", Wording.Of(FeedbackMessages.SurveyAnswered));
        var response = new SurveyResponse
        {
            Code = Code, DossierId = DossierId, ProcedureCode = ProcedureCode, HandlerId = HandlerId,
            Level = level, Factors = factors ?? new SatisfactionFactors(null, null, null, null, null), Comment = comment, RatedAt = now,
        };
        return new((this with { AnsweredAt = now }, response), [new SatisfactionRated
        {
            Commune = Commune, DossierId = DossierId, ProcedureCode = ProcedureCode, HandlerId = HandlerId, Level = level, RatedAt = now,
        }]);
    }
}

public sealed record SurveyResponse
{
    public required string Code { get; init; }
    public required string DossierId { get; init; }
    public required string ProcedureCode { get; init; }
    public string? HandlerId { get; init; }
    public required SatisfactionLevel Level { get; init; }
    public required SatisfactionFactors Factors { get; init; }
    public string? Comment { get; init; }
    public required DateTime RatedAt { get; init; }

    public bool IsSatisfied => Level.CountsAsSatisfied();
}

public sealed record SatisfactionIndex(
    int Year, int Responses, double? SatisfiedShare, LevelCounts ByLevel, IReadOnlyDictionary<string, FactorScore> ByFactor,
    IReadOnlyList<GroupSatisfaction> ByProcedure, IReadOnlyList<GroupSatisfaction> ByHandler)
{
    /// <summary>
    /// The index over a year's answers. A share is null when nobody answered: an empty year is not a satisfied one.
    /// A factor scored 4 or 5 counts as satisfied with that factor.
    /// </summary>
    public static SatisfactionIndex Compute(int year, IReadOnlyCollection<SurveyResponse> responses,
        Func<string, string?> procedureName, Func<string, string?> staffName)
    {
        var factors = SatisfactionFactors.Names.ToDictionary(name => name, name =>
        {
            var scores = responses.Select(r => r.Factors.Scores().First(s => s.Name == name).Score).OfType<int>().ToList();
            return new FactorScore(scores.Count, scores.Count == 0 ? null : Math.Round(scores.Average(), 2), Share(scores.Count(s => s >= 4), scores.Count));
        });
        return new SatisfactionIndex(year, responses.Count, Share(responses.Count(r => r.IsSatisfied), responses.Count),
            new LevelCounts(responses.Count(r => r.Level == SatisfactionLevel.NotSatisfied), responses.Count(r => r.Level == SatisfactionLevel.Satisfied),
                responses.Count(r => r.Level == SatisfactionLevel.VerySatisfied)),
            factors,
            Groups(responses, r => r.ProcedureCode, procedureName),
            Groups(responses.Where(r => r.HandlerId is not null), r => r.HandlerId!, staffName));
    }

    private static IReadOnlyList<GroupSatisfaction> Groups(IEnumerable<SurveyResponse> responses, Func<SurveyResponse, string> key, Func<string, string?> name) =>
        responses.GroupBy(key).Select(g => new GroupSatisfaction(g.Key, name(g.Key), g.Count(), Share(g.Count(r => r.IsSatisfied), g.Count()) ?? 0))
            .OrderByDescending(g => g.Responses).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

public sealed record LevelCounts(int NotSatisfied, int Satisfied, int VerySatisfied);

public sealed record FactorScore(int Responses, double? Average, double? SatisfiedShare);

public sealed record GroupSatisfaction(string Code, string? Name, int Responses, double SatisfiedShare);

/// <summary>Names the feedback service keeps from the other services' events, to validate input and label reports.</summary>
public sealed record ProcedureRef(string Code, string Name);

public sealed record StaffRef(string Id, string FullName);
