using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Awards.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Security;

namespace Awards.Api.Tests;

/// <summary>
/// The subscribable feed address: a secret in the URL opens one commune's feed and its audio without a token, and nothing
/// else; only its hash is kept; issuing a new one ends the old at once; only the commune's office and leader issue it.
/// </summary>
public sealed class RadioFeedKeyTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string FeedKeyPath(string commune = Seed.MyThanh) => $"/api/communes/{commune}/radio/feed-key";

    private async Task<string> IssueAsync(string token, string commune = Seed.MyThanh)
    {
        var issued = await host.Client.PostJsonAsync(FeedKeyPath(commune), token, null).JsonAsync(HttpStatusCode.OK);
        var url = new Uri(issued.Str("feedUrl"));
        Assert.True(url.IsAbsoluteUri);
        return url.PathAndQuery;
    }

    /// <summary>The secret of a feed path <c>/api/public/communes/{c}/radio/{key}/feed.rss</c>.</summary>
    private static string SecretOf(string feedPath) => feedPath.Split('/')[^2];

    private async Task<XElement> SubscribedFeedAsync(string feedPath)
    {
        var response = await host.Client.GetAsync(feedPath, token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        Assert.Equal(("rss", "2.0"), (rss.Name.LocalName, rss.Attribute("version")?.Value));
        return Assert.Single(rss.Elements("channel"));
    }

    [Fact]
    public async Task The_issued_address_opens_the_communes_feed_and_its_audio_without_a_token()
    {
        var feedPath = await IssueAsync(host.Office);
        Assert.StartsWith("/api/public/communes/my-thanh/radio/", feedPath);
        Assert.EndsWith("/feed.rss", feedPath);

        var channel = await SubscribedFeedAsync(feedPath);
        Assert.NotEmpty(channel.Elements("item"));
        Assert.Contains("Mỹ Thạnh", channel.Element("title")!.Value);

        if (!host.Factory.Services.GetRequiredService<RadioAudio>().Available) return;
        var enclosure = Assert.Single(channel.Descendants("enclosure"));
        var audio = new Uri(enclosure.Attribute("url")!.Value).PathAndQuery;
        Assert.StartsWith(feedPath[..^"feed.rss".Length] + "bulletin.wav?date=", audio);
        var wav = await host.Client.GetAsync(audio, token: null);
        Assert.Equal(HttpStatusCode.OK, wav.StatusCode);
        Assert.Equal("audio/wav", wav.Content.Headers.ContentType?.MediaType);
        var bytes = await wav.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
    }

    [Fact]
    public async Task Issuing_again_ends_the_old_address_at_once()
    {
        var old = await IssueAsync(host.Office);
        await SubscribedFeedAsync(old);

        var current = await IssueAsync(host.Leader);

        Assert.NotEqual(old, current);
        await host.Client.GetAsync(old, token: null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.GetAsync(old.Replace("feed.rss", "bulletin.wav"), token: null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await SubscribedFeedAsync(current);
    }

    [Fact]
    public async Task A_wrong_or_another_communes_secret_is_404()
    {
        var myThanh = await IssueAsync(host.Office);
        var luongHoa = await IssueAsync(host.Tokens.ForCommune(Seed.LuongHoa, Roles.CommuneOffice), Seed.LuongHoa);
        await SubscribedFeedAsync(luongHoa);

        var secret = SecretOf(myThanh);
        var wrong = (secret[0] == 'A' ? "B" : "A") + secret[1..];
        foreach (var path in new[]
                 {
                     myThanh.Replace(secret, wrong),
                     myThanh.Replace(secret, SecretOf(luongHoa)), // Lương Hòa's secret on Mỹ Thạnh's address
                     luongHoa.Replace(SecretOf(luongHoa), secret), // and Mỹ Thạnh's on Lương Hòa's
                     myThanh.Replace(secret, ""),
                     myThanh.Replace("my-thanh", "khong-co-xa-nay"),
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(path, token: null)).StatusCode);
    }

    [Fact]
    public async Task The_secret_reads_nothing_else()
    {
        var feedPath = await IssueAsync(host.Office);
        var secret = SecretOf(feedPath);
        var subscribed = feedPath[..^"/feed.rss".Length];

        foreach (var other in new[] { "items", "bulletin", "feed-key" })
            await host.Client.GetAsync($"{subscribed}/{other}", token: null).ProblemAsync(HttpStatusCode.NotFound);
        await host.Client.PostJsonAsync($"{subscribed}/feed.rss", null, null).ProblemAsync(HttpStatusCode.MethodNotAllowed);
        // As a bearer token it is no token at all.
        foreach (var staffRoute in new[] { "radio/items", "radio/feed.rss", "radio/feed-key", "nominations", "awards" })
            await host.Client.GetAsync($"/api/communes/my-thanh/{staffRoute}", secret).ProblemAsync(HttpStatusCode.Unauthorized);
        await host.Client.PostJsonAsync(FeedKeyPath(), secret, null).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_keys_hash_is_kept_and_the_status_says_when_and_by_whom()
    {
        var feedPath = await IssueAsync(host.Leader);
        var secret = SecretOf(feedPath);

        var kept = (await host.Factory.Store.FindAsync<RadioFeedKey>(Seed.MyThanh, RadioFeedKey.Key, Ct))!.Document;
        Assert.Equal(64, kept.Hash.Length); // SHA-256, hex
        Assert.DoesNotContain(secret, System.Text.Json.JsonSerializer.Serialize(kept));
        Assert.True(kept.Opens(secret));
        Assert.False(kept.Opens(secret + "x"));

        var status = await host.GetAsync(FeedKeyPath(), host.Office);
        Assert.True(status.GetProperty("issued").GetBoolean());
        Assert.Equal(kept.IssuedAt, status.GetProperty("issuedAt").GetDateTime().ToUniversalTime());
        Assert.DoesNotContain(secret, status.GetRawText());
    }

    [Fact]
    public async Task Only_the_communes_office_and_leader_issue_or_see_the_address()
    {
        foreach (var role in new[] { Roles.Radio, Roles.Front, Roles.EmulationCouncil, Roles.DeskOfficer })
        {
            var token = host.Tokens.ForCommune(Seed.MyThanh, role);
            await host.Client.PostJsonAsync(FeedKeyPath(), token, null).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await host.Client.GetAsync(FeedKeyPath(), token).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        var luongHoaOffice = host.Tokens.ForCommune(Seed.LuongHoa, Roles.CommuneOffice, Roles.CommuneLeader);
        await host.Client.PostJsonAsync(FeedKeyPath(), luongHoaOffice, null).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.GetAsync(FeedKeyPath(), luongHoaOffice).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.PostJsonAsync(FeedKeyPath(), host.DistrictOfficer, null).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.PostJsonAsync(FeedKeyPath(), null, null).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
