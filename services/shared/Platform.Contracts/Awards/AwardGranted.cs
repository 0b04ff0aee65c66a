namespace Platform.Contracts.Awards;

/// <summary>Who decides a commendation: the commune chairman, or the district (the council forwards the nomination).</summary>
public enum AwardLevel { Commune, District }

public enum NomineeKind { Collective, Individual }

/// <summary>A commendation was granted: by the commune chairman (commune level) or by the district (district level).</summary>
public sealed record AwardGranted
{
    public required string Commune { get; init; }
    public required string AwardId { get; init; }
    public required string NominationId { get; init; }
    public required int Year { get; init; }
    public required AwardLevel Level { get; init; }
    public required NomineeKind Kind { get; init; }
    public string? StaffId { get; init; }
    public required string NomineeName { get; init; }
    /// <summary>The title as granted, in Vietnamese (e.g. "Lao động tiên tiến").</summary>
    public required string Title { get; init; }
    public required string DecisionNo { get; init; }
    /// <summary>A thematic commendation (khen thưởng chuyên đề) for an approved simplification initiative.</summary>
    public required bool Thematic { get; init; }
    public required DateTime GrantedAt { get; init; }
}
