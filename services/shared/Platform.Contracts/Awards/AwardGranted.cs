namespace Platform.Contracts.Awards;

/// <summary>A commendation was granted: by the commune chairman (commune level) or by the district (district level).</summary>
public sealed record AwardGranted
{
    public required string Commune { get; init; }
    public required string AwardId { get; init; }
    public required string NominationId { get; init; }
    public required int Year { get; init; }
    /// <summary><c>commune</c> or <c>district</c>: who decided.</summary>
    public required string Level { get; init; }
    /// <summary><c>collective</c> or <c>individual</c>.</summary>
    public required string Kind { get; init; }
    public string? StaffId { get; init; }
    public required string NomineeName { get; init; }
    /// <summary>The title as granted, in Vietnamese (e.g. "Lao động tiên tiến").</summary>
    public required string Title { get; init; }
    public required string DecisionNo { get; init; }
    /// <summary>A thematic commendation (khen thưởng chuyên đề) for an approved simplification initiative.</summary>
    public required bool Thematic { get; init; }
    public required DateTime GrantedAt { get; init; }
}
