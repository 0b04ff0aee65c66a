namespace Awards.Api.Infrastructure;

/// <summary>Marks awards's own document store.</summary>
public sealed class AwardsData;
