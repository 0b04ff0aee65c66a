using Platform.Calendar;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

public sealed record ProposalRequest(string? ProcedureCode, int? ProposedProcessingDays, IReadOnlyList<string>? RemoveComponents, string? Rationale, IReadOnlyList<string>? AuthorStaffIds);
public sealed record ApprovalRequest(string? Authority, string? DecisionNo, DateOnly? EffectiveFrom);

/// <summary>What the yearly review's handlers work with, bound per request from DI (<c>[AsParameters]</c>).</summary>
public sealed record SimplificationServices(IDocumentStore<ProceduresData> Store, IDistributedCache Cache, TimeProvider Time);

public static class SimplificationsApi
{
    private static readonly string[] Staff = [Roles.CommuneOffice, Roles.CommuneLeader, Roles.DeskOfficer];

    public static IEndpointRouteBuilder MapSimplificationsApi(this IEndpointRouteBuilder routes)
    {
        var proposals = routes.MapGroup("/api/communes/{commune}/simplifications").WithTags("Yearly review");
        proposals.MapPost("/", Propose).RequireRoles(Staff).WithSummary("Propose to simplify a procedure (fewer components, shorter time).");
        proposals.MapGet("/", List).RequireRoles([.. Staff, Roles.EmulationCouncil, Roles.DistrictOfficer]);
        proposals.MapGet("/{id}", Get).RequireRoles([.. Staff, Roles.EmulationCouncil, Roles.DistrictOfficer]);
        proposals.MapPost("/{id}/submit", Submit).RequireRoles(Staff).WithSummary("Submit the proposal to the competent authority.");
        proposals.MapPost("/{id}/approve", Approve).RequireRoles(Roles.CommuneLeader)
            .WithSummary("Record the authority's approval; the catalogue changes from the effective date.");
        proposals.MapPost("/{id}/reject", Reject).RequireRoles(Roles.CommuneLeader).WithSummary("Record the authority's rejection with its reason.");
        return routes;
    }

    public static async Task<Created<SimplificationProposal>> Propose(string commune, ProposalRequest request, [AsParameters] SimplificationServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireSlug(request.ProcedureCode, "procedureCode").ThrowIfInvalid();
        var now = services.Time.GetUtcNow().UtcDateTime;
        var procedure = (await services.Store.FindAsync<Procedure>(commune, request.ProcedureCode!, ct))?.Document
                        ?? throw new BusinessRuleException("unknown-procedure", Wording.Of(ProceduresMessages.UnknownProcedure, request.ProcedureCode));
        SimplificationProposal.Validate(request.ProposedProcessingDays, request.RemoveComponents, request.Rationale, request.AuthorStaffIds,
            procedure.InForceOn(VietnamTime.Today(now)), procedure.IsInterconnected);
        // The authors are staff of this commune, as personnel announced them (procedures' copy of the registry).
        var authors = request.AuthorStaffIds!.Distinct().ToList();
        var known = (await services.Store.QueryAsync<DeskStaff>(commune, new Query(Filter.In("id", authors.Cast<object?>())), ct)).Select(s => s.Id).ToHashSet();
        var unknown = authors.Where(a => !known.Contains(a)).ToList();
        if (unknown.Count > 0) throw InvalidInputException.Field("authorStaffIds", Wording.Of(CommonMessages.NotStaff, string.Join(", ", unknown)));
        var proposal = new SimplificationProposal
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            ProcedureCode = procedure.Code,
            ProposedProcessingDays = request.ProposedProcessingDays,
            RemoveComponents = request.RemoveComponents ?? [],
            Rationale = request.Rationale!.Trim(),
            AuthorStaffIds = authors,
            Status = ProposalStatus.Draft,
            CreatedAt = now,
            CreatedBy = user.Actor(),
        };
        await services.Store.CommitAsync(new ChangeSet().Insert(commune, proposal.Id, proposal), ct);
        return TypedResults.Created($"/api/communes/{commune}/simplifications/{proposal.Id}", proposal);
    }

    public static async Task<Ok<IReadOnlyList<SimplificationProposal>>> List(string commune, [AsParameters] SimplificationServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<SimplificationProposal>>((await services.Store.QueryAsync<SimplificationProposal>(commune,
            new Query(OrderBy: [new Sort("createdAt", Descending: true)]), ct)).Select(p => p.Document).ToList());

    public static async Task<Ok<SimplificationProposal>> Get(string commune, string id, [AsParameters] SimplificationServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.Store.GetAsync<SimplificationProposal>(commune, id, ProceduresMessages.Proposal, ct)).Document);

    public static async Task<Ok<SimplificationProposal>> Submit(string commune, string id, [AsParameters] SimplificationServices services, CancellationToken ct)
    {
        var stored = await services.Store.GetAsync<SimplificationProposal>(commune, id, ProceduresMessages.Proposal, ct);
        var submitted = stored.Document.Submit(services.Time.GetUtcNow().UtcDateTime);
        await services.Store.CommitAsync(new ChangeSet().Update(stored, submitted), ct);
        return TypedResults.Ok(submitted.State);
    }

    public static async Task<Ok<SimplificationProposal>> Approve(string commune, string id, ApprovalRequest request, [AsParameters] SimplificationServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Authority, "authority", 300).RequireText(request.DecisionNo, "decisionNo", 100)
            .Require(request.EffectiveFrom is not null, "effectiveFrom", CommonMessages.Required).PlausibleDate(request.EffectiveFrom, "effectiveFrom").ThrowIfInvalid();
        var now = services.Time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        if (request.EffectiveFrom < today)
            throw InvalidInputException.Field("effectiveFrom", Wording.Of(ProceduresMessages.NotInPast));
        var stored = await services.Store.GetAsync<SimplificationProposal>(commune, id, ProceduresMessages.Proposal, ct);
        var procedure = await services.Store.GetAsync<Procedure>(commune, stored.Document.ProcedureCode, ProceduresMessages.Procedure, ct);
        var decision = new SimplificationDecision(request.Authority!.Trim(), request.DecisionNo!.Trim(), request.EffectiveFrom!.Value, now, user.Actor());
        var (approved, revised) = stored.Document.Approve(commune, procedure.Document, decision);
        // The catalogue's change is announced before the approval that made it, as consumers have always received them.
        await services.Store.CommitAsync(new ChangeSet().Update(procedure, revised).Update(stored, approved), ct);
        await CatalogueCache.InvalidateAsync(services.Cache, commune, today, ct);
        return TypedResults.Ok(approved.State);
    }

    public static async Task<Ok<SimplificationProposal>> Reject(string commune, string id, ReasonRequest request, [AsParameters] SimplificationServices services,
        CancellationToken ct)
    {
        new InputValidation().RequireText(request.Reason, "reason", InputLimits.Note).ThrowIfInvalid();
        var stored = await services.Store.GetAsync<SimplificationProposal>(commune, id, ProceduresMessages.Proposal, ct);
        var rejected = stored.Document.Reject(request.Reason!.Trim());
        await services.Store.CommitAsync(new ChangeSet().Update(stored, rejected), ct);
        return TypedResults.Ok(rejected.State);
    }
}
