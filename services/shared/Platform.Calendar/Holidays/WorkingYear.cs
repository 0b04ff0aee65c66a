using System.Collections.ObjectModel;

namespace Platform.Calendar.Holidays;

/// <summary>
/// One year's working days, precomputed so that calendar arithmetic is a few array reads: for each day of
/// the year whether it is a working day and how many working days the year has had up to it, and for each
/// working day its day of the year.
/// </summary>
internal sealed class WorkingYear
{
    private readonly bool[] _isWorking;
    private readonly int[] _workingDaysUpTo;
    private readonly int[] _dayIndexOfWorkingDay;

    public WorkingYear(int year, IReadOnlyList<Holiday> holidays, IReadOnlyList<DateOnly> swappedWorkingDays)
    {
        Year = year;
        Holidays = new ReadOnlyCollection<Holiday>(holidays.ToArray());
        SwappedWorkingDays = new ReadOnlyCollection<DateOnly>(swappedWorkingDays.ToArray());
        FirstDayNumber = new DateOnly(year, 1, 1).DayNumber;

        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        _isWorking = new bool[length];
        for (var i = 0; i < length; i++)
            _isWorking[i] = !Weekdays.IsWeekend(DateOnly.FromDayNumber(FirstDayNumber + i));
        foreach (var holiday in holidays) _isWorking[holiday.Date.DayNumber - FirstDayNumber] = false;
        foreach (var day in swappedWorkingDays) _isWorking[day.DayNumber - FirstDayNumber] = true;

        _workingDaysUpTo = new int[length];
        var indices = new List<int>(length);
        for (var i = 0; i < length; i++)
        {
            if (_isWorking[i]) indices.Add(i);
            _workingDaysUpTo[i] = indices.Count;
        }
        _dayIndexOfWorkingDay = indices.ToArray();
    }

    public int Year { get; }
    public int FirstDayNumber { get; }
    public IReadOnlyList<Holiday> Holidays { get; }
    public IReadOnlyList<DateOnly> SwappedWorkingDays { get; }
    public int WorkingDayCount => _dayIndexOfWorkingDay.Length;

    public bool IsWorking(int dayNumber) => _isWorking[dayNumber - FirstDayNumber];

    /// <summary>Working days from 1 January up to and including the day.</summary>
    public int WorkingDaysUpTo(int dayNumber) => _workingDaysUpTo[dayNumber - FirstDayNumber];

    /// <summary>The day number of the year's n-th working day (1-based).</summary>
    public int NthWorkingDay(int n) => FirstDayNumber + _dayIndexOfWorkingDay[n - 1];
}
