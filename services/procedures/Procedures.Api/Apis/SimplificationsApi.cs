using Platform.Calendar;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

public sealed record ProposalRequest(string? ProcedureCode, int? ProposedProcessingDays, IReadOnlyList<string>? RemoveComponents, string? Rationale, IReadOnlyList<string>? AuthorStaffIds);
public sealed record ApprovalRequest(string? Authority, string? DecisionNo, DateOnly? EffectiveFrom);

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

    private static async Task<Stored<SimplificationProposal>> Load(IDocumentStore<ProceduresData> store, string commune, string id, CancellationToken ct) =>
        await store.FindAsync<SimplificationProposal>(commune, id, ct) ?? throw new NotFoundException(ProceduresMessages.Proposal, id);

    public static async Task<Created<SimplificationProposal>> Propose(string commune, ProposalRequest request, IDocumentStore<ProceduresData> store,
        TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireSlug(request.ProcedureCode, "procedureCode").ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        var procedure = (await store.FindAsync<Procedure>(commune, request.ProcedureCode!, ct))?.Document
                        ?? throw new BusinessRuleException("unknown-procedure", Wording.Of(ProceduresMessages.UnknownProcedure, request.ProcedureCode));
        SimplificationProposal.Validate(request.ProposedProcessingDays, request.RemoveComponents, request.Rationale, request.AuthorStaffIds,
            procedure.InForceOn(VietnamTime.Today(now)), procedure.IsInterconnected);
        // The authors are staff of this commune, as personnel announced them (procedures' copy of the registry).
        var authors = request.AuthorStaffIds!.Distinct().ToList();
        var known = (await store.QueryAsync<DeskStaff>(commune, new Query(Filter.In("id", authors.Cast<object?>())), ct)).Select(s => s.Id).ToHashSet();
        var unknown = authors.Where(a => !known.Contains(a)).ToList();
        if (unknown.Count > 0) throw InvalidInputException.Field("authorStaffIds", Wording.Of(CommonMessages.NotStaff, string.Join(", ", unknown)));
        var proposal = new SimplificationProposal
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            ProcedureCode = procedure.Code,
            ProposedProcessingDays = request.ProposedProcessingDays,
            RemoveComponents = request.RemoveComponents ?? [],
            Rationale = request.Rationale!.Trim(),
            AuthorStaffIds = request.AuthorStaffIds!.Distinct().ToList(),
            Status = ProposalStatus.Draft,
            CreatedAt = now,
            CreatedBy = user.Actor(),
        };
        await store.CommitAsync(new ChangeSet().Insert(commune, proposal.Id, proposal), ct);
        return TypedResults.Created($"/api/communes/{commune}/simplifications/{proposal.Id}", proposal);
    }

    public static async Task<Ok<IReadOnlyList<SimplificationProposal>>> List(string commune, IDocumentStore<ProceduresData> store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<SimplificationProposal>>((await store.QueryAsync<SimplificationProposal>(commune,
            new Query(OrderBy: [new Sort("createdAt", Descending: true)]), ct)).Select(p => p.Document).ToList());

    public static async Task<Ok<SimplificationProposal>> Get(string commune, string id, IDocumentStore<ProceduresData> store, CancellationToken ct) =>
        TypedResults.Ok((await Load(store, commune, id, ct)).Document);

    public static async Task<Ok<SimplificationProposal>> Submit(string commune, string id, IDocumentStore<ProceduresData> store, TimeProvider time, CancellationToken ct)
    {
        var stored = await Load(store, commune, id, ct);
        var submitted = stored.Document.Require(ProceduresMessages.ProposalActionSubmit, ProposalStatus.Draft) with { Status = ProposalStatus.Submitted, SubmittedAt = time.GetUtcNow().UtcDateTime };
        await store.CommitAsync(new ChangeSet().Update(stored, submitted), ct);
        return TypedResults.Ok(submitted);
    }

    public static async Task<Ok<SimplificationProposal>> Approve(string commune, string id, ApprovalRequest request, IDocumentStore<ProceduresData> store,
        IDistributedCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Authority, "authority", 300).RequireText(request.DecisionNo, "decisionNo", 100)
            .Require(request.EffectiveFrom is not null, "effectiveFrom", CommonMessages.Required).PlausibleDate(request.EffectiveFrom, "effectiveFrom").ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        if (request.EffectiveFrom < today)
            throw InvalidInputException.Field("effectiveFrom", Wording.Of(ProceduresMessages.NotInPast));
        var stored = await Load(store, commune, id, ct);
        var proposal = stored.Document.Require(ProceduresMessages.ProposalActionApprove, ProposalStatus.Submitted);
        var procedure = await store.FindAsync<Procedure>(commune, proposal.ProcedureCode, ct) ?? throw new NotFoundException(ProceduresMessages.Procedure, proposal.ProcedureCode);
        var current = procedure.Document.InForceOn(request.EffectiveFrom!.Value);
        // The catalogue may have changed since the proposal: it must still simplify what will be in force then,
        // and a revision already scheduled after that day would silently undo it.
        try
        {
            SimplificationProposal.Validate(proposal.ProposedProcessingDays, proposal.RemoveComponents, proposal.Rationale, proposal.AuthorStaffIds,
                current, procedure.Document.IsInterconnected);
        }
        catch (InvalidInputException e)
        {
            throw new BusinessRuleException("no-longer-simplifies", Wording.Of(ProceduresMessages.NoLongerSimplifies),
                e.Errors.SelectMany(f => f.Value).ToList());
        }
        if (procedure.Document.Revisions.FirstOrDefault(r => r.EffectiveFrom > request.EffectiveFrom) is { } later)
            throw new BusinessRuleException("later-revision-scheduled",
                Wording.Of(ProceduresMessages.LaterRevision, later.Number, later.EffectiveFrom, request.EffectiveFrom));
        var decision = new SimplificationDecision(request.Authority!.Trim(), request.DecisionNo!.Trim(), request.EffectiveFrom.Value, now, user.Actor());
        var revised = procedure.Document.Revise(proposal.Apply(current, decision));
        var approved = proposal with { Status = ProposalStatus.Approved, Decision = decision };
        var changes = new ChangeSet()
            .Update(stored, approved)
            .Update(procedure, revised)
            .Publish(commune, CatalogueApi.Changed(commune, revised, revised.Revisions[^1], current))
            .Publish(commune, new SimplificationApproved
            {
                Commune = commune, ProposalId = proposal.Id, ProcedureCode = proposal.ProcedureCode, ProcedureName = current.Name,
                AuthorStaffIds = proposal.AuthorStaffIds, RemovedComponents = proposal.RemoveComponents,
                PreviousProcessingDays = proposal.ProposedProcessingDays is null ? null : current.ProcessingDays,
                NewProcessingDays = proposal.ProposedProcessingDays, Authority = decision.Authority, DecisionNo = decision.DecisionNo,
                EffectiveFrom = decision.EffectiveFrom, ApprovedAt = now,
            });
        await store.CommitAsync(changes, ct);
        await CatalogueCache.InvalidateAsync(cache, commune, today, ct);
        return TypedResults.Ok(approved);
    }

    public static async Task<Ok<SimplificationProposal>> Reject(string commune, string id, ReasonRequest request, IDocumentStore<ProceduresData> store, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Reason, "reason", InputLimits.Note).ThrowIfInvalid();
        var stored = await Load(store, commune, id, ct);
        var rejected = stored.Document.Require(ProceduresMessages.ProposalActionReject, ProposalStatus.Submitted) with { Status = ProposalStatus.Rejected, RejectionReason = request.Reason!.Trim() };
        await store.CommitAsync(new ChangeSet().Update(stored, rejected), ct);
        return TypedResults.Ok(rejected);
    }
}
