using Platform.Calendar;

namespace Feedback.Api.Domain;

/// <summary>
/// The working-day deadlines of a feedback item, counted from the day it was received (a Saturday's item counts from
/// Monday). Both are settings: provinces fix their own (Feedback:AssignWorkingDays, Feedback:AnswerWorkingDays).
/// </summary>
public sealed class FeedbackDeadlines(WorkingCalendar calendar, int assignWorkingDays, int answerWorkingDays)
{
    public int AssignWorkingDays { get; } = assignWorkingDays;
    public int AnswerWorkingDays { get; } = answerWorkingDays;

    public (DateOnly AssignBy, DateOnly AnswerBy) For(DateTime receivedAtUtc) =>
        (calendar.DueDate(receivedAtUtc, AssignWorkingDays, TimeOnly.MaxValue), calendar.DueDate(receivedAtUtc, AnswerWorkingDays, TimeOnly.MaxValue));
}
