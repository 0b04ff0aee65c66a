namespace Platform.Contracts.Procedures;

/// <summary>A procedure of a commune's catalogue was created or revised (effective from a date).</summary>
public sealed record ProcedureChanged
{
    public required string Commune { get; init; }
    public required string ProcedureCode { get; init; }
    public required string Name { get; init; }
    public required string Field { get; init; }
    public required int Revision { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required int ProcessingDays { get; init; }
    public int? PreviousProcessingDays { get; init; }
    public required int ComponentCount { get; init; }
    public int? PreviousComponentCount { get; init; }
    public required bool Posted { get; init; }
}

/// <summary>The competent authority approved a simplification: an initiative (sáng kiến) of its authors.</summary>
public sealed record SimplificationApproved
{
    public required string Commune { get; init; }
    public required string ProposalId { get; init; }
    public required string ProcedureCode { get; init; }
    public required string ProcedureName { get; init; }
    public required IReadOnlyList<string> AuthorStaffIds { get; init; }
    public required IReadOnlyList<string> RemovedComponents { get; init; }
    public int? PreviousProcessingDays { get; init; }
    public int? NewProcessingDays { get; init; }
    public required string Authority { get; init; }
    public required string DecisionNo { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required DateTime ApprovedAt { get; init; }
}
