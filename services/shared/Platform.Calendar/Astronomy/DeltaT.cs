namespace Platform.Calendar.Astronomy;

/// <summary>
/// ΔT = TT − UT in seconds, from the polynomial expressions of Espenak and Meeus (NASA "Five Millennium
/// Canon of Solar Eclipses", 2006) for 1860–2150. Beyond 2005 the values are extrapolations; an error of a
/// minute only matters when a new moon or a solar term falls within a minute of local midnight.
/// </summary>
internal static class DeltaT
{
    public static double Seconds(double year)
    {
        double t;
        switch (year)
        {
            case < 1900:
                t = year - 1860;
                return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t
                       - 0.0004473624 * Math.Pow(t, 4) + Math.Pow(t, 5) / 233174;
            case < 1920:
                t = year - 1900;
                return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * Math.Pow(t, 4);
            case < 1941:
                t = year - 1920;
                return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
            case < 1961:
                t = year - 1950;
                return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
            case < 1986:
                t = year - 1975;
                return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
            case < 2005:
                t = year - 2000;
                return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
                       + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
            case < 2050:
                t = year - 2000;
                return 62.92 + 0.32217 * t + 0.005589 * t * t;
            default:
                var u = (year - 1820) / 100;
                return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }
    }

    /// <summary>Converts a Julian Ephemeris Day (TT) to a Julian Day in UT.</summary>
    public static double ToUniversalTime(double julianEphemerisDay) =>
        julianEphemerisDay - Seconds(JulianDay.DecimalYear(julianEphemerisDay)) / 86400.0;

    /// <summary>Converts a Julian Day in UT to a Julian Ephemeris Day (TT).</summary>
    public static double ToDynamicalTime(double julianDayUt) =>
        julianDayUt + Seconds(JulianDay.DecimalYear(julianDayUt)) / 86400.0;
}
