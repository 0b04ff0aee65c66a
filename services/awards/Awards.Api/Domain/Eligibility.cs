using System.Globalization;

namespace Awards.Api.Domain;

/// <summary>
/// Whether a nomination may be filed (seed II.3; Law 06/2022): the campaign year's quota and deadline, in Vietnam time,
/// and the title's conditions where the platform knows them. Each refusal says which rule and why.
/// </summary>
public static class Eligibility
{
    public static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The deadline day is included: a filing on 25 November (Vietnam time) is in time, on the 26th it is late.</summary>
    public static string? PastDeadline(DateOnly today, DateOnly deadline, string to) =>
        today > deadline ? $"Đã quá hạn gửi đề nghị khen thưởng về {to} (hạn chót {Day(deadline)}, hôm nay {Day(today)})." : null;

    public static string? OverQuota(int taken, int quota, string kind, string to) =>
        taken >= quota ? $"Đã đủ chỉ tiêu đề nghị về {to}: {quota} {(kind == NominationKinds.Collective ? "tập thể" : "cá nhân")} mỗi năm." : null;

    /// <summary>
    /// Lao động tiên tiến needs a final evaluation of at least "good" for the year (Law 06/2022 art. 26);
    /// Chiến sĩ thi đua cơ sở needs that plus a recognised initiative (art. 23) — here, a simplification approved in the year.
    /// </summary>
    public static IReadOnlyList<string> TitleReasons(string title, int year, string? evaluationLevel, int initiatives)
    {
        var reasons = new List<string>();
        if (title is not (AwardTitles.AdvancedWorker or AwardTitles.EmulationSoldier)) return reasons;
        if (evaluationLevel is null)
            reasons.Add($"Chưa có kết quả đánh giá, xếp loại cuối năm {year}; danh hiệu cần mức Hoàn thành tốt nhiệm vụ trở lên.");
        else if (evaluationLevel is not ("good" or "excellent"))
            reasons.Add($"Kết quả đánh giá năm {year} là {LevelName(evaluationLevel)}; danh hiệu cần mức Hoàn thành tốt nhiệm vụ trở lên.");
        if (title == AwardTitles.EmulationSoldier && initiatives == 0)
            reasons.Add($"Chưa có sáng kiến được cấp có thẩm quyền công nhận trong năm {year}.");
        return reasons;
    }

    public static string LevelName(string level) => level switch
    {
        "excellent" => "Hoàn thành xuất sắc nhiệm vụ",
        "good" => "Hoàn thành tốt nhiệm vụ",
        "completed" => "Hoàn thành nhiệm vụ",
        "not-completed" => "Không hoàn thành nhiệm vụ",
        _ => level,
    };
}
