using System.Globalization;

namespace Platform.Web.Components.Pages.District;

// The shapes the awards API answers with for the district (services/awards/Awards.Api/Apis/ScoreboardApi.cs, NominationsApi.cs).

public sealed record DistrictScoreboardDto(string District, int Year, string? Rule, IReadOnlyList<ScoreRowDto> Communes);

public sealed record ScoreRowDto(string Commune, string Name, int Rank, double Score, IReadOnlyList<IndicatorScoreDto> Indicators);

/// <param name="Basis">How many items the share rests on; null for a count (initiatives).</param>
/// <param name="FewAnswers">The API's flag: too few items to read the share alone (nor to rank on it).</param>
public sealed record IndicatorScoreDto(string Indicator, double? Rate, double Weight, double Target, double Points, int? Basis = null, bool FewAnswers = false);

public sealed record YearScoreDto(int Year, int Rank, double Score);

public sealed record CommuneTrendDto(string Commune, string Name, IReadOnlyList<YearScoreDto> Years);

public sealed record DistrictTrendDto(string District, IReadOnlyList<int> Years, IReadOnlyList<CommuneTrendDto> Communes);

public sealed record ProcedureLossDto(string Code, string Name, bool? Posted, int Resolved, int Late, int Ratings, int Unsatisfied);

public sealed record OfficerLossDto(string StaffId, string FullName, string Position, int Handled, int Late, int Ratings, int Unsatisfied, int Trainings);

/// <summary>A job position as personnel lists it (GET /api/positions): its code and its Vietnamese title.</summary>
public sealed record PositionDto(string Code, string Title);

public sealed record CommuneLossesDto(string Commune, string Name, int Year, int Communes, ScoreRowDto Row, IReadOnlyList<ProcedureLossDto> Procedures,
    IReadOnlyList<OfficerLossDto> Officers);

public sealed record DistrictNominationDto(string Id, string Commune, string CommuneName, int Year, string Status, NominationDto Nomination);

public sealed record NominationDto(
    string Id, int Year, string Level, string Kind, NomineeDto Nominee, string Title, string TitleName, string Reason, bool Thematic, string Status,
    TallyDto? Tally, DateTime? ForwardedAt, DecisionDto? Decision, DateTime CreatedAt);

public sealed record NomineeDto(string? StaffId, string Name);

/// <summary>The council's count with the names of those whose approvals carried it.</summary>
public sealed record TallyDto(int Approvals, int Rejections, int CouncilSize, int Needed, string? Rule, IReadOnlyList<string>? ApprovedBy = null);

public sealed record DecisionDto(bool Granted, string DecisionNo, string Title, string? Note, string? DecidedBy, DateTime DecidedAt);

/// <summary>The district pages' words: the scoreboard's indicators and the nominations' statuses.</summary>
public static class DistrictText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public const string Initiatives = "initiatives";

    public static string Indicator(string indicator) => indicator switch
    {
        "postedProcedures" => "Công khai thủ tục hành chính",
        "onTimeRate" => "Giải quyết hồ sơ đúng hạn",
        "satisfactionIndex" => "Hài lòng của người dân",
        "feedbackInTime" => "Trả lời góp ý đúng hạn",
        Initiatives => "Sáng kiến được công nhận",
        "trainingCoverage" => "Cán bộ được bồi dưỡng",
        _ => indicator,
    };

    /// <summary>An indicator's figure: a share in per cent, or for initiatives a count.</summary>
    public static string Figure(string indicator, double? rate) =>
        rate is not { } r ? "chưa có số liệu"
        : indicator == Initiatives ? $"{r.ToString("#,##0.##", Vi)} sáng kiến"
        : (r * 100).ToString("#,##0.#", Vi) + "%";

    public static string Target(string indicator, double target) =>
        indicator == Initiatives ? $"{target.ToString("#,##0.##", Vi)} sáng kiến" : (target * 100).ToString("#,##0.#", Vi) + "%";

    /// <summary>"17,5 đ" (points, two decimals at most).</summary>
    public static string Points(double points) => points.ToString("#,##0.##", Vi) + " đ";

    /// <summary>What a share is counted over: "3 phiếu đánh giá"; empty for a count.</summary>
    public static string Basis(IndicatorScoreDto score) => score.Basis is not { } n ? "" : $"{n.ToString("#,##0", Vi)} {Unit(score.Indicator)}";

    private static string Unit(string indicator) => indicator switch
    {
        "postedProcedures" => "thủ tục",
        "onTimeRate" => "hồ sơ đã giải quyết",
        "satisfactionIndex" => "phiếu đánh giá",
        "feedbackInTime" => "phản ánh, kiến nghị",
        "trainingCoverage" => "cán bộ",
        _ => "mục",
    };

    /// <summary>The warning next to a figure resting on few answers (the footnote says not to rank on it alone).</summary>
    public static string FewAnswers(IndicatorScoreDto score) => $"(*) chỉ dựa trên {Basis(score)}: ít số liệu";

    /// <summary>Points the commune did not score on an indicator.</summary>
    public static double Lost(IndicatorScoreDto score) => Math.Round(Math.Max(0, score.Weight - score.Points), 2);

    public static string Count(int n) => n.ToString("#,##0", Vi);

    public static bool Reached(IndicatorScoreDto score) => score.Rate is { } r && (score.Target <= 0 || r >= score.Target);

    public static string Status(string status) => status switch
    {
        "forwarded" => "Chờ huyện quyết định",
        "granted" => "Đã công nhận",
        "refused" => "Không công nhận",
        _ => status,
    };

    public static string Kind(string kind) => kind == "collective" ? "Tập thể" : "Cá nhân";
}
