using System.Security.Cryptography;
using Platform.Calendar;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Problems;
using Procedures.Api.Localization;

namespace Procedures.Api.Domain;

/// <summary>A person who may handle dossiers at the desk, as personnel's events describe them.</summary>
public sealed record DeskStaff(string StaffId, string? FullName, bool OnDesk, DateOnly? OnDeskFrom, DateOnly? OnDeskUntil)
{
    public bool EligibleOn(DateOnly day) => OnDesk && (OnDeskFrom is null || OnDeskFrom <= day) && (OnDeskUntil is null || day <= OnDeskUntil);
}

/// <summary>A dossier's time limits as receipt sets them.</summary>
public sealed record DossierSchedule(ProcedureRevision Revision, DateOnly CountsFrom, DateOnly DueDate, IReadOnlyList<DossierStep> Steps);

/// <summary>
/// Every step of a dossier's lifecycle, with the calendar's time limits; each returns the changed dossier and the events
/// it raises. The steps that raise one take the commune the event is published for (a dossier does not know its commune).
/// </summary>
public sealed class DossierWorkflow(WorkingCalendar calendar, TimeOnly cutOff)
{
    private const string SurveyAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public WorkingCalendar Calendar => calendar;

    /// <summary>
    /// The time limits of a dossier of <paramref name="procedure"/> received at <paramref name="receivedAt"/>: the revision
    /// in force that day, the working day they count from (after the same-day cut-off, the next one), the due date and each step's.
    /// </summary>
    public DossierSchedule Schedule(Procedure procedure, DateTime receivedAt)
    {
        var local = VietnamTime.ToLocal(receivedAt);
        var revision = procedure.InForceOn(DateOnly.FromDateTime(local));
        var countsFrom = calendar.DueDate(local, 0, cutOff);
        var due = calendar.AddWorkingDays(countsFrom, revision.ProcessingDays);
        var steps = new List<DossierStep>();
        var stepDue = countsFrom;
        foreach (var step in procedure.Steps)
        {
            stepDue = calendar.AddWorkingDays(stepDue, step.ProcessingDays);
            steps.Add(new DossierStep(step.Name, step.Agency, step.ProcessingDays, stepDue, steps.Count == 0 ? StepStatus.InProgress : StepStatus.Pending, null));
        }
        return new DossierSchedule(revision, countsFrom, due, steps);
    }

    public Changed<Dossier> Receive(string commune, string id, string receiptNo, Procedure procedure, Applicant applicant, DateTime receivedAt, string? by)
    {
        var (revision, countsFrom, due, steps) = Schedule(procedure, receivedAt);
        var dossier = new Dossier
        {
            Id = id,
            ReceiptNo = receiptNo,
            ProcedureCode = procedure.Code,
            ProcedureName = revision.Name,
            Field = revision.Field,
            ProcessingDays = revision.ProcessingDays,
            Components = revision.Components,
            Applicant = applicant,
            ReceivedAt = receivedAt,
            CountsFrom = countsFrom,
            DueDate = due,
            OriginalDueDate = due,
            Status = DossierStatus.Received,
            ReceivedBy = by,
            Steps = steps,
            SearchText = DossierRules.SearchText(receiptNo, applicant),
        }.Log(receivedAt, "received", by);
        return new(dossier, [new DossierReceived
        {
            Commune = commune, DossierId = dossier.Id, ReceiptNo = dossier.ReceiptNo, ProcedureCode = dossier.ProcedureCode, Field = dossier.Field,
            ReceivedAt = dossier.ReceivedAt, DueDate = dossier.DueDate, ReceivedBy = dossier.ReceivedBy,
        }]);
    }

    public Changed<Dossier> Assign(Dossier dossier, DeskStaff? staff, string staffId, DateTime now, string? by)
    {
        dossier.Require(DossierAction.Assign, ProceduresMessages.ActionAssign);
        var today = VietnamTime.Today(now);
        if (staff is null || !staff.EligibleOn(today))
            throw new BusinessRuleException("not-eligible", Wording.Of(ProceduresMessages.NotEligible, staffId),
                [Wording.Of(staff is null ? ProceduresMessages.UnknownToRoster : ProceduresMessages.NotOnDeskToday)]);
        return (dossier with { Status = DossierStatus.InProgress, HandlerId = staff.StaffId, HandlerName = staff.FullName })
            .Log(now, "assigned", by, staff.FullName ?? staff.StaffId);
    }

    /// <summary>Form 02: the clock stops until the citizen completes the dossier.</summary>
    public Changed<Dossier> RequestSupplement(Dossier dossier, string reason, DateTime now, string? by)
    {
        dossier.Require(DossierAction.RequestSupplement, ProceduresMessages.ActionRequestSupplement);
        var request = new SupplementRequest(reason, now, VietnamTime.Today(now), null, 0);
        return (dossier with { Status = DossierStatus.SupplementRequested, Supplements = [.. dossier.Supplements, request] })
            .Log(now, "supplement-requested", by, reason);
    }

    /// <summary>The clock restarts; the due date moves by the working days it was stopped.</summary>
    public Changed<Dossier> SupplementReceived(Dossier dossier, DateTime now, string? by)
    {
        dossier.Require(DossierAction.SupplementReceived, ProceduresMessages.ActionRecordSupplement);
        var open = dossier.Supplements[^1];
        var paused = Math.Max(0, calendar.WorkingDaysBetween(open.PausedOn, VietnamTime.Today(now)));
        var supplements = dossier.Supplements.Take(dossier.Supplements.Count - 1)
            .Append(open with { ReceivedAt = now, PausedWorkingDays = paused }).ToList();
        var due = calendar.AddWorkingDays(dossier.DueDate, paused);
        return (dossier with
            {
                Status = dossier.HandlerId is null ? DossierStatus.Received : DossierStatus.InProgress,
                Supplements = supplements,
                DueDate = due,
                Apologies = dossier.Apologies.Count == 0 ? dossier.Apologies
                    : [.. dossier.Apologies.Take(dossier.Apologies.Count - 1), dossier.Apologies[^1] with { NewDueDate = calendar.AddWorkingDays(dossier.Apologies[^1].NewDueDate, paused) }],
                Steps = dossier.Steps.Select(s => s.Status == StepStatus.Done ? s : s with { DueDate = calendar.AddWorkingDays(s.DueDate, paused) }).ToList(),
            })
            .Log(now, "supplement-received", by, $"Tạm dừng {paused} ngày làm việc"); // shown to the desk in the dossier's timeline
    }

    /// <summary>Interconnected dossiers: the current step is done and the next agency takes over.</summary>
    public Changed<Dossier> CompleteStep(Dossier dossier, int index, DateTime now, string? by)
    {
        dossier.Require(DossierAction.CompleteStep, ProceduresMessages.ActionCompleteStep);
        if (index < 0 || index >= dossier.Steps.Count) throw new NotFoundException(ProceduresMessages.Step, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var current = dossier.CurrentStep();
        if (index != current)
            throw new ConflictException("step-out-of-order", current < 0 ? Wording.Of(ProceduresMessages.AllStepsDone) : Wording.Of(ProceduresMessages.StepComesFirst, current, dossier.Steps[current].Name));
        var steps = dossier.Steps.Select((s, i) => i == index ? s with { Status = StepStatus.Done, CompletedAt = now }
            : i == index + 1 ? s with { Status = StepStatus.InProgress } : s).ToList();
        return (dossier with { Steps = steps }).Log(now, "step-completed", by, dossier.Steps[index].Name);
    }

    /// <summary>Decides the dossier (approved, or refused with its reason: form 03) and measures its timeliness.</summary>
    public Changed<Dossier> Resolve(string commune, Dossier dossier, DossierOutcome outcome, string? note, DateTime now, string? by)
    {
        dossier.Require(DossierAction.Resolve, ProceduresMessages.ActionResolve);
        if (outcome == DossierOutcome.Approved && dossier.Steps.Any(s => s.Status != StepStatus.Done))
            throw new BusinessRuleException("steps-pending", Wording.Of(ProceduresMessages.StepsPending),
                dossier.Steps.Where(s => s.Status != StepStatus.Done).Select(s => Wording.Of(ProceduresMessages.PendingStep, s.Name, s.Agency)).ToList());
        var resolvedOn = VietnamTime.Today(now);
        var timeliness = resolvedOn < dossier.DueDate ? Timeliness.Early : resolvedOn == dossier.DueDate ? Timeliness.OnTime : Timeliness.Late;
        var paused = dossier.Supplements.Sum(s => s.PausedWorkingDays);
        var used = Math.Max(0, calendar.WorkingDaysBetween(dossier.CountsFrom, resolvedOn) - paused);
        var resolved = (dossier with
            {
                Status = DossierStatus.Resolved,
                Outcome = outcome,
                OutcomeNote = note,
                ResolvedAt = now,
                Timeliness = timeliness,
                WorkingDaysUsed = used,
                LateWithoutApology = timeliness == Timeliness.Late && dossier.Apologies.Count == 0,
            })
            .Log(now, outcome == DossierOutcome.Approved ? "approved" : "refused", by, note);
        return new(resolved, [new DossierResolved
        {
            Commune = commune, DossierId = resolved.Id, ProcedureCode = resolved.ProcedureCode, Field = resolved.Field, Outcome = outcome,
            Timeliness = timeliness, WorkingDaysUsed = used, HandlerId = resolved.HandlerId, ResolvedAt = now,
            LateWithoutApology = resolved.LateWithoutApology,
        }]);
    }

    /// <summary>The result is handed back with a new survey code, printed on the slip for the citizen's rating.</summary>
    public Changed<Dossier> Return(string commune, Dossier dossier, DateTime now, string? by)
    {
        dossier.Require(DossierAction.Return, ProceduresMessages.ActionReturn);
        var returned = (dossier with { Status = DossierStatus.Returned, ReturnedAt = now, SurveyCode = NewSurveyCode() }).Log(now, "returned", by);
        return new(returned, [new DossierReturned
        {
            Commune = commune, DossierId = returned.Id, ProcedureCode = returned.ProcedureCode, HandlerId = returned.HandlerId, SurveyCode = returned.SurveyCode!, ReturnedAt = now,
        }]);
    }

    /// <summary>Form 04: before the appointment passes, the desk apologises and sets a new appointment date.</summary>
    public Changed<Dossier> Apologize(string commune, Dossier dossier, string reason, DateOnly newDueDate, DateTime now, string? by)
    {
        dossier.Require(DossierAction.Apologize, ProceduresMessages.ActionApologize);
        var today = VietnamTime.Today(now);
        var appointment = dossier.AppointmentDate;
        if (!dossier.MayApologizeOn(today))
            throw new BusinessRuleException("apology-too-late", Wording.Of(ProceduresMessages.ApologyTooLate, appointment));
        if (newDueDate <= appointment)
            throw InvalidInputException.Field("newDueDate", Wording.Of(ProceduresMessages.AfterAppointment, appointment));
        if (!calendar.IsWorkingDay(newDueDate))
            throw InvalidInputException.Field("newDueDate", Wording.Of(ProceduresMessages.WorkingDay));
        var apology = new Apology(reason, appointment, newDueDate, now, by);
        return new((dossier with { Apologies = [.. dossier.Apologies, apology] }).Log(now, "apology-issued", by, reason), [new ApologyIssued
        {
            Commune = commune, DossierId = dossier.Id, Reason = apology.Reason, PreviousDueDate = apology.PreviousDueDate,
            NewDueDate = apology.NewDueDate, HandlerId = dossier.HandlerId, IssuedAt = now,
        }]);
    }

    public Changed<Dossier> Withdraw(Dossier dossier, DateTime now, string? by)
    {
        dossier.Require(DossierAction.Withdraw, ProceduresMessages.ActionWithdraw);
        return (dossier with { Status = DossierStatus.Withdrawn, WithdrawnAt = now }).Log(now, "withdrawn", by);
    }

    private static string NewSurveyCode() =>
        string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = SurveyAlphabet[RandomNumberGenerator.GetInt32(SurveyAlphabet.Length)];
        });
}
