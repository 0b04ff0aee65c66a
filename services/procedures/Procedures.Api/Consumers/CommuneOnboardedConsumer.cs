using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Procedures.Api.Extensions;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Consumers;

/// <summary>Records a newly onboarded commune so that the one-stop desk can serve it.</summary>
public sealed class CommuneOnboardedConsumer(IDocumentStore<ProceduresData> store, TimeProvider time) : IConsumer<CommuneOnboarded>
{
    public Task Consume(ConsumeContext<CommuneOnboarded> context) =>
        store.ConsumeOnceAsync(context, nameof(CommuneOnboardedConsumer), changes =>
        {
            CommuneDirectory.Prepare(changes, context.Message, ProceduresModule.Name, time.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
}
