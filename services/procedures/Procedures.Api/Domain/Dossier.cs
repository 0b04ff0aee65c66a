using Platform.Calendar;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Problems;
using Procedures.Api.Localization;
using Platform.ServiceDefaults.Text;

namespace Procedures.Api.Domain;

/// <summary>The lifecycle of a dossier at the one-stop desk (Circular 01/2018/TT-VPCP).</summary>
public enum DossierStatus { Received, InProgress, SupplementRequested, Resolved, Returned, Withdrawn }

public static class DossierStatuses
{
    /// <summary>The national public-service portal's status codes (1 new … 10 result returned).</summary>
    public static int NationalCode(DossierStatus status) => status switch
    {
        DossierStatus.Received => 2,
        DossierStatus.InProgress => 4,
        DossierStatus.SupplementRequested => 5,
        DossierStatus.Withdrawn => 7,
        DossierStatus.Resolved => 9,
        DossierStatus.Returned => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Vietnamese(DossierStatus status) => status switch
    {
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProgress => "Đang giải quyết",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        DossierStatus.Resolved => "Đã có kết quả",
        DossierStatus.Returned => "Đã trả kết quả",
        DossierStatus.Withdrawn => "Đã rút hồ sơ",
        _ => status.ToString(),
    };

    /// <summary>The status as a problem's text reads it, in the caller's language.</summary>
    public static Wording Name(DossierStatus status) => Wording.Of(status switch
    {
        DossierStatus.Received => ProceduresMessages.StatusReceived,
        DossierStatus.InProgress => ProceduresMessages.StatusInProgress,
        DossierStatus.SupplementRequested => ProceduresMessages.StatusSupplementRequested,
        DossierStatus.Resolved => ProceduresMessages.StatusResolved,
        DossierStatus.Returned => ProceduresMessages.StatusReturned,
        _ => ProceduresMessages.StatusWithdrawn,
    });

    public static string Slug(DossierStatus status) => status switch
    {
        DossierStatus.InProgress => "in-progress",
        DossierStatus.SupplementRequested => "supplement-requested",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>What the desk can do to a dossier: the workflow's steps, each allowed from some states only.</summary>
public enum DossierAction { Assign, RequestSupplement, SupplementReceived, Resolve, Apologize, Return, Withdraw, CompleteStep }

/// <summary>How close a dossier that is running is to its due date, as the desk's queue shows it.</summary>
public enum Urgency { Overdue, DueToday, DueSoon }

/// <summary>The one table of which state allows which action; the workflow enforces it and the API lists it.</summary>
public static class DossierRules
{
    /// <summary>Working days ahead within which a running dossier is due soon.</summary>
    public const int DueSoonWorkingDays = 2;

    public static readonly IReadOnlyList<DossierStatus> Open = [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.SupplementRequested];

    /// <summary>The desk's queue: neither returned nor withdrawn (a resolved dossier waits for its result to be handed back).</summary>
    public static readonly IReadOnlyList<DossierStatus> OnTheDesk = [.. Open, DossierStatus.Resolved];

    /// <summary>Open and not paused for a supplement: the time limit runs.</summary>
    public static readonly IReadOnlyList<DossierStatus> Running = [DossierStatus.Received, DossierStatus.InProgress];

    public static IReadOnlyList<DossierStatus> AllowedFrom(DossierAction action) => action switch
    {
        DossierAction.Assign or DossierAction.RequestSupplement => Running,
        DossierAction.SupplementReceived => [DossierStatus.SupplementRequested],
        DossierAction.Resolve or DossierAction.CompleteStep => [DossierStatus.InProgress],
        DossierAction.Return => [DossierStatus.Resolved],
        DossierAction.Apologize or DossierAction.Withdraw => Open,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>
    /// The actions the dossier's state allows today: the state's, less an apology once the appointment has passed and a
    /// step completion when no step is pending (the same checks the workflow makes).
    /// </summary>
    public static IReadOnlyList<DossierAction> Allowed(Dossier dossier, DateOnly today) =>
        Enum.GetValues<DossierAction>().Where(a => AllowedFrom(a).Contains(dossier.Status) && a switch
        {
            DossierAction.Apologize => dossier.MayApologizeOn(today),
            DossierAction.CompleteStep => dossier.CurrentStep() >= 0,
            _ => true,
        }).ToList();

    public static Urgency? UrgencyOn(Dossier dossier, DateOnly today, WorkingCalendar calendar) =>
        !Running.Contains(dossier.Status) ? null
        : today > dossier.DueDate ? Urgency.Overdue
        : today == dossier.DueDate ? Urgency.DueToday
        : dossier.DueDate <= DueSoonUntil(today, calendar) ? Urgency.DueSoon
        : null;

    /// <summary>The last due date that counts as due soon: two working days after today.</summary>
    public static DateOnly DueSoonUntil(DateOnly today, WorkingCalendar calendar) => calendar.AddWorkingDays(today, DueSoonWorkingDays);

    /// <summary>The folded text the desk's search looks in: the applicant's name and phone, the receipt number.</summary>
    public static string SearchText(string receiptNo, Applicant applicant) => VietnameseText.Fold($"{applicant.Name} {applicant.Phone} {receiptNo}");
}

/// <summary>Who filed the dossier; the address (house number, group) is what the receipt prints beside the hamlet.</summary>
public sealed record Applicant(string Name, string Phone, string? Hamlet, string? Address = null);

public sealed record DossierEntry(DateTime At, string Action, string? By, string? Note);

public sealed record SupplementRequest(string Reason, DateTime RequestedAt, DateOnly PausedOn, DateTime? ReceivedAt, int PausedWorkingDays);

public sealed record Apology(string Reason, DateOnly PreviousDueDate, DateOnly NewDueDate, DateTime IssuedAt, string? IssuedBy);

public enum StepStatus { Pending, InProgress, Done }

public sealed record DossierStep(string Name, string Agency, int ProcessingDays, DateOnly DueDate, StepStatus Status, DateTime? CompletedAt);

/// <summary>A citizen's dossier (hồ sơ): one receipt, one appointment date, every step on record.</summary>
public record Dossier
{
    public required string Id { get; init; }
    public required string ReceiptNo { get; init; }
    public required string ProcedureCode { get; init; }
    public required string ProcedureName { get; init; }
    public required string Field { get; init; }
    public required int ProcessingDays { get; init; }
    /// <summary>The components the procedure in force asked for on the day of receipt.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];
    public required Applicant Applicant { get; init; }
    public required DateTime ReceivedAt { get; init; }
    /// <summary>The working day the time limit counts from (the receipt day, or the next one after the cut-off).</summary>
    public required DateOnly CountsFrom { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateOnly OriginalDueDate { get; init; }
    public required DossierStatus Status { get; init; }
    public string? ReceivedBy { get; init; }
    public string? HandlerId { get; init; }
    public string? HandlerName { get; init; }
    public DossierOutcome? Outcome { get; init; }
    public string? OutcomeNote { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public Timeliness? Timeliness { get; init; }
    public int? WorkingDaysUsed { get; init; }
    public bool LateWithoutApology { get; init; }
    public DateTime? ReturnedAt { get; init; }
    public string? SurveyCode { get; init; }
    public DateTime? WithdrawnAt { get; init; }
    public IReadOnlyList<SupplementRequest> Supplements { get; init; } = [];
    public IReadOnlyList<Apology> Apologies { get; init; } = [];
    public IReadOnlyList<DossierStep> Steps { get; init; } = [];
    public IReadOnlyList<DossierEntry> History { get; init; } = [];
    /// <summary>Folded name, phone and receipt number, for the desk's search (absent on dossiers stored before it existed).</summary>
    public string? SearchText { get; init; }

    public int NationalStatusCode => DossierStatuses.NationalCode(Status);

    /// <summary>What the citizen was told: the due date, or the new date of the latest apology letter.</summary>
    public DateOnly AppointmentDate => Apologies.Count == 0 ? DueDate : Apologies[^1].NewDueDate;

    /// <summary>Resolved or returned: the time limit no longer runs.</summary>
    public bool IsClosed => Status is DossierStatus.Resolved or DossierStatus.Returned or DossierStatus.Withdrawn;

    public bool IsOverdueOn(DateOnly today) => !IsClosed && Status != DossierStatus.SupplementRequested && today > DueDate;

    /// <summary>Late as the citizen sees it: resolved after its due date, or still running past the appointment date.</summary>
    public bool IsLateOn(DateOnly today) => Timeliness == Platform.Contracts.Procedures.Timeliness.Late || (DossierRules.Running.Contains(Status) && today > AppointmentDate);

    /// <summary>An apology letter is issued before the appointment date passes.</summary>
    public bool MayApologizeOn(DateOnly today) => today <= AppointmentDate;

    /// <summary>The first interconnected step not yet done, or -1.</summary>
    public int CurrentStep() => Steps.ToList().FindIndex(s => s.Status != StepStatus.Done);

    /// <summary>Refuses a step the lifecycle does not allow from the current state (409, naming the state).</summary>
    /// <param name="action">a key of <see cref="ProceduresMessages"/> naming the action</param>
    public Dossier Require(DossierAction step, string action)
    {
        var allowed = DossierRules.AllowedFrom(step);
        if (!allowed.Contains(Status))
            throw new ConflictException("illegal-transition",
                Wording.Of(ProceduresMessages.IllegalTransition, Wording.Of(action), DossierStatuses.Name(Status), allowed.Select(DossierStatuses.Name).ToList()));
        return this;
    }

    public Dossier Log(DateTime at, string action, string? by, string? note = null) =>
        this with { History = [.. History, new DossierEntry(at, action, by, note)] };
}
