using Platform.Contracts.Personnel;

namespace Personnel.Api.Domain;

/// <summary>The leaders' phone numbers, published at the desk, on the radio and at the hamlet offices (seed, II.1).</summary>
public sealed record Hotline(string Commune, IReadOnlyList<HotlineContact> Contacts, DateTime? ChangedAt);
