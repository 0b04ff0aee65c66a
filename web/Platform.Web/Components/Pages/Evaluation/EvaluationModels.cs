namespace Platform.Web.Components.Pages.Evaluation;

// The shapes of personnel's evaluations API (services/personnel/Personnel.Api/Apis/EvaluationsApi.cs, Domain/Evaluation.cs).

public sealed record EvaluationFiguresDto(int DossiersHandled, double? OnTimeRate, int Ratings, double? SatisfactionIndex, int UpheldComplaints,
    int Initiatives, double TrainingHours);

public sealed record SuggestedLevelDto(string Level, int? Points, IReadOnlyList<string> Reasons);

public sealed record FinalLevelDto(string Level, int? Points, string? Note, string? FinalizedBy, DateTime? FinalizedAt);

public sealed record EvaluationRowDto(string StaffId, string FullName, string Position, string Status, EvaluationFiguresDto Figures,
    SuggestedLevelDto Suggested, FinalLevelDto? Final)
{
    /// <summary>The level that counts for the unit: the leader's where decided, the suggestion elsewhere.</summary>
    public string Counted => Final?.Level ?? Suggested.Level;
}

public sealed record ReassignmentProposalDto(string StaffId, string FullName, string Position, IReadOnlyList<string> Reasons);

/// <summary>The four levels of the yearly evaluation, in the words of Decrees 90/2020 and 335/2025.</summary>
public static class EvaluationLevels
{
    public const string Excellent = "excellent";
    public const string Good = "good";

    public static readonly IReadOnlyList<string> All = [Excellent, Good, "completed", "not-completed"];

    public static string Name(string level) => level switch
    {
        Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Good => "Hoàn thành tốt nhiệm vụ",
        "completed" => "Hoàn thành nhiệm vụ",
        "not-completed" => "Không hoàn thành nhiệm vụ",
        _ => level,
    };

    public static bool IsGoodOrBetter(string level) => level is Excellent or Good;
}

/// <summary>
/// Decree 335/2025's cap, from 2026: those rated excellent are at most 20% of those rated good or better in the unit,
/// counted as the API counts it (EvaluationsApi.FinalizeLevel): good-or-better over final levels where decided and
/// suggestions elsewhere; places used by final excellents only.
/// </summary>
public sealed record ExcellentPlaces(int GoodOrBetter, int Allowed, int Used)
{
    public const int CapFrom = 2026;
    public const double Cap = 0.20;

    public int Left => Math.Max(0, Allowed - Used);
    public bool AtCap => Used == Allowed;
    public bool OverCap => Used > Allowed;

    public static int AllowedAmong(int goodOrBetter) => (int)Math.Floor(goodOrBetter * Cap);

    /// <summary>The places of the sheet as it stands.</summary>
    public static ExcellentPlaces Of(IReadOnlyList<EvaluationRowDto> rows) => Count(rows, null, null);

    /// <summary>
    /// The places if <paramref name="staffId"/> were given <paramref name="level"/>; the API refuses excellent for them when
    /// <see cref="Used"/> (this person included) then exceeds <see cref="Allowed"/>.
    /// </summary>
    public static ExcellentPlaces If(IReadOnlyList<EvaluationRowDto> rows, string staffId, string level) => Count(rows, staffId, level);

    private static ExcellentPlaces Count(IReadOnlyList<EvaluationRowDto> rows, string? staffId, string? level)
    {
        var levels = rows.Select(r => r.StaffId == staffId ? level! : r.Counted).ToList();
        var goodOrBetter = levels.Count(EvaluationLevels.IsGoodOrBetter);
        var used = rows.Count(r => r.StaffId == staffId ? level == EvaluationLevels.Excellent : r.Final?.Level == EvaluationLevels.Excellent);
        return new ExcellentPlaces(goodOrBetter, AllowedAmong(goodOrBetter), used);
    }
}
