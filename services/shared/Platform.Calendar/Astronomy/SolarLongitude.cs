using static Platform.Calendar.Astronomy.Angle;

namespace Platform.Calendar.Astronomy;

/// <summary>
/// The Sun's apparent geocentric longitude, low-accuracy method of Meeus, <i>Astronomical Algorithms</i>
/// (2nd ed.), ch. 25 (about 0.01°, i.e. about a quarter of an hour in time).
/// </summary>
internal static class SolarLongitude
{
    /// <summary>
    /// Apparent longitude in degrees at the instant <paramref name="julianEphemerisDay"/> (TT), deliberately
    /// NOT reduced to [0, 360): the value grows monotonically with time, so <c>floor(λ / 30)</c> counts the
    /// solar terms passed and differences never wrap.
    /// </summary>
    public static double ApparentDegrees(double julianEphemerisDay)
    {
        var t = (julianEphemerisDay - 2451545.0) / 36525.0;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
        var equationOfCentre =
            (1.914602 - 0.004817 * t - 0.000014 * t * t) * SinDeg(meanAnomaly)
            + (0.019993 - 0.000101 * t) * SinDeg(2 * meanAnomaly)
            + 0.000289 * SinDeg(3 * meanAnomaly);
        var trueLongitude = meanLongitude + equationOfCentre;
        var moonNode = 125.04 - 1934.136 * t;
        // Nutation in longitude and aberration, ch. 25 "apparent longitude".
        return trueLongitude - 0.00569 - 0.00478 * SinDeg(moonNode);
    }
}
