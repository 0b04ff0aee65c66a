namespace Platform.Calendar.Astronomy;

/// <summary>Conversions between <see cref="DateOnly"/> day numbers and Julian Days (Meeus ch. 7).</summary>
internal static class JulianDay
{
    /// <summary>Julian Day of 0001-01-01 00:00 UT in the proleptic Gregorian calendar (DateOnly.DayNumber 0).</summary>
    private const double DayNumberZero = 1721425.5;

    /// <summary>JD (UT) of the midnight that starts <paramref name="dayNumber"/> in a zone <paramref name="utcOffsetHours"/> east of Greenwich.</summary>
    public static double LocalMidnight(int dayNumber, double utcOffsetHours) =>
        dayNumber + DayNumberZero - utcOffsetHours / 24.0;

    /// <summary>The local civil day (DateOnly.DayNumber) that contains the instant <paramref name="julianDayUt"/>.</summary>
    public static int LocalDayNumber(double julianDayUt, double utcOffsetHours) =>
        (int)Math.Floor(julianDayUt + utcOffsetHours / 24.0 - DayNumberZero);

    /// <summary>Decimal Gregorian year of an instant, precise enough for ΔT.</summary>
    public static double DecimalYear(double julianDay) => 2000.0 + (julianDay - 2451545.0) / 365.25;
}
