using static Platform.Calendar.Tests.Dates;

namespace Platform.Calendar.Tests;

public class ScheduleTests
{
    [Fact]
    public void Embedded_schedules_ship_for_2019_to_2026_with_their_sources()
    {
        var calendar = WorkingCalendar.Default;
        for (var year = 2019; year <= 2026; year++)
        {
            var schedule = calendar.ScheduleFor(year);
            Assert.NotNull(schedule);
            Assert.Equal(year, schedule.Year);
            Assert.NotEmpty(schedule.Sources);
            Assert.NotEmpty(schedule.DaysOff);
        }
        Assert.Null(calendar.ScheduleFor(2018));
        Assert.Null(calendar.ScheduleFor(2027));
    }

    [Fact]
    public void Tet_2025_follows_the_schedule_not_the_rule()
    {
        var calendar = WorkingCalendar.Default;
        // 25/01–02/02/2025: Monday 27/1 (28 Tết) is off by the schedule; no compensation for mùng 4 on Saturday.
        Assert.False(calendar.IsWorkingDay(D("2025-01-27")));
        Assert.True(calendar.IsWorkingDay(D("2025-02-03")));
        Assert.Contains(calendar.Holidays(2025), h => h == new Holiday(D("2025-01-27"), HolidayNames.LunarNewYear, HolidayKind.Official));

        var rules = RulesOnly();
        Assert.True(rules.IsWorkingDay(D("2025-01-27")));
        Assert.False(rules.IsWorkingDay(D("2025-02-03"))); // compensation for Saturday 1/2 (mùng 4)
    }

    [Fact]
    public void Swapped_saturdays_are_working_days()
    {
        var calendar = WorkingCalendar.Default;
        Assert.Equal([D("2025-04-26")], calendar.SwappedWorkingDays(2025));
        Assert.True(calendar.IsWorkingDay(D("2025-04-26")));
        Assert.False(calendar.IsWorkingDay(D("2025-05-02")));
        Assert.Equal([D("2026-01-10"), D("2026-08-22")], calendar.SwappedWorkingDays(2026));
        Assert.Empty(RulesOnly().SwappedWorkingDays(2025));
    }

    [Fact]
    public void A_period_straddling_new_year_counts_in_both_years()
    {
        var calendar = WorkingCalendar.Default;
        // Tết Dương lịch 2019: 29/12/2018–1/1/2019, Monday 31/12 worked on Saturday 5/1/2019.
        Assert.Contains(calendar.Holidays(2018), h => h == new Holiday(D("2018-12-31"), HolidayNames.NewYear, HolidayKind.Official));
        Assert.False(calendar.IsWorkingDay(D("2018-12-31")));
        Assert.True(calendar.IsWorkingDay(D("2019-01-05")));
        Assert.Equal(1, calendar.WorkingDaysBetween(D("2018-12-28"), D("2019-01-02")));
    }

    [Fact]
    public void Overrides_replace_the_embedded_schedule_of_their_year()
    {
        var noSwap2025 = OfficialSchedule.Parse("""
            { "year": 2025, "sources": ["test"],
              "daysOff": [ { "name": "Tết Nguyên đán", "from": "2025-01-25", "to": "2025-02-02" } ] }
            """);
        var calendar = new WorkingCalendar([noSwap2025]);

        Assert.False(calendar.IsWorkingDay(D("2025-04-26"))); // back to an ordinary Saturday
        Assert.True(calendar.IsWorkingDay(D("2025-05-02")));  // 30/4 and 1/5 follow the rule again
        Assert.False(calendar.IsWorkingDay(D("2025-01-27"))); // Tết still from the override
        Assert.Same(noSwap2025, calendar.ScheduleFor(2025));
        Assert.NotNull(calendar.ScheduleFor(2024));           // other embedded years kept
    }

    [Fact]
    public void An_override_can_add_a_future_year_with_a_swapped_saturday()
    {
        var schedule = new OfficialSchedule
        {
            Year = 2027,
            Sources = ["configuration"],
            DaysOff = [new ScheduledDaysOff(HolidayNames.NewYear, D("2027-01-01"), D("2027-01-03"))],
            SwappedWorkingDays = [D("2027-01-09")],
        };
        var calendar = new WorkingCalendar([schedule]);

        Assert.True(calendar.IsWorkingDay(D("2027-01-09")));
        Assert.Equal([D("2027-01-09")], calendar.SwappedWorkingDays(2027));
        // Friday 8/1 16:00, after the cut-off: counts from Saturday 9/1, a working day; 1 day → Monday 11/1.
        Assert.Equal(D("2027-01-11"), calendar.DueDate(At("2027-01-08", 16), 1, CutOff));
    }

    [Fact]
    public void A_shipped_year_is_extended_by_overriding_it_with_a_copy()
    {
        // An override replaces its whole year, so restate the shipped periods and add the new day, e.g. if
        // 24/11 (Ngày Văn hóa Việt Nam, Resolution 80-NQ/TW) becomes a day off before the law is amended.
        var shipped = WorkingCalendar.Default.ScheduleFor(2026)!;
        var extended = new OfficialSchedule
        {
            Year = 2026,
            Sources = [.. shipped.Sources, "hypothetical notice"],
            DaysOff = [.. shipped.DaysOff, new ScheduledDaysOff("Ngày Văn hóa Việt Nam", D("2026-11-24"), D("2026-11-24"))],
            SwappedWorkingDays = shipped.SwappedWorkingDays,
        };
        var calendar = new WorkingCalendar([extended]);

        Assert.Contains(calendar.Holidays(2026), h => h == new Holiday(D("2026-11-24"), "Ngày Văn hóa Việt Nam", HolidayKind.Official));
        Assert.Equal(D("2026-11-25"), calendar.DueDate(At("2026-11-23", 16), 0, CutOff));
        Assert.False(calendar.IsWorkingDay(D("2026-02-16"))); // shipped Tết kept
        Assert.True(WorkingCalendar.Default.IsWorkingDay(D("2026-11-24")));
    }

    [Fact]
    public void Configuration_style_json_parses()
    {
        var schedule = OfficialSchedule.Parse("""
            {
              // comments and trailing commas are tolerated
              "year": 2027,
              "sources": ["Thông báo .../TB-BNV"],
              "daysOff": [ { "name": "Tết Nguyên đán", "from": "2027-02-04", "to": "2027-02-10" }, ],
              "swappedWorkingDays": [],
            }
            """);
        Assert.Equal(2027, schedule.Year);
        Assert.Equal(new ScheduledDaysOff("Tết Nguyên đán", D("2027-02-04"), D("2027-02-10")), Assert.Single(schedule.DaysOff));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "year": 2025, "unknown": 1 }""")]
    [InlineData("""{ "year": 1899 }""")]
    [InlineData("""{ "year": 2025, "daysOff": [ { "name": "x", "from": "2025-05-02", "to": "2025-04-30" } ] }""")]
    [InlineData("""{ "year": 2025, "daysOff": [ { "name": "", "from": "2025-04-30", "to": "2025-05-01" } ] }""")]
    [InlineData("""{ "year": 2025, "daysOff": [ { "name": "x", "from": "2025-01-01", "to": "2025-02-01" } ] }""")]
    [InlineData("""{ "year": 2025, "daysOff": [ { "name": "x", "from": "2023-01-01", "to": "2023-01-02" } ] }""")]
    [InlineData("""{ "year": 2025, "swappedWorkingDays": [ "2025-04-28" ] }""")]
    [InlineData("""{ "year": 2025, "swappedWorkingDays": [ "2025-05-03" ], "daysOff": [ { "name": "x", "from": "2025-04-30", "to": "2025-05-04" } ] }""")]
    public void Inconsistent_schedules_are_refused(string json)
    {
        Assert.Throws<ArgumentException>(() => OfficialSchedule.Parse(json));
    }

    [Fact]
    public void Two_overrides_for_one_year_are_refused()
    {
        var schedule = new OfficialSchedule { Year = 2027 };
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([schedule, new OfficialSchedule { Year = 2027 }]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new OfficialSchedule { Year = 2101 }]));
    }
}
