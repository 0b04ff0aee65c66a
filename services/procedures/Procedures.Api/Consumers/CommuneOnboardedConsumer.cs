using Platform.Calendar;
using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Procedures.Api.Domain;
using Procedures.Api.Extensions;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Consumers;

/// <summary>Records a newly onboarded commune and gives it the starter catalogue, posted from its onboarding day
/// (announced procedure by procedure, as any catalogue change is).</summary>
public sealed class CommuneOnboardedConsumer(IDocumentStore<ProceduresData> store, TimeProvider time) : IConsumer<CommuneOnboarded>
{
    public Task Consume(ConsumeContext<CommuneOnboarded> context) =>
        store.ConsumeOnceAsync(context, nameof(CommuneOnboardedConsumer), async changes =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var commune = context.Message.Commune;
            if (await CommuneDirectory.IsRecordedAsync(store, commune, context.CancellationToken)) return;
            foreach (var (procedure, events) in StarterCatalogue.For(commune, VietnamTime.Today(context.Message.OnboardedAt), now))
                changes.Insert(commune, procedure.Code, procedure).PublishAll(commune, events);
            CommuneDirectory.Prepare(changes, context.Message, ProceduresModule.Name, now);
        });
}
