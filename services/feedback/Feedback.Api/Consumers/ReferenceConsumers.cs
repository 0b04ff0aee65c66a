using MassTransit;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Storage;
using Feedback.Api.Domain;
using Feedback.Api.Infrastructure;

namespace Feedback.Api.Consumers;

/// <summary>A returned dossier's survey code: kept outside any commune, since the citizen's survey link carries only the code.</summary>
public sealed class DossierReturnedConsumer(IDocumentStore<FeedbackData> store) : IConsumer<DossierReturned>
{
    public Task Consume(ConsumeContext<DossierReturned> context) =>
        store.ConsumeOnceAsync(context, nameof(DossierReturnedConsumer), changes =>
        {
            var m = context.Message;
            changes.Insert(Scopes.Platform, m.SurveyCode, new SurveyInvitation(m.SurveyCode, m.Commune, m.DossierId, m.ProcedureCode, m.HandlerId, m.ReturnedAt));
            return Task.CompletedTask;
        });
}

/// <summary>The catalogue's names, so that feedback about a procedure names a real one and reports show names.</summary>
public sealed class ProcedureChangedConsumer(IDocumentStore<FeedbackData> store) : IConsumer<ProcedureChanged>
{
    public Task Consume(ConsumeContext<ProcedureChanged> context) =>
        store.ConsumeOnceAsync(context, nameof(ProcedureChangedConsumer), async changes =>
        {
            var m = context.Message;
            var known = await store.FindAsync<ProcedureRef>(m.Commune, m.ProcedureCode, context.CancellationToken);
            if (known is null) changes.Insert(m.Commune, m.ProcedureCode, new ProcedureRef(m.ProcedureCode, m.Name));
            else changes.Update(known, known.Document with { Name = m.Name });
        });
}

public sealed class StaffRegisteredConsumer(IDocumentStore<FeedbackData> store) : IConsumer<StaffRegistered>
{
    public Task Consume(ConsumeContext<StaffRegistered> context) =>
        store.ConsumeOnceAsync(context, nameof(StaffRegisteredConsumer), async changes =>
        {
            var m = context.Message;
            var known = await store.FindAsync<StaffRef>(m.Commune, m.StaffId, context.CancellationToken);
            if (known is null) changes.Insert(m.Commune, m.StaffId, new StaffRef(m.StaffId, m.FullName));
            else changes.Update(known, known.Document with { FullName = m.FullName });
        });
}
