using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Feedback.Api.Domain;
using Feedback.Api.Extensions;
using Feedback.Api.Infrastructure;

namespace Feedback.Api.Consumers;

/// <summary>Records a newly onboarded commune and opens its channels: a box at the desk and one at each hamlet office.</summary>
public sealed class CommuneOnboardedConsumer(IDocumentStore<FeedbackData> store, TimeProvider time) : IConsumer<CommuneOnboarded>
{
    public Task Consume(ConsumeContext<CommuneOnboarded> context) =>
        store.ConsumeOnceAsync(context, nameof(CommuneOnboardedConsumer), async changes =>
        {
            var commune = context.Message;
            if (await CommuneDirectory.IsRecordedAsync(store, commune.Commune, context.CancellationToken)) return;
            CommuneDirectory.Prepare(changes, commune, FeedbackModule.Name, time.GetUtcNow().UtcDateTime);
            foreach (var channel in FeedbackChannel.For(commune.Hamlets)) changes.Insert(commune.Commune, channel.Code, channel);
        });
}
