using System.Globalization;
using Platform.Calendar.Lunar;

namespace Platform.Calendar.Tests;

/// <summary>Checks of the astronomical method itself, using the internal table in other time zones.</summary>
public class LunisolarTableTests
{
    /// <summary>
    /// Run at UTC+8, the same code must reproduce .NET's <see cref="ChineseLunisolarCalendar"/> (tabulated
    /// Chinese calendar, 1901–2100) month by month. The only differences are where the published Chinese
    /// calendar did not use UTC+8 astronomy: 1914–1920 (computed for Beijing local mean time, 116°25′E,
    /// before 1929) and 2057-09-28 (a new moon within a minute of Beijing midnight).
    /// </summary>
    [Fact]
    public void At_UTC_plus_8_it_reproduces_the_Chinese_calendar()
    {
        var china = new ChineseLunisolarCalendar();
        var first = DateOnly.FromDateTime(china.MinSupportedDateTime);
        var differences = new List<DateOnly>();

        foreach (var month in new LunisolarTable(8).Months)
        {
            var start = DateOnly.FromDayNumber(month.FirstDayNumber);
            if (start < first || start.Year > 2100) continue;
            var (year, number, isLeap, day) = ChineseDate(china, start);
            if ((year, number, isLeap, day) != (month.Year, month.Number, month.IsLeap, 1)) differences.Add(start);
        }

        Assert.Equal(
            [new DateOnly(1914, 11, 18), new DateOnly(1916, 2, 4), new DateOnly(1920, 11, 11), new DateOnly(2057, 9, 28)],
            differences);
    }

    /// <summary>
    /// Vietnam's Tết differs from China's only in these years (1901–2100). 1968, 1985, 2007, 2030 and 2053
    /// are documented; 1903, 1935, 1965 and 1969 are computed (before 1968 Vietnam actually kept China's calendar).
    /// </summary>
    [Fact]
    public void Tet_differs_from_China_in_known_years_only()
    {
        var china = new ChineseLunisolarCalendar();
        var differing = Enumerable.Range(1901, 200)
            .Where(y => LunarCalendar.NewYear(y) != DateOnly.FromDateTime(china.ToDateTime(y, 1, 1, 0, 0, 0, 0)))
            .ToArray();

        Assert.Equal([1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053], differing);
    }

    /// <summary>
    /// How close to midnight the calendar is: moving every new moon by ±2 minutes or every solar term by
    /// ±20 minutes (above the error of the methods used) changes only these few month starts, none of
    /// them a Tết, and none a month 3 (Hùng Kings day). Listed in README.md as known sensitive dates.
    /// </summary>
    [Fact]
    public void Only_a_few_months_are_sensitive_to_the_precision_of_the_method()
    {
        var reference = LunisolarTable.Vietnam.Months.ToDictionary(m => m.FirstDayNumber);
        var sensitive = new SortedSet<DateOnly>();
        foreach (var (newMoonShift, termShift) in new[] { (2.0, 0.0), (-2.0, 0.0), (0.0, 20.0), (0.0, -20.0) })
        foreach (var month in new LunisolarTable(7, newMoonShift, termShift).Months)
        {
            var start = DateOnly.FromDayNumber(month.FirstDayNumber);
            if (start.Year is < 1900 or > 2100) continue;
            var unchanged = reference.TryGetValue(month.FirstDayNumber, out var same)
                            && (same.Year, same.Number, same.IsLeap) == (month.Year, month.Number, month.IsLeap);
            if (!unchanged)
            {
                sensitive.Add(start);
                Assert.False(month.Number is 1 or 3 && !month.IsLeap, $"Tết or month 3 is sensitive at {start}");
            }
        }

        Assert.Equal(
            [
                new DateOnly(1938, 8, 25), new DateOnly(1938, 9, 24), new DateOnly(1944, 6, 21), new DateOnly(1967, 7, 8),
                new DateOnly(1998, 9, 20), new DateOnly(2054, 5, 7), new DateOnly(2072, 12, 10), new DateOnly(2077, 11, 16),
                new DateOnly(2085, 10, 19),
            ],
            sensitive);
    }

    private static (int Year, int Number, bool IsLeap, int Day) ChineseDate(ChineseLunisolarCalendar china, DateOnly date)
    {
        var time = date.ToDateTime(TimeOnly.MinValue);
        var year = china.GetYear(time);
        var month = china.GetMonth(time);
        var leap = china.GetLeapMonth(year); // 1-based position of the leap month among 13, or 0
        var number = leap > 0 && month >= leap ? month - 1 : month;
        return (year, number, leap > 0 && month == leap, china.GetDayOfMonth(time));
    }
}
