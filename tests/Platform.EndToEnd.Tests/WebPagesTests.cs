using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The web pages in a real browser (Debian's Chromium, a phone-sized touch screen) against the standalone host in demo
/// mode. Citizens: feedback without an account followed by its tracking code, the published answer, the satisfaction
/// survey of a returned dossier, the dossier lookup. Staff: the desk transcribes a hamlet box item, the chairman assigns,
/// answers and publishes it.
/// </summary>
public sealed class WebPagesTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>, IAsyncLifetime
{
    private const string Commune = "my-thanh";
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium)) return; // each test skips, saying why
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var phone = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "vi-VN",
        });
        _page = await phone.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _http.Dispose();
    }

    private void SkipWithoutBrowser()
    {
        if (_browser is null) Assert.Skip("No Chromium at /usr/bin/chromium (or TEST_CHROMIUM): scripts/test.sh installs the 'chromium' package.");
    }

    private Task GoAsync(string pathAndHash) => _page.GotoAsync(fixture.Platform.BaseUrl + pathAndHash);

    [Fact]
    public async Task A_citizen_sends_feedback_from_a_phone_and_follows_it_to_the_published_answer()
    {
        SkipWithoutBrowser();
        const string words = "Thủ tục khai sinh <img src=x onerror=\"document.title='pwned'\"> cần những giấy tờ gì?";

        await GoAsync($"/?xa={Commune}#/gop-y");
        await Assertions.Expect(_page.Locator("#commune-name")).ToHaveTextAsync("UBND Xã Mỹ Thạnh");
        await _page.GetByLabel("Quy định thủ tục hành chính").CheckAsync();
        await _page.Locator("#procedure").SelectOptionAsync(new SelectOptionValue { Label = "Đăng ký khai sinh" });
        await _page.Locator("#hamlet").SelectOptionAsync(new SelectOptionValue { Label = "Ấp 3" });
        await _page.Locator("#content").FillAsync(words);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();

        var code = _page.Locator("#tracking-code");
        await Assertions.Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{10}$"));
        var trackingCode = await code.TextContentAsync();

        // Stored as the citizen wrote it, with the procedure and the hamlet chosen on the phone.
        var leader = await TokenAsync("chutich.mythanh");
        var items = await GetJsonAsync($"/api/communes/{Commune}/feedback?status=received", leader);
        var item = items.EnumerateArray().Single(i => i.GetProperty("trackingCode").GetString() == trackingCode);
        Assert.Equal(words, item.GetProperty("content").GetString());
        Assert.Equal("ho-tich-khai-sinh", item.GetProperty("procedureCode").GetString());
        Assert.Equal("ap-3", item.GetProperty("hamlet").GetString());
        Assert.Equal("online", item.GetProperty("channel").GetString());

        await _page.Locator("#tracking-link").ClickAsync();
        await Assertions.Expect(_page.Locator("#track-status")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(_page.Locator("#track-answer")).ToHaveTextAsync("Chưa có trả lời.");

        var id = item.GetProperty("id").GetString();
        await PostAsync($"/api/communes/{Commune}/feedback/{id}/assign", leader, new { staffId = "mt-tu-phap" });
        const string answer = "Cần tờ khai đăng ký khai sinh và giấy chứng sinh.";
        await PostAsync($"/api/communes/{Commune}/feedback/{id}/answer", leader, new { answer, publish = true });

        await _page.ReloadAsync();
        await Assertions.Expect(_page.Locator("#track-status")).ToHaveTextAsync("Đã trả lời");
        await Assertions.Expect(_page.Locator("#track-answer")).ToHaveTextAsync(answer);
        // The markup is shown as text and never becomes an element or runs.
        await Assertions.Expect(_page.Locator("#track-content")).ToHaveTextAsync(words);
        Assert.Equal(0, await _page.Locator("#track-content img").CountAsync());
        Assert.NotEqual("pwned", await _page.TitleAsync());

        await GoAsync($"/?xa={Commune}#/tra-loi");
        var published = _page.Locator("#answers li").Filter(new() { HasText = answer });
        await Assertions.Expect(published).ToHaveCountAsync(1);
        await Assertions.Expect(published.Locator(".question")).ToHaveTextAsync(words);
    }

    [Fact]
    public async Task A_citizen_rates_a_returned_dossier_with_the_code_on_the_slip_once()
    {
        SkipWithoutBrowser();
        var desk = await TokenAsync("motcua.mythanh");
        var dossier = await PostAsync($"/api/communes/{Commune}/dossiers", desk,
            new { procedureCode = "ho-tich-khai-tu", applicant = new { name = "Lê Văn Tám", phone = "0918000111", hamlet = "ap-2" } });
        var id = dossier.GetProperty("id").GetString();
        await PostAsync($"/api/communes/{Commune}/dossiers/{id}/assign", desk, new { staffId = "mt-tu-phap" });
        await PostAsync($"/api/communes/{Commune}/dossiers/{id}/resolve", desk, new { outcome = "approved", note = "Đủ hồ sơ" });
        var surveyCode = (await PostAsync($"/api/communes/{Commune}/dossiers/{id}/return", desk, null)).GetProperty("surveyCode").GetString()!;
        var before = await GetJsonAsync($"/api/communes/{Commune}/satisfaction", desk);

        // The slip's code reaches the feedback service by an event: wait for it as a citizen walking home would.
        await WaitForSurveyAsync(surveyCode);
        await GoAsync("/#/danh-gia");
        await _page.Locator("#survey-code").FillAsync(surveyCode.ToLowerInvariant());
        await _page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#survey-procedure")).ToHaveTextAsync("Đăng ký khai tử");
        await _page.GetByLabel("Hài lòng", new() { Exact = true }).CheckAsync();
        await _page.Locator("select[name=officer]").SelectOptionAsync("5");
        await _page.Locator("select[name=access]").SelectOptionAsync("4");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#survey-done")).ToBeVisibleAsync();

        var after = await GetJsonAsync($"/api/communes/{Commune}/satisfaction", desk);
        Assert.Equal(before.GetProperty("responses").GetInt32() + 1, after.GetProperty("responses").GetInt32());
        Assert.Equal(before.GetProperty("byLevel").GetProperty("satisfied").GetInt32() + 1, after.GetProperty("byLevel").GetProperty("satisfied").GetInt32());

        // The same code a second time, from the link on the slip: the page says it was used.
        await _page.GotoAsync("about:blank");
        await GoAsync($"/#/danh-gia/{surveyCode}");
        await Assertions.Expect(_page.Locator("#error")).ToContainTextAsync("đã được dùng");
        Assert.True(await _page.Locator("#survey-form").IsHiddenAsync());

        // And the dossier itself, by receipt number and phone.
        await GoAsync($"/?xa={Commune}#/ho-so");
        await _page.Locator("#receipt-no").FillAsync(dossier.GetProperty("receiptNo").GetString()!);
        await _page.Locator("#dossier-phone").FillAsync("0918000111");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#dossier-procedure")).ToHaveTextAsync("Đăng ký khai tử");
        await _page.Locator("#dossier-phone").FillAsync("0918000112");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#error")).ToContainTextAsync("Không tìm thấy");
    }

    [Fact]
    public async Task The_desk_transcribes_a_hamlet_box_item_and_the_chairman_answers_and_publishes_it()
    {
        SkipWithoutBrowser();
        var words = "Hòm thư ấp 3: đề nghị niêm yết lệ phí chứng thực tại văn phòng ấp " + Guid.NewGuid().ToString("N")[..6];

        await GoAsync("/can-bo");
        await SignInAsync("motcua.mythanh");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận góp ý" }).ClickAsync();
        await _page.Locator("#channel").SelectOptionAsync(new SelectOptionValue { Label = "Hòm thư góp ý tại văn phòng Ấp 3" });
        await _page.Locator("#category").SelectOptionAsync("procedure-rules");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);
        await _page.Locator("#received-on").FillAsync(yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await _page.Locator("#transcribe-content").FillAsync(words);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();

        await Assertions.Expect(_page.Locator("#item-content")).ToHaveTextAsync(words);
        await Assertions.Expect(_page.Locator("#item-channel")).ToHaveTextAsync("Hòm thư góp ý tại văn phòng Ấp 3");
        await Assertions.Expect(_page.Locator("#item-contact")).ToHaveTextAsync("Không ghi (ẩn danh)");
        Assert.True(await _page.Locator("#answer-form").IsHiddenAsync()); // the desk records; the leaders answer
        var leader = await TokenAsync("chutich.mythanh");
        var stored = (await GetJsonAsync($"/api/communes/{Commune}/feedback?channel=hamlet-box-ap-3", leader)).EnumerateArray()
            .Single(i => i.GetProperty("content").GetString() == words);
        Assert.Equal("ap-3", stored.GetProperty("hamlet").GetString());
        Assert.Equal(yesterday, DateOnly.FromDateTime(stored.GetProperty("receivedAt").GetDateTime().ToUniversalTime().AddHours(7)));

        await _page.GetByRole(AriaRole.Link, new() { Name = "Đăng xuất" }).ClickAsync();
        await SignInAsync("chutich.mythanh");
        await _page.GetByRole(AriaRole.Link, new() { Name = words }).ClickAsync();
        await _page.Locator("#assignee").SelectOptionAsync(new SelectOptionValue { Label = "Trần Thị Mai" });
        await _page.GetByRole(AriaRole.Button, new() { Name = "Phân công" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#item-status")).ToHaveTextAsync("Đang xử lý");
        const string answer = "UBND xã sẽ niêm yết lệ phí tại 6 văn phòng ấp trong tuần này.";
        await _page.Locator("#answer").FillAsync(answer);
        await _page.Locator("#publish").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#item-status")).ToHaveTextAsync("Đã trả lời");

        await GoAsync($"/?xa={Commune}#/tra-loi");
        await Assertions.Expect(_page.Locator("#answers li").Filter(new() { HasText = answer })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_district_officer_sees_the_communes_ranked_and_the_nominations_sent_up()
    {
        SkipWithoutBrowser();
        var year = DateTime.UtcNow.AddHours(7).Year;
        var district = await TokenAsync("noivu.giongtrom");
        var expected = (await GetJsonAsync($"/api/districts/giong-trom/scoreboard?year={year}", district)).GetProperty("communes").EnumerateArray()
            .Select(r => (Rank: r.GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Name: r.GetProperty("name").GetString()!))
            .ToList();
        Assert.Equal(2, expected.Count);

        await GoAsync("/can-bo");
        await SignInAsync("noivu.giongtrom", "giong-trom");

        // The district's own pages, not the commune's feedback desk.
        await Assertions.Expect(_page.Locator("#board tbody tr")).ToHaveCountAsync(2);
        Assert.True(await _page.GetByRole(AriaRole.Link, new() { Name = "Hộp thư góp ý" }).IsHiddenAsync());
        var rows = _page.Locator("#board tbody tr");
        for (var i = 0; i < expected.Count; i++)
        {
            await Assertions.Expect(rows.Nth(i).Locator("td").Nth(0)).ToHaveTextAsync(expected[i].Rank);
            await Assertions.Expect(rows.Nth(i).Locator("td").Nth(1)).ToHaveTextAsync(expected[i].Name);
        }
        await Assertions.Expect(rows.First.Locator("td").Nth(3)).ToContainTextAsync("Công khai TTHC");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Đề nghị khen thưởng" }).ClickAsync();
        var forwarded = (await GetJsonAsync($"/api/districts/giong-trom/nominations?year={year}", district)).GetArrayLength();
        if (forwarded == 0) await Assertions.Expect(_page.Locator("#inbox-empty")).ToBeVisibleAsync();
        else await Assertions.Expect(_page.Locator("#inbox li")).ToHaveCountAsync(forwarded);
    }

    private async Task SignInAsync(string username, string scope = Commune)
    {
        await _page.Locator("#username").FillAsync(username);
        await _page.Locator("#password").FillAsync("Demo@2015");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#who")).ToContainTextAsync(scope);
    }

    private async Task WaitForSurveyAsync(string code)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await _http.GetAsync($"/api/public/surveys/{code}", TestContext.Current.CancellationToken)).IsSuccessStatusCode) return;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"The survey code {code} never reached the feedback service.\n{fixture.Platform.Diagnostics}");
    }

    private async Task<string> TokenAsync(string username) =>
        await DeskFlow.TokenAsync(_http, username, "Demo@2015", () => fixture.Platform.Diagnostics);

    private async Task<JsonElement> GetJsonAsync(string path, string token) =>
        await DeskFlow.JsonAsync(await _http.SendAsync(DeskFlow.Request(HttpMethod.Get, path, token), TestContext.Current.CancellationToken), HttpStatusCode.OK, path);

    private async Task<JsonElement> PostAsync(string path, string token, object? body)
    {
        var response = await _http.SendAsync(DeskFlow.Request(HttpMethod.Post, path, token, body), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
