using Platform.Web.Components.Shared;
namespace Platform.Web.Components.Pages.Citizen;

// What the citizens' pages read of the public API: only the fields they show.

public sealed record ProcedureView(
    string Code, string Name, string? Field, int ProcessingDays, IReadOnlyList<string>? Components, long? Fee, string? LegalBasis,
    DateOnly? PostedSince, DateOnly? EffectiveFrom, IReadOnlyList<ProcedureStepView>? Steps);

public sealed record ProcedureStepView(string Name, string? Agency, int ProcessingDays);

public sealed record ProcedureDetailView(ProcedureView Current);

public sealed record DossierStatusView(
    string ReceiptNo, string? ProcedureName, string? Status, string? StatusText, DateTime ReceivedAt, DateOnly DueDate, DateOnly? AppointmentDate,
    DateTime? ResolvedAt, DateTime? ReturnedAt, bool? Late, string? Outcome, IReadOnlyList<DossierStepView>? Steps);

public sealed record DossierStepView(string Name, string? Agency, string? Status, DateOnly? DueDate);

public sealed record FeedbackFormView(string Commune, string CommuneName, string? DistrictName, IReadOnlyList<HamletView>? Hamlets, IReadOnlyList<CategoryView>? Categories);

public sealed record HamletView(string Code, string Name);

public sealed record CategoryView(string Code, string Name);

public sealed record FeedbackReceipt(string Id, string TrackingCode, DateOnly DueDate);

public sealed record FeedbackTrackingView(
    string TrackingCode, string? CategoryName, string? Content, string? Status, string? StatusText, DateTime ReceivedAt, DateOnly DueDate,
    string? Answer, DateTime? AnsweredAt, DateTime? ClosedAt);

public sealed record PublishedAnswer(string Id, string? CategoryName, string Question, string Answer, DateTime AnsweredAt);

public sealed record SurveyView(string Code, string? CommuneName, string? ProcedureCode, string? ProcedureName, DateTime? ReturnedAt, bool Answered);

/// <summary>The words citizens read for the API's codes.</summary>
public static class CitizenWords
{
    public static string Outcome(string? outcome) => outcome switch
    {
        "approved" => "Được chấp thuận",
        "refused" => "Bị từ chối",
        _ => "Chưa có kết quả",
    };

    public static string Step(string? status) => status switch
    {
        "done" => "Đã xong",
        "in-progress" => "Đang giải quyết",
        "pending" => "Chưa đến lượt",
        _ => status ?? "",
    };

}
