using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Calendar;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Awards.Api.Localization;

namespace Awards.Api.Apis;

public sealed record RadioItemView(string Id, DateTime PublishedAt, string Kind, string Title, string Text);
public sealed record Bulletin(string Commune, DateOnly Date, int Items, string Title, string Script, string? AudioUrl);
/// <summary>Whether the commune's subscribable feed address is issued, when and by whom (the address itself is shown only when issued).</summary>
public sealed record FeedKeyStatus(bool Issued, DateTime? IssuedAt, string? IssuedBy);
/// <summary>A newly issued feed address: the secret is in <paramref name="FeedUrl"/>, shown this once.</summary>
public sealed record IssuedFeedKey(string FeedUrl, DateTime IssuedAt, string? IssuedBy);

/// <summary>
/// The commune radio's feed (seed III): items ready to read aloud, a stable cursor (<c>?since=</c> the last id read),
/// RSS 2.0, a daily bulletin script and, where espeak-ng is installed, the bulletin as audio.
/// The radio client's token (role <c>radio</c>, its own commune) reads these routes and nothing else.
/// </summary>
public static class RadioApi
{
    private const int Page = 100;
    private const int FeedSize = 50;
    private static readonly string[] Readers = [Roles.Radio, Roles.CommuneOffice, Roles.CommuneLeader, Roles.Front, Roles.EmulationCouncil];
    /// <summary>Who hands the feed's address to the radio and the hamlets, and replaces it when it leaks.</summary>
    private static readonly string[] Editors = [Roles.CommuneOffice, Roles.CommuneLeader];

    public static IEndpointRouteBuilder MapRadioApi(this IEndpointRouteBuilder routes)
    {
        var radio = routes.MapGroup("/api/communes/{commune}/radio").WithTags("Radio");
        radio.MapGet("/items", Items).RequireRoles(Readers).WithSummary("Items after the cursor (the last id read), oldest first, at most 100.");
        radio.MapGet("/feed.rss", Feed).RequireRoles(Readers).WithSummary("RSS 2.0 of the latest items, with the bulletin's audio as an enclosure where available.");
        radio.MapGet("/bulletin", BulletinOf).RequireRoles(Readers).WithSummary("The day's broadcast script (Vietnam date; default today).");
        radio.MapGet("/bulletin.wav", Audio).RequireRoles(Readers).WithSummary("The day's bulletin read by espeak-ng's Vietnamese voice (404 where it is not installed).");
        radio.MapGet("/feed-key", FeedKeyOf).RequireRoles(Editors).WithSummary("Whether the subscribable feed address is issued, and when.");
        radio.MapPost("/feed-key", IssueFeedKey).RequireRoles(Editors)
            .WithSummary("Issues a new subscribable feed address (shown this once); the previous one stops working at once.");

        // A podcast or RSS client sends no token: the secret in the path opens this commune's feed and its audio, nothing else.
        var subscribed = routes.MapGroup("/api/public/communes/{commune}/radio/{key}").AllowAnonymous().WithTags("Radio");
        subscribed.MapGet("/feed.rss", SubscribedFeed).WithSummary("The feed by its secret address (404 for a wrong or replaced one), enclosures included.");
        subscribed.MapGet("/bulletin.wav", SubscribedAudio).WithSummary("The bulletin's audio by the feed's secret address.");
        return routes;
    }

    private static RadioItemView View(RadioItem i) => new(i.Id, i.PublishedAt, i.Kind, i.Title, i.Text);

    public static async Task<Ok<IReadOnlyList<RadioItemView>>> Items(string commune, string? since, [AsParameters] AwardsServices services,
        CancellationToken ct)
    {
        long after = 0;
        new InputValidation().Require(since is null || (long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0), "since",
            AwardsMessages.Since).ThrowIfInvalid();
        await services.Directory.GetAsync(commune, ct);
        var items = since is null
            ? (await services.Store.QueryAsync<RadioItem>(commune, new Query(OrderBy: [new Sort("seq", Descending: true)], Take: Page), ct)).Reverse()
            : await services.Store.QueryAsync<RadioItem>(commune, new Query(Filter.Gt("seq", after), [new Sort("seq")], Take: Page), ct);
        return TypedResults.Ok<IReadOnlyList<RadioItemView>>(items.Select(i => View(i.Document)).ToList());
    }

    /// <summary>What the feed shows, cached per commune and forgotten by the consumers that add items (<see cref="RadioDesk.ForgetAsync"/>).</summary>
    private sealed record FeedSnapshot(IReadOnlyList<RadioItem> Items, DateOnly? BulletinDay, long? AudioLength);

    public static async Task<IResult> Feed(string commune, HttpContext http, [AsParameters] AwardsServices services,
        RadioAudio audio, CancellationToken ct)
    {
        var record = await services.Directory.GetAsync(commune, ct);
        var radio = $"{Origin(http.Request)}/api/communes/{commune}/radio";
        return await FeedOfAsync(record, radio + "/items", radio, services, audio, ct);
    }

    public static async Task<IResult> SubscribedFeed(string commune, string key, HttpContext http, [AsParameters] AwardsServices services,
        RadioAudio audio, CancellationToken ct)
    {
        var record = await SubscribedAsync(commune, key, services, ct);
        var origin = Origin(http.Request);
        return await FeedOfAsync(record, $"{origin}/xa/{commune}", $"{origin}{SubscribedPath(commune, key)}", services, audio, ct);
    }

    /// <param name="link">the channel's link</param>
    /// <param name="audioBase">where the enclosure's <c>/bulletin.wav</c> is, for the caller</param>
    private static async Task<IResult> FeedOfAsync(CommuneRecord record, string link, string audioBase, AwardsServices services, RadioAudio audio,
        CancellationToken ct)
    {
        var commune = record.Code;
        var snapshot = await services.Cache.GetOrCreateJsonAsync(RadioDesk.FeedKey(commune), TimeSpan.FromMinutes(30), async token =>
        {
            var items = (await services.Store.QueryAsync<RadioItem>(commune, new Query(OrderBy: [new Sort("seq", Descending: true)], Take: FeedSize), token))
                .Select(i => i.Document).ToList();
            if (!audio.Available || items.Count == 0) return new FeedSnapshot(items, null, null);
            var day = RadioTexts.DayOf(items[0]);
            var wav = await SpeakCachedAsync(services.Cache, audio, (await BulletinAsync(services.Store, record, day, token)).Script, token);
            return new FeedSnapshot(items, wav is null ? null : day, wav?.Length);
        }, ct);
        (string, DateTime, string, Enclosure)? enclosure = snapshot is { BulletinDay: { } d, AudioLength: { } length }
            ? ($"Bản tin thi đua cải cách hành chính ngày {d:dd/MM/yyyy}", snapshot.Items[0].PublishedAt, $"bulletin:{d:yyyy-MM-dd}:{snapshot.Items[0].Id}",
                new Enclosure($"{audioBase}/bulletin.wav?date={d:yyyy-MM-dd}", length, RadioAudio.MediaType))
            : null;
        var spoken = RadioTexts.SpokenName(record.Name);
        var xml = RssFeed.Write($"Đài truyền thanh {spoken} – Thi đua cải cách hành chính", link,
            $"Tin thi đua cải cách hành chính của {spoken}, sẵn sàng để đọc trên loa truyền thanh.", snapshot.Items, $"urn:cchc:radio:{commune}", enclosure);
        return Results.Text(xml, "application/rss+xml", Encoding.UTF8);
    }

    public static async Task<Ok<FeedKeyStatus>> FeedKeyOf(string commune, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        await services.Directory.GetAsync(commune, ct);
        var kept = (await services.Store.FindAsync<RadioFeedKey>(commune, RadioFeedKey.Key, ct))?.Document;
        return TypedResults.Ok(new FeedKeyStatus(kept is not null, kept?.IssuedAt, kept?.IssuedBy));
    }

    public static async Task<Ok<IssuedFeedKey>> IssueFeedKey(string commune, HttpContext http, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        await services.Directory.GetAsync(commune, ct);
        var (secret, kept) = RadioFeedKey.Issue(services.Time.GetUtcNow().UtcDateTime, http.User.Actor());
        var stored = await services.Store.FindAsync<RadioFeedKey>(commune, RadioFeedKey.Key, ct);
        // Two editors issuing at once conflict on the one document: the loser gets a 409 and no address.
        await services.Store.CommitAsync(stored is null ? new ChangeSet().Insert(commune, RadioFeedKey.Key, kept) : new ChangeSet().Update(stored, kept), ct);
        return TypedResults.Ok(new IssuedFeedKey($"{Origin(http.Request)}{SubscribedPath(commune, secret)}/feed.rss", kept.IssuedAt, kept.IssuedBy));
    }

    private static string SubscribedPath(string commune, string key) => $"/api/public/communes/{commune}/radio/{key}";

    /// <summary>The commune whose feed the secret opens; 404 for a wrong or replaced secret, as for an unknown commune.</summary>
    private static async Task<CommuneRecord> SubscribedAsync(string commune, string key, AwardsServices services, CancellationToken ct)
    {
        var kept = await services.Store.FindAsync<RadioFeedKey>(commune, RadioFeedKey.Key, ct);
        if (kept is null || !kept.Document.Opens(key)) throw new NotFoundException(AwardsMessages.RadioFeed, commune);
        return await services.Directory.GetAsync(commune, ct);
    }

    public static async Task<Ok<Bulletin>> BulletinOf(string commune, DateOnly? date, HttpContext http, [AsParameters] AwardsServices services,
        RadioAudio audio, CancellationToken ct)
    {
        var record = await services.Directory.GetAsync(commune, ct);
        var day = date ?? VietnamTime.Today(services.Time.GetUtcNow().UtcDateTime);
        var bulletin = await BulletinAsync(services.Store, record, day, ct);
        return TypedResults.Ok(bulletin with
        {
            AudioUrl = audio.Available ? $"{Origin(http.Request)}/api/communes/{commune}/radio/bulletin.wav?date={day:yyyy-MM-dd}" : null,
        });
    }

    public static async Task<IResult> Audio(string commune, DateOnly? date, [AsParameters] AwardsServices services,
        RadioAudio audio, CancellationToken ct) =>
        await AudioOfAsync(await services.Directory.GetAsync(commune, ct), date, services, audio, ct);

    public static async Task<IResult> SubscribedAudio(string commune, string key, DateOnly? date, [AsParameters] AwardsServices services,
        RadioAudio audio, CancellationToken ct) =>
        await AudioOfAsync(await SubscribedAsync(commune, key, services, ct), date, services, audio, ct);

    private static async Task<IResult> AudioOfAsync(CommuneRecord record, DateOnly? date, AwardsServices services, RadioAudio audio, CancellationToken ct)
    {
        if (!audio.Available) throw new NotFoundException(AwardsMessages.BulletinAudioUnavailable, record.Code);
        var bulletin = await BulletinAsync(services.Store, record, date ?? VietnamTime.Today(services.Time.GetUtcNow().UtcDateTime), ct);
        var wav = await SpeakCachedAsync(services.Cache, audio, bulletin.Script, ct) ?? throw new NotFoundException(AwardsMessages.BulletinAudio, record.Code);
        return Results.File(wav, RadioAudio.MediaType, $"ban-tin-{record.Code}-{bulletin.Date:yyyy-MM-dd}.wav");
    }

    private static async Task<Bulletin> BulletinAsync(IDocumentStore<AwardsData> store, CommuneRecord record, DateOnly day, CancellationToken ct)
    {
        new InputValidation().Require(day.Year is >= 2000 and <= 2100, "date", AwardsMessages.BulletinDay).ThrowIfInvalid();
        var from = VietnamTime.StartOfDayUtc(day);
        // A day's broadcast reads its first items; a day with more is not a bulletin anyone can read aloud.
        var items = (await store.QueryAsync<RadioItem>(record.Code, new Query(Filter.And(Filter.Gte("publishedAt", from), Filter.Lt("publishedAt", from.AddDays(1))),
            [new Sort("seq")], Take: 200), ct)).Select(i => i.Document).ToList();
        var spoken = RadioTexts.SpokenName(record.Name);
        return new Bulletin(record.Code, day, items.Count, $"Bản tin thi đua cải cách hành chính {RadioTexts.SpokenDate(day)}",
            RadioTexts.Bulletin(spoken, day, items), null);
    }

    /// <summary>Audio keyed by the script's hash: the same script is synthesised once, a changed one again.</summary>
    private static async Task<byte[]?> SpeakCachedAsync(IDistributedCache cache, RadioAudio audio, string script, CancellationToken ct)
    {
        var key = "awards:radio:audio:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        if (await cache.GetAsync(key, ct) is { } cached) return cached;
        var wav = await audio.SpeakAsync(script, ct);
        if (wav is not null) await cache.SetAsync(key, wav, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(2) }, ct);
        return wav;
    }

    /// <summary>
    /// The origin the caller used, for the feed's absolute links. Behind the gateway (or in the standalone host) the
    /// forwarded-headers middleware has already put its X-Forwarded-Host and -Proto here, and only when they came from
    /// Edge:TrustedProxies: a client's own X-Forwarded-Host never reaches the links.
    /// </summary>
    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";
}
