using Platform.Calendar;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Problems;
using Procedures.Api.Domain;

namespace Procedures.Api.Tests;

/// <summary>
/// The workflow on its own, without HTTP or a store: every action from every state succeeds exactly when
/// <see cref="DossierRules.Allowed"/> says so and is otherwise the illegal-transition conflict, and each step raises its
/// events (or none) with the fields consumers read. Dossiers are received Monday 6 October 2025 at 09:00 on the real
/// working calendar: the interconnected birth group (10 working days, due 20 October) and a marriage registration (5, due 13 October).
/// </summary>
public sealed class DossierWorkflowTableTests
{
    private const string Commune = "my-thanh";
    private const string By = "motcua.test";
    private static readonly DossierWorkflow Workflow = new(WorkingCalendar.Default, new TimeOnly(15, 0));
    private static readonly DeskStaff Handler = new("mt-tu-phap", "Trần Văn Tư", true, new DateOnly(2015, 7, 9), null);
    private static readonly DateTime Received = Local(2025, 10, 6, 9);

    private static DateTime Local(int year, int month, int day, int hour) =>
        new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc) - VietnamTime.Offset;

    private static Procedure Starter(string code) =>
        StarterCatalogue.For(Commune, new DateOnly(2015, 7, 9), Received).Select(p => p.State).Single(p => p.Code == code);

    private static Changed<Dossier> Receive(string code) =>
        Workflow.Receive(Commune, "d-1", "2025-000001", Starter(code), new Applicant("Nguyễn Văn An", "0909123456", "ap-1"), Received, By);

    private static Dossier Assigned(Dossier dossier) => Workflow.Assign(dossier, Handler, Handler.StaffId, Received.AddHours(1), By).State;

    /// <summary>An interconnected dossier (its steps pending throughout) brought to <paramref name="status"/> on the day of receipt.</summary>
    private static Dossier In(DossierStatus status)
    {
        var received = Receive(StarterCatalogue.BirthResidenceInsuranceGroup).State;
        var at = Received.AddHours(2);
        var refused = (Dossier d) => Workflow.Resolve(Commune, Assigned(d), DossierOutcome.Refused, "Không đủ điều kiện", at, By).State;
        return status switch
        {
            DossierStatus.Received => received,
            DossierStatus.InProgress => Assigned(received),
            DossierStatus.SupplementRequested => Workflow.RequestSupplement(Assigned(received), "Thiếu giấy chứng sinh", at, By).State,
            DossierStatus.Resolved => refused(received),
            DossierStatus.Returned => Workflow.Return(Commune, refused(received), at, By).State,
            DossierStatus.Withdrawn => Workflow.Withdraw(received, at, By).State,
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    private static Changed<Dossier> Step(DossierAction action, Dossier dossier, DateTime now) => action switch
    {
        DossierAction.Assign => Workflow.Assign(dossier, Handler, Handler.StaffId, now, By),
        DossierAction.RequestSupplement => Workflow.RequestSupplement(dossier, "Thiếu giấy chứng sinh", now, By),
        DossierAction.SupplementReceived => Workflow.SupplementReceived(dossier, now, By),
        DossierAction.Resolve => Workflow.Resolve(Commune, dossier, DossierOutcome.Refused, "Không đủ điều kiện", now, By),
        DossierAction.Apologize => Workflow.Apologize(Commune, dossier, "Chờ xác minh", Workflow.Calendar.AddWorkingDays(dossier.AppointmentDate, 2), now, By),
        DossierAction.Return => Workflow.Return(Commune, dossier, now, By),
        DossierAction.Withdraw => Workflow.Withdraw(dossier, now, By),
        DossierAction.CompleteStep => Workflow.CompleteStep(dossier, Math.Max(0, dossier.CurrentStep()), now, By),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static Type[] Raises(DossierAction action) => action switch
    {
        DossierAction.Resolve => [typeof(DossierResolved)],
        DossierAction.Return => [typeof(DossierReturned)],
        DossierAction.Apologize => [typeof(ApologyIssued)],
        _ => [],
    };

    public static TheoryData<DossierStatus, DossierAction> Pairs()
    {
        var data = new TheoryData<DossierStatus, DossierAction>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        foreach (var action in Enum.GetValues<DossierAction>())
            data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_step_succeeds_exactly_when_the_rules_allow_it_and_raises_its_events(DossierStatus status, DossierAction action)
    {
        var dossier = In(status);
        var now = Local(2025, 10, 7, 10);
        var allowed = DossierRules.Allowed(dossier, VietnamTime.Today(now)).Contains(action);
        // A step is pending and the appointment is ahead: here the day's rules are the state's.
        Assert.Equal(DossierRules.AllowedFrom(action).Contains(status), allowed);

        if (allowed)
        {
            var changed = Step(action, dossier, now);
            Assert.Equal([.. dossier.History, changed.State.History[^1]], changed.State.History);
            Assert.Equal(Raises(action), changed.Events.Select(e => e.GetType()));
        }
        else
        {
            var refused = Assert.Throws<ConflictException>(() => Step(action, dossier, now));
            Assert.Equal("illegal-transition", refused.Type);
        }
    }

    [Fact]
    public void An_ordinary_dossier_has_no_step_to_complete()
    {
        var dossier = Assigned(Receive("ho-tich-ket-hon").State);

        Assert.DoesNotContain(DossierAction.CompleteStep, DossierRules.Allowed(dossier, VietnamTime.Today(Received)));
        Assert.Throws<NotFoundException>(() => Workflow.CompleteStep(dossier, 0, Received.AddHours(1), By));
    }

    [Fact]
    public void Receipt_raises_dossier_received_with_the_receipt_and_due_date()
    {
        var (dossier, events) = Receive("ho-tich-ket-hon");

        var received = Assert.IsType<DossierReceived>(Assert.Single(events));
        Assert.Equal((Commune, "d-1", "2025-000001", "ho-tich-ket-hon", "tu-phap-ho-tich", Received, new DateOnly(2025, 10, 13), By),
            (received.Commune, received.DossierId, received.ReceiptNo, received.ProcedureCode, received.Field, received.ReceivedAt, received.DueDate, received.ReceivedBy));
        Assert.Equal((dossier.DueDate, dossier.ReceivedAt), (received.DueDate, received.ReceivedAt));
    }

    [Theory]
    [InlineData(9, DossierOutcome.Approved, Timeliness.Early, 3, false)]
    [InlineData(13, DossierOutcome.Refused, Timeliness.OnTime, 5, false)]
    [InlineData(14, DossierOutcome.Approved, Timeliness.Late, 6, true)]
    public void Resolution_raises_dossier_resolved_with_its_timeliness(int day, DossierOutcome outcome, Timeliness timeliness, int used, bool lateWithoutApology)
    {
        var dossier = Assigned(Receive("ho-tich-ket-hon").State);
        var now = Local(2025, 10, day, 10);

        var (resolved, events) = Workflow.Resolve(Commune, dossier, outcome, "Ghi chú", now, By);

        var decision = Assert.IsType<DossierResolved>(Assert.Single(events));
        Assert.Equal((Commune, "d-1", "ho-tich-ket-hon", "tu-phap-ho-tich", outcome, Handler.StaffId, now),
            (decision.Commune, decision.DossierId, decision.ProcedureCode, decision.Field, decision.Outcome, decision.HandlerId, decision.ResolvedAt));
        Assert.Equal((timeliness, used, lateWithoutApology), (decision.Timeliness, decision.WorkingDaysUsed, decision.LateWithoutApology));
        Assert.Equal((resolved.Timeliness, resolved.WorkingDaysUsed, resolved.LateWithoutApology), (decision.Timeliness, decision.WorkingDaysUsed, decision.LateWithoutApology));
    }

    [Fact]
    public void Late_after_an_apology_is_not_late_without_one()
    {
        var dossier = Assigned(Receive("ho-tich-ket-hon").State);
        var (apologized, apologies) = Workflow.Apologize(Commune, dossier, "Chờ xác minh", new DateOnly(2025, 10, 17), Local(2025, 10, 10, 9), By);

        var apology = Assert.IsType<ApologyIssued>(Assert.Single(apologies));
        Assert.Equal((Commune, "d-1", "Chờ xác minh", new DateOnly(2025, 10, 13), new DateOnly(2025, 10, 17), Handler.StaffId, Local(2025, 10, 10, 9)),
            (apology.Commune, apology.DossierId, apology.Reason, apology.PreviousDueDate, apology.NewDueDate, apology.HandlerId, apology.IssuedAt));

        var decision = Assert.IsType<DossierResolved>(Assert.Single(Workflow.Resolve(Commune, apologized, DossierOutcome.Approved, null, Local(2025, 10, 15, 10), By).Events));
        Assert.Equal((Timeliness.Late, 7, false), (decision.Timeliness, decision.WorkingDaysUsed, decision.LateWithoutApology));
    }

    [Fact]
    public void Return_raises_dossier_returned_with_the_dossiers_survey_code()
    {
        var resolved = Workflow.Resolve(Commune, Assigned(Receive("ho-tich-ket-hon").State), DossierOutcome.Approved, null, Local(2025, 10, 9, 10), By).State;
        var now = Local(2025, 10, 10, 8);

        var (returned, events) = Workflow.Return(Commune, resolved, now, By);

        var result = Assert.IsType<DossierReturned>(Assert.Single(events));
        Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", returned.SurveyCode);
        Assert.Equal((Commune, "d-1", "ho-tich-ket-hon", Handler.StaffId, returned.SurveyCode!, now),
            (result.Commune, result.DossierId, result.ProcedureCode, result.HandlerId, result.SurveyCode, result.ReturnedAt));
    }
}
