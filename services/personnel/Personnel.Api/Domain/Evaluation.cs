using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;

namespace Personnel.Api.Domain;

/// <summary>
/// A person's CCHC figures for a year, gathered from the other services' events, and the leader's final level.
/// Kept under the key <c>{staffId}:{year}</c> in the commune.
/// </summary>
public sealed record EvaluationSheet
{
    public required string StaffId { get; init; }
    public required int Year { get; init; }
    public int DossiersHandled { get; init; }
    public int DossiersOnTime { get; init; }
    public int Ratings { get; init; }
    public int SatisfiedRatings { get; init; }
    public int UpheldComplaints { get; init; }
    public int Initiatives { get; init; }
    public EvaluationLevel? FinalLevel { get; init; }
    public int? FinalPoints { get; init; }
    public string? FinalNote { get; init; }
    public string? FinalizedBy { get; init; }
    public DateTime? FinalizedAt { get; init; }

    public static string Key(string staffId, int year) => $"{staffId}:{year}";
    public static EvaluationSheet Empty(string staffId, int year) => new() { StaffId = staffId, Year = year };

    /// <summary>The year an event counts for: the Vietnamese calendar day it happened on.</summary>
    public static int YearOf(DateTime utc) => VietnamTime.Today(utc).Year;

    /// <summary>A dossier the person handled, on time or not (the "counts as on time" rule of Timeliness).</summary>
    public EvaluationSheet On(DossierResolved resolved) =>
        this with { DossiersHandled = DossiersHandled + 1, DossiersOnTime = DossiersOnTime + (resolved.Timeliness.CountsAsOnTime() ? 1 : 0) };

    public EvaluationSheet On(SatisfactionRated rated) =>
        this with { Ratings = Ratings + 1, SatisfiedRatings = SatisfiedRatings + (rated.Level.CountsAsSatisfied() ? 1 : 0) };

    /// <summary>Only a complaint about the person's conduct that the answer upholds counts against them.</summary>
    public static bool CountsAgainst(FeedbackAnswered answered) => answered.Category == FeedbackCategory.StaffConduct && answered.Upheld == true;

    public EvaluationSheet OnUpheldComplaint() => this with { UpheldComplaints = UpheldComplaints + 1 };

    public EvaluationSheet OnInitiative() => this with { Initiatives = Initiatives + 1 };

    /// <summary>The leader's final level of the year, announced to awards (title eligibility).</summary>
    public Changed<EvaluationSheet> Finalize(string commune, EvaluationLevel level, int? points, string? note, string? by, DateTime now) =>
        new(this with { FinalLevel = level, FinalPoints = points, FinalNote = note?.Trim(), FinalizedBy = by, FinalizedAt = now },
            [new EvaluationFinalized { Commune = commune, StaffId = StaffId, Year = Year, Level = level, Points = points, FinalizedAt = now }]);

    public double? OnTimeRate => DossiersHandled == 0 ? null : Math.Round((double)DossiersOnTime / DossiersHandled, 4);
    public double? SatisfactionIndex => Ratings == 0 ? null : Math.Round((double)SatisfiedRatings / Ratings, 4);
}

public sealed record SuggestedLevel(EvaluationLevel Level, int? Points, IReadOnlyList<string> Reasons);

/// <summary>
/// The suggested level, from the CCHC criteria the seed puts into the yearly evaluation (II.1: timeliness, citizens'
/// satisfaction, feedback about the person, initiatives, training). The leader decides the final level; this only
/// proposes it, and says why.
/// <list type="bullet">
/// <item>Until 2025, the four levels of Decrees 56/2015 and 90/2020: not completed with 2 or more upheld complaints or an
/// on-time rate under 70%; excellent with on-time ≥ 95%, satisfaction ≥ 90%, no upheld complaint, an approved initiative and
/// 40 training hours; good with on-time ≥ 90%, satisfaction ≥ 80% and no upheld complaint; otherwise completed.</item>
/// <item>From 2026, Decree 335/2025 scores 0–100 (≥ 90 excellent, 70–89 good, 50–69 completed, &lt; 50 not completed):
/// 50 for doing the job, up to 20 for the on-time rate, up to 15 for satisfaction, 5 per initiative (up to 10), up to 5
/// for training (40 hours), minus 10 per upheld complaint. No dossier or no rating scores the full part: a person
/// without desk work is not penalised for it.</item>
/// </list>
/// </summary>
public static class EvaluationRules
{
    public const int PointsScaleFrom = 2026;
    /// <summary>Decree 335/2025: those rated excellent are at most 20% of those rated good or better in the unit.</summary>
    public const double ExcellentCap = 0.20;

    public static SuggestedLevel Suggest(EvaluationSheet sheet, double trainingHours) =>
        sheet.Year >= PointsScaleFrom ? ByPoints(sheet, trainingHours) : ByCriteria(sheet, trainingHours);

    private static SuggestedLevel ByCriteria(EvaluationSheet s, double hours)
    {
        var onTime = s.OnTimeRate ?? 1.0;
        var satisfied = s.SatisfactionIndex ?? 1.0;
        var reasons = new List<string>
        {
            $"đúng hạn {onTime:P0}", $"hài lòng {satisfied:P0}", $"phản ánh có căn cứ {s.UpheldComplaints}", $"sáng kiến {s.Initiatives}", $"bồi dưỡng {hours:0.#} giờ",
        };
        var level = s.UpheldComplaints >= 2 || onTime < 0.70 ? EvaluationLevel.NotCompleted
            : onTime >= 0.95 && satisfied >= 0.90 && s.UpheldComplaints == 0 && s.Initiatives >= 1 && hours >= 40 ? EvaluationLevel.Excellent
            : onTime >= 0.90 && satisfied >= 0.80 && s.UpheldComplaints == 0 ? EvaluationLevel.Good
            : EvaluationLevel.Completed;
        return new SuggestedLevel(level, null, reasons);
    }

    public static int Points(EvaluationSheet s, double hours)
    {
        var onTime = s.DossiersHandled == 0 ? 1.0 : (double)s.DossiersOnTime / s.DossiersHandled;
        var satisfied = s.Ratings == 0 ? 1.0 : (double)s.SatisfiedRatings / s.Ratings;
        var points = 50.0
                     + 20 * onTime
                     + 15 * satisfied
                     + Math.Min(10, 5 * s.Initiatives)
                     + 5 * Math.Min(1.0, hours / 40)
                     - 10 * s.UpheldComplaints;
        // Rounded before flooring, so that 89.99999999 (a sum of fractions that is 90 on paper) stays 90.
        return (int)Math.Clamp(Math.Floor(Math.Round(points, 6)), 0, 100);
    }

    public static EvaluationLevel LevelOf(int points) =>
        points >= 90 ? EvaluationLevel.Excellent : points >= 70 ? EvaluationLevel.Good : points >= 50 ? EvaluationLevel.Completed : EvaluationLevel.NotCompleted;

    private static SuggestedLevel ByPoints(EvaluationSheet s, double hours)
    {
        var points = Points(s, hours);
        return new SuggestedLevel(LevelOf(points), points,
            [$"{points} điểm", $"đúng hạn {s.OnTimeRate ?? 1.0:P0}", $"hài lòng {s.SatisfactionIndex ?? 1.0:P0}", $"phản ánh có căn cứ {s.UpheldComplaints}", $"sáng kiến {s.Initiatives}", $"bồi dưỡng {hours:0.#} giờ"]);
    }

    /// <summary>How many may be rated excellent among <paramref name="goodOrBetter"/> rated good or excellent.</summary>
    public static int ExcellentAllowed(int goodOrBetter) => (int)Math.Floor(goodOrBetter * ExcellentCap);

    /// <summary>
    /// Applies the 20% cap to suggestions (2026 on): the highest-scoring keep "excellent", the others are suggested "good".
    /// </summary>
    public static IReadOnlyDictionary<string, SuggestedLevel> ApplyCap(int year, IReadOnlyDictionary<string, SuggestedLevel> suggestions)
    {
        if (year < PointsScaleFrom) return suggestions;
        var goodOrBetter = suggestions.Count(s => s.Value.Level.IsGoodOrBetter());
        var allowed = ExcellentAllowed(goodOrBetter);
        var keep = suggestions.Where(s => s.Value.Level == EvaluationLevel.Excellent).OrderByDescending(s => s.Value.Points).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(allowed).Select(s => s.Key).ToHashSet();
        return suggestions.ToDictionary(s => s.Key, s => s.Value.Level == EvaluationLevel.Excellent && !keep.Contains(s.Key)
            ? s.Value with { Level = EvaluationLevel.Good, Reasons = [.. s.Value.Reasons, $"giới hạn 20%: tối đa {allowed} xuất sắc"] }
            : s.Value);
    }
}
