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
            var news = RadioTexts.Hotline(m, await RadioDesk.SpokenNameAsync(store, m.Commune, context.CancellationToken));
            await RadioDesk.AppendAsync(store, changes, m.Commune, m.ChangedAt, news, context.CancellationToken);
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
            var news = RadioTexts.Award(m, await RadioDesk.SpokenNameAsync(store, m.Commune, context.CancellationToken));
            await RadioDesk.AppendAsync(store, changes, m.Commune, m.GrantedAt, news, context.CancellationToken);
        });
        await RadioDesk.ForgetAsync(cache, m.Commune, context.CancellationToken);
    }
}
