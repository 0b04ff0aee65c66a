using Awards.Api.Localization;
using Platform.ServiceDefaults.Problems;
using Platform.Contracts.Awards;
namespace Awards.Api.Domain;

public sealed record Quota(int Collective, int Individual)
{
    public int For(NomineeKind kind) => kind == NomineeKind.Collective ? Collective : Individual;
}

/// <summary>One scoreboard indicator's weight (points) and target rate: full points at R ≥ T, else R × points ÷ T (Decision 766/QĐ-TTg).</summary>
public sealed record IndicatorSetting(double Weight, double Target);

/// <summary>
/// A named member of a year's Emulation and Commendation Council (Hội đồng Thi đua – Khen thưởng): a staff member of the
/// commune, with their seat on it (chủ tịch, phó chủ tịch, ủy viên, thư ký) when the office gives one. A vote belongs to
/// the person, whichever of their accounts casts it.
/// </summary>
public sealed record CouncilMember(string StaffId, string Name, string? Seat);

/// <summary>An emulation movement (phong trào thi đua) of a commune, with a plan per year (<see cref="CampaignPlan"/>).</summary>
public sealed record Campaign
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required int FromYear { get; init; }
    public required int ToYear { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public string? Basis { get; init; }
}

/// <summary>
/// A campaign's plan for one year: its theme, the nomination quotas and deadlines (seed II.3), the council's size,
/// roster and threshold, the scoreboard's weights and targets. Stored apart from the campaign (id <c>{campaignId}:{year}</c>) so
/// that "which plan governs year Y" is one indexed query.
/// </summary>
public sealed record CampaignPlan
{
    public required string CampaignId { get; init; }
    public required int Year { get; init; }
    public required string Theme { get; init; }
    public required Quota CommuneQuota { get; init; }
    public required Quota DistrictQuota { get; init; }
    public required DateOnly CommuneDeadline { get; init; }
    public required DateOnly DistrictDeadline { get; init; }
    /// <summary>The council's seats; the threshold counts them, vacant ones included.</summary>
    public required int CouncilSize { get; init; }
    /// <summary>The council's named members for the year, at most <see cref="CouncilSize"/>; empty until the office names them, and no one votes until then.</summary>
    public IReadOnlyList<CouncilMember> Council { get; init; } = [];
    /// <summary>Approvals a nomination needs; null means more than half of the council.</summary>
    public int? ApprovalsNeeded { get; init; }
    public required IReadOnlyDictionary<string, IndicatorSetting> Indicators { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }

    public static string Key(string campaignId, int year) => $"{campaignId}:{year}";

    public int Needed => ApprovalsNeeded ?? CouncilSize / 2 + 1;

    public string ThresholdRule => ApprovalsNeeded is null ? "more-than-half" : "fixed";

    /// <summary>What would make the plan not hold together, each as a reason (empty when it holds).</summary>
    public IReadOnlyList<Wording> Inconsistencies()
    {
        var reasons = new List<Wording>();
        // A threshold above the council's size would reject every nomination at its first vote.
        if (ApprovalsNeeded > CouncilSize) reasons.Add(Wording.Of(AwardsMessages.ApprovalsExceedCouncil));
        if (CommuneDeadline > DistrictDeadline) reasons.Add(Wording.Of(AwardsMessages.CommuneDeadlineAfterDistrict));
        if (Council.Count > CouncilSize) reasons.Add(Wording.Of(AwardsMessages.CouncilExceedsSize, Council.Count, CouncilSize));
        // Fewer named members than the approvals needed: nothing could ever be approved.
        else if (Council.Count > 0 && Council.Count < Needed) reasons.Add(Wording.Of(AwardsMessages.CouncilBelowNeeded, Council.Count, Needed));
        return reasons;
    }
}

public static class Movement
{
    public const string Id = "cchc-2015-2020";
    public const int FromYear = 2015;
    public const int ToYear = 2020;
    /// <summary>A commune council of the chairman, vice-chairman, office, Front and unions: five unless the office says otherwise.</summary>
    public const int DefaultCouncilSize = 5;
    public const int MaxCouncilSize = 50;

    public static readonly Quota CommuneQuota = new(1, 3);
    public static readonly Quota DistrictQuota = new(1, 1);

    public static DateOnly CommuneDeadline(int year) => new(year, 11, 25);
    public static DateOnly DistrictDeadline(int year) => new(year, 12, 10);

    /// <summary>Weights sum to 100 like Decision 766's; targets are what the commune plan asks of every commune.</summary>
    public static IReadOnlyDictionary<string, IndicatorSetting> DefaultIndicators { get; } = new Dictionary<string, IndicatorSetting>
    {
        [Indicators.PostedProcedures] = new(15, 1.0),
        [Indicators.OnTimeRate] = new(25, 0.95),
        [Indicators.SatisfactionIndex] = new(20, 0.9),
        [Indicators.FeedbackInTime] = new(15, 0.9),
        [Indicators.Initiatives] = new(10, 1),
        [Indicators.TrainingCoverage] = new(15, 0.8),
    };

    /// <summary>Plan 369/KH-UBND: a yearly plan "on its own theme" (II.2), drawn from the contents of II.1.</summary>
    private static readonly IReadOnlyDictionary<int, string> Themes = new Dictionary<int, string>
    {
        [2015] = "Phát động phong trào thi đua đẩy mạnh cải cách hành chính; công khai tất cả thủ tục hành chính tại Bộ phận một cửa",
        [2016] = "Rà soát, kiến nghị đơn giản hóa thủ tục hành chính lĩnh vực tư pháp – hộ tịch và bảo hiểm y tế",
        [2017] = "Thực hiện tốt liên thông đăng ký khai sinh, thường trú và thẻ bảo hiểm y tế cho trẻ em",
        [2018] = "Nâng cao chất lượng đội ngũ công chức: đào tạo, bồi dưỡng theo khung năng lực vị trí việc làm",
        [2019] = "Lấy sự hài lòng của người dân làm thước đo; tiếp nhận và trả lời phản ánh, kiến nghị đúng hạn",
        [2020] = "Tổng kết phong trào thi đua đẩy mạnh cải cách hành chính giai đoạn 2015 – 2020",
    };

    public static Campaign Campaign(DateTime now) => new()
    {
        Id = Id,
        Name = "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2015 và những năm tiếp theo",
        Description = "Giai đoạn 2015 – 2020; mỗi năm có kế hoạch theo chuyên đề riêng và tổng kết, bình xét khen thưởng.",
        FromYear = FromYear,
        ToYear = ToYear,
        CreatedAt = now,
        Basis = "Kế hoạch số 369/KH-UBND ngày 09/7/2015",
    };

    public static CampaignPlan Plan(string campaignId, int year, string? theme, DateTime now) => new()
    {
        CampaignId = campaignId,
        Year = year,
        Theme = theme ?? Themes.GetValueOrDefault(year) ?? $"Thi đua đẩy mạnh cải cách hành chính năm {year}",
        CommuneQuota = CommuneQuota,
        DistrictQuota = DistrictQuota,
        CommuneDeadline = CommuneDeadline(year),
        DistrictDeadline = DistrictDeadline(year),
        CouncilSize = DefaultCouncilSize,
        Indicators = DefaultIndicators,
        CreatedAt = now,
    };
}
