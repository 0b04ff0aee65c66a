using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Problems;
using Procedures.Api.Localization;

namespace Procedures.Api.Domain;

public enum ProposalStatus { Draft, Submitted, Approved, Rejected }

public sealed record SimplificationDecision(string Authority, string DecisionNo, DateOnly EffectiveFrom, DateTime RecordedAt, string? RecordedBy);

/// <summary>
/// A yearly-review proposal (rà soát) to simplify a procedure: fewer components, a shorter time limit. Approved by the
/// competent authority, it changes the catalogue from its effective date and is an initiative of its authors.
/// </summary>
public sealed record SimplificationProposal
{
    public required string Id { get; init; }
    public required string ProcedureCode { get; init; }
    public int? ProposedProcessingDays { get; init; }
    public required IReadOnlyList<string> RemoveComponents { get; init; }
    public required string Rationale { get; init; }
    public required IReadOnlyList<string> AuthorStaffIds { get; init; }
    public required ProposalStatus Status { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public SimplificationDecision? Decision { get; init; }
    public string? RejectionReason { get; init; }

    /// <param name="action">a key of <see cref="ProceduresMessages"/> naming the action</param>
    public SimplificationProposal Require(string action, ProposalStatus allowed) =>
        Status == allowed ? this : throw new ConflictException("illegal-transition",
            Wording.Of(ProceduresMessages.ProposalIllegalTransition, Wording.Of(action), Name(Status), Name(allowed)));

    private static Wording Name(ProposalStatus status) => Wording.Of(status switch
    {
        ProposalStatus.Draft => ProceduresMessages.ProposalDraft,
        ProposalStatus.Submitted => ProceduresMessages.ProposalSubmitted,
        ProposalStatus.Approved => ProceduresMessages.ProposalApproved,
        _ => ProceduresMessages.ProposalRejected,
    });

    /// <summary>Checks the proposal against the procedure in force: it must cut something that is there.</summary>
    public static void Validate(int? proposedDays, IReadOnlyList<string>? removeComponents, string? rationale, IReadOnlyList<string>? authors,
        ProcedureRevision current, bool interconnected)
    {
        var validation = new InputValidation()
            .RequireText(rationale, "rationale", InputLimits.LongText)
            .MaxItems(removeComponents, "removeComponents")
            .Require(authors is { Count: > 0 and <= 20 } && authors.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= InputLimits.Code), "authorStaffIds", ProceduresMessages.Authors)
            .Require(proposedDays is not null || removeComponents is { Count: > 0 }, "proposedProcessingDays", ProceduresMessages.MustSimplify)
            .Require(proposedDays is null || (proposedDays >= 0 && proposedDays < current.ProcessingDays), "proposedProcessingDays",
                ProceduresMessages.ShorterThan, current.ProcessingDays);
        foreach (var component in removeComponents ?? [])
            validation.Require(current.Components.Contains(component), "removeComponents", ProceduresMessages.NotAComponent, component);
        validation.Require(removeComponents is null || removeComponents.Count < current.Components.Count, "removeComponents", ProceduresMessages.NotEveryComponent);
        // An interconnected procedure's time limit is the sum of its steps: shorten the step's own procedure instead.
        validation.Require(!interconnected || proposedDays is null, "proposedProcessingDays",
            ProceduresMessages.InterconnectedShorten);
        validation.ThrowIfInvalid();
    }

    public Changed<SimplificationProposal> Submit(DateTime now) =>
        Require(ProceduresMessages.ProposalActionSubmit, ProposalStatus.Draft) with { Status = ProposalStatus.Submitted, SubmittedAt = now };

    public Changed<SimplificationProposal> Reject(string reason) =>
        Require(ProceduresMessages.ProposalActionReject, ProposalStatus.Submitted) with { Status = ProposalStatus.Rejected, RejectionReason = reason };

    /// <summary>
    /// Records the authority's approval and revises the procedure from the decision's effective date: the proposal raises
    /// <see cref="SimplificationApproved"/> (an initiative of its authors), the procedure its <see cref="ProcedureChanged"/>.
    /// </summary>
    public (Changed<SimplificationProposal> Proposal, Changed<Procedure> Procedure) Approve(string commune, Procedure procedure, SimplificationDecision decision)
    {
        Require(ProceduresMessages.ProposalActionApprove, ProposalStatus.Submitted);
        var current = procedure.InForceOn(decision.EffectiveFrom);
        // The catalogue may have changed since the proposal: it must still simplify what will be in force then,
        // and a revision already scheduled after that day would silently undo it.
        try
        {
            Validate(ProposedProcessingDays, RemoveComponents, Rationale, AuthorStaffIds, current, procedure.IsInterconnected);
        }
        catch (InvalidInputException e)
        {
            throw new BusinessRuleException("no-longer-simplifies", Wording.Of(ProceduresMessages.NoLongerSimplifies),
                e.Errors.SelectMany(f => f.Value).ToList());
        }
        if (procedure.Revisions.FirstOrDefault(r => r.EffectiveFrom > decision.EffectiveFrom) is { } later)
            throw new BusinessRuleException("later-revision-scheduled",
                Wording.Of(ProceduresMessages.LaterRevision, later.Number, later.EffectiveFrom, decision.EffectiveFrom));
        var approved = new Changed<SimplificationProposal>(this with { Status = ProposalStatus.Approved, Decision = decision }, [new SimplificationApproved
        {
            Commune = commune, ProposalId = Id, ProcedureCode = ProcedureCode, ProcedureName = current.Name,
            AuthorStaffIds = AuthorStaffIds, RemovedComponents = RemoveComponents,
            PreviousProcessingDays = ProposedProcessingDays is null ? null : current.ProcessingDays,
            NewProcessingDays = ProposedProcessingDays, Authority = decision.Authority, DecisionNo = decision.DecisionNo,
            EffectiveFrom = decision.EffectiveFrom, ApprovedAt = decision.RecordedAt,
        }]);
        return (approved, procedure.Revise(commune, Apply(current, decision)));
    }

    /// <summary>The revision the approval brings into force.</summary>
    private ProcedureRevision Apply(ProcedureRevision current, SimplificationDecision decision) => current with
    {
        Number = 0,
        EffectiveFrom = decision.EffectiveFrom,
        ProcessingDays = ProposedProcessingDays ?? current.ProcessingDays,
        Components = current.Components.Except(RemoveComponents).ToList(),
        ChangedAt = decision.RecordedAt,
        ChangedBy = decision.RecordedBy,
        Reason = $"Đơn giản hóa theo {decision.DecisionNo} ({decision.Authority})",
    };
}
