using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Desk;

// The shapes of the procedures API the desk reads (services/procedures: Domain/Dossier.cs, Apis/CatalogueApi.cs).

public sealed record ApplicantView(string Name, string Phone, string? Hamlet, string? Address = null);

public sealed record DossierEntryView(DateTime At, string Action, string? By, string? Note);

public sealed record SupplementView(string Reason, DateTime RequestedAt, DateOnly PausedOn, DateTime? ReceivedAt, int PausedWorkingDays);

public sealed record ApologyView(string Reason, DateOnly PreviousDueDate, DateOnly NewDueDate, DateTime IssuedAt, string? IssuedBy);

public sealed record StepView(string Name, string Agency, int ProcessingDays, DateOnly DueDate, string Status, DateTime? CompletedAt);

public sealed record DossierView
{
    public required string Id { get; init; }
    public required string ReceiptNo { get; init; }
    public required string ProcedureCode { get; init; }
    public required string ProcedureName { get; init; }
    public required string Field { get; init; }
    public int ProcessingDays { get; init; }
    public IReadOnlyList<string> Components { get; init; } = [];
    public required ApplicantView Applicant { get; init; }
    public DateTime ReceivedAt { get; init; }
    public DateOnly DueDate { get; init; }
    public DateOnly AppointmentDate { get; init; }
    public required string Status { get; init; }
    public string? ReceivedBy { get; init; }
    public string? HandlerId { get; init; }
    public string? HandlerName { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNote { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public string? Timeliness { get; init; }
    public DateTime? ReturnedAt { get; init; }
    public string? SurveyCode { get; init; }
    public IReadOnlyList<SupplementView> Supplements { get; init; } = [];
    public IReadOnlyList<ApologyView> Apologies { get; init; } = [];
    public IReadOnlyList<StepView> Steps { get; init; } = [];
    public IReadOnlyList<DossierEntryView> History { get; init; } = [];
    /// <summary>overdue, due-today, due-soon or null: computed by the API with the working calendar.</summary>
    public string? Urgency { get; init; }
    /// <summary>The lifecycle steps the dossier's state allows now, as the API's workflow decides.</summary>
    public IReadOnlyList<string> AllowedActions { get; init; } = [];
}

public sealed record ProcedureStepView(string Name, string Agency, int ProcessingDays);

public sealed record ProcedureView(
    string Code, string Name, string Field, int ProcessingDays, IReadOnlyList<string> Components, long Fee, string LegalBasis,
    DateOnly? PostedSince, int Revision, DateOnly EffectiveFrom, IReadOnlyList<ProcedureStepView>? Steps);

public sealed record DueDatePreview(DateTime ReceivedAt, DateOnly CountsFrom, DateOnly DueDate);

public sealed record DeskHandler(string StaffId, string? FullName);

public sealed record DeskSummary(Dictionary<string, int> ByStatus, int Open, int ReceivedToday, int DueToday, int DueSoon, int Overdue);

public sealed record ProcedureStats(int Year, int Received, int ResolvedEarly, int ResolvedOnTime, int ResolvedLate,
    int InProgressWithinDeadline, int InProgressOverdue, double OnTimeRate, double AverageWorkingDays);

public sealed record ReturnAnswer(string SurveyCode, string ReceiptNo, DateTime ReturnedAt);

public sealed record CommuneView(string Code, string Name, IReadOnlyList<HamletView>? Hamlets);

public sealed record HamletView(string Code, string Name);

/// <summary>The desk's words for the API's vocabulary.</summary>
public static class DeskText
{
    public static readonly IReadOnlyList<(string Slug, string Text)> Statuses =
    [
        ("received", "Đã tiếp nhận"), ("in-progress", "Đang giải quyết"), ("supplement-requested", "Chờ bổ sung"),
        ("resolved", "Đã có kết quả"), ("returned", "Đã trả kết quả"), ("withdrawn", "Đã rút hồ sơ"),
    ];

    public static string Status(string slug) => Statuses.FirstOrDefault(s => s.Slug == slug).Text ?? slug;

    public static string Urgency(string? urgency) => urgency switch
    {
        "overdue" => "Quá hạn",
        "due-today" => "Đến hạn hôm nay",
        "due-soon" => "Sắp đến hạn",
        _ => "Trong hạn",
    };

    public static string Action(string action) => action switch
    {
        "received" => "Tiếp nhận hồ sơ",
        "assigned" => "Phân công xử lý",
        "supplement-requested" => "Yêu cầu bổ sung hồ sơ",
        "supplement-received" => "Nhận hồ sơ bổ sung",
        "step-completed" => "Hoàn thành bước liên thông",
        "approved" => "Giải quyết: chấp thuận",
        "refused" => "Giải quyết: từ chối",
        "returned" => "Trả kết quả",
        "apology-issued" => "Phiếu xin lỗi, hẹn lại ngày trả",
        "withdrawn" => "Người dân rút hồ sơ",
        _ => action,
    };

    public static string Outcome(string? outcome) => outcome switch { "approved" => "Chấp thuận", "refused" => "Từ chối", _ => "" };

    public static string Timeliness(string? timeliness) => timeliness switch
    {
        "early" => "Trước hạn", "on-time" => "Đúng hạn", "late" => "Quá hạn", _ => "",
    };

    public static string StepStatus(string status) => status switch
    {
        "pending" => "Chờ", "inprogress" or "in-progress" => "Đang xử lý", "done" => "Đã xong", _ => status,
    };

}
