namespace Platform.Calendar.Holidays;

internal enum HolidayGroup { NewYear, LunarNewYear, HungKings, VictoryDay, LabourDay, NationalDay }

/// <summary>A statutory holiday date before any weekend compensation.</summary>
internal readonly record struct StatutoryDay(DateOnly Date, HolidayGroup Group, string Kind)
{
    public string Name => Group switch
    {
        HolidayGroup.NewYear => HolidayNames.NewYear,
        HolidayGroup.LunarNewYear => HolidayNames.LunarNewYear,
        HolidayGroup.HungKings => HolidayNames.HungKings,
        HolidayGroup.VictoryDay => HolidayNames.VictoryDay,
        HolidayGroup.LabourDay => HolidayNames.LabourDay,
        _ => HolidayNames.NationalDay,
    };
}

/// <summary>
/// The statutory paid holidays of a year, as the law stood that year. The government fixes the exact Tết
/// and National Day days each year; these defaults apply when no official schedule covers them.
/// <list type="bullet">
/// <item>2021 on: Labour Code 2019 (45/2019/QH14) art. 112: 1/1; Tết 5 days; 10/3 lunar; 30/4; 1/5; 2/9 and
/// one adjacent day (11 days). Default Tết: the last day of the lunar year and mùng 1–4. Default adjacent
/// day: 3/9 when 2/9 is a Monday (1/9 would be a Sunday) or a Thursday (3/9 joins the weekend), otherwise
/// 1/9 — the choice of every published schedule 2021–2026 (their swaps aside).</item>
/// <item>2014–2020: Labour Code 2012 (10/2012/QH13) art. 115, in force 1 May 2013: as above but Tết 5 days
/// and 2/9 one day (10 days). Tết 2013 fell before 1 May 2013 and keeps the earlier 4 days.</item>
/// <item>2007–2013: Labour Code 1994 art. 73 as amended by Law 84/2007/QH11 (in force on promulgation,
/// April 2007, before that year's 10/3 lunar): 1/1; Tết 4 days (the last day of the lunar year and mùng
/// 1–3); 10/3 lunar; 30/4; 1/5; 2/9 (9 days).</item>
/// <item>1995–2006: Labour Code 1994 (in force 1 January 1995) art. 73: as above without Hùng Kings day.</item>
/// <item>Before 1995: not established from the law's history; the 1994 list is applied as a stand-in,
/// without 30/4 before 1976 and without 2/9 before 1946. Treat results for those years as approximate.</item>
/// </list>
/// A holiday on a Saturday or Sunday gives a compensatory day off on the next working day (1994 code art. 73;
/// 2012 code art. 115(3); 2019 code art. 111(3)); see <see cref="CompensatoryDays"/>.
/// </summary>
internal static class StatutoryRules
{
    public static List<StatutoryDay> For(int year)
    {
        var days = new List<StatutoryDay> { Fixed(year, 1, 1, HolidayGroup.NewYear) };

        var tet = LunarCalendar.NewYear(year);
        var daysAfterNewYear = year >= 2014 ? 4 : 3;
        for (var offset = -1; offset < daysAfterNewYear; offset++)
            days.Add(new StatutoryDay(tet.AddDays(offset), HolidayGroup.LunarNewYear, HolidayKind.Lunar));

        if (year >= 2007)
            days.Add(new StatutoryDay(LunarCalendar.ToSolar(year, 3, 10), HolidayGroup.HungKings, HolidayKind.Lunar));
        if (year >= 1976)
            days.Add(Fixed(year, 4, 30, HolidayGroup.VictoryDay));
        days.Add(Fixed(year, 5, 1, HolidayGroup.LabourDay));
        if (year >= 1946)
            days.Add(Fixed(year, 9, 2, HolidayGroup.NationalDay));
        if (year >= 2021)
            days.Add(Fixed(year, 9, NationalDayAdjacentDay(year), HolidayGroup.NationalDay));

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    private static int NationalDayAdjacentDay(int year) =>
        new DateOnly(year, 9, 2).DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday ? 3 : 1;

    private static StatutoryDay Fixed(int year, int month, int day, HolidayGroup group) =>
        new(new DateOnly(year, month, day), group, HolidayKind.Fixed);
}
