namespace Platform.Calendar.Tests;

internal static class Dates
{
    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime At(string iso, int hour, int minute = 0) => D(iso).ToDateTime(new TimeOnly(hour, minute));

    public static readonly TimeOnly CutOff = new(15, 0);

    /// <summary>A calendar with no official schedule: the statutory rules alone.</summary>
    public static WorkingCalendar RulesOnly() => new([], includeEmbedded: false);
}
