namespace Platform.Calendar;

/// <summary>The years this library supports: 1900–2100 (solar dates, and lunar years named by them).</summary>
internal static class CalendarRange
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static readonly DateOnly MinDate = new(MinYear, 1, 1);
    public static readonly DateOnly MaxDate = new(MaxYear, 12, 31);

    public static void CheckYear(int year, string paramName)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(paramName, year, $"Supported years are {MinYear}–{MaxYear}.");
    }

    public static void CheckDate(DateOnly date, string paramName)
    {
        if (date < MinDate || date > MaxDate)
            throw new ArgumentOutOfRangeException(paramName, date, $"Supported dates are {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}.");
    }
}
