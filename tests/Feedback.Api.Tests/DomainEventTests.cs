using Feedback.Api.Domain;
using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Problems;

namespace Feedback.Api.Tests;

/// <summary>The domain's operations raise their events beside the state they change, with the fields consumers read.</summary>
public sealed class DomainEventTests
{
    private const string Commune = "my-thanh";
    private static readonly FeedbackDeadlines Deadlines = new(WorkingCalendar.Default, 2, 10);
    private static readonly FeedbackChannel HamletBox = new("hamlet-box-ap-3", "Hòm thư góp ý tại văn phòng Ấp 3", ChannelKind.HamletBox, "ap-3");

    // Monday 2 March 2026, 09:00 in Vietnam: assigned by Wednesday 4 March, answered by Monday 16 March.
    private static readonly DateTime Monday = Vn.At(2026, 3, 2, 9, 0).UtcDateTime;

    private static FeedbackItem Received(FeedbackCategory category = FeedbackCategory.StaffConduct) =>
        FeedbackItem.Receive(Commune, new NewFeedback(HamletBox, category, "Cán bộ tiếp dân chậm.", "ho-tich-khai-sinh", "mt-mot-cua", null,
            "0909777888", null, "mt-van-phong"), Monday, Deadlines).State;

    [Fact]
    public void Receiving_an_item_counts_its_deadlines_and_raises_feedback_received()
    {
        var received = FeedbackItem.Receive(Commune, new NewFeedback(HamletBox, FeedbackCategory.StaffConduct, "Cán bộ tiếp dân chậm.",
            "ho-tich-khai-sinh", "mt-mot-cua", null, "0909777888", null, "mt-van-phong"), Monday, Deadlines);

        var item = received.State;
        Assert.Equal((FeedbackStatus.Received, "hamlet-box-ap-3", "ap-3", "mt-van-phong"), (item.Status, item.Channel, item.Hamlet, item.RecordedBy));
        Assert.Equal((new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 16)), (item.AssignBy, item.DueDate));
        var raised = Assert.IsType<FeedbackReceived>(Assert.Single(received.Events));
        Assert.Equal(new FeedbackReceived
        {
            Commune = Commune, FeedbackId = item.Id, Channel = "hamlet-box-ap-3", Category = FeedbackCategory.StaffConduct,
            ProcedureCode = "ho-tich-khai-sinh", StaffId = "mt-mot-cua", ReceivedAt = Monday, DueDate = new DateOnly(2026, 3, 16),
        }, raised);
    }

    [Fact]
    public void A_hamlet_named_by_the_citizen_wins_over_the_box_it_came_by()
    {
        var item = FeedbackItem.Receive(Commune, new NewFeedback(HamletBox, FeedbackCategory.Other, "x", null, null, "ap-1", null, null, null),
            Monday, Deadlines).State;

        Assert.Equal("ap-1", item.Hamlet);
    }

    [Fact]
    public void Answering_raises_feedback_answered_with_the_finding_and_whether_it_was_in_time()
    {
        var assigned = Received().AssignTo("mt-van-phong", Monday.AddDays(1));
        var at = Vn.At(2026, 3, 16, 23, 59).UtcDateTime; // the due date's last minute in Vietnam, already the 16th in UTC

        var answered = assigned.AnswerWith(Commune, "Đã nhắc nhở cán bộ.", publish: false, upheld: true, at, "Lê Văn Phòng");

        Assert.Equal((FeedbackStatus.Answered, true, true), (answered.State.Status, answered.State.AnsweredInTime, answered.State.Upheld));
        var raised = Assert.IsType<FeedbackAnswered>(Assert.Single(answered.Events));
        Assert.Equal(new FeedbackAnswered
        {
            Commune = Commune, FeedbackId = assigned.Id, Category = FeedbackCategory.StaffConduct, StaffId = "mt-mot-cua", AssigneeId = "mt-van-phong",
            InTime = true, Upheld = true, AnsweredAt = at,
        }, raised);
    }

    [Fact]
    public void An_answer_on_the_day_after_the_due_date_in_vietnam_is_late()
    {
        var assigned = Received(FeedbackCategory.Other).AssignTo("mt-van-phong", Monday);
        var at = Vn.At(2026, 3, 17, 0, 1).UtcDateTime; // still the 16th in UTC

        var answered = assigned.AnswerWith(Commune, "Trả lời.", publish: true, upheld: null, at, null);

        Assert.False(answered.State.AnsweredInTime);
        Assert.False(Assert.IsType<FeedbackAnswered>(Assert.Single(answered.Events)).InTime);
    }

    [Fact]
    public void An_answer_the_rules_refuse_is_a_domain_exception_with_no_event()
    {
        var assigned = Received().AssignTo("mt-van-phong", Monday);

        Assert.Throws<InvalidInputException>(() => assigned.AnswerWith(Commune, "Trả lời.", publish: true, upheld: null, Monday, null));
        Assert.Throws<ConflictException>(() => Received().AnswerWith(Commune, "Trả lời.", publish: true, upheld: true, Monday, null));
    }

    [Fact]
    public void Answering_a_survey_uses_the_code_keeps_the_response_and_raises_satisfaction_rated()
    {
        var invitation = new SurveyInvitation("K7Q2M9XA", Commune, "hs-0042", "ho-tich-khai-sinh", "mt-mot-cua", Monday);
        var at = Monday.AddDays(2);

        var rating = invitation.Answer(SatisfactionLevel.VerySatisfied, null, "Nhanh gọn.", at);

        var (answered, response) = rating.State;
        Assert.Equal(at, answered.AnsweredAt);
        Assert.Equal(("K7Q2M9XA", "hs-0042", "ho-tich-khai-sinh", "mt-mot-cua", SatisfactionLevel.VerySatisfied, "Nhanh gọn.", at),
            (response.Code, response.DossierId, response.ProcedureCode, response.HandlerId, response.Level, response.Comment, response.RatedAt));
        Assert.Equal(new SatisfactionFactors(null, null, null, null, null), response.Factors);
        var raised = Assert.IsType<SatisfactionRated>(Assert.Single(rating.Events));
        Assert.Equal(new SatisfactionRated
        {
            Commune = Commune, DossierId = "hs-0042", ProcedureCode = "ho-tich-khai-sinh", HandlerId = "mt-mot-cua",
            Level = SatisfactionLevel.VerySatisfied, RatedAt = at,
        }, raised);
        Assert.Throws<ConflictException>(() => answered.Answer(SatisfactionLevel.Satisfied, null, null, at));
    }
}
