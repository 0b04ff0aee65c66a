namespace Platform.Calendar.Astronomy;

internal static class Angle
{
    public static double SinDeg(double degrees) => Math.Sin(degrees * (Math.PI / 180.0));
}
