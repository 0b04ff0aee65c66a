using Platform.Calendar.Astronomy;

namespace Platform.Calendar.Tests;

public class AstronomyTests
{
    [Fact]
    public void New_moon_matches_Meeus_example_49a()
    {
        // 1977 February new moon, k = -283: JDE 2443192.65118 (1977-02-18 03:37:42 TD).
        Assert.Equal(2443192.65118, NewMoon.JulianEphemerisDay(-283), 4);
    }

    [Fact]
    public void Solar_longitude_matches_Meeus_example_25a()
    {
        // 1992 October 13.0 TD: apparent longitude 199.90895°.
        var longitude = (SolarLongitude.ApparentDegrees(2448908.5) % 360 + 360) % 360;
        Assert.Equal(199.90895, longitude, 3);
    }

    [Theory]
    [InlineData(1900.0, -2.8, 1.0)]
    [InlineData(1950.0, 29.1, 1.0)]
    [InlineData(2000.0, 63.9, 1.0)]
    [InlineData(2100.0, 203, 5.0)]
    public void Delta_t_follows_Espenak_Meeus(double year, double expectedSeconds, double tolerance)
    {
        Assert.InRange(DeltaT.Seconds(year), expectedSeconds - tolerance, expectedSeconds + tolerance);
    }

    [Fact]
    public void Local_day_of_an_instant_is_taken_in_the_given_zone()
    {
        // 2007-02-17 16:14 UT is 23:14 in Hanoi but 00:14 on the 18th in Beijing: why Tết 2007 differs.
        var instant = new DateOnly(2007, 2, 17).DayNumber + 1721425.5 + (16 + 14 / 60.0) / 24;
        Assert.Equal(new DateOnly(2007, 2, 17).DayNumber, JulianDay.LocalDayNumber(instant, 7));
        Assert.Equal(new DateOnly(2007, 2, 18).DayNumber, JulianDay.LocalDayNumber(instant, 8));
    }
}
