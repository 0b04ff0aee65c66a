namespace Platform.Gateway.Tests.Infrastructure;

/// <summary>The system clock, moved forward on demand (timers stay real).</summary>
public sealed class ShiftedTime : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
