using Platform.Contracts.Personnel;

namespace Personnel.Api.Domain;

/// <summary>
/// The parent unit of a deployment's communes. Since 1 July 2025 it may be a province (two-tier local
/// government); the code still says "district" for the parent, whatever its kind.
/// </summary>
public sealed record District(string Code, string Name, DistrictKind Kind);

/// <summary>Which services have prepared a commune since it was onboarded.</summary>
public sealed record CommuneReadiness(string Commune, IReadOnlyDictionary<string, DateTime> PreparedBy)
{
    public static readonly IReadOnlyList<string> Services = ["personnel", "procedures", "feedback", "awards"];

    public CommuneReadiness With(string service, DateTime at) =>
        PreparedBy.ContainsKey(service) ? this : this with { PreparedBy = new Dictionary<string, DateTime>(PreparedBy) { [service] = at } };

    public bool IsComplete => Services.All(PreparedBy.ContainsKey);
}
