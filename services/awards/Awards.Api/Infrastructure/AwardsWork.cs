using Awards.Api.Domain;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Calendar;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;

namespace Awards.Api.Infrastructure;

/// <summary>The writes the consumers and handlers share; each adds to the caller's change set, nothing commits here.</summary>
public static class AwardsWork
{
    public static int YearOf(DateTime utc) => VietnamTime.Today(utc).Year;

    /// <summary>
    /// The commune as awards recorded it on onboarding; null for a commune it never heard of (events on a broker shared
    /// with other deployments or tests). Such events still change the commune's own records, never a district's scoreboard.
    /// </summary>
    public static async Task<CommuneRecord?> CommuneAsync(IDocumentStore<AwardsData> store, string commune, CancellationToken ct) =>
        (await store.FindAsync<CommuneRecord>(Scopes.Platform, commune, ct))?.Document;

    /// <summary>Changes the commune's indicator document in its district's scope (created on first use).</summary>
    public static async Task IndicatorsAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune,
        Func<CommuneIndicators, CommuneIndicators> change, CancellationToken ct)
    {
        if (await CommuneAsync(store, commune, ct) is not { } record) return;
        var scope = CommuneIndicators.Scope(record.District);
        var stored = await store.FindAsync<CommuneIndicators>(scope, commune, ct);
        if (stored is null) changes.Insert(scope, commune, change(new CommuneIndicators { Commune = commune, Name = record.Name, District = record.District }));
        else changes.Update(stored, change(stored.Document));
    }

    public static async Task<StaffYear> StaffYearAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, string staffId, int year,
        Func<StaffYear, StaffYear> change, CancellationToken ct)
    {
        var key = StaffYear.Key(staffId, year);
        var stored = await store.FindAsync<StaffYear>(commune, key, ct);
        var updated = change(stored?.Document ?? new StaffYear { StaffId = staffId, Year = year });
        if (stored is null) changes.Insert(commune, key, updated);
        else changes.Update(stored, updated);
        return updated;
    }

    public static async Task<string> NameOfAsync(IDocumentStore<AwardsData> store, string commune, string staffId, CancellationToken ct) =>
        (await store.FindAsync<StaffCard>(commune, staffId, ct))?.Document.FullName ?? staffId;

    /// <summary>Ids are derived from what produced the achievement, so a repeated event never records it twice.</summary>
    public static async Task AchieveAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, Achievement achievement, CancellationToken ct)
    {
        if (await store.FindAsync<Achievement>(commune, achievement.Id, ct) is null) changes.Insert(commune, achievement.Id, achievement);
    }

    public static Achievement FromEvent(string id, int year, string kind, string? staffId, string name, string title, string @event, string? reference, DateTime at) => new()
    {
        Id = id, Year = year, Kind = kind, Collective = staffId is null, StaffId = staffId, Name = name, Title = title,
        Source = new AchievementSource("event", @event, reference, null, null), RecordedAt = at,
    };

    /// <summary>The plan that governs a year: the named campaign's, or the earliest-created plan for that year.</summary>
    public static async Task<Stored<CampaignPlan>?> GoverningPlanAsync(IDocumentStore<AwardsData> store, string commune, int year, string? campaignId, CancellationToken ct) =>
        campaignId is not null
            ? await store.FindAsync<CampaignPlan>(commune, CampaignPlan.Key(campaignId, year), ct)
            : (await store.QueryAsync<CampaignPlan>(commune, new Query(Filter.Eq("year", year), [new Sort("createdAt"), new Sort("campaignId")], Take: 1), ct)).FirstOrDefault();
}

/// <summary>Appends items to a commune's radio feed under consecutive numbers, and forgets the cached feed.</summary>
public static class RadioDesk
{
    public static async Task AppendAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, DateTime at,
        IReadOnlyList<(string Kind, string Title, string Text, string? Reference)> items, CancellationToken ct)
    {
        if (items.Count == 0) return;
        var counter = await store.FindAsync<RadioCounter>(commune, RadioCounter.Key, ct);
        var last = counter?.Document.Last ?? 0;
        foreach (var (kind, title, text, reference) in items)
        {
            last++;
            changes.Insert(commune, RadioItem.Key(last), new RadioItem { Seq = last, PublishedAt = at, Kind = kind, Title = title, Text = text, Reference = reference });
        }
        // The counter is one document: two writers racing for a number conflict, and the loser retries with the next one.
        if (counter is null) changes.Insert(commune, RadioCounter.Key, new RadioCounter(last));
        else changes.Update(counter, new RadioCounter(last));
    }

    public static string FeedKey(string commune) => $"awards:radio:feed:{commune}";

    public static Task ForgetAsync(IDistributedCache cache, string commune, CancellationToken ct) => cache.RemoveAsync(FeedKey(commune), ct);

    public static string SpokenName(CommuneRecord commune) =>
        commune.Name.StartsWith("Xã ", StringComparison.Ordinal) ? "xã " + commune.Name[3..] : commune.Name;

    public static async Task<string> SpokenNameAsync(IDocumentStore<AwardsData> store, string commune, CancellationToken ct) =>
        await AwardsWork.CommuneAsync(store, commune, ct) is { } record ? SpokenName(record) : "xã";
}
