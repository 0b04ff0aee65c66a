using MassTransit;

namespace Platform.ServiceDefaults.Storage;

public static class Inbox
{
    private const int MaxConflictAttempts = 20;

    /// <summary>
    /// Runs a consumer's work at most once per message: the work's changes and the inbox mark are
    /// committed together, and a redelivered message (same id) is acknowledged without effect.
    /// </summary>
    public static async Task ConsumeOnceAsync<TMessage>(this IDocumentStore store, ConsumeContext<TMessage> context, string consumer,
        Func<ChangeSet, Task> work) where TMessage : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without an id cannot be deduplicated.");
        for (var attempt = 1; ; attempt++)
        {
            if (await store.HasConsumedAsync(consumer, messageId, context.CancellationToken)) return;
            var changes = new ChangeSet();
            await work(changes);
            changes.MarkConsumed(consumer, messageId);
            try
            {
                await store.CommitAsync(changes, context.CancellationToken);
                return;
            }
            catch (AlreadyConsumedException)
            {
                return; // A concurrent delivery of the same message won the race; its effect stands alone.
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictAttempts)
            {
                // Another message changed the same document meanwhile: redo the work on fresh reads.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), context.CancellationToken);
            }
        }
    }
}
