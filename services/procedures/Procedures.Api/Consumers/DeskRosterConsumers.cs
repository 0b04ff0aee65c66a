using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Consumers;

/// <summary>Keeps procedures' copy of who may handle dossiers, from personnel's events (which may arrive in any order).</summary>
public sealed class StaffRegisteredConsumer(IDocumentStore<ProceduresData> store) : IConsumer<StaffRegistered>
{
    public Task Consume(ConsumeContext<StaffRegistered> context) =>
        store.ConsumeOnceAsync(context, nameof(StaffRegisteredConsumer), async changes =>
        {
            var m = context.Message;
            var known = await store.FindAsync<DeskStaff>(m.Commune, m.StaffId, context.CancellationToken);
            if (known is null) changes.Insert(m.Commune, m.StaffId, new DeskStaff(m.StaffId, m.FullName, false, null, null));
            else changes.Update(known, known.Document with { FullName = m.FullName });
        });
}

public sealed class DeskAssignmentChangedConsumer(IDocumentStore<ProceduresData> store) : IConsumer<DeskAssignmentChanged>
{
    public Task Consume(ConsumeContext<DeskAssignmentChanged> context) =>
        store.ConsumeOnceAsync(context, nameof(DeskAssignmentChangedConsumer), async changes =>
        {
            var m = context.Message;
            var known = await store.FindAsync<DeskStaff>(m.Commune, m.StaffId, context.CancellationToken);
            // Taken off with an end date: on the desk until that day; without one, off at once.
            var roster = new DeskStaff(m.StaffId, known?.Document.FullName, m.OnDesk || m.Until is not null, m.From, m.Until);
            if (known is null) changes.Insert(m.Commune, m.StaffId, roster);
            else changes.Update(known, roster);
        });
}
