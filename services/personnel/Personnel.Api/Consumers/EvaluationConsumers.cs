using MassTransit;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Consumers;

/// <summary>Adds what an event says about a person to their evaluation sheet of that year, once per message.</summary>
internal static class EvaluationSheets
{
    public static async Task TallyAsync(IDocumentStore<PersonnelData> store, ChangeSet changes, string commune, string staffId, int year,
        Func<EvaluationSheet, EvaluationSheet> tally, CancellationToken ct)
    {
        var key = EvaluationSheet.Key(staffId, year);
        var stored = await store.FindAsync<EvaluationSheet>(commune, key, ct);
        if (stored is null) changes.Insert(commune, key, tally(EvaluationSheet.Empty(staffId, year)));
        else changes.Update(stored, tally(stored.Document));
    }
}

public sealed class DossierResolvedConsumer(IDocumentStore<PersonnelData> store) : IConsumer<DossierResolved>
{
    public Task Consume(ConsumeContext<DossierResolved> context) =>
        store.ConsumeOnceAsync(context, nameof(DossierResolvedConsumer), async changes =>
        {
            var m = context.Message;
            if (m.HandlerId is null) return;
            await EvaluationSheets.TallyAsync(store, changes, m.Commune, m.HandlerId, EvaluationSheet.YearOf(m.ResolvedAt), s => s.On(m), context.CancellationToken);
        });
}

public sealed class SatisfactionRatedConsumer(IDocumentStore<PersonnelData> store) : IConsumer<SatisfactionRated>
{
    public Task Consume(ConsumeContext<SatisfactionRated> context) =>
        store.ConsumeOnceAsync(context, nameof(SatisfactionRatedConsumer), async changes =>
        {
            var m = context.Message;
            if (m.HandlerId is null) return;
            await EvaluationSheets.TallyAsync(store, changes, m.Commune, m.HandlerId, EvaluationSheet.YearOf(m.RatedAt), s => s.On(m), context.CancellationToken);
        });
}

public sealed class FeedbackAnsweredConsumer(IDocumentStore<PersonnelData> store) : IConsumer<FeedbackAnswered>
{
    public Task Consume(ConsumeContext<FeedbackAnswered> context) =>
        store.ConsumeOnceAsync(context, nameof(FeedbackAnsweredConsumer), async changes =>
        {
            var m = context.Message;
            if (m.StaffId is null || !EvaluationSheet.CountsAgainst(m)) return;
            await EvaluationSheets.TallyAsync(store, changes, m.Commune, m.StaffId, EvaluationSheet.YearOf(m.AnsweredAt), s => s.OnUpheldComplaint(), context.CancellationToken);
        });
}

public sealed class SimplificationApprovedConsumer(IDocumentStore<PersonnelData> store) : IConsumer<SimplificationApproved>
{
    public Task Consume(ConsumeContext<SimplificationApproved> context) =>
        store.ConsumeOnceAsync(context, nameof(SimplificationApprovedConsumer), async changes =>
        {
            var m = context.Message;
            foreach (var author in m.AuthorStaffIds.Distinct())
                await EvaluationSheets.TallyAsync(store, changes, m.Commune, author, EvaluationSheet.YearOf(m.ApprovedAt), s => s.OnInitiative(), context.CancellationToken);
        });
}
