namespace Platform.Contracts.Common;

/// <summary>A service has recorded a newly onboarded commune and is ready to serve it.</summary>
public sealed record CommunePrepared
{
    public required string Commune { get; init; }
    public required string Service { get; init; }
    public required DateTime PreparedAt { get; init; }
}
