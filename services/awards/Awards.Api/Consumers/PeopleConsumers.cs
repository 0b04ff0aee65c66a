using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;

namespace Awards.Api.Consumers;

/// <summary>Names the commune's staff (for nominations, achievements and the staff table) and counts them for training coverage.</summary>
public sealed class StaffRegisteredConsumer(IDocumentStore<AwardsData> store) : IConsumer<StaffRegistered>
{
    public Task Consume(ConsumeContext<StaffRegistered> context) =>
        store.ConsumeOnceAsync(context, nameof(StaffRegisteredConsumer), async changes =>
        {
            var m = context.Message;
            var card = StaffCard.From(m);
            var stored = await store.FindAsync<StaffCard>(m.Commune, m.StaffId, context.CancellationToken);
            if (stored is not null)
            {
                changes.Update(stored, card);
                return;
            }
            changes.Insert(m.Commune, m.StaffId, card);
            await AwardsWork.IndicatorsAsync(store, changes, m.Commune, i => i.WithNewStaffMember(), context.CancellationToken);
        });
}

/// <summary>Keeps each final evaluation: Lao động tiên tiến and Chiến sĩ thi đua cơ sở depend on it.</summary>
public sealed class EvaluationFinalizedConsumer(IDocumentStore<AwardsData> store) : IConsumer<EvaluationFinalized>
{
    public Task Consume(ConsumeContext<EvaluationFinalized> context) =>
        store.ConsumeOnceAsync(context, nameof(EvaluationFinalizedConsumer), async changes =>
        {
            var m = context.Message;
            var key = EvaluationRecord.Key(m.StaffId, m.Year);
            var record = EvaluationRecord.From(m);
            var stored = await store.FindAsync<EvaluationRecord>(m.Commune, key, context.CancellationToken);
            if (stored is null) changes.Insert(m.Commune, key, record);
            else if (record.Replaces(stored.Document)) changes.Update(stored, record);
        });
}
