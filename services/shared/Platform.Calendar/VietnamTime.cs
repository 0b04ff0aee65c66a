namespace Platform.Calendar;

/// <summary>Vietnam keeps UTC+7 all year (no daylight saving since 1975): instants are stored in UTC, business days read here.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc.ToUniversalTime() + Offset, DateTimeKind.Unspecified);

    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant at which a Vietnamese day begins.</summary>
    /// <remarks>Total over every <see cref="DateOnly"/>: the first day of the calendar begins at <see cref="DateTime.MinValue"/>.</remarks>
    public static DateTime StartOfDayUtc(DateOnly day) => day == DateOnly.MinValue
        ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)
        : DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>The UTC instant at which the day after <paramref name="day"/> begins (the end of a from..to range); never overflows.</summary>
    public static DateTime StartOfNextDayUtc(DateOnly day) => day == DateOnly.MaxValue
        ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : StartOfDayUtc(day.AddDays(1));
}
