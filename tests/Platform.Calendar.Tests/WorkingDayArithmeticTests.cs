using static Platform.Calendar.Tests.Dates;

namespace Platform.Calendar.Tests;

public class WorkingDayArithmeticTests
{
    private readonly WorkingCalendar _calendar = WorkingCalendar.Default;

    [Fact]
    public void Working_days_are_weekdays_that_are_not_days_off()
    {
        Assert.True(_calendar.IsWorkingDay(D("2025-03-03")));  // Monday
        Assert.False(_calendar.IsWorkingDay(D("2025-03-08"))); // Saturday
        Assert.False(_calendar.IsWorkingDay(D("2025-03-09"))); // Sunday
        Assert.False(_calendar.IsWorkingDay(D("2025-04-07"))); // Hùng Kings day, Monday
        Assert.False(_calendar.IsWorkingDay(D("2025-09-01"))); // National Day's adjacent day, Monday
    }

    [Fact]
    public void Adding_zero_working_days_stays_on_a_working_day_or_moves_to_the_next()
    {
        Assert.Equal(D("2025-03-03"), _calendar.AddWorkingDays(D("2025-03-03"), 0));
        Assert.Equal(D("2025-03-10"), _calendar.AddWorkingDays(D("2025-03-08"), 0));
        Assert.Equal(D("2025-02-03"), _calendar.AddWorkingDays(D("2025-01-25"), 0));
    }

    [Fact]
    public void Adding_working_days_skips_holidays_and_crosses_years()
    {
        Assert.Equal(D("2025-02-03"), _calendar.AddWorkingDays(D("2025-01-24"), 1));
        Assert.Equal(D("2025-03-10"), _calendar.AddWorkingDays(D("2025-03-07"), 1));
        Assert.Equal(D("2026-01-05"), _calendar.AddWorkingDays(D("2025-12-31"), 1)); // 1–4/1/2026 off
        Assert.Equal(D("2026-01-10"), _calendar.AddWorkingDays(D("2026-01-09"), 1)); // swapped Saturday
        var rank = _calendar.WorkingDaysBetween(D("2024-06-03"), D("2026-06-03"));
        Assert.Equal(D("2026-06-03"), _calendar.AddWorkingDays(D("2024-06-03"), rank));
    }

    [Fact]
    public void Working_days_between_counts_the_half_open_interval_and_is_antisymmetric()
    {
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-03-03"), D("2025-03-03")));
        Assert.Equal(4, _calendar.WorkingDaysBetween(D("2025-03-03"), D("2025-03-07")));
        Assert.Equal(5, _calendar.WorkingDaysBetween(D("2025-03-02"), D("2025-03-08")));
        Assert.Equal(-4, _calendar.WorkingDaysBetween(D("2025-03-07"), D("2025-03-03")));
        Assert.Equal(1, _calendar.WorkingDaysBetween(D("2025-01-24"), D("2025-02-03")));
    }

    [Fact]
    public void Arithmetic_agrees_with_day_by_day_counting_across_the_whole_range()
    {
        var random = new Random(20250129);
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2100, 11, 30).DayNumber;
        for (var i = 0; i < 2_000; i++)
        {
            var start = DateOnly.FromDayNumber(random.Next(first, last));
            var n = random.Next(0, 40);
            var expected = NaiveAdd(start, n);
            Assert.Equal(expected, _calendar.AddWorkingDays(start, n));

            var other = DateOnly.FromDayNumber(Math.Clamp(start.DayNumber + random.Next(-800, 800), first, last));
            Assert.Equal(NaiveBetween(start, other), _calendar.WorkingDaysBetween(start, other));
        }
    }

    private DateOnly NaiveAdd(DateOnly start, int n)
    {
        var day = start;
        if (n == 0 && _calendar.IsWorkingDay(day)) return day;
        for (var found = 0; found < Math.Max(n, 1);)
        {
            day = day.AddDays(1);
            if (_calendar.IsWorkingDay(day)) found++;
        }
        return day;
    }

    private int NaiveBetween(DateOnly from, DateOnly to)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var day = low.AddDays(1); day <= high; day = day.AddDays(1))
            if (_calendar.IsWorkingDay(day)) count++;
        return sign * count;
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.Holidays(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.Holidays(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.SwappedWorkingDays(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(D("1899-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(D("2101-01-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2025-03-03"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2100-12-20"), 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.WorkingDaysBetween(D("2025-03-03"), D("2101-01-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.DueDate(At("2025-03-03", 9), -1, CutOff));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.DueDate(At("1899-12-29", 9), 1, CutOff));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.DueDate(At("2101-01-02", 9), 1, CutOff));
    }

    [Fact]
    public void Concurrent_first_use_gives_the_same_answers()
    {
        var fresh = new WorkingCalendar([]);
        var years = Enumerable.Range(1900, 201).ToArray();
        var parallel = new int[years.Length];
        Parallel.For(0, years.Length * 4, i =>
        {
            var year = years[i % years.Length];
            parallel[i % years.Length] = fresh.WorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        });
        var sequential = years.Select(y => WorkingCalendar.Default.WorkingDaysBetween(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Holiday_lists_are_cached_and_read_only()
    {
        var holidays = _calendar.Holidays(2025);
        Assert.Same(holidays, _calendar.Holidays(2025));
        Assert.Throws<NotSupportedException>(() => ((IList<Holiday>)holidays).Add(holidays[0]));
    }
}
