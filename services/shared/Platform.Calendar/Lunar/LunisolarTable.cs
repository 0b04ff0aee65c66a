using Platform.Calendar.Astronomy;

namespace Platform.Calendar.Lunar;

/// <summary>
/// The months of the lunisolar calendar kept in a given time zone, computed once for the solar years
/// 1899–2101 (a margin around the supported range).
/// <para>The rules (the Chinese calendar's since the 1645 reform, kept by Vietnam in its own time zone):</para>
/// <list type="bullet">
/// <item>a month starts on the local civil day of a true new moon;</item>
/// <item>month 11 is the month containing the winter solstice (apparent solar longitude 270°);</item>
/// <item>between two month-11 starts there are 12 or 13 months; with 13, the first month after month 11
/// that contains no major solar term (zhongqi, a multiple of 30° of longitude) is the leap month and takes
/// the number of the month before it;</item>
/// <item>month 1 (non-leap) starts the lunar year, numbered by the Gregorian year in which it starts.</item>
/// </list>
/// A month "contains" an event when the event's local civil day falls within it.
/// </summary>
internal sealed class LunisolarTable
{
    private const int FirstSolarYear = 1898;
    private const int LastSolarYear = 2102;

    private readonly double _utcOffsetHours;
    private readonly LunarMonth[] _months;
    private readonly int[] _firstDayNumbers;
    private readonly int _firstLunarYear;
    private readonly int[] _firstMonthOfYear;

    /// <param name="utcOffsetHours">7 for Vietnam (UTC+7); 8 reproduces China's calendar, for cross-checks.</param>
    /// <param name="newMoonShiftMinutes">Moves every new moon, to probe how close to midnight a date is (tests only).</param>
    /// <param name="solarTermShiftMinutes">Moves every solar term, likewise (tests only).</param>
    public LunisolarTable(double utcOffsetHours, double newMoonShiftMinutes = 0, double solarTermShiftMinutes = 0)
    {
        _utcOffsetHours = utcOffsetHours;
        var starts = NewMoonDays(newMoonShiftMinutes);
        var termCounts = starts.Select(day => MajorTermsBefore(day, solarTermShiftMinutes)).ToArray();
        _months = NumberMonths(starts, termCounts);
        _firstDayNumbers = _months.Select(m => m.FirstDayNumber).ToArray();
        (_firstLunarYear, _firstMonthOfYear) = IndexYears(_months);
    }

    public static LunisolarTable Vietnam { get; } = new(7.0);

    public IReadOnlyList<LunarMonth> Months => _months;

    public LunarMonth MonthContaining(int dayNumber)
    {
        var index = Array.BinarySearch(_firstDayNumbers, dayNumber);
        if (index < 0) index = ~index - 1;
        if (index < 0 || dayNumber >= _months[index].FirstDayNumber + _months[index].Length)
            throw new ArgumentOutOfRangeException(nameof(dayNumber), "Outside the computed lunar calendar.");
        return _months[index];
    }

    /// <summary>The months of <paramref name="lunarYear"/> in order (12 or 13), or empty when not covered.</summary>
    public ReadOnlySpan<LunarMonth> MonthsOf(int lunarYear)
    {
        var slot = lunarYear - _firstLunarYear;
        if (slot < 0 || slot + 1 >= _firstMonthOfYear.Length) return [];
        var first = _firstMonthOfYear[slot];
        return _months.AsSpan(first, _firstMonthOfYear[slot + 1] - first);
    }

    /// <summary>Local civil days of the consecutive new moons from late 1898 to early 2102.</summary>
    private int[] NewMoonDays(double shiftMinutes)
    {
        var first = NewMoon.LunationNear(FirstSolarYear + 0.8);
        var last = NewMoon.LunationNear(LastSolarYear + 0.1);
        var days = new int[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            var universalTime = DeltaT.ToUniversalTime(NewMoon.JulianEphemerisDay(k)) + shiftMinutes / 1440.0;
            days[k - first] = JulianDay.LocalDayNumber(universalTime, _utcOffsetHours);
        }
        return days;
    }

    /// <summary>
    /// How many 30° solar terms the Sun has passed (counted from an arbitrary origin) at the local midnight
    /// that starts <paramref name="dayNumber"/>. A month [a, b) contains term j when count(a) &lt; j ≤ count(b).
    /// </summary>
    private long MajorTermsBefore(int dayNumber, double shiftMinutes)
    {
        var midnightUt = JulianDay.LocalMidnight(dayNumber, _utcOffsetHours) - shiftMinutes / 1440.0;
        var longitude = SolarLongitude.ApparentDegrees(DeltaT.ToDynamicalTime(midnightUt));
        return (long)Math.Floor(longitude / 30.0);
    }

    private static bool ContainsWinterSolstice(long termsAtStart, long termsAtEnd)
    {
        for (var term = termsAtStart + 1; term <= termsAtEnd; term++)
            if (((term % 12) + 12) % 12 == 9) return true; // 9 × 30° = 270°
        return false;
    }

    private static LunarMonth[] NumberMonths(int[] starts, long[] termCounts)
    {
        var month11 = new List<int>();
        for (var i = 0; i + 1 < starts.Length; i++)
            if (ContainsWinterSolstice(termCounts[i], termCounts[i + 1])) month11.Add(i);

        var months = new List<LunarMonth>();
        var lunarYear = FirstSolarYear; // month 11 found in late 1898 belongs to lunar year 1898
        for (var s = 0; s + 1 < month11.Count; s++)
        {
            var (from, to) = (month11[s], month11[s + 1]);
            var leapIndex = (to - from) switch
            {
                12 => -1,
                13 => FirstMonthWithoutMajorTerm(termCounts, from + 1, to),
                var n => throw new InvalidOperationException($"A lunar year of {n} months after {DateOnly.FromDayNumber(starts[from])}."),
            };

            var number = 10;
            for (var i = from; i < to; i++)
            {
                var isLeap = i == leapIndex;
                if (!isLeap) number = number % 12 + 1;
                if (number == 1 && !isLeap) lunarYear = DateOnly.FromDayNumber(starts[i]).Year;
                months.Add(new LunarMonth(lunarYear, number, isLeap, starts[i], starts[i + 1] - starts[i]));
            }
        }
        return months.ToArray();
    }

    private static int FirstMonthWithoutMajorTerm(long[] termCounts, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (termCounts[i + 1] == termCounts[i]) return i;
        throw new InvalidOperationException("A 13-month lunar year in which every month has a major solar term.");
    }

    /// <summary>
    /// Index of the first month of each lunar year. Each entry also ends the previous year, so the years
    /// covered whole run from the first month 1 in the table (1899) to the one before the last (2100).
    /// </summary>
    private static (int FirstYear, int[] FirstMonthOfYear) IndexYears(LunarMonth[] months)
    {
        var starts = new List<int>();
        for (var i = 0; i < months.Length; i++)
            if (months[i] is { Number: 1, IsLeap: false }) starts.Add(i);
        return (months[starts[0]].Year, starts.ToArray());
    }
}
