using System.Collections.Concurrent;
using MassTransit;

namespace Platform.Testing.Service;

/// <summary>
/// Listens on the service's own bus for one event type (a receive endpoint of its own bound to its exchange),
/// so that a test can see what the outbox published.
/// </summary>
public sealed class EventProbe<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<T> _received = new();
    private HostReceiveEndpointHandle _handle = null!;

    /// <summary>The probe's queue (on RabbitMQ it outlives the probe: delete it after the test).</summary>
    public string QueueName { get; } = $"test-probe-{typeof(T).Name}-{Guid.NewGuid():N}";

    public static async Task<EventProbe<T>> StartAsync(IBus bus)
    {
        var probe = new EventProbe<T>();
        probe._handle = bus.ConnectReceiveEndpoint(probe.QueueName, e => e.Handler<T>(context =>
        {
            probe._received.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
        await probe._handle.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return probe;
    }

    public IReadOnlyList<T> Received => [.. _received];

    /// <summary>The first event that matches, once the outbox has published it.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, string what)
    {
        T? found = null;
        await Eventually.TrueAsync(() => Task.FromResult((found = _received.FirstOrDefault(match)) is not null), what);
        return found!;
    }

    public async ValueTask DisposeAsync() => await _handle.StopAsync();
}
