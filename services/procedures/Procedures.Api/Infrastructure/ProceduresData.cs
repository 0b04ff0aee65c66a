namespace Procedures.Api.Infrastructure;

/// <summary>Marks procedures's own document store.</summary>
public sealed class ProceduresData;
