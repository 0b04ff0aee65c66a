using Platform.Calendar;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

/// <summary>A procedure as the public list shows it: the revision in force today.</summary>
public sealed record ProcedureView(
    string Code, string Name, string Field, int ProcessingDays, IReadOnlyList<string> Components, long Fee, string LegalBasis,
    DateOnly? PostedSince, int Revision, DateOnly EffectiveFrom, IReadOnlyList<ProcedureStep> Steps)
{
    public static ProcedureView Of(Procedure procedure, DateOnly today)
    {
        var r = procedure.InForceOn(today);
        return new(procedure.Code, r.Name, r.Field, r.ProcessingDays, r.Components, r.Fee, r.LegalBasis, r.PostedSince, r.Number, r.EffectiveFrom, procedure.Steps);
    }
}

public sealed record ProcedureDetail(ProcedureView Current, IReadOnlyList<ProcedureRevision> Revisions);

public static class CatalogueApi
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var procedures = routes.MapGroup("/api/communes/{commune}/procedures").WithTags("Catalogue");
        procedures.MapGet("/", List).AllowAnonymous().WithSummary("The commune's public list of procedures (công khai), as in force today.");
        procedures.MapGet("/{code}", Get).AllowAnonymous().WithSummary("A procedure in force today, with every revision.");
        procedures.MapPost("/", Create).RequireRoles(Roles.CommuneOffice).WithSummary("Add a procedure to the catalogue.");
        procedures.MapPut("/{code}", Revise).RequireRoles(Roles.CommuneOffice).WithSummary("Revise a procedure from an effective date; the history is kept.");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<ProcedureView>>> List(string commune, IDocumentStore<ProceduresData> store, ICommuneDirectory directory,
        IDistributedCache cache, TimeProvider time, CancellationToken ct)
    {
        if (await directory.FindAsync(commune, ct) is null) throw new NotFoundException(CommonMessages.Commune, commune);
        var today = VietnamTime.Today(time.GetUtcNow().UtcDateTime);
        // Keyed by day: a revision effective tomorrow appears without anyone invalidating anything.
        var list = await cache.GetOrCreateJsonAsync(CatalogueCache.Key(commune, today), CacheFor, async token =>
        {
            var all = await store.QueryAsync<Procedure>(commune, new Query(OrderBy: [new Sort("code")]), token);
            return all.Where(p => p.Document.Revisions.Any(r => r.EffectiveFrom <= today)).Select(p => ProcedureView.Of(p.Document, today)).OrderBy(p => p.Field).ThenBy(p => p.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        }, ct);
        return TypedResults.Ok<IReadOnlyList<ProcedureView>>(list);
    }

    public static async Task<Ok<ProcedureDetail>> Get(string commune, string code, IDocumentStore<ProceduresData> store, TimeProvider time, CancellationToken ct)
    {
        var procedure = (await store.FindAsync<Procedure>(commune, code, ct))?.Document ?? throw new NotFoundException(ProceduresMessages.Procedure, code);
        return TypedResults.Ok(new ProcedureDetail(ProcedureView.Of(procedure, VietnamTime.Today(time.GetUtcNow().UtcDateTime)), procedure.Revisions));
    }

    public static async Task<Created<ProcedureDetail>> Create(string commune, ProcedureInput input, IDocumentStore<ProceduresData> store,
        ICommuneDirectory directory, IDistributedCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        ProcedureRules.Validate(input, isNew: true);
        if (await directory.FindAsync(commune, ct) is null) throw new NotFoundException(CommonMessages.Commune, commune);
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        var procedure = new Procedure
        {
            Code = input.Code!,
            Steps = input.Steps ?? [],
            Revisions = [ProcedureRules.Revision(input, 1, input.EffectiveFrom ?? today, now, user.Actor())],
        };
        var changes = new ChangeSet().Insert(commune, procedure.Code, procedure).Publish(commune, Changed(commune, procedure, procedure.Revisions[0], null));
        try
        {
            await store.CommitAsync(changes, ct);
        }
        catch (ConflictException)
        {
            throw new ConflictException("procedure-exists", Text.Of(ProceduresMessages.ProcedureExists, input.Code));
        }
        await CatalogueCache.InvalidateAsync(cache, commune, today, ct);
        return TypedResults.Created($"/api/communes/{commune}/procedures/{procedure.Code}", new ProcedureDetail(ProcedureView.Of(procedure, today), procedure.Revisions));
    }

    public static async Task<Ok<ProcedureDetail>> Revise(string commune, string code, ProcedureInput input, IDocumentStore<ProceduresData> store,
        IDistributedCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        ProcedureRules.Validate(input with { Steps = null }, isNew: false);
        var stored = await store.FindAsync<Procedure>(commune, code, ct) ?? throw new NotFoundException(ProceduresMessages.Procedure, code);
        if (stored.Document.IsInterconnected && input.ProcessingDays != stored.Document.Steps.Sum(s => s.ProcessingDays))
            throw InvalidInputException.Field("processingDays", Text.Of(ProceduresMessages.InterconnectedDays, stored.Document.Steps.Sum(s => s.ProcessingDays)));
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        var effectiveFrom = input.EffectiveFrom ?? today;
        if (effectiveFrom < today)
            throw InvalidInputException.Field("effectiveFrom", Text.Of(ProceduresMessages.NotInPast));
        var previous = stored.Document.InForceOn(effectiveFrom);
        var revised = stored.Document.Revise(ProcedureRules.Revision(input, 0, effectiveFrom, now, user.Actor()));
        await store.CommitAsync(new ChangeSet().Update(stored, revised).Publish(commune, Changed(commune, revised, revised.Revisions[^1], previous)), ct);
        await CatalogueCache.InvalidateAsync(cache, commune, today, ct);
        return TypedResults.Ok(new ProcedureDetail(ProcedureView.Of(revised, today), revised.Revisions));
    }

    public static ProcedureChanged Changed(string commune, Procedure procedure, ProcedureRevision revision, ProcedureRevision? previous) => new()
    {
        Commune = commune,
        ProcedureCode = procedure.Code,
        Name = revision.Name,
        Field = revision.Field,
        Revision = revision.Number,
        EffectiveFrom = revision.EffectiveFrom,
        ProcessingDays = revision.ProcessingDays,
        PreviousProcessingDays = previous?.ProcessingDays,
        ComponentCount = revision.Components.Count,
        PreviousComponentCount = previous?.Components.Count,
        Posted = revision.PostedSince is not null,
    };
}

public static class CatalogueCache
{
    public static string Key(string commune, DateOnly day) => $"procedures:catalogue:{commune}:{day:yyyy-MM-dd}";

    public static Task InvalidateAsync(IDistributedCache cache, string commune, DateOnly today, CancellationToken ct) => cache.RemoveAsync(Key(commune, today), ct);
}
