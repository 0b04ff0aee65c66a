using static Platform.Calendar.Tests.Dates;

namespace Platform.Calendar.Tests;

public class StatutoryRuleTests
{
    private readonly WorkingCalendar _rules = RulesOnly();

    private int StatutoryDays(int year) =>
        _rules.Holidays(year).Count(h => h.Kind is HolidayKind.Fixed or HolidayKind.Lunar);

    [Theory]
    [InlineData(2000, 8)]  // Labour Code 1994 art. 73
    [InlineData(2006, 8)]
    [InlineData(2007, 9)]  // + Hùng Kings day, Law 84/2007/QH11
    [InlineData(2013, 9)]  // Tết 2013 still 4 days (2012 code in force 1 May 2013)
    [InlineData(2014, 10)] // Labour Code 2012 art. 115: Tết 5 days
    [InlineData(2020, 10)]
    [InlineData(2021, 11)] // Labour Code 2019 art. 112: 2/9 plus an adjacent day
    [InlineData(2030, 11)]
    public void Statutory_days_follow_the_law_of_the_year(int year, int days)
    {
        Assert.Equal(days, StatutoryDays(year));
    }

    [Fact]
    public void Holidays_not_yet_instituted_are_absent()
    {
        Assert.DoesNotContain(_rules.Holidays(2006), h => h.Name == HolidayNames.HungKings);
        Assert.Contains(_rules.Holidays(2007), h => h == new Holiday(D("2007-04-26"), HolidayNames.HungKings, HolidayKind.Lunar));
        Assert.DoesNotContain(_rules.Holidays(1975), h => h.Name == HolidayNames.VictoryDay);
        Assert.DoesNotContain(_rules.Holidays(1945), h => h.Name == HolidayNames.NationalDay);
    }

    [Fact]
    public void Tet_defaults_to_the_last_day_of_the_year_and_the_first_four_days()
    {
        var tet = _rules.Holidays(2026).Where(h => h.Name == HolidayNames.LunarNewYear).Select(h => h.Date);
        Assert.Equal([D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19"), D("2026-02-20")], tet);
    }

    [Fact]
    public void A_holiday_on_a_weekend_gives_the_next_working_day_off()
    {
        // 2022: 1/1 Saturday, Hùng Kings 10/4 Sunday, 30/4 Saturday and 1/5 Sunday (as actually observed);
        // the default Tết days (31/1–4/2) are all weekdays.
        var compensatory = _rules.Holidays(2022).Where(h => h.Kind == HolidayKind.Official).Select(h => (h.Date, h.Name));
        Assert.Equal(
            [
                (D("2022-01-03"), "Tết Dương lịch (nghỉ bù)"),
                (D("2022-04-11"), "Giỗ Tổ Hùng Vương (nghỉ bù)"),
                (D("2022-05-02"), "Ngày Chiến thắng (nghỉ bù)"),
                (D("2022-05-03"), "Ngày Quốc tế Lao động (nghỉ bù)"),
            ],
            compensatory);
    }

    [Fact]
    public void Consecutive_weekend_holidays_claim_successive_days()
    {
        // 2023: Hùng Kings Saturday 29/4, 30/4 Sunday, 1/5 Monday → off 29/4–3/5, as observed.
        Assert.Equal(
            [D("2023-05-02"), D("2023-05-03")],
            _rules.Holidays(2023).Where(h => h.Date.Month is 4 or 5 && h.Kind == HolidayKind.Official).Select(h => h.Date));
        Assert.False(_rules.IsWorkingDay(D("2023-05-03")));
        Assert.True(_rules.IsWorkingDay(D("2023-05-04")));
    }

    /// <summary>The default adjacent day reproduces every National Day schedule 2021–2026 except 2026's swap.</summary>
    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void National_day_rule_matches_the_published_schedules(int year)
    {
        var window = Enumerable.Range(0, 14).Select(i => new DateOnly(year, 8, 27).AddDays(i)).ToList();
        var byRules = window.Where(d => !_rules.IsWorkingDay(d)).ToHashSet();
        var bySchedule = window.Where(d => !WorkingCalendar.Default.IsWorkingDay(d)).ToHashSet();
        if (year == 2026) bySchedule.Remove(D("2026-08-31")); // Monday swapped with Saturday 22/8
        Assert.Equal(bySchedule.Order(), byRules.Order());
    }

    [Fact]
    public void Holidays_are_sorted_and_well_formed()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var holidays = WorkingCalendar.Default.Holidays(year);
            Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
            Assert.All(holidays, h =>
            {
                Assert.Equal(year, h.Date.Year);
                Assert.Contains(h.Kind, new[] { HolidayKind.Fixed, HolidayKind.Lunar, HolidayKind.Official });
                Assert.False(string.IsNullOrWhiteSpace(h.Name));
            });
        }
    }
}
