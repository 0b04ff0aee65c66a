namespace Platform.Contracts.Personnel;

/// <summary>The kind of a commune's parent unit: since 1 July 2025 communes may sit directly under a province.</summary>
public enum DistrictKind { District, Province }

/// <summary>A district admin added a commune (tenant). Every service prepares its own data for it.</summary>
public sealed record CommuneOnboarded
{
    public required string Commune { get; init; }
    public required string Name { get; init; }
    public required string District { get; init; }
    public required string DistrictName { get; init; }
    public required DistrictKind DistrictKind { get; init; }
    public required IReadOnlyList<Hamlet> Hamlets { get; init; }
    public required DateTime OnboardedAt { get; init; }
}

public sealed record Hamlet
{
    public required string Code { get; init; }
    public required string Name { get; init; }
}
