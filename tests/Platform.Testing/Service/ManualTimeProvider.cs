namespace Platform.Testing.Service;

/// <summary>
/// A clock the test sets by hand (timers stay real). It starts at the real "now"; tests that care about dates
/// set it to a Vietnam wall-clock time with <see cref="SetLocal"/>.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public void Set(DateTimeOffset now)
    {
        lock (_lock) _now = now.ToUniversalTime();
    }

    /// <summary>Sets the clock to a wall-clock time in Vietnam (UTC+7).</summary>
    public void SetLocal(int year, int month, int day, int hour = 9, int minute = 0) => Set(Vn.At(year, month, day, hour, minute));

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }
}

/// <summary>Vietnam time (UTC+7 all year), written the way the tests think about it.</summary>
public static class Vn
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) => new(year, month, day, hour, minute, 0, Offset);

    /// <summary>The instant as the API writes it: UTC with seven fraction digits and a Z.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(int year, int month, int day) => new DateOnly(year, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
