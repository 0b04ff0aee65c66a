using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Awards.Api.Infrastructure;
using Awards.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;

namespace Awards.Api.Tests;

/// <summary>The radio feed: a stable cursor, RSS 2.0, the daily bulletin (and its audio where espeak-ng is installed), and the radio client's scope.</summary>
public sealed class RadioTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    private const string Radio = "/api/communes/my-thanh/radio";

    private async Task<List<System.Text.Json.JsonElement>> ItemsAsync(string query = "") =>
        [.. (await host.GetAsync($"{Radio}/items{query}", host.Radio)).EnumerateArray()];

    private static HotlineChanged Hotline(DateTime at) => new()
    {
        Commune = Seed.MyThanh, ChangedAt = at,
        Contacts = [new HotlineContact { Name = "Phạm Thanh Diễn", Title = "Chủ tịch UBND xã", Phone = "0275 3861 001" }],
    };

    [Fact]
    public async Task The_cursor_returns_exactly_what_came_after_it_in_order()
    {
        var before = await ItemsAsync();
        Assert.Contains(before, i => i.Str("kind") == "movement"); // the launch on onboarding
        var cursor = before[^1].Str("id");
        Assert.Empty(await ItemsAsync($"?since={cursor}"));

        await host.Factory.ConsumeAsync(Hotline(DateTime.UtcNow), copies: 2);
        await host.Factory.ConsumeAsync(EventFedTests.Changed(Seed.MyThanh, "ho-tich-ket-hon", 2, true, days: 3, previousDays: 5, components: 2, previousComponents: 4));
        // A revision that is neither faster nor simpler is not news.
        await host.Factory.ConsumeAsync(EventFedTests.Changed(Seed.MyThanh, "ho-tich-ket-hon", 3, true, days: 4, previousDays: 3));

        var after = await ItemsAsync($"?since={cursor}");
        Assert.Equal(["hotline", "procedure"], after.Select(i => i.Str("kind")));
        Assert.Equal([long.Parse(cursor, CultureInfo.InvariantCulture) + 1, long.Parse(cursor, CultureInfo.InvariantCulture) + 2],
            after.Select(i => long.Parse(i.Str("id"), CultureInfo.InvariantCulture)));
        Assert.Contains("Chủ tịch UBND xã Phạm Thanh Diễn, số 0275 3861 001", after[0].Str("text"));
        Assert.Contains("rút ngắn từ 5 xuống còn 3 ngày làm việc", after[1].Str("text"));
        Assert.Contains("giảm từ 4 xuống còn 2", after[1].Str("text"));
        Assert.Equal(after.Select(i => i.Str("id")), (await ItemsAsync($"?since={cursor}")).Select(i => i.Str("id"))); // stable
        Assert.Single(await ItemsAsync($"?since={after[0].Str("id")}"));
        await host.Client.GetAsync($"{Radio}/items?since=abc", host.Radio).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        await host.Client.GetAsync($"{Radio}/items?since=-1", host.Radio).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task The_feed_is_valid_RSS_2_and_follows_new_items()
    {
        var first = await FeedAsync();
        await host.Factory.ConsumeAsync(Hotline(DateTime.UtcNow) with
        {
            Contacts = [new HotlineContact { Name = "Nguyễn Văn Hùng", Title = "Phó Chủ tịch UBND xã", Phone = "0275 3861 002" }],
        });
        var feed = await FeedAsync();
        Assert.Equal(first.Descendants("item").Count() + 1, feed.Descendants("item").Count());
        Assert.Contains(feed.Descendants("item"), i => i.Element("description")!.Value.Contains("Nguyễn Văn Hùng"));

        var audio = host.Factory.Services.GetRequiredService<RadioAudio>();
        var enclosures = feed.Descendants("enclosure").ToList();
        if (!audio.Available)
        {
            Assert.Empty(enclosures);
            return;
        }
        var enclosure = Assert.Single(enclosures);
        Assert.Equal("audio/wav", enclosure.Attribute("type")?.Value);
        var url = new Uri(enclosure.Attribute("url")!.Value);
        var wav = await host.Client.GetAsync(url.PathAndQuery, host.Radio);
        Assert.Equal(HttpStatusCode.OK, wav.StatusCode);
        var bytes = await wav.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
    }

    private async Task<XElement> FeedAsync()
    {
        var response = await host.Client.GetAsync($"{Radio}/feed.rss", host.Radio);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Root!;
        Assert.Equal(("rss", "2.0"), (rss.Name.LocalName, rss.Attribute("version")?.Value));
        var channel = Assert.Single(rss.Elements("channel"));
        foreach (var required in new[] { "title", "link", "description" })
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(required)?.Value), $"channel/{required}");
        Assert.True(Uri.IsWellFormedUriString(channel.Element("link")!.Value, UriKind.Absolute));
        var items = channel.Elements("item").ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, items.Select(i => i.Element("guid")!.Value).Distinct().Count());
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")?.Value));
            Assert.Equal("false", item.Element("guid")?.Attribute("isPermaLink")?.Value);
            // RFC 822 date-time as RSS 2.0 requires, e.g. "Wed, 25 Nov 2026 01:02:03 GMT".
            Assert.True(DateTime.TryParseExact(item.Element("pubDate")?.Value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _), item.Element("pubDate")?.Value);
        }
        return rss;
    }

    [Fact]
    public async Task The_bulletin_reads_the_days_items_in_order()
    {
        var day = new DateTime(2024, 3, 5, 2, 0, 0, DateTimeKind.Utc); // 09:00 in Vietnam on 5 March 2024
        await host.Factory.ConsumeAsync(Hotline(day));
        await host.Factory.ConsumeAsync(Hotline(new DateTime(2024, 3, 5, 18, 0, 0, DateTimeKind.Utc))); // already 6 March in Vietnam

        var bulletin = await host.GetAsync($"{Radio}/bulletin?date=2024-03-05", host.Radio);
        Assert.Equal(1, bulletin.Int("items"));
        var script = bulletin.Str("script");
        Assert.Contains("ngày 5 tháng 3 năm 2024", script);
        Assert.Contains("Tin thứ nhất: Số điện thoại đường dây nóng", script);
        Assert.DoesNotContain("Tin thứ hai", script);
        Assert.EndsWith("Cảm ơn bà con đã chú ý theo dõi.", script);
        Assert.Equal(1, (await host.GetAsync($"{Radio}/bulletin?date=2024-03-06", host.Radio)).Int("items"));
        Assert.Contains("chưa có tin mới", (await host.GetAsync($"{Radio}/bulletin?date=2024-03-07", host.Radio)).Str("script"));
    }

    [Fact]
    public async Task The_radio_client_reads_its_own_communes_radio_and_nothing_else()
    {
        foreach (var path in new[] { "items", "feed.rss", "bulletin" })
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"{Radio}/{path}", host.Radio)).StatusCode);
            await host.Client.GetAsync($"/api/communes/luong-hoa/radio/{path}", host.Radio).ProblemAsync(HttpStatusCode.Forbidden);
        }
        foreach (var path in new[] { "campaigns", "achievements", "nominations", "awards", "scoreboard" })
            await host.Client.GetAsync($"/api/communes/my-thanh/{path}", host.Radio).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.PostJsonAsync("/api/communes/my-thanh/nominations", host.Radio, Steps.Collective(2016)).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.GetAsync($"/api/districts/{Seed.District}/scoreboard", host.Radio).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.GetAsync($"/api/districts/{Seed.District}/nominations", host.Radio).ProblemAsync(HttpStatusCode.Forbidden);
        await host.Client.GetAsync($"{Radio}/items", null).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/communes/luong-hoa/radio/items", host.Tokens.ForCommune(Seed.LuongHoa, Roles.Radio))).StatusCode);
    }
}
