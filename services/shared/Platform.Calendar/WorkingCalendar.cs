using Platform.Calendar.Holidays;

namespace Platform.Calendar;

/// <summary>
/// Working days of Vietnam's public sector, 1900–2100: Monday to Friday except public holidays and official
/// days off, plus the Saturdays worked in exchange for a bridge day. Holidays come from the statutory rules
/// of each period of the Labour Code, replaced where an official schedule covers them (see
/// <see cref="OfficialSchedule"/>; embedded schedules for the years listed in README.md).
/// <para>Thread-safe. Each year is computed once, on first use, then every query is a few array reads.</para>
/// </summary>
public sealed class WorkingCalendar
{
    private const int YearCount = CalendarRange.MaxYear - CalendarRange.MinYear + 1;

    private readonly OfficialSchedule?[] _schedules = new OfficialSchedule?[YearCount];
    private readonly WorkingYear?[] _years = new WorkingYear?[YearCount];

    /// <summary>The calendar with the embedded official schedules.</summary>
    public static WorkingCalendar Default { get; } = new([]);

    /// <summary>A calendar whose schedules are the embedded ones, each replaced by an override for the same year.</summary>
    /// <param name="overrides">Schedules, e.g. read from configuration; at most one per year.</param>
    /// <param name="includeEmbedded">False to use only <paramref name="overrides"/> and the rules.</param>
    /// <exception cref="ArgumentException">Two overrides for one year, or an invalid schedule.</exception>
    public WorkingCalendar(IEnumerable<OfficialSchedule> overrides, bool includeEmbedded = true)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (includeEmbedded)
            foreach (var schedule in EmbeddedSchedules.All) _schedules[schedule.Year - CalendarRange.MinYear] = schedule;

        var seen = new HashSet<int>();
        foreach (var schedule in overrides)
        {
            ArgumentNullException.ThrowIfNull(schedule, nameof(overrides));
            schedule.Validate();
            if (!seen.Add(schedule.Year))
                throw new ArgumentException($"Two schedules for {schedule.Year}.", nameof(overrides));
            _schedules[schedule.Year - CalendarRange.MinYear] = schedule;
        }
    }

    /// <summary>
    /// The shipped official schedules, each year replaced by one of the given JSON files when present (the government
    /// announces each year's days off late in the year before; a commune should not wait for a release).
    /// </summary>
    public static WorkingCalendar FromScheduleFiles(IReadOnlyCollection<string>? files) =>
        files is null or { Count: 0 } ? Default : new WorkingCalendar(files.Select(f => OfficialSchedule.Parse(File.ReadAllText(f))));

    /// <summary>The official schedule in effect for a year, or null when the year follows the rules only.</summary>
    public OfficialSchedule? ScheduleFor(int year)
    {
        CalendarRange.CheckYear(year, nameof(year));
        return _schedules[year - CalendarRange.MinYear];
    }

    /// <summary>The year's holidays and official days off, sorted by date, lunar ones included.</summary>
    public IReadOnlyList<Holiday> Holidays(int year)
    {
        CalendarRange.CheckYear(year, nameof(year));
        return Year(year).Holidays;
    }

    /// <summary>The year's weekend days worked in exchange for a day off (ngày làm bù), sorted.</summary>
    public IReadOnlyList<DateOnly> SwappedWorkingDays(int year)
    {
        CalendarRange.CheckYear(year, nameof(year));
        return Year(year).SwappedWorkingDays;
    }

    /// <summary>Monday–Friday and not a holiday or day off, or a Saturday worked in exchange.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        CalendarRange.CheckDate(date, nameof(date));
        return Year(date.Year).IsWorking(date.DayNumber);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>. With 0: the start
    /// itself when it is a working day, otherwise the next working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative <paramref name="workingDays"/>, or a date outside 1900–2100.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        CalendarRange.CheckDate(start, nameof(start));

        var year = Year(start.Year);
        if (workingDays == 0)
        {
            if (year.IsWorking(start.DayNumber)) return start;
            workingDays = 1;
        }

        // Rank of the target among the working days of start's year, then carried into later years.
        var rank = year.WorkingDaysUpTo(start.DayNumber) + workingDays;
        while (rank > year.WorkingDayCount)
        {
            rank -= year.WorkingDayCount;
            if (year.Year == CalendarRange.MaxYear)
                throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "The result falls after 2100.");
            year = Year(year.Year + 1);
        }
        return DateOnly.FromDayNumber(year.NthWorkingDay(rank));
    }

    /// <summary>
    /// Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; negative (minus the
    /// working days in (to, from]) when <paramref name="toInclusive"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        CalendarRange.CheckDate(fromExclusive, nameof(fromExclusive));
        CalendarRange.CheckDate(toInclusive, nameof(toInclusive));
        if (toInclusive < fromExclusive) return -WorkingDaysBetween(toInclusive, fromExclusive);

        var count = Year(toInclusive.Year).WorkingDaysUpTo(toInclusive.DayNumber)
                    - Year(fromExclusive.Year).WorkingDaysUpTo(fromExclusive.DayNumber);
        for (var y = fromExclusive.Year; y < toInclusive.Year; y++) count += Year(y).WorkingDayCount;
        return count;
    }

    /// <summary>
    /// The appointment date (ngày hẹn trả kết quả) of a dossier, as written on the receipt of form 01
    /// (Circular 01/2018/TT-VPCP). The processing time counts from the day of receipt when it is a working
    /// day and the dossier arrived before <paramref name="cutOff"/>; otherwise from the next working day.
    /// The result is that start day plus <paramref name="workingDays"/> working days, so a 0-day procedure
    /// is due on the start day itself.
    /// </summary>
    /// <param name="receivedLocal">
    /// Wall-clock time of receipt in Vietnam. A <see cref="DateTimeKind.Utc"/> value is converted to UTC+7
    /// (Vietnam has no daylight saving time); any other kind is taken as Vietnam time as it stands.
    /// </param>
    /// <param name="workingDays">The procedure's time limit in working days (0 or more).</param>
    /// <param name="cutOff">
    /// Dossiers received at or after this time count from the next working day (practice varies by
    /// province, e.g. 15:00). <see cref="TimeOnly.MaxValue"/> effectively disables it.
    /// </param>
    public DateOnly DueDate(DateTime receivedLocal, int workingDays, TimeOnly cutOff)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (receivedLocal.Kind == DateTimeKind.Utc) receivedLocal = VietnamTime.ToLocal(receivedLocal);

        var receivedOn = DateOnly.FromDateTime(receivedLocal);
        CalendarRange.CheckDate(receivedOn, nameof(receivedLocal));
        var countsFromReceipt = TimeOnly.FromDateTime(receivedLocal) < cutOff
                                && Year(receivedOn.Year).IsWorking(receivedOn.DayNumber);
        var start = countsFromReceipt ? receivedOn : AddWorkingDays(receivedOn, 1);
        return workingDays == 0 ? start : AddWorkingDays(start, workingDays);
    }

    private WorkingYear Year(int year)
    {
        var slot = year - CalendarRange.MinYear;
        return Volatile.Read(ref _years[slot]) ?? Build(slot, year);
    }

    private WorkingYear Build(int slot, int year)
    {
        var (holidays, swapped) = HolidayYear.Build(year, y => _schedules[y - CalendarRange.MinYear]);
        var built = new WorkingYear(year, holidays, swapped);
        // Racing threads build identical years; the first one published wins.
        return Interlocked.CompareExchange(ref _years[slot], built, null) ?? built;
    }
}
