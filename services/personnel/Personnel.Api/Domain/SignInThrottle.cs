namespace Personnel.Api.Domain;

/// <summary>
/// How fast sign-ins may fail (OWASP Authentication Cheat Sheet): never a long lock a stranger could put on a desk officer.
/// <list type="bullet">
/// <item>By name, known or not (the same answers either way): after <see cref="FreeFailures"/> failures in a row each
/// further try waits 1 s, 2 s, 4 s... after the last failure, capped at <see cref="MaxBackoff"/>. A success clears it;
/// so does a quiet <see cref="Forget"/>.</item>
/// <item>By client address, whatever the names: <see cref="AddressFailures"/> failures within <see cref="AddressWindow"/>,
/// then that address waits until its oldest failure leaves the window. The stranger slows down; the officer at another
/// address waits seconds at most.</item>
/// </list>
/// A try is counted as a failure when it starts and uncounted if it succeeds, so parallel guesses cannot slip past.
/// The counters are the replica's own (in memory); with several personnel replicas each throttles what it sees.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    public const int AddressFailures = 20;
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Forget = TimeSpan.FromMinutes(15);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Failures, DateTime Last)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTime>> _addresses = new(StringComparer.Ordinal);
    private DateTime _sweptAt;

    /// <summary>Starts a try; null when it may go on (and counts as failed until <see cref="Succeeded"/>), else how long to wait.</summary>
    public TimeSpan? TryBegin(string name, string address)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            Sweep(now);
            var wait = Max(NameWait(name, now), AddressWait(address, now));
            if (wait > TimeSpan.Zero) return wait;
            var (failures, _) = _names.GetValueOrDefault(name);
            _names[name] = (failures + 1, now);
            if (!_addresses.TryGetValue(address, out var recent)) _addresses[address] = recent = new Queue<DateTime>();
            recent.Enqueue(now);
            return null;
        }
    }

    /// <summary>The try was right: the name starts afresh and the address's count drops the try.</summary>
    public void Succeeded(string name, string address)
    {
        lock (_lock)
        {
            _names.Remove(name);
            if (_addresses.TryGetValue(address, out var recent) && recent.Count > 0)
                _addresses[address] = new Queue<DateTime>(recent.Take(recent.Count - 1));
        }
    }

    /// <summary>An administrator set a new password: the name starts afresh.</summary>
    public void Clear(string name)
    {
        lock (_lock) _names.Remove(name);
    }

    /// <summary>Whether tries under this name are being slowed down (what an administrator sees as "locked").</summary>
    public bool IsSlowed(string name)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_lock) return _names.TryGetValue(name, out var entry) && entry.Failures >= FreeFailures && now - entry.Last <= Forget;
    }

    private TimeSpan NameWait(string name, DateTime now)
    {
        if (!_names.TryGetValue(name, out var entry) || entry.Failures < FreeFailures || now - entry.Last > Forget) return TimeSpan.Zero;
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, entry.Failures - FreeFailures), MaxBackoff.TotalSeconds));
        return entry.Last + backoff - now;
    }

    private TimeSpan AddressWait(string address, DateTime now)
    {
        if (!_addresses.TryGetValue(address, out var recent)) return TimeSpan.Zero;
        while (recent.Count > 0 && recent.Peek() <= now - AddressWindow) recent.Dequeue();
        return recent.Count < AddressFailures ? TimeSpan.Zero : recent.Peek() + AddressWindow - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Forgets quiet names and addresses, so that guessed names cannot fill the memory.</summary>
    private void Sweep(DateTime now)
    {
        if (now - _sweptAt < TimeSpan.FromMinutes(1)) return;
        _sweptAt = now;
        foreach (var (name, entry) in _names.ToList())
            if (now - entry.Last > Forget) _names.Remove(name);
        foreach (var (address, recent) in _addresses.ToList())
            if (recent.Count == 0 || now - recent.Last() > AddressWindow) _addresses.Remove(address);
    }
}
