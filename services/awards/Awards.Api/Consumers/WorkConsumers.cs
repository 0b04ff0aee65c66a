using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Storage;
using static Awards.Api.Infrastructure.AwardsWork;

namespace Awards.Api.Consumers;

public sealed class DossierReceivedConsumer(IDocumentStore<AwardsData> store) : IConsumer<DossierReceived>
{
    public Task Consume(ConsumeContext<DossierReceived> context) =>
        store.ConsumeOnceAsync(context, nameof(DossierReceivedConsumer), changes =>
            IndicatorsAsync(store, changes, context.Message.Commune, i => i.On(context.Message), context.CancellationToken));
}

/// <summary>Counts timeliness for the commune and the handler; a handler's milestone of dossiers on time becomes an achievement.</summary>
public sealed class DossierResolvedConsumer(IDocumentStore<AwardsData> store) : IConsumer<DossierResolved>
{
    public Task Consume(ConsumeContext<DossierResolved> context) =>
        store.ConsumeOnceAsync(context, nameof(DossierResolvedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            await IndicatorsAsync(store, changes, m.Commune, i => i.On(m), ct);
            await ProcedureYearAsync(store, changes, m.Commune, m.ProcedureCode, CampaignYear.Of(m.ResolvedAt), p => p.On(m), ct);
            if (m.HandlerId is null) return;
            var tally = await StaffYearAsync(store, changes, m.Commune, m.HandlerId, CampaignYear.Of(m.ResolvedAt), s => s.On(m), ct);
            if (Achievements.ReachesOnTimeMilestone(m, tally))
                await AchieveAsync(store, changes, m.Commune, Achievements.OnTimeMilestone(m, tally, await NameOfAsync(store, m.Commune, m.HandlerId, ct)), ct);
        });
}

/// <summary>Counts the satisfaction index (SIPAS) for the commune and the handler; a well-rated milestone is an achievement.</summary>
public sealed class SatisfactionRatedConsumer(IDocumentStore<AwardsData> store) : IConsumer<SatisfactionRated>
{
    public Task Consume(ConsumeContext<SatisfactionRated> context) =>
        store.ConsumeOnceAsync(context, nameof(SatisfactionRatedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            await IndicatorsAsync(store, changes, m.Commune, i => i.On(m), ct);
            if (m.ProcedureCode is { } code) await ProcedureYearAsync(store, changes, m.Commune, code, CampaignYear.Of(m.RatedAt), p => p.On(m), ct);
            if (m.HandlerId is null) return;
            var tally = await StaffYearAsync(store, changes, m.Commune, m.HandlerId, CampaignYear.Of(m.RatedAt), s => s.On(m), ct);
            if (Achievements.ReachesSatisfactionMilestone(m, tally))
                await AchieveAsync(store, changes, m.Commune, Achievements.SatisfactionMilestone(m, tally, await NameOfAsync(store, m.Commune, m.HandlerId, ct)), ct);
        });
}

public sealed class FeedbackReceivedConsumer(IDocumentStore<AwardsData> store) : IConsumer<FeedbackReceived>
{
    public Task Consume(ConsumeContext<FeedbackReceived> context) =>
        store.ConsumeOnceAsync(context, nameof(FeedbackReceivedConsumer), changes =>
            IndicatorsAsync(store, changes, context.Message.Commune, i => i.On(context.Message), context.CancellationToken));
}

/// <summary>Feedback answered in time is the commune's work (a collective achievement at each milestone).</summary>
public sealed class FeedbackAnsweredConsumer(IDocumentStore<AwardsData> store) : IConsumer<FeedbackAnswered>
{
    public Task Consume(ConsumeContext<FeedbackAnswered> context) =>
        store.ConsumeOnceAsync(context, nameof(FeedbackAnsweredConsumer), async changes =>
        {
            var m = context.Message;
            if (await IndicatorsAsync(store, changes, m.Commune, i => i.On(m), context.CancellationToken) is { } counted)
                await AchieveAsync(store, changes, m.Commune, Achievements.FeedbackMilestone(m, counted), context.CancellationToken);
        });
}

/// <summary>A completed course is an achievement of its participant and counts toward the commune's training coverage.</summary>
public sealed class TrainingCompletedConsumer(IDocumentStore<AwardsData> store, TimeProvider time) : IConsumer<TrainingCompleted>
{
    public Task Consume(ConsumeContext<TrainingCompleted> context) =>
        store.ConsumeOnceAsync(context, nameof(TrainingCompletedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            var course = Achievements.Training(m, await NameOfAsync(store, m.Commune, m.StaffId, ct), time.GetUtcNow().UtcDateTime);
            if (await IsRecordedAsync(store, m.Commune, course.Id, ct)) return; // the same course reported again
            changes.Insert(m.Commune, course.Id, course);
            await StaffYearAsync(store, changes, m.Commune, m.StaffId, course.Year, s => s.On(m), ct);
            await IndicatorsAsync(store, changes, m.Commune, i => i.On(m), ct);
        });
}

/// <summary>
/// An approved simplification is an initiative (sáng kiến) of each author, and makes each author a candidate for a
/// thematic commendation at once, outside the yearly cycle (seed II.3: khen thưởng chuyên đề).
/// </summary>
public sealed class SimplificationApprovedConsumer(IDocumentStore<AwardsData> store) : IConsumer<SimplificationApproved>
{
    public Task Consume(ConsumeContext<SimplificationApproved> context) =>
        store.ConsumeOnceAsync(context, nameof(SimplificationApprovedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            if (await IsRecordedAsync(store, m.Commune, Achievements.InitiativeId(m, m.AuthorStaffIds.FirstOrDefault()), ct)) return;
            var year = CampaignYear.Of(m.ApprovedAt);
            var campaign = (await GoverningPlanAsync(store, m.Commune, year, null, ct))?.Document.CampaignId ?? Movement.Id;
            foreach (var author in m.AuthorStaffIds.Distinct())
            {
                var name = await NameOfAsync(store, m.Commune, author, ct);
                await AchieveAsync(store, changes, m.Commune, Achievements.Initiative(m, author, name), ct);
                await StaffYearAsync(store, changes, m.Commune, author, year, s => s.On(m), ct);
                var nomination = Nomination.ThematicCandidate(m, author, name, campaign);
                changes.Insert(m.Commune, nomination.Id, nomination);
            }
            await IndicatorsAsync(store, changes, m.Commune, i => i.On(m), ct);
        });
}

/// <summary>Keeps the posted share of the catalogue; a procedure made faster or simpler goes on the radio.</summary>
public sealed class ProcedureChangedConsumer(IDocumentStore<AwardsData> store, IDistributedCache cache, TimeProvider time) : IConsumer<ProcedureChanged>
{
    public async Task Consume(ConsumeContext<ProcedureChanged> context)
    {
        var m = context.Message;
        await store.ConsumeOnceAsync(context, nameof(ProcedureChangedConsumer), async changes =>
        {
            var ct = context.CancellationToken;
            var stored = await store.FindAsync<ProcedurePosting>(m.Commune, m.ProcedureCode, ct);
            var posting = ProcedurePosting.From(m);
            if (!posting.Supersedes(stored?.Document)) return;
            if (stored is null) changes.Insert(m.Commune, m.ProcedureCode, posting);
            else changes.Update(stored, posting);
            await IndicatorsAsync(store, changes, m.Commune, i => i.Reposted(stored?.Document, posting), ct);
            await RadioDesk.AppendAsync(store, changes, m.Commune, time.GetUtcNow().UtcDateTime,
                RadioTexts.Procedure(m, await RadioDesk.SpokenNameAsync(store, m.Commune, ct)), ct);
        });
        await RadioDesk.ForgetAsync(cache, m.Commune, context.CancellationToken);
    }
}
