using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Publishes what a service's commits wrote to its outbox, in commit order per commune, and marks each sent; one per
/// replica, each claiming what it publishes (<see cref="OutboxRelay"/>).
/// A crash between publish and mark republishes with the same message id; consumers' inboxes absorb it.
/// </summary>
public sealed class OutboxDispatcher<TService> : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly ActivitySource Source = new("Platform.Outbox");
    private static readonly System.Reflection.Assembly Contracts = typeof(Platform.Contracts.Personnel.CommuneOnboarded).Assembly;
    private readonly IOutboxStore<TService> _outbox;
    private readonly IBusControl _bus;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _service;
    private readonly OutboxRelay _relay;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private DateTime _lastPurge = DateTime.MinValue;

    public OutboxDispatcher(IOutboxStore<TService> outbox, IDocumentStore<TService> store, IBusControl bus, TimeProvider time,
        ILogger<OutboxDispatcher<TService>> logger)
    {
        (_outbox, _bus, _time, _logger, _service) = (outbox, bus, time, logger, store.Service);
        _relay = new OutboxRelay(outbox, PublishAsync, time);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _outbox.Written += Wake;
        var failures = 0;
        var started = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(1);
                try
                {
                    // Publishing before the receive endpoints are first bound would drop the message (in memory) or miss queues.
                    // Once they were, the queues and bindings are the broker's: after an outage, publishing resumes as soon as
                    // the broker takes messages again, without waiting for every receive endpoint of this service to reconnect.
                    started = started || _bus.CheckHealth().Status == BusHealthStatus.Healthy;
                    var sent = started ? await _relay.DispatchAsync(BatchSize, stoppingToken) : 0;
                    if (!started) wait = TimeSpan.FromMilliseconds(250);
                    if (failures > 0) _logger.LogInformation("Outbox of {Service} dispatched again after {Attempts} failed attempts", _service, failures);
                    failures = 0;
                    if (sent == BatchSize) continue; // a full batch: more are waiting
                    await PurgeOccasionallyAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    // Short and capped: the broker's return must be noticed within a second, not after a long backoff.
                    wait = TimeSpan.FromMilliseconds(Math.Min(1000, 100 * Math.Pow(2, failures)));
                    if (failures == 1 || failures % 60 == 0)
                        _logger.LogWarning(e, "Outbox of {Service} not dispatched (attempt {Attempt}); retrying every {Wait}", _service, failures, wait);
                }
                try { await _signal.WaitAsync(wait, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        finally
        {
            _outbox.Written -= Wake;
        }
    }

    /// <summary>A publish that the broker has not confirmed by then is given up and tried again (same message id).</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    private async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(PublishTimeout);
        var type = Contracts.GetType(message.MessageType)
                   ?? throw new InvalidOperationException($"Unknown event type {message.MessageType} in the outbox of {_service}.");
        var payload = JsonSerializer.Deserialize(message.Body, type, PlatformJson.Options)!;
        using (Source.StartActivity($"{type.Name} publish", ActivityKind.Producer, message.TraceParent))
        {
            await _bus.Publish(payload, type, context =>
            {
                context.MessageId = message.Id;
                context.Headers.Set(PlatformHeaders.Commune, message.Commune);
                // The W3C trace id (traceparent "00-<32 hex>-...") doubles as the correlation id.
                if (message.TraceParent is { Length: >= 35 } parent && Guid.TryParseExact(parent.Substring(3, 32), "N", out var correlation))
                    context.CorrelationId = correlation;
            }, bounded.Token);
        }
    }

    private async Task PurgeOccasionallyAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (now - _lastPurge < TimeSpan.FromHours(1)) return;
        _lastPurge = now;
        await _outbox.PurgeAsync(now.AddDays(-7), now.AddDays(-30), ct);
    }

    private void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }
}
