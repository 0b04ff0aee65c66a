namespace Platform.Contracts.Feedback;

/// <summary>A citizen's rating of one dossier (SIPAS): three levels.</summary>
public enum SatisfactionLevel { NotSatisfied, Satisfied, VerySatisfied }

public static class SatisfactionRules
{
    /// <summary>The satisfaction index is the share of ratings that are satisfied or very satisfied.</summary>
    public static bool CountsAsSatisfied(this SatisfactionLevel level) => level is SatisfactionLevel.Satisfied or SatisfactionLevel.VerySatisfied;
}

/// <summary>What a feedback item is about: a procedure's rules, an officer's conduct, anything else.</summary>
public enum FeedbackCategory { ProcedureRules, StaffConduct, Other }

/// <summary>A citizen rated a returned dossier (SIPAS, Decision 2640/QĐ-BNV).</summary>
public sealed record SatisfactionRated
{
    public required string Commune { get; init; }
    public string? DossierId { get; init; }
    public string? ProcedureCode { get; init; }
    public string? HandlerId { get; init; }
    public required SatisfactionLevel Level { get; init; }
    public required DateTime RatedAt { get; init; }
}

/// <summary>A citizen's feedback item (phản ánh, kiến nghị) was received, online or transcribed from a box or the hotline.</summary>
public sealed record FeedbackReceived
{
    public required string Commune { get; init; }
    public required string FeedbackId { get; init; }
    /// <summary>The code of the commune's channel it came by (<c>desk-box</c>, <c>hamlet-box-ap-3</c>, <c>online</c>…).</summary>
    public required string Channel { get; init; }
    public required FeedbackCategory Category { get; init; }
    public string? ProcedureCode { get; init; }
    public string? StaffId { get; init; }
    public required DateTime ReceivedAt { get; init; }
    /// <summary>The answer is due by this day (working days from receipt).</summary>
    public required DateOnly DueDate { get; init; }
}

/// <summary>A feedback item was answered; a conduct complaint is found upheld or not.</summary>
public sealed record FeedbackAnswered
{
    public required string Commune { get; init; }
    public required string FeedbackId { get; init; }
    public required FeedbackCategory Category { get; init; }
    /// <summary>The officer the item is about (a conduct complaint), if any.</summary>
    public string? StaffId { get; init; }
    /// <summary>The officer who was put in charge of answering.</summary>
    public string? AssigneeId { get; init; }
    public required bool InTime { get; init; }
    public bool? Upheld { get; init; }
    public required DateTime AnsweredAt { get; init; }
}
