using Awards.Api.Domain;
using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;

namespace Awards.Api.Infrastructure;

/// <summary>The reads and writes the consumers and handlers share; each write adds to the caller's change set, nothing commits here.</summary>
public static class AwardsWork
{
    /// <summary>
    /// The commune as awards recorded it on onboarding; null for a commune it never heard of (events on a broker shared
    /// with other deployments or tests). Such events still change the commune's own records, never a district's scoreboard.
    /// </summary>
    public static async Task<CommuneRecord?> CommuneAsync(IDocumentStore<AwardsData> store, string commune, CancellationToken ct) =>
        (await store.FindAsync<CommuneRecord>(Scopes.Platform, commune, ct))?.Document;

    /// <summary>
    /// Changes the commune's indicator document in its district's scope (created on first use) and returns it as changed;
    /// null, and nothing changed, for a commune awards never heard of.
    /// </summary>
    public static async Task<CommuneIndicators?> IndicatorsAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune,
        Func<CommuneIndicators, CommuneIndicators> change, CancellationToken ct)
    {
        if (await CommuneAsync(store, commune, ct) is not { } record) return null;
        var scope = CommuneIndicators.Scope(record.District);
        var stored = await store.FindAsync<CommuneIndicators>(scope, commune, ct);
        var changed = change(stored?.Document ?? new CommuneIndicators { Commune = commune, Name = record.Name, District = record.District });
        if (stored is null) changes.Insert(scope, commune, changed);
        else changes.Update(stored, changed);
        return changed;
    }

    /// <summary>Changes a person's year (created on first use) and returns it as changed.</summary>
    public static Task<StaffYear> StaffYearAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, string staffId, int year,
        Func<StaffYear, StaffYear> change, CancellationToken ct) =>
        ChangeAsync(store, changes, commune, StaffYear.Key(staffId, year), () => new StaffYear { StaffId = staffId, Year = year }, change, ct);

    /// <summary>Changes a procedure's year in the commune (created on first use).</summary>
    public static Task<ProcedureYear> ProcedureYearAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, string code, int year,
        Func<ProcedureYear, ProcedureYear> change, CancellationToken ct) =>
        ChangeAsync(store, changes, commune, ProcedureYear.Key(code, year), () => new ProcedureYear { Code = code, Year = year }, change, ct);

    /// <summary>Changes a document of the commune, created by <paramref name="create"/> on first use, and returns it as changed.</summary>
    private static async Task<T> ChangeAsync<T>(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, string key, Func<T> create,
        Func<T, T> change, CancellationToken ct) where T : class
    {
        var stored = await store.FindAsync<T>(commune, key, ct);
        var updated = change(stored?.Document ?? create());
        if (stored is null) changes.Insert(commune, key, updated);
        else changes.Update(stored, updated);
        return updated;
    }

    public static async Task<string> NameOfAsync(IDocumentStore<AwardsData> store, string commune, string staffId, CancellationToken ct) =>
        (await store.FindAsync<StaffCard>(commune, staffId, ct))?.Document.FullName ?? staffId;

    public static async Task<bool> IsRecordedAsync(IDocumentStore<AwardsData> store, string commune, string achievementId, CancellationToken ct) =>
        await store.FindAsync<Achievement>(commune, achievementId, ct) is not null;

    /// <summary>Inserts the achievement unless it is recorded already (a repeated event derives the same id).</summary>
    public static async Task AchieveAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, Achievement? achievement, CancellationToken ct)
    {
        if (achievement is not null && !await IsRecordedAsync(store, commune, achievement.Id, ct)) changes.Insert(commune, achievement.Id, achievement);
    }

    /// <summary>The plan that governs a year: the named campaign's, or the earliest-created plan for that year.</summary>
    public static async Task<Stored<CampaignPlan>?> GoverningPlanAsync(IDocumentStore<AwardsData> store, string commune, int year, string? campaignId, CancellationToken ct) =>
        campaignId is not null
            ? await store.FindAsync<CampaignPlan>(commune, CampaignPlan.Key(campaignId, year), ct)
            : (await store.QueryAsync<CampaignPlan>(commune, new Query(Filter.Eq("year", year), [new Sort("createdAt"), new Sort("campaignId")], Take: 1), ct)).FirstOrDefault();
}

/// <summary>Appends items to a commune's radio feed under consecutive numbers, and forgets the cached feed.</summary>
public static class RadioDesk
{
    /// <summary>Numbers the news (nothing for null) against the commune's counter document.</summary>
    public static async Task AppendAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, DateTime at, RadioNews? news, CancellationToken ct)
    {
        if (news is null) return;
        var counter = await store.FindAsync<RadioCounter>(commune, RadioCounter.Key, ct);
        var seq = (counter?.Document.Last ?? 0) + 1;
        changes.Insert(commune, RadioItem.Key(seq), new RadioItem { Seq = seq, PublishedAt = at, Kind = news.Kind, Title = news.Title, Text = news.Text, Reference = news.Reference });
        // The counter is one document: two writers racing for a number conflict, and the loser retries with the next one.
        if (counter is null) changes.Insert(commune, RadioCounter.Key, new RadioCounter(seq));
        else changes.Update(counter, new RadioCounter(seq));
    }

    public static string FeedKey(string commune) => $"awards:radio:feed:{commune}";

    public static Task ForgetAsync(IDistributedCache cache, string commune, CancellationToken ct) => cache.RemoveAsync(FeedKey(commune), ct);

    public static async Task<string> SpokenNameAsync(IDocumentStore<AwardsData> store, string commune, CancellationToken ct) =>
        RadioTexts.SpokenName((await AwardsWork.CommuneAsync(store, commune, ct))?.Name);
}
