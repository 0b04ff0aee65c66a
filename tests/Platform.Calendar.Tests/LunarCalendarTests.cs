namespace Platform.Calendar.Tests;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(2007, "2007-02-17")] // China: 2007-02-18
    [InlineData(2030, "2030-02-02")] // China: 2030-02-03
    [InlineData(2053, "2053-02-18")] // China: 2053-02-19
    [InlineData(1985, "1985-01-21")] // China: 1985-02-20 (different leap month)
    [InlineData(1968, "1968-01-29")] // North Vietnam's first Tết on UTC+7; South and China: 1968-01-30
    [InlineData(2016, "2016-02-08")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    public void Tet_falls_on_the_published_date(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1, false), LunarCalendar.FromSolar(DateOnly.Parse(expected)));
    }

    [Theory]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_is_the_10th_of_the_3rd_month(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.ToSolar(year, 3, 10));
    }

    /// <summary>Lunar dates quoted next to solar ones in the official holiday notices (see Schedules/).</summary>
    [Theory]
    [InlineData("2019-02-02", 2018, 12, 28)]
    [InlineData("2019-02-10", 2019, 1, 6)]
    [InlineData("2020-01-23", 2019, 12, 29)]
    [InlineData("2020-01-29", 2020, 1, 5)]
    [InlineData("2021-02-10", 2020, 12, 29)]
    [InlineData("2021-02-16", 2021, 1, 5)]
    [InlineData("2022-01-29", 2021, 12, 27)]
    [InlineData("2022-01-31", 2021, 12, 29)]
    [InlineData("2022-02-06", 2022, 1, 6)]
    [InlineData("2023-01-20", 2022, 12, 29)]
    [InlineData("2023-01-26", 2023, 1, 5)]
    [InlineData("2024-02-08", 2023, 12, 29)]
    [InlineData("2024-02-14", 2024, 1, 5)]
    [InlineData("2025-01-25", 2024, 12, 26)]
    [InlineData("2025-02-02", 2025, 1, 5)]
    [InlineData("2026-02-14", 2025, 12, 27)]
    [InlineData("2026-02-16", 2025, 12, 29)]
    [InlineData("2026-02-20", 2026, 1, 4)]
    [InlineData("2026-02-22", 2026, 1, 6)]
    public void Lunar_dates_quoted_in_official_notices_agree(string solar, int year, int month, int day)
    {
        Assert.Equal(new LunarDate(year, month, day, false), LunarCalendar.FromSolar(DateOnly.Parse(solar)));
        Assert.Equal(DateOnly.Parse(solar), LunarCalendar.ToSolar(year, month, day));
    }

    [Theory]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2033, 11)] // the "2033 problem": the first month without a major term is the one after month 11
    [InlineData(2024, 0)]
    [InlineData(2026, 0)]
    public void Leap_months(int year, int leapMonth)
    {
        Assert.Equal(leapMonth, LunarCalendar.LeapMonth(year));
    }

    [Fact]
    public void Leap_month_dates_round_trip()
    {
        var leapDay = LunarCalendar.ToSolar(2025, 6, 1, leapMonth: true);
        Assert.Equal(new DateOnly(2025, 7, 25), leapDay);
        Assert.Equal(new LunarDate(2025, 6, 1, true), LunarCalendar.FromSolar(leapDay));
        Assert.Equal(LunarCalendar.ToSolar(2025, 6, 1).AddDays(LunarCalendar.DaysInMonth(2025, 6)), leapDay);
    }

    [Fact]
    public void Every_day_1900_to_2100_round_trips_and_months_are_well_formed()
    {
        var date = new DateOnly(1900, 1, 1);
        var previous = LunarCalendar.FromSolar(date);
        var monthsInYear = new Dictionary<int, int>();
        var leapMonthsInYear = new Dictionary<int, int>();
        var dayInMonth = previous.Day;

        for (date = date.AddDays(1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(date);
            Assert.Equal(date, LunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));

            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                Assert.True(IsNextMonth(previous, lunar), $"{previous} is followed by {lunar} on {date}");
                monthsInYear[lunar.Year] = monthsInYear.GetValueOrDefault(lunar.Year) + 1;
                if (lunar.IsLeapMonth) leapMonthsInYear[lunar.Year] = leapMonthsInYear.GetValueOrDefault(lunar.Year) + 1;
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }
            previous = lunar;
        }

        foreach (var year in Enumerable.Range(1900, 200)) // complete lunar years 1900–2099
        {
            var leaps = leapMonthsInYear.GetValueOrDefault(year);
            Assert.Equal(12 + leaps, monthsInYear[year]);
            Assert.InRange(leaps, 0, 1);
            Assert.Equal(leaps == 1, LunarCalendar.LeapMonth(year) != 0);
        }
    }

    private static bool IsNextMonth(LunarDate last, LunarDate first) =>
        first.IsLeapMonth
            ? first.Month == last.Month && !last.IsLeapMonth && first.Year == last.Year
            : first.Month == last.Month % 12 + 1 && first.Year == (first.Month == 1 ? last.Year + 1 : last.Year);

    [Fact]
    public void Month_lengths_match_the_solar_distance_between_months()
    {
        for (var year = 1900; year <= 2100; year++)
        for (var month = 1; month <= 12; month++)
        {
            var length = LunarCalendar.DaysInMonth(year, month);
            Assert.InRange(length, 29, 30);
            if (LunarCalendar.ToSolar(year, month, length).Year > 2100) continue;
            Assert.Equal(new LunarDate(year, month, length, false), LunarCalendar.FromSolar(LunarCalendar.ToSolar(year, month, 1).AddDays(length - 1)));
        }
    }

    [Fact]
    public void Out_of_range_dates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.NewYear(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.NewYear(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2101, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(1899, 1, 1)); // before 1900-01-01
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2025, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2025, 1, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2024, 6, 1, leapMonth: true));
        var shortMonth = Enumerable.Range(1, 12).First(m => LunarCalendar.DaysInMonth(2025, m) == 29);
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2025, shortMonth, 30));
    }

    [Fact]
    public void The_tail_of_lunar_1899_and_of_lunar_2100_are_reachable()
    {
        var first = LunarCalendar.FromSolar(new DateOnly(1900, 1, 1));
        Assert.Equal(new LunarDate(1899, 12, 1, false), first);
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(1899, 11, 1)); // December 1899

        // Lunar 2100 is supported whole, so its last days fall in January 2101.
        var lastDay = LunarCalendar.ToSolar(2100, 12, LunarCalendar.DaysInMonth(2100, 12));
        Assert.Equal(LunarCalendar.NewYear(2100).AddDays(-1).Year + 1, lastDay.Year);
        Assert.Equal(2101, lastDay.Year);
    }
}
