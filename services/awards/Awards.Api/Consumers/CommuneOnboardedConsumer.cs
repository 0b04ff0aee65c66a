using Awards.Api.Domain;
using MassTransit;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Awards.Api.Extensions;
using Awards.Api.Infrastructure;

namespace Awards.Api.Consumers;

/// <summary>
/// Records a newly onboarded commune and launches its CCHC movement 2015–2020 (Plan 369/KH-UBND): a plan per year with
/// the seed's quotas and deadlines, its scoreboard document in the district, and the launch on the radio.
/// </summary>
public sealed class CommuneOnboardedConsumer(IDocumentStore<AwardsData> store, IDistributedCache cache, TimeProvider time) : IConsumer<CommuneOnboarded>
{
    public async Task Consume(ConsumeContext<CommuneOnboarded> context)
    {
        var m = context.Message;
        await store.ConsumeOnceAsync(context, nameof(CommuneOnboardedConsumer), async changes =>
        {
            if (await CommuneDirectory.IsRecordedAsync(store, m.Commune, context.CancellationToken)) return;
            var now = time.GetUtcNow().UtcDateTime;
            CommuneDirectory.Prepare(changes, m, AwardsModule.Name, now);
            var campaign = Movement.Campaign(now);
            changes.Insert(m.Commune, campaign.Id, campaign);
            var plans = Enumerable.Range(campaign.FromYear, campaign.ToYear - campaign.FromYear + 1).Select(y => Movement.Plan(campaign.Id, y, null, now)).ToList();
            foreach (var plan in plans) changes.Insert(m.Commune, CampaignPlan.Key(plan.CampaignId, plan.Year), plan);
            // The catalogue and the staff are announced on queues of their own and may have arrived first: count what is here.
            var ct = context.CancellationToken;
            changes.Insert(CommuneIndicators.Scope(m.District), m.Commune, new CommuneIndicators
            {
                Commune = m.Commune, Name = m.Name, District = m.District,
                Procedures = (int)await store.CountAsync<ProcedurePosting>(m.Commune, null, ct),
                PostedProcedures = (int)await store.CountAsync<ProcedurePosting>(m.Commune, Filter.Eq("posted", true), ct),
                Staff = (int)await store.CountAsync<StaffCard>(m.Commune, null, ct),
                Years = plans.Select(p => new YearFigures { Year = p.Year, Settings = p.Indicators }).ToList(),
            });
            await RadioDesk.AppendAsync(store, changes, m.Commune, now, RadioTexts.MovementLaunched(RadioTexts.SpokenName(m.Name), campaign), ct);
        });
        await RadioDesk.ForgetAsync(cache, m.Commune, context.CancellationToken);
    }
}
