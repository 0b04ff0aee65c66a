using Awards.Api.Localization;
using Platform.ServiceDefaults.Problems;
using Platform.Contracts.Awards;
using Platform.Contracts.Personnel;

namespace Awards.Api.Domain;

/// <summary>
/// Whether a nomination may be filed (seed II.3; Law 06/2022): the campaign year's quota and deadline, in Vietnam time,
/// and the title's conditions where the platform knows them. Each refusal says which rule and why.
/// </summary>
public static class Eligibility
{
    /// <summary>The deadline day is included: a filing on 25 November (Vietnam time) is in time, on the 26th it is late.</summary>
    /// <param name="to">a key of <see cref="AwardsMessages"/> naming where nominations go</param>
    public static Wording? PastDeadline(DateOnly today, DateOnly deadline, string to) =>
        today > deadline ? Wording.Of(AwardsMessages.PastDeadline, Wording.Of(to), deadline, today) : null;

    public static Wording? OverQuota(int taken, int quota, NomineeKind kind, string to) =>
        taken >= quota ? Wording.Of(kind == NomineeKind.Collective ? AwardsMessages.OverQuotaCollective : AwardsMessages.OverQuotaIndividual, Wording.Of(to), quota) : null;

    /// <summary>
    /// Lao động tiên tiến needs a final evaluation of at least "good" for the year (Law 06/2022 art. 26);
    /// Chiến sĩ thi đua cơ sở needs that plus a recognised initiative (art. 23) — here, a simplification approved in the year.
    /// </summary>
    public static IReadOnlyList<Wording> TitleReasons(string title, int year, EvaluationLevel? evaluationLevel, int initiatives)
    {
        var reasons = new List<Wording>();
        if (title is not (AwardTitles.AdvancedWorker or AwardTitles.EmulationSoldier)) return reasons;
        if (evaluationLevel is null)
            reasons.Add(Wording.Of(AwardsMessages.NoEvaluation, year));
        else if (!evaluationLevel.Value.IsGoodOrBetter())
            reasons.Add(Wording.Of(AwardsMessages.LowEvaluation, year, LevelName(evaluationLevel.Value)));
        if (title == AwardTitles.EmulationSoldier && initiatives == 0)
            reasons.Add(Wording.Of(AwardsMessages.NoInitiative, year));
        return reasons;
    }

    private static Wording LevelName(EvaluationLevel level) => Wording.Of(level switch
    {
        EvaluationLevel.Excellent => AwardsMessages.LevelExcellent,
        EvaluationLevel.Good => AwardsMessages.LevelGood,
        EvaluationLevel.Completed => AwardsMessages.LevelCompleted,
        _ => AwardsMessages.LevelNotCompleted,
    });
}
