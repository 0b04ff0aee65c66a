using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Domain;

namespace Personnel.Api.Domain;

/// <summary>The leaders' phone numbers, published at the desk, on the radio and at the hamlet offices (seed, II.1).</summary>
public sealed record Hotline(string Commune, IReadOnlyList<HotlineContact> Contacts, DateTime? ChangedAt)
{
    public const string Id = "hotline";

    /// <summary>The directory as it now reads; the commune radio announces it.</summary>
    public static Changed<Hotline> Publish(string commune, IReadOnlyList<HotlineContact> contacts, DateTime now) =>
        new(new Hotline(commune, contacts, now), [new HotlineChanged { Commune = commune, Contacts = contacts, ChangedAt = now }]);
}
