namespace Personnel.Api.Infrastructure;

/// <summary>Marks personnel's own document store.</summary>
public sealed class PersonnelData;
