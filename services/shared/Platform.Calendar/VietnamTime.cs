namespace Platform.Calendar;

/// <summary>Vietnam keeps UTC+7 all year (no daylight saving since 1975): instants are stored in UTC, business days read here.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc.ToUniversalTime() + Offset, DateTimeKind.Unspecified);

    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant at which a Vietnamese day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
