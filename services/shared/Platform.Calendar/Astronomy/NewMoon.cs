using static Platform.Calendar.Astronomy.Angle;

namespace Platform.Calendar.Astronomy;

/// <summary>
/// Instants of true new moon, Meeus, <i>Astronomical Algorithms</i> (2nd ed.), ch. 49: the mean phase
/// (49.1) plus the periodic terms for the new moon and the 14 additional planetary corrections.
/// Accuracy is a few seconds against the full lunar theory, far below what a calendar day needs.
/// </summary>
internal static class NewMoon
{
    /// <summary>Lunation number k = 0 is the new moon of 2000-01-06.</summary>
    public static int LunationNear(double decimalYear) => (int)Math.Round((decimalYear - 2000.0) * 12.3685);

    /// <summary>Julian Ephemeris Day (TT) of new moon number <paramref name="k"/>.</summary>
    public static double JulianEphemerisDay(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;

        var jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
        var mm = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
        var f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
        var omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

        jde += -0.40720 * SinDeg(mm)
               + 0.17241 * e * SinDeg(m)
               + 0.01608 * SinDeg(2 * mm)
               + 0.01039 * SinDeg(2 * f)
               + 0.00739 * e * SinDeg(mm - m)
               - 0.00514 * e * SinDeg(mm + m)
               + 0.00208 * e * e * SinDeg(2 * m)
               - 0.00111 * SinDeg(mm - 2 * f)
               - 0.00057 * SinDeg(mm + 2 * f)
               + 0.00056 * e * SinDeg(2 * mm + m)
               - 0.00042 * SinDeg(3 * mm)
               + 0.00042 * e * SinDeg(m + 2 * f)
               + 0.00038 * e * SinDeg(m - 2 * f)
               - 0.00024 * e * SinDeg(2 * mm - m)
               - 0.00017 * SinDeg(omega)
               - 0.00007 * SinDeg(mm + 2 * m)
               + 0.00004 * SinDeg(2 * mm - 2 * f)
               + 0.00004 * SinDeg(3 * m)
               + 0.00003 * SinDeg(mm + m - 2 * f)
               + 0.00003 * SinDeg(2 * mm + 2 * f)
               - 0.00003 * SinDeg(mm + m + 2 * f)
               + 0.00003 * SinDeg(mm - m + 2 * f)
               - 0.00002 * SinDeg(mm - m - 2 * f)
               - 0.00002 * SinDeg(3 * mm + m)
               + 0.00002 * SinDeg(4 * mm);

        return jde + PlanetaryCorrections(k, t2);
    }

    private static double PlanetaryCorrections(int k, double t2) =>
        0.000325 * SinDeg(299.77 + 0.107408 * k - 0.009173 * t2)
        + 0.000165 * SinDeg(251.88 + 0.016321 * k)
        + 0.000164 * SinDeg(251.83 + 26.651886 * k)
        + 0.000126 * SinDeg(349.42 + 36.412478 * k)
        + 0.000110 * SinDeg(84.66 + 18.206239 * k)
        + 0.000062 * SinDeg(141.74 + 53.303771 * k)
        + 0.000060 * SinDeg(207.14 + 2.453732 * k)
        + 0.000056 * SinDeg(154.84 + 7.306860 * k)
        + 0.000047 * SinDeg(34.52 + 27.261239 * k)
        + 0.000042 * SinDeg(207.19 + 0.121824 * k)
        + 0.000040 * SinDeg(291.34 + 1.844379 * k)
        + 0.000037 * SinDeg(161.72 + 24.198154 * k)
        + 0.000035 * SinDeg(239.56 + 25.513099 * k)
        + 0.000023 * SinDeg(331.55 + 3.592518 * k);
}
