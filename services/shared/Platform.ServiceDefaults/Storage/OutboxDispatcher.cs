using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Publishes what a service's commits wrote to its outbox, oldest first, and marks each sent.
/// A crash between publish and mark republishes with the same message id; consumers' inboxes absorb it.
/// </summary>
public sealed class OutboxDispatcher<TService>(
    IDocumentStore<TService> store, IBusControl bus, TimeProvider time, ILogger<OutboxDispatcher<TService>> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly ActivitySource Source = new("Platform.Outbox");
    private static readonly System.Reflection.Assembly Contracts = typeof(Platform.Contracts.Personnel.CommuneOnboarded).Assembly;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private DateTime _lastPurge = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.OutboxWritten += Wake;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(1);
                try
                {
                    // Publishing before the receive endpoints are bound would drop the message (in memory) or miss queues.
                    if (bus.CheckHealth().Status != BusHealthStatus.Healthy) wait = TimeSpan.FromMilliseconds(250);
                    else if (await DispatchPendingAsync(stoppingToken) == BatchSize) continue;
                    failures = 0;
                    await PurgeOccasionallyAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                    logger.LogWarning(e, "Outbox of {Service} not dispatched (attempt {Attempt}); retrying in {Wait}", store.Service, failures, wait);
                }
                try { await _signal.WaitAsync(wait, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        finally
        {
            store.OutboxWritten -= Wake;
        }
    }

    /// <summary>Publishes one batch, oldest first, then marks what was published in one write; returns how many were sent.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        var pending = await store.PendingOutboxAsync(BatchSize, ct);
        var published = new List<Guid>(pending.Count);
        try
        {
            foreach (var message in pending)
            {
                await PublishAsync(message, ct);
                published.Add(message.Id);
            }
        }
        finally
        {
            if (published.Count > 0) await store.MarkSentAsync(published, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
        return published.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        var type = Contracts.GetType(message.MessageType)
                   ?? throw new InvalidOperationException($"Unknown event type {message.MessageType} in the outbox of {store.Service}.");
        var payload = JsonSerializer.Deserialize(message.Body, type, PlatformJson.Options)!;
        using (Source.StartActivity($"{type.Name} publish", ActivityKind.Producer, message.TraceParent))
        {
            await bus.Publish(payload, type, context =>
            {
                context.MessageId = message.Id;
                context.Headers.Set(PlatformHeaders.Commune, message.Commune);
                // The W3C trace id (traceparent "00-<32 hex>-...") doubles as the correlation id.
                if (message.TraceParent is { Length: >= 35 } parent && Guid.TryParseExact(parent.Substring(3, 32), "N", out var correlation))
                    context.CorrelationId = correlation;
            }, ct);
        }
    }

    private async Task PurgeOccasionallyAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _lastPurge < TimeSpan.FromHours(1)) return;
        _lastPurge = now;
        await store.PurgeAsync(now.AddDays(-7), now.AddDays(-30), ct);
    }

    private void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }
}
