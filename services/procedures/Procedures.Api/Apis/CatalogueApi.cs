using Platform.Calendar;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Platform.ServiceDefaults.Text;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

/// <summary>A procedure as the public list shows it: the revision in force today.</summary>
public sealed record ProcedureInput(
    string? Code, string? Name, string? Field, int? ProcessingDays, IReadOnlyList<string>? Components, long? Fee,
    string? LegalBasis, DateOnly? PostedSince, DateOnly? EffectiveFrom, string? Reason, IReadOnlyList<ProcedureStep>? Steps);

/// <summary>A procedure as the desk writes it: checked here, at the edge, then turned into the domain's revision.</summary>
public static class ProcedureInputs
{
    /// <summary>Validates a new procedure or a revision; <paramref name="isNew"/> also requires the code.</summary>
    public static void Validate(ProcedureInput input, bool isNew)
    {
        var validation = new InputValidation();
        if (isNew) validation.RequireSlug(input.Code, "code");
        validation.RequireText(input.Name, "name", 300)
            .Require(input.Field is not null && ProcedureRules.Fields.Contains(input.Field), "field", CommonMessages.OneOf, string.Join(", ", ProcedureRules.Fields))
            .Require(input.ProcessingDays is >= 0 and <= ProcedureRules.MaxProcessingDays, "processingDays", ProceduresMessages.ProcessingDaysRange, ProcedureRules.MaxProcessingDays)
            .Require(input.Components is { Count: > 0 and <= 50 } && input.Components.All(c => !string.IsNullOrWhiteSpace(c) && c.Length <= 300),
                "components", ProceduresMessages.Components)
            .Require(input.Fee is >= 0 and <= 100_000_000, "fee", ProceduresMessages.Fee)
            .RequireText(input.LegalBasis, "legalBasis", 1000)
            .OptionalText(input.Reason, "reason", InputLimits.Note)
            .PlausibleDate(input.PostedSince, "postedSince")
            .PlausibleDate(input.EffectiveFrom, "effectiveFrom")
            .MaxItems(input.Steps, "steps", 10);
        foreach (var (step, i) in (input.Steps ?? []).Select((s, i) => (s, i)))
            validation.RequireText(step?.Name, $"steps[{i}].name", 300).RequireText(step?.Agency, $"steps[{i}].agency", 300)
                .Require(step?.ProcessingDays is >= 0 and <= ProcedureRules.MaxProcessingDays, $"steps[{i}].processingDays", ProceduresMessages.ProcessingDaysRange, ProcedureRules.MaxProcessingDays);
        if (input.Steps is { Count: > 0 } steps && steps.Sum(s => s?.ProcessingDays ?? 0) != input.ProcessingDays)
            validation.Add("processingDays", Wording.Of(ProceduresMessages.SumOfSteps));
        validation.ThrowIfInvalid();
    }

    public static ProcedureRevision Revision(ProcedureInput input, int number, DateOnly effectiveFrom, DateTime now, string? by) => new()
    {
        Number = number,
        EffectiveFrom = effectiveFrom,
        Name = input.Name!.Trim(),
        Field = input.Field!,
        ProcessingDays = input.ProcessingDays!.Value,
        Components = input.Components!.Select(c => c.Trim()).ToList(),
        Fee = input.Fee!.Value,
        LegalBasis = input.LegalBasis!.Trim(),
        PostedSince = input.PostedSince,
        ChangedAt = now,
        ChangedBy = by,
        Reason = input.Reason,
    };
}

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

/// <summary>When a dossier received at <c>ReceivedAt</c> would be due, as its receipt would say.</summary>
public sealed record DueDatePreview(DateTime ReceivedAt, DateOnly CountsFrom, DateOnly DueDate, IReadOnlyList<StepDueDate> Steps);

public sealed record StepDueDate(string Name, string Agency, DateOnly DueDate);

/// <summary>What the catalogue handlers work with, bound per request from DI (<c>[AsParameters]</c>).</summary>
public sealed record CatalogueServices(IDocumentStore<ProceduresData> Store, ICommuneDirectory Directory, IDistributedCache Cache, TimeProvider Time);

public static class CatalogueApi
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var procedures = routes.MapGroup("/api/communes/{commune}/procedures").WithTags("Catalogue");
        procedures.MapGet("/", List).AllowAnonymous()
            .WithSummary("The commune's public list of procedures (công khai), as in force today; q searches name, code and field, without regard to case or accents.");
        procedures.MapGet("/{code}", Get).AllowAnonymous().WithSummary("A procedure in force today, with every revision.");
        procedures.MapGet("/{code}/due-date", DueDate).RequireRoles(Roles.DeskOfficer)
            .WithSummary("The date a dossier of the procedure received at receivedAt (default now) counts from and is due, as its receipt would say.");
        procedures.MapPost("/", Create).RequireRoles(Roles.CommuneOffice).WithSummary("Add a procedure to the catalogue.");
        procedures.MapPut("/{code}", Revise).RequireRoles(Roles.CommuneOffice).WithSummary("Revise a procedure from an effective date; the history is kept.");
        return routes;
    }

    public const int MaxSearchLength = 100;

    public static async Task<Ok<IReadOnlyList<ProcedureView>>> List(string commune, string? q, [AsParameters] CatalogueServices services, CancellationToken ct)
    {
        new InputValidation().Require(q is null || q.Length <= MaxSearchLength, "q", CommonMessages.MaxLength, MaxSearchLength).ThrowIfInvalid();
        await services.Directory.GetAsync(commune, ct);
        var today = VietnamTime.Today(services.Time.GetUtcNow().UtcDateTime);
        // Keyed by day: a revision effective tomorrow appears without anyone invalidating anything.
        var list = await services.Cache.GetOrCreateJsonAsync(CatalogueCache.Key(commune, today), CacheFor, async token =>
        {
            var all = await services.Store.QueryAsync<Procedure>(commune, new Query(OrderBy: [new Sort("code")]), token);
            return all.Where(p => p.Document.Revisions.Any(r => r.EffectiveFrom <= today)).Select(p => ProcedureView.Of(p.Document, today)).OrderBy(p => p.Field).ThenBy(p => p.Name, VietnameseText.Order).ToList();
        }, ct);
        // The catalogue is a few dozen procedures, cached: searching the cached list costs nothing.
        return TypedResults.Ok<IReadOnlyList<ProcedureView>>(string.IsNullOrWhiteSpace(q) ? list
            : list.Where(p => VietnameseText.Matches(p.Name, q) || SlugMatches(p.Code, q) || SlugMatches(p.Field, q)).ToList());
    }

    /// <summary>A code or field slug (tu-phap-ho-tich) matches "tư pháp" as well as "phap-ho".</summary>
    private static bool SlugMatches(string slug, string q) => VietnameseText.Matches(slug.Replace('-', ' '), q.Replace('-', ' '));

    public static async Task<Ok<ProcedureDetail>> Get(string commune, string code, [AsParameters] CatalogueServices services, CancellationToken ct)
    {
        var procedure = (await services.Store.GetAsync<Procedure>(commune, code, ProceduresMessages.Procedure, ct)).Document;
        return TypedResults.Ok(new ProcedureDetail(ProcedureView.Of(procedure, VietnamTime.Today(services.Time.GetUtcNow().UtcDateTime)), procedure.Revisions));
    }

    public static async Task<Ok<DueDatePreview>> DueDate(string commune, string code, DateTime? receivedAt, [AsParameters] CatalogueServices services,
        DossierWorkflow workflow, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        var at = receivedAt?.ToUniversalTime() ?? now;
        new InputValidation()
            .Require(at >= new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), "receivedAt", ProceduresMessages.TooFarInPast)
            .Require(at <= now.AddYears(1), "receivedAt", ProceduresMessages.TooFarInFuture)
            .ThrowIfInvalid();
        var procedure = (await services.Store.GetAsync<Procedure>(commune, code, ProceduresMessages.Procedure, ct)).Document;
        var schedule = workflow.Schedule(procedure, at);
        return TypedResults.Ok(new DueDatePreview(at, schedule.CountsFrom, schedule.DueDate,
            schedule.Steps.Select(s => new StepDueDate(s.Name, s.Agency, s.DueDate)).ToList()));
    }

    public static async Task<Created<ProcedureDetail>> Create(string commune, ProcedureInput input, [AsParameters] CatalogueServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        ProcedureInputs.Validate(input, isNew: true);
        await services.Directory.GetAsync(commune, ct);
        var now = services.Time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        var (procedure, events) = Procedure.Create(commune, input.Code!, input.Steps ?? [],
            ProcedureInputs.Revision(input, 1, input.EffectiveFrom ?? today, now, user.Actor()));
        try
        {
            await services.Store.CommitAsync(new ChangeSet().Insert(commune, procedure.Code, procedure).PublishAll(commune, events), ct);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("procedure-exists", Wording.Of(ProceduresMessages.ProcedureExists, input.Code));
        }
        await CatalogueCache.InvalidateAsync(services.Cache, commune, today, ct);
        return TypedResults.Created($"/api/communes/{commune}/procedures/{procedure.Code}", new ProcedureDetail(ProcedureView.Of(procedure, today), procedure.Revisions));
    }

    public static async Task<Ok<ProcedureDetail>> Revise(string commune, string code, ProcedureInput input, [AsParameters] CatalogueServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        ProcedureInputs.Validate(input with { Steps = null }, isNew: false);
        var stored = await services.Store.GetAsync<Procedure>(commune, code, ProceduresMessages.Procedure, ct);
        if (stored.Document.IsInterconnected && input.ProcessingDays != stored.Document.Steps.Sum(s => s.ProcessingDays))
            throw InvalidInputException.Field("processingDays", Wording.Of(ProceduresMessages.InterconnectedDays, stored.Document.Steps.Sum(s => s.ProcessingDays)));
        var now = services.Time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        var effectiveFrom = input.EffectiveFrom ?? today;
        if (effectiveFrom < today)
            throw InvalidInputException.Field("effectiveFrom", Wording.Of(ProceduresMessages.NotInPast));
        var revised = stored.Document.Revise(commune, ProcedureInputs.Revision(input, 0, effectiveFrom, now, user.Actor()));
        await services.Store.CommitAsync(new ChangeSet().Update(stored, revised), ct);
        await CatalogueCache.InvalidateAsync(services.Cache, commune, today, ct);
        return TypedResults.Ok(new ProcedureDetail(ProcedureView.Of(revised.State, today), revised.State.Revisions));
    }
}

public static class CatalogueCache
{
    public static string Key(string commune, DateOnly day) => $"procedures:catalogue:{commune}:{day:yyyy-MM-dd}";

    public static Task InvalidateAsync(IDistributedCache cache, string commune, DateOnly today, CancellationToken ct) => cache.RemoveAsync(Key(commune, today), ct);
}
