using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Awards.Api.Extensions;
using Awards.Api.Infrastructure;

namespace Awards.Api.Consumers;

/// <summary>Records a newly onboarded commune so that the emulation movement can serve it.</summary>
public sealed class CommuneOnboardedConsumer(IDocumentStore<AwardsData> store, TimeProvider time) : IConsumer<CommuneOnboarded>
{
    public Task Consume(ConsumeContext<CommuneOnboarded> context) =>
        store.ConsumeOnceAsync(context, nameof(CommuneOnboardedConsumer), changes =>
        {
            CommuneDirectory.Prepare(changes, context.Message, AwardsModule.Name, time.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
}
