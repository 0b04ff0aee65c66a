using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Awards;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;

namespace Awards.Api.Consumers;

/// <summary>The leaders' hotline numbers are read on the commune radio (seed II.1.a).</summary>
public sealed class HotlineChangedConsumer(IDocumentStore<AwardsData> store, IDistributedCache cache) : IConsumer<HotlineChanged>
{
    public async Task Consume(ConsumeContext<HotlineChanged> context)
    {
        var m = context.Message;
        await store.ConsumeOnceAsync(context, nameof(HotlineChangedConsumer), async changes =>
        {
            if (m.Contacts.Count == 0) return;
            var (title, text) = RadioTexts.Hotline(await RadioDesk.SpokenNameAsync(store, m.Commune, context.CancellationToken), m.Contacts.Select(c => (c.Name, c.Title, c.Phone)));
            await RadioDesk.AppendAsync(store, changes, m.Commune, m.ChangedAt, [("hotline", title, text, null)], context.CancellationToken);
        });
        await RadioDesk.ForgetAsync(cache, m.Commune, context.CancellationToken);
    }
}

/// <summary>Every granted award is announced on the commune radio.</summary>
public sealed class AwardGrantedConsumer(IDocumentStore<AwardsData> store, IDistributedCache cache) : IConsumer<AwardGranted>
{
    public async Task Consume(ConsumeContext<AwardGranted> context)
    {
        var m = context.Message;
        await store.ConsumeOnceAsync(context, nameof(AwardGrantedConsumer), async changes =>
        {
            var (title, text) = RadioTexts.Award(await RadioDesk.SpokenNameAsync(store, m.Commune, context.CancellationToken), m.NomineeName, m.Kind, m.Title, m.DecisionNo, m.Thematic,
                m.Level == AwardLevel.District);
            await RadioDesk.AppendAsync(store, changes, m.Commune, m.GrantedAt, [("award", title, text, m.AwardId)], context.CancellationToken);
        });
        await RadioDesk.ForgetAsync(cache, m.Commune, context.CancellationToken);
    }
}
