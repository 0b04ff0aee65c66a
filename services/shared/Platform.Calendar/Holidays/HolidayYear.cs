namespace Platform.Calendar.Holidays;

/// <summary>
/// Combines a year's statutory rules with the official schedules into its list of days off.
/// <list type="number">
/// <item>A holiday (e.g. Tết) is covered by the schedules when any of its statutory dates lies inside a
/// scheduled period; its statutory dates outside every period are then dropped and no compensation is
/// derived for it: the schedule has decided.</item>
/// <item>Days inside a period: a statutory date keeps its holiday's name and kind, even on a weekend;
/// any other weekday becomes an <see cref="HolidayKind.Official"/> day named after the period; other weekend
/// days are ordinary weekends and are not listed.</item>
/// <item>Holidays not covered keep their statutory dates plus the art. 111(3) compensatory days.</item>
/// </list>
/// Schedules of the adjacent years are consulted too, as a period may straddle 31 December.
/// </summary>
internal static class HolidayYear
{
    public static (List<Holiday> Holidays, List<DateOnly> SwappedWorkingDays) Build(
        int year, Func<int, OfficialSchedule?> scheduleFor)
    {
        var schedules = new[] { year - 1, year, year + 1 }
            .Where(y => y is >= CalendarRange.MinYear and <= CalendarRange.MaxYear)
            .Select(scheduleFor)
            .OfType<OfficialSchedule>()
            .ToList();
        var periods = schedules.SelectMany(s => s.DaysOff).ToList();
        bool InAnyPeriod(DateOnly date) => periods.Exists(p => p.Contains(date));

        var statutory = StatutoryRules.For(year);
        var coveredGroups = statutory.Where(d => InAnyPeriod(d.Date)).Select(d => d.Group).ToHashSet();
        var kept = statutory.Where(d => !coveredGroups.Contains(d.Group) || InAnyPeriod(d.Date)).ToList();

        var holidays = kept.Select(d => new Holiday(d.Date, d.Name, d.Kind)).ToList();
        var daysOff = kept.Select(d => d.Date).ToHashSet();

        foreach (var period in periods)
        {
            for (var day = period.From; day <= period.To; day = day.AddDays(1))
            {
                if (day.Year != year || Weekdays.IsWeekend(day) || !daysOff.Add(day)) continue;
                holidays.Add(new Holiday(day, period.Name, HolidayKind.Official));
            }
        }

        var uncovered = kept.Where(d => !coveredGroups.Contains(d.Group));
        holidays.AddRange(CompensatoryDays.For(uncovered, daysOff));

        var sorted = holidays.OrderBy(h => h.Date).ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
        var swapped = schedules.SelectMany(s => s.SwappedWorkingDays).Where(d => d.Year == year).Distinct().Order().ToList();
        return (sorted, swapped);
    }
}
