using static Platform.Calendar.Tests.Dates;

namespace Platform.Calendar.Tests;

/// <summary>The appointment date of form 01: the receipt day (or the next working day) plus the time limit.</summary>
public class DueDateTests
{
    private readonly WorkingCalendar _calendar = WorkingCalendar.Default;

    [Theory]
    [InlineData("2025-03-03", 9, 0, 3, "2025-03-06")]   // Monday morning: counts from Monday
    [InlineData("2025-03-03", 14, 59, 3, "2025-03-06")]
    [InlineData("2025-03-03", 15, 0, 3, "2025-03-07")]  // at the cut-off: counts from Tuesday
    [InlineData("2025-03-03", 16, 30, 3, "2025-03-07")]
    [InlineData("2025-03-08", 10, 0, 2, "2025-03-12")]  // Saturday: counts from Monday
    [InlineData("2025-03-09", 8, 0, 2, "2025-03-12")]   // Sunday
    [InlineData("2025-03-07", 16, 0, 1, "2025-03-11")]  // Friday after the cut-off: Monday + 1
    public void Cut_off_and_weekends(string day, int hour, int minute, int workingDays, string due)
    {
        Assert.Equal(D(due), _calendar.DueDate(At(day, hour, minute), workingDays, CutOff));
    }

    [Theory]
    [InlineData("2025-03-03", 9, "2025-03-03")]  // same day
    [InlineData("2025-03-03", 16, "2025-03-04")] // after the cut-off: next working day
    [InlineData("2025-03-08", 9, "2025-03-10")]  // Saturday: Monday
    [InlineData("2025-04-30", 9, "2025-05-05")]  // holiday: first day back
    public void Zero_day_procedures_are_due_on_the_start_day(string day, int hour, string due)
    {
        Assert.Equal(D(due), _calendar.DueDate(At(day, hour), 0, CutOff));
    }

    [Fact]
    public void Across_Tet()
    {
        // Tết Ất Tỵ: 25/01–02/02/2025 off. Thursday 23/1 + 5 working days: 24/1, 3/2, 4/2, 5/2, 6/2.
        Assert.Equal(D("2025-02-06"), _calendar.DueDate(At("2025-01-23", 10), 5, CutOff));
        // Received on a Tết day: counts from Monday 3/2.
        Assert.Equal(D("2025-02-05"), _calendar.DueDate(At("2025-01-29", 10), 2, CutOff));
        // Tết Bính Ngọ 2026: 14/02–22/02 off.
        Assert.Equal(D("2026-02-24"), _calendar.DueDate(At("2026-02-13", 9), 2, CutOff));
    }

    [Fact]
    public void Across_30_April_and_1_May()
    {
        // 2025: 30/4–4/5 off (Friday 2/5 swapped with Saturday 26/4).
        Assert.Equal(D("2025-05-06"), _calendar.DueDate(At("2025-04-29", 9), 2, CutOff));
        // 2026, by the rules only: Thursday 30/4 and Friday 1/5.
        Assert.Equal(D("2026-05-04"), _calendar.DueDate(At("2026-04-29", 9), 1, CutOff));
    }

    [Fact]
    public void Across_National_Day()
    {
        // 2025: 30/8–2/9 off. Friday 29/8 + 1 → Wednesday 3/9.
        Assert.Equal(D("2025-09-03"), _calendar.DueDate(At("2025-08-29", 10), 1, CutOff));
        // 2024: 31/8–3/9 off.
        Assert.Equal(D("2024-09-04"), _calendar.DueDate(At("2024-08-30", 10), 1, CutOff));
    }

    [Fact]
    public void A_swapped_saturday_is_a_working_day_for_due_dates()
    {
        // Friday 25/4/2025 after the cut-off: the next working day is Saturday 26/4 (worked in exchange).
        Assert.Equal(D("2025-04-28"), _calendar.DueDate(At("2025-04-25", 16), 1, CutOff));
        // Received on that Saturday morning: counts from the Saturday itself.
        Assert.Equal(D("2025-04-26"), _calendar.DueDate(At("2025-04-26", 9), 0, CutOff));
        // 2024: Saturday 4/5 worked in exchange for Monday 29/4.
        Assert.Equal(D("2024-05-06"), _calendar.DueDate(At("2024-05-03", 16), 1, CutOff));
    }

    [Fact]
    public void Utc_times_are_converted_to_Vietnam_time()
    {
        // 08:30 UTC is 15:30 in Hanoi: after the cut-off.
        var receivedUtc = new DateTime(2025, 3, 3, 8, 30, 0, DateTimeKind.Utc);
        Assert.Equal(D("2025-03-04"), _calendar.DueDate(receivedUtc, 0, CutOff));
        // 18:00 UTC on Sunday is 01:00 on Monday in Hanoi.
        Assert.Equal(D("2025-03-03"), _calendar.DueDate(new DateTime(2025, 3, 2, 18, 0, 0, DateTimeKind.Utc), 0, CutOff));
    }

    [Fact]
    public void No_cut_off()
    {
        Assert.Equal(D("2025-03-03"), _calendar.DueDate(At("2025-03-03", 23, 59), 0, TimeOnly.MaxValue));
    }
}
