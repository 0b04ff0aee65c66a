using System.Security.Cryptography;
using System.Text;
using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Problems;
using Feedback.Api.Localization;

namespace Feedback.Api.Domain;

public enum FeedbackStatus { Received, Assigned, Answered, Closed }

public static class FeedbackCategories
{
    public static string Vietnamese(FeedbackCategory category) => category switch
    {
        FeedbackCategory.ProcedureRules => "Quy định thủ tục hành chính",
        FeedbackCategory.StaffConduct => "Thái độ, hành vi của cán bộ, công chức",
        _ => "Nội dung khác",
    };
}

/// <summary>A feedback item (phản ánh, kiến nghị). The contact is never shown publicly; anonymous items have none.</summary>
public sealed record FeedbackItem
{
    public required string Id { get; init; }
    /// <summary>The citizen's secret to follow the item; also the Open311 token.</summary>
    public required string TrackingCode { get; init; }
    public required string Channel { get; init; }
    public required FeedbackCategory Category { get; init; }
    public required string Content { get; init; }
    public string? ProcedureCode { get; init; }
    public string? StaffId { get; init; }
    public string? Hamlet { get; init; }
    public string? Contact { get; init; }
    public Location? Location { get; init; }
    public required FeedbackStatus Status { get; init; }
    public required DateTime ReceivedAt { get; init; }
    /// <summary>Someone must be put in charge by this day.</summary>
    public required DateOnly AssignBy { get; init; }
    /// <summary>The answer is due by this day.</summary>
    public required DateOnly DueDate { get; init; }
    public string? RecordedBy { get; init; }
    public string? AssigneeId { get; init; }
    public DateTime? AssignedAt { get; init; }
    public string? Answer { get; init; }
    public bool Published { get; init; }
    /// <summary>For a conduct complaint: whether it was found to be justified.</summary>
    public bool? Upheld { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public bool? AnsweredInTime { get; init; }
    public string? AnsweredBy { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? ClosingNote { get; init; }

    /// <summary>The statuses of an item still waiting for its answer.</summary>
    public static IReadOnlyList<FeedbackStatus> OpenStatuses { get; } = [FeedbackStatus.Received, FeedbackStatus.Assigned];

    /// <summary>A new item with its deadlines counted from <paramref name="receivedAt"/>; raises <see cref="FeedbackReceived"/>.</summary>
    public static Changed<FeedbackItem> Receive(string commune, NewFeedback input, DateTime receivedAt, FeedbackDeadlines deadlines)
    {
        var (assignBy, dueDate) = deadlines.For(receivedAt);
        var item = new FeedbackItem
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            TrackingCode = TrackingCodes.New(),
            Channel = input.Channel.Code,
            Category = input.Category,
            Content = input.Content,
            ProcedureCode = input.ProcedureCode,
            StaffId = input.StaffId,
            // An item from a hamlet office's box is about that hamlet unless it names another.
            Hamlet = input.Hamlet ?? input.Channel.Hamlet,
            Contact = input.Contact,
            Location = input.Location,
            Status = FeedbackStatus.Received,
            ReceivedAt = receivedAt,
            AssignBy = assignBy,
            DueDate = dueDate,
            RecordedBy = input.RecordedBy,
        };
        return new(item, [new FeedbackReceived
        {
            Commune = commune, FeedbackId = item.Id, Channel = item.Channel, Category = item.Category, ProcedureCode = item.ProcedureCode,
            StaffId = item.StaffId, ReceivedAt = item.ReceivedAt, DueDate = item.DueDate,
        }]);
    }

    /// <param name="action">a key of <see cref="FeedbackMessages"/> naming the action</param>
    public FeedbackItem Require(string action, params FeedbackStatus[] allowed) =>
        allowed.Contains(Status) ? this : throw new ConflictException("illegal-transition",
            Wording.Of(FeedbackMessages.IllegalTransition, Wording.Of(action), Name(Status), allowed.Select(Name).ToList()));

    public FeedbackItem AssignTo(string staffId, DateTime now)
    {
        Require(FeedbackMessages.ActionAssign, FeedbackStatus.Received, FeedbackStatus.Assigned);
        // Nobody answers a complaint about themselves.
        if (Category == FeedbackCategory.StaffConduct && staffId == StaffId)
            throw new BusinessRuleException("conflict-of-interest", Wording.Of(FeedbackMessages.ConflictOfInterest));
        return this with { Status = FeedbackStatus.Assigned, AssigneeId = staffId, AssignedAt = now };
    }

    /// <summary>Answers the item, in time when by its due date (in Vietnam); raises <see cref="FeedbackAnswered"/>.</summary>
    public Changed<FeedbackItem> AnswerWith(string commune, string answer, bool publish, bool? upheld, DateTime now, string? by)
    {
        Require(FeedbackMessages.ActionAnswer, FeedbackStatus.Assigned);
        var validation = new InputValidation();
        if (Category == FeedbackCategory.StaffConduct) validation.Require(upheld is not null, "upheld", FeedbackMessages.UpheldRequired);
        else validation.Require(upheld is null, "upheld", FeedbackMessages.UpheldNotApplicable);
        validation.ThrowIfInvalid();
        var inTime = VietnamTime.Today(now) <= DueDate;
        return new(this with
        {
            Status = FeedbackStatus.Answered, Answer = answer, Published = publish, Upheld = upheld,
            AnsweredAt = now, AnsweredInTime = inTime, AnsweredBy = by,
        }, [new FeedbackAnswered
        {
            Commune = commune, FeedbackId = Id, Category = Category, StaffId = StaffId, AssigneeId = AssigneeId,
            InTime = inTime, Upheld = upheld, AnsweredAt = now,
        }]);
    }

    /// <summary>An answered item is closed; an unanswered one only with a reason (a duplicate, an abusive message).</summary>
    public FeedbackItem CloseWith(string? note, DateTime now)
    {
        Require(FeedbackMessages.ActionClose, FeedbackStatus.Received, FeedbackStatus.Assigned, FeedbackStatus.Answered);
        if (Status != FeedbackStatus.Answered && string.IsNullOrWhiteSpace(note))
            throw InvalidInputException.Field("note", Wording.Of(FeedbackMessages.CloseNote));
        return this with { Status = FeedbackStatus.Closed, ClosedAt = now, ClosingNote = note };
    }

    public static string Slug(FeedbackStatus status) => status.ToString().ToLowerInvariant();

    private static Wording Name(FeedbackStatus status) => Wording.Of(status switch
    {
        FeedbackStatus.Received => FeedbackMessages.StatusReceived,
        FeedbackStatus.Assigned => FeedbackMessages.StatusAssigned,
        FeedbackStatus.Answered => FeedbackMessages.StatusAnswered,
        _ => FeedbackMessages.StatusClosed,
    });

    public static string Vietnamese(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "Đã tiếp nhận",
        FeedbackStatus.Assigned => "Đang xử lý",
        FeedbackStatus.Answered => "Đã trả lời",
        _ => "Đã kết thúc",
    };
}

public sealed record Location(double? Latitude, double? Longitude, string? Address);

/// <summary>What a channel brought in, every field checked: the input of <see cref="FeedbackItem.Receive"/>.</summary>
public sealed record NewFeedback(
    FeedbackChannel Channel, FeedbackCategory Category, string Content, string? ProcedureCode, string? StaffId, string? Hamlet, string? Contact,
    Location? Location, string? RecordedBy);

public static class TrackingCodes
{
    // No 0/O, 1/I/L: the code is read aloud over the phone and typed on a phone keyboard.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>10 characters of 31: about 49 bits, enough that codes cannot be guessed within any rate limit.</summary>
    public static string New() => string.Create(10, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = code.Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();
        return normalized.Length == 10 && normalized.All(Alphabet.Contains) ? normalized : null;
    }
}

/// <summary>Citizens' text is kept as text: control characters removed, line breaks normalised, never interpreted as markup.</summary>
public static class CitizenText
{
    public static string? Clean(string? text)
    {
        if (text is null) return null;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
            if (c is '\n' or '\t' || !char.IsControl(c)) builder.Append(c);
        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned.Normalize(NormalizationForm.FormC);
    }
}
