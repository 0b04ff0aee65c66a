namespace Platform.Contracts.Procedures;

public enum DossierOutcome { Approved, Refused }

/// <summary>When a dossier was resolved against its due date: trước hạn, đúng hạn, quá hạn.</summary>
public enum Timeliness { Early, OnTime, Late }

public static class TimelinessRules
{
    /// <summary>Early counts as on time: the rate of Decision 766/QĐ-TTg indicator 2.1 and the staff's own figures.</summary>
    public static bool CountsAsOnTime(this Timeliness timeliness) => timeliness is Timeliness.Early or Timeliness.OnTime;
}

/// <summary>The one-stop desk received a dossier and gave the citizen a receipt (form 01).</summary>
public sealed record DossierReceived
{
    public required string Commune { get; init; }
    public required string DossierId { get; init; }
    public required string ReceiptNo { get; init; }
    public required string ProcedureCode { get; init; }
    public required string Field { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required DateOnly DueDate { get; init; }
    public string? ReceivedBy { get; init; }
}

/// <summary>A dossier was decided (approved or refused), with its timeliness against the appointment date.</summary>
public sealed record DossierResolved
{
    public required string Commune { get; init; }
    public required string DossierId { get; init; }
    public required string ProcedureCode { get; init; }
    public required string Field { get; init; }
    public required DossierOutcome Outcome { get; init; }
    public required Timeliness Timeliness { get; init; }
    public required int WorkingDaysUsed { get; init; }
    public string? HandlerId { get; init; }
    public required DateTime ResolvedAt { get; init; }
    /// <summary>Resolved after its due date without an apology letter: a breach to report.</summary>
    public required bool LateWithoutApology { get; init; }
}

/// <summary>The result was handed back; the survey code printed on the slip lets the citizen rate the service.</summary>
public sealed record DossierReturned
{
    public required string Commune { get; init; }
    public required string DossierId { get; init; }
    public required string ProcedureCode { get; init; }
    public string? HandlerId { get; init; }
    public required string SurveyCode { get; init; }
    public required DateTime ReturnedAt { get; init; }
}

/// <summary>An apology letter with a new appointment date (form 04) was issued before the due date passed.</summary>
public sealed record ApologyIssued
{
    public required string Commune { get; init; }
    public required string DossierId { get; init; }
    public required string Reason { get; init; }
    public required DateOnly PreviousDueDate { get; init; }
    public required DateOnly NewDueDate { get; init; }
    public string? HandlerId { get; init; }
    public required DateTime IssuedAt { get; init; }
}
