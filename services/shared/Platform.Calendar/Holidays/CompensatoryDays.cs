namespace Platform.Calendar.Holidays;

/// <summary>
/// Labour Code 2019 art. 111(3) (likewise 2012 art. 115(3), 1994 art. 73): when a holiday falls on the
/// weekly rest day the worker rests on the next working day instead. For the public sector the weekly
/// rest days are Saturday and Sunday. Holidays are taken in date order, each claiming the first weekday
/// after it that is neither a day off already nor claimed by an earlier one (so 30/4 on a Saturday and
/// 1/5 on a Sunday give Monday and Tuesday).
/// </summary>
internal static class CompensatoryDays
{
    public static IEnumerable<Holiday> For(IEnumerable<StatutoryDay> holidays, ISet<DateOnly> daysOff)
    {
        foreach (var holiday in holidays.OrderBy(h => h.Date))
        {
            if (!Weekdays.IsWeekend(holiday.Date)) continue;
            var day = holiday.Date.AddDays(1);
            while (Weekdays.IsWeekend(day) || daysOff.Contains(day)) day = day.AddDays(1);
            daysOff.Add(day);
            yield return new Holiday(day, holiday.Name + HolidayNames.CompensatorySuffix, HolidayKind.Official);
        }
    }
}

internal static class Weekdays
{
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
