namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// One dispatcher's claim, publish, mark-sent round over a shared outbox. The store leases whole communes to one owner,
/// rather than single messages, so that a commune's messages leave one dispatcher at a time, in commit order, whatever
/// the others do; a replica that crashed loses its communes once its lease ends.
/// </summary>
public sealed class OutboxRelay(IOutboxStore outbox, Func<OutboxMessage, CancellationToken, Task> publish, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public string Owner { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>Publishes one claimed batch, stopping at the first failure, then marks what was published; returns how many were.</summary>
    public async Task<int> DispatchAsync(int max, CancellationToken ct)
    {
        var claimedAt = time.GetUtcNow().UtcDateTime;
        var claimed = await outbox.ClaimAsync(Owner, max, claimedAt, Lease, ct);
        var published = new List<Guid>(claimed.Count);
        try
        {
            foreach (var message in claimed)
            {
                // Past half its lease the batch leaves the rest to the next claim, long before another dispatcher may take the commune.
                if (time.GetUtcNow().UtcDateTime - claimedAt > Lease / 2) break;
                await publish(message, ct);
                published.Add(message.Id);
            }
        }
        finally
        {
            if (published.Count > 0) await outbox.MarkSentAsync(Owner, published, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
        return published.Count;
    }
}
