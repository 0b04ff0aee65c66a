using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>The commune radio's page (1366×768) as the office works it: today's bulletin heard in the page, and the feed address handed out.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RadioPageTests(WebAppFixture fixture)
{
    private const string Office = "vanphong.mythanh";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_office_hears_todays_bulletin_and_hands_out_a_feed_address_that_works_without_a_token_until_the_key_is_replaced()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var token = await Web.TokenAsync(http, Office);
        var radio = $"/api/communes/{Web.Commune}/radio";
        // The demo's news reaches the radio by events: the movement's launch on onboarding, then the leaders' hotline.
        var items = new List<JsonElement>();
        await Platform.Testing.Service.Eventually.TrueAsync(async () =>
        {
            items = [.. (await Web.GetAsync(http, $"{radio}/items", token)).EnumerateArray()];
            return items.Any(i => i.GetProperty("kind").GetString() == "hotline");
        }, "the demo hotline on the radio");
        var bulletin = await Web.GetAsync(http, $"{radio}/bulletin", token);

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, Office);
        // The menu leads there (opened by its address: a click while the first page's circuit is still starting can be lost).
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đài truyền thanh" })).ToHaveAttributeAsync("href", "/can-bo/dai-truyen-thanh");
        await page.GotoAsync("/can-bo/dai-truyen-thanh");

        // Today's bulletin, as the API reads it.
        var day = DateOnly.Parse(bulletin.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
        // The page reads the API once its circuit is up: on a busy machine that can take more than the usual 5 seconds.
        await Expect(page.Locator("[data-testid=radio-bulletin] h2")).ToHaveTextAsync($"Bản tin hôm nay, {day:dd/MM/yyyy}", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=radio-script]")).ToHaveTextAsync(bulletin.GetProperty("script").GetString()!);
        await Expect(page.Locator("[data-testid=radio-items] [data-item]")).ToHaveCountAsync(items.Count);
        await Expect(page.Locator("[data-testid=radio-items] [data-item]").First).ToContainTextAsync(items[^1].GetProperty("title").GetString()!);

        // The audio element plays what the page hands it: the bulletin as WAV, through the session.
        var audio = page.Locator("[data-testid=radio-audio]");
        var source = await audio.GetAttributeAsync("src");
        Assert.NotNull(source);
        var wav = await page.APIRequest.GetAsync(source);
        Assert.Equal(200, wav.Status);
        Assert.StartsWith("audio/", wav.Headers["content-type"]);
        Assert.Equal("RIFF"u8.ToArray(), (await wav.BodyAsync())[..4]);
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('[data-testid=radio-audio]'); return a.readyState >= 1 && a.duration > 0; }");

        // The feed address: issued once, read from the page, fetched as a podcast client does, with no token.
        var issue = page.Locator("[data-testid=radio-feed-issue]");
        var feedUrl = await IssueAsync(page, async () =>
        {
            var first = (await issue.TextContentAsync())?.Trim() == "Cấp địa chỉ nhận tin";
            await issue.ClickAsync();
            if (!first) await ConfirmReplacementAsync(page); // a key issued before this test (the same host serves the whole collection)
        });
        var feed = await FeedAsync(http, feedUrl);
        // The feed's news is the API's, newest first, beside one item for the bulletin's audio.
        Assert.Equal(items.AsEnumerable().Reverse().Take(50).Select(i => i.GetProperty("title").GetString()),
            feed.Elements("item").Where(i => i.Element("enclosure") is null).Select(i => i.Element("title")!.Value));
        var enclosure = Assert.Single(feed.Descendants("enclosure"));
        using (var enclosed = await http.GetAsync(enclosure.Attribute("url")!.Value, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, enclosed.StatusCode);
            Assert.Equal("audio/wav", enclosed.Content.Headers.ContentType?.MediaType);
        }

        // Replacing the key (confirmed): the old address is 404 at once, the new one works.
        await Expect(issue).ToHaveTextAsync("Đổi khóa");
        var replaced = await IssueAsync(page, async () =>
        {
            await issue.ClickAsync();
            await ConfirmReplacementAsync(page);
        }, previous: feedUrl);
        Assert.NotEqual(feedUrl, replaced);
        using (var old = await http.GetAsync(feedUrl, Ct)) Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        await FeedAsync(http, replaced);

        // Opened again, the page says when the address was issued and never shows it again.
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=radio-feed-issued]")).ToContainTextAsync("Đã cấp địa chỉ lúc");
        await Expect(page.Locator("[data-testid=radio-feed-url]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(new Uri(replaced).Segments[^2].TrimEnd('/'), await page.ContentAsync());

        var found = await Web.AxeAsync(page, "radio page");
        await page.Context.CloseAsync();
        Assert.True(found.Count == 0, "Serious or critical axe violations:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task Only_the_office_and_the_leaders_see_the_radio_in_their_menu()
    {
        var browser = fixture.RequireBrowser();
        foreach (var (user, sees) in new[] { ("chutich.mythanh", true), ("motcua.mythanh", false), ("mttq.mythanh", false) })
        {
            var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, user);
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Trình đơn cán bộ" })).ToContainTextAsync("Trang chủ");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đài truyền thanh" })).ToHaveCountAsync(sees ? 1 : 0);
            await page.Context.CloseAsync();
        }
    }

    private static async Task ConfirmReplacementAsync(IPage page)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Địa chỉ đang dùng sẽ ngừng hoạt động ngay");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Đổi khóa" }).ClickAsync();
    }

    /// <summary>Issues a key by <paramref name="act"/> and returns the address the page then shows (another than <paramref name="previous"/>).</summary>
    private static async Task<string> IssueAsync(IPage page, Func<Task> act, string? previous = null)
    {
        var field = page.Locator("#radio-feed-url");
        await act(); // the page is interactive: its items are drawn only in the circuit
        await Expect(field).ToBeVisibleAsync();
        if (previous is not null) await Expect(field).Not.ToHaveValueAsync(previous);
        var url = await field.InputValueAsync();
        Assert.StartsWith($"{page.Url[..page.Url.IndexOf("/can-bo", StringComparison.Ordinal)]}/api/public/communes/{Web.Commune}/radio/", url);
        return url;
    }

    /// <summary>The feed at <paramref name="url"/> fetched with no token: RSS 2.0 that parses, its channel.</summary>
    private static async Task<XElement> FeedAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        Assert.Equal(("rss", "2.0"), (rss.Name.LocalName, rss.Attribute("version")?.Value));
        var channel = Assert.Single(rss.Elements("channel"));
        Assert.NotEmpty(channel.Elements("item"));
        return channel;
    }
}
