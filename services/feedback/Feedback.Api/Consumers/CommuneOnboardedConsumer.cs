using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Feedback.Api.Extensions;
using Feedback.Api.Infrastructure;

namespace Feedback.Api.Consumers;

/// <summary>Records a newly onboarded commune so that citizens' feedback and surveys can serve it.</summary>
public sealed class CommuneOnboardedConsumer(IDocumentStore<FeedbackData> store, TimeProvider time) : IConsumer<CommuneOnboarded>
{
    public Task Consume(ConsumeContext<CommuneOnboarded> context) =>
        store.ConsumeOnceAsync(context, nameof(CommuneOnboardedConsumer), changes =>
        {
            CommuneDirectory.Prepare(changes, context.Message, FeedbackModule.Name, time.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
}
