using Platform.Calendar.Lunar;

namespace Platform.Calendar;

/// <summary>
/// Vietnam's lunisolar calendar (âm lịch), computed astronomically for UTC+7 for 1900–2100.
/// <para>
/// New moons follow Meeus, <i>Astronomical Algorithms</i> ch. 49 (mean phase with periodic and planetary
/// corrections) and the Sun's apparent longitude ch. 25 (low accuracy); instants are converted from TT to
/// UT with the Espenak–Meeus ΔT polynomials and then to local civil days at UTC+7. Month 11 contains the
/// winter solstice; in a 13-month year the first month without a major solar term is the leap month.
/// </para>
/// <para>
/// UTC+7 is what Vietnam has used since 1968 (North) / 1976 (reunified). For earlier years the calendar
/// actually observed in Vietnam followed China's (UTC+8), and dates can differ by a day or a month; this
/// class applies UTC+7 throughout, as requested, so its pre-1968 dates are the astronomical Vietnamese
/// calendar rather than the historical one. .NET's <c>ChineseLunisolarCalendar</c> (UTC+8) differs from it
/// in some years, e.g. Tết 2007 (17 February here, 18 February in China) and Tết 2030.
/// </para>
/// </summary>
public static class LunarCalendar
{
    public const int MinYear = CalendarRange.MinYear;
    public const int MaxYear = CalendarRange.MaxYear;

    private static LunisolarTable Table => LunisolarTable.Vietnam;

    /// <summary>The lunar date of a solar date between 1900-01-01 and 2100-12-31.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2100.</exception>
    public static LunarDate FromSolar(DateOnly date)
    {
        CalendarRange.CheckDate(date, nameof(date));
        var month = Table.MonthContaining(date.DayNumber);
        return new LunarDate(month.Year, month.Number, date.DayNumber - month.FirstDayNumber + 1, month.IsLeap);
    }

    /// <summary>The solar date of a lunar date.</summary>
    /// <param name="lunarYear">1900–2100; also 1899 for its last days, which fall in January 1900.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// No such lunar date (month 1–12, day beyond the month's 29 or 30 days, a leap month the year does not
    /// have) or it falls before 1900-01-01.
    /// </exception>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        if (lunarYear is < MinYear - 1 or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, $"Supported lunar years are {MinYear}–{MaxYear}.");
        if (lunarMonth is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(lunarMonth), lunarMonth, "A lunar month is 1–12.");

        var month = FindMonth(lunarYear, lunarMonth, leapMonth);
        if (lunarDay < 1 || lunarDay > month.Length)
            throw new ArgumentOutOfRangeException(nameof(lunarDay), lunarDay, $"Month {lunarMonth} of {lunarYear} has {month.Length} days.");

        var date = DateOnly.FromDayNumber(month.FirstDayNumber + lunarDay - 1);
        if (date < CalendarRange.MinDate)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, "The date falls before 1900-01-01.");
        return date;
    }

    /// <summary>Tết Nguyên đán: the first day of the lunar year that starts in Gregorian year <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year)
    {
        CalendarRange.CheckYear(year, nameof(year));
        return DateOnly.FromDayNumber(Table.MonthsOf(year)[0].FirstDayNumber);
    }

    /// <summary>The leap month of a lunar year (its number, which repeats the preceding month), or 0 when none.</summary>
    public static int LeapMonth(int lunarYear)
    {
        CalendarRange.CheckYear(lunarYear, nameof(lunarYear));
        foreach (var month in Table.MonthsOf(lunarYear))
            if (month.IsLeap) return month.Number;
        return 0;
    }

    /// <summary>29 or 30: the length of a lunar month.</summary>
    public static int DaysInMonth(int lunarYear, int lunarMonth, bool leapMonth = false)
    {
        CalendarRange.CheckYear(lunarYear, nameof(lunarYear));
        return FindMonth(lunarYear, lunarMonth, leapMonth).Length;
    }

    private static LunarMonth FindMonth(int lunarYear, int lunarMonth, bool leapMonth)
    {
        foreach (var month in Table.MonthsOf(lunarYear))
            if (month.Number == lunarMonth && month.IsLeap == leapMonth) return month;
        throw new ArgumentOutOfRangeException(
            nameof(lunarMonth), lunarMonth,
            leapMonth ? $"Lunar year {lunarYear} has no leap month {lunarMonth}." : $"Lunar year {lunarYear} has no month {lunarMonth}.");
    }
}
