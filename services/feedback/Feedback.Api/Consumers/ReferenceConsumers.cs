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
            await References.PutAsync(store, changes, m.Commune, m.ProcedureCode, new ProcedureRef(m.ProcedureCode, m.Name), context.CancellationToken);
        });
}

public sealed class StaffRegisteredConsumer(IDocumentStore<FeedbackData> store) : IConsumer<StaffRegistered>
{
    public Task Consume(ConsumeContext<StaffRegistered> context) =>
        store.ConsumeOnceAsync(context, nameof(StaffRegisteredConsumer), async changes =>
        {
            var m = context.Message;
            await References.PutAsync(store, changes, m.Commune, m.StaffId, new StaffRef(m.StaffId, m.FullName), context.CancellationToken);
        });
}

internal static class References
{
    /// <summary>Inserts the reference, or replaces what an earlier event said.</summary>
    public static async Task PutAsync<T>(IDocumentStore store, ChangeSet changes, string commune, string id, T reference, CancellationToken ct)
    {
        var known = await store.FindAsync<T>(commune, id, ct);
        if (known is null) changes.Insert(commune, id, reference);
        else changes.Update(known, reference);
    }
}
