using System.Globalization;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Feedback;

// The shapes the feedback API answers with (services/feedback/Feedback.Api), as this app reads them: only what the
// pages show. Enumerations arrive as kebab-case strings and stay strings here.

public sealed record FeedbackItemDto
{
    public required string Id { get; init; }
    public required string TrackingCode { get; init; }
    public required string Channel { get; init; }
    public required string Category { get; init; }
    public required string Content { get; init; }
    public string? ProcedureCode { get; init; }
    public string? StaffId { get; init; }
    public string? Hamlet { get; init; }
    public string? Contact { get; init; }
    public required string Status { get; init; }
    public DateTime ReceivedAt { get; init; }
    public DateOnly AssignBy { get; init; }
    public DateOnly DueDate { get; init; }
    public string? RecordedBy { get; init; }
    public string? AssigneeId { get; init; }
    public DateTime? AssignedAt { get; init; }
    public string? Answer { get; init; }
    public bool Published { get; init; }
    public bool? Upheld { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public bool? AnsweredInTime { get; init; }
    public string? AnsweredBy { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? ClosingNote { get; init; }

    public bool IsOpen => Status is FeedbackText.Received or FeedbackText.Assigned;
}

public sealed record FeedbackChannelDto(string Code, string Name, string Kind, string? Hamlet);

/// <summary>One row of <c>GET /api/communes/{c}/staff</c>.</summary>
public sealed record StaffViewDto(StaffDto Staff, string? PositionTitle);

public sealed record StaffDto(string Id, string FullName, string? Position, string? Status);

/// <summary>One procedure of the commune's public catalogue.</summary>
public sealed record ProcedureDto(string Code, string Name, string? Field);

public sealed record SatisfactionIndexDto(
    int Year, int Responses, double? SatisfiedShare, LevelCountsDto? ByLevel, Dictionary<string, FactorScoreDto>? ByFactor,
    IReadOnlyList<GroupSatisfactionDto>? ByProcedure, IReadOnlyList<GroupSatisfactionDto>? ByHandler);

public sealed record LevelCountsDto(int NotSatisfied, int Satisfied, int VerySatisfied);

public sealed record FactorScoreDto(int Responses, double? Average, double? SatisfiedShare);

public sealed record GroupSatisfactionDto(string Code, string? Name, int Responses, double SatisfiedShare);

/// <summary>The feedback desk's words: statuses, categories, SIPAS factors, deadlines.</summary>
public static class FeedbackText
{
    public const string Received = "received";
    public const string Assigned = "assigned";
    public const string Answered = "answered";
    public const string Closed = "closed";

    public const string ProcedureRules = "procedure-rules";
    public const string StaffConduct = "staff-conduct";
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Code, string Name)> Statuses =
    [
        (Received, "Đã tiếp nhận, chờ phân công"), (Assigned, "Đang xử lý"), (Answered, "Đã trả lời"), (Closed, "Đã kết thúc"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Categories =
    [
        (ProcedureRules, "Quy định thủ tục hành chính"), (StaffConduct, "Thái độ, hành vi của cán bộ, công chức"), (Other, "Nội dung khác"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Factors =
    [
        ("access", "Tiếp cận dịch vụ"), ("procedure", "Thủ tục hành chính"), ("officer", "Công chức giải quyết"),
        ("result", "Kết quả giải quyết"), ("feedbackHandling", "Tiếp nhận, xử lý góp ý"),
    ];

    public static string Status(string status) => status switch
    {
        Received => "Đã tiếp nhận",
        Assigned => "Đang xử lý",
        Answered => "Đã trả lời",
        Closed => "Đã kết thúc",
        _ => status,
    };

    public static string Category(string category) => Categories.FirstOrDefault(c => c.Code == category).Name ?? category;

    public static string Factor(string factor) => Factors.FirstOrDefault(f => f.Code == factor).Name ?? factor;

    /// <summary>"3,5" (two decimals at most), as the Vietnamese write it.</summary>
    public static string Score(double? value) => value is { } v ? v.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN")) : "–";

    /// <summary>How pressing an open item is, in words (the colour only repeats it).</summary>
    public static Urgency UrgencyOf(FeedbackItemDto item, DateOnly today)
    {
        if (!item.IsOpen) return Urgency.None;
        var days = item.DueDate.DayNumber - today.DayNumber;
        if (days < 0) return new Urgency("overdue", $"Quá hạn trả lời {-days} ngày");
        if (days == 0) return new Urgency("due-today", "Hạn trả lời hôm nay");
        if (item.Status == Received && item.AssignBy < today) return new Urgency("overdue", $"Quá hạn phân công {today.DayNumber - item.AssignBy.DayNumber} ngày");
        if (days <= 2) return new Urgency("due-soon", $"Còn {days} ngày");
        return Urgency.None;
    }
}

/// <summary>An open item's urgency: a CSS suffix (<c>urgency-…</c>, <c>row-…</c>) and the words that say it.</summary>
public sealed record Urgency(string Kind, string Text)
{
    public static readonly Urgency None = new("", "");

    public bool IsNone => Kind.Length == 0;
}

/// <summary>The years a yearly figure is read for: from the movement's start (2015) to this year, newest first.</summary>
public static class Years
{
    public const int First = 2015;

    public static int Current => VnFormat.Today(TimeProvider.System).Year;

    public static IReadOnlyList<int> Choices => [.. Enumerable.Range(First, Current - First + 1).Reverse()];
}
