using MassTransit;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.Contracts.Common;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Consumers;

/// <summary>Notes which services have prepared a newly onboarded commune, for the district admin to see.</summary>
public sealed class CommunePreparedConsumer(IDocumentStore<PersonnelData> store) : IConsumer<CommunePrepared>
{
    public Task Consume(ConsumeContext<CommunePrepared> context) =>
        store.ConsumeOnceAsync(context, nameof(CommunePreparedConsumer), async changes =>
        {
            var message = context.Message;
            var readiness = await store.FindAsync<CommuneReadiness>(Scopes.Platform, message.Commune, context.CancellationToken);
            if (readiness is null) return; // a commune onboarded elsewhere; nothing to track here
            changes.Update(readiness, readiness.Document.With(message.Service, message.PreparedAt));
        });
}
