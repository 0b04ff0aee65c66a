using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>The staff's web session (the encrypted cookie <c>cchc-session</c> holding the platform's token) in the browser.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class SessionTests(WebAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Before_sign_in_no_staff_menu_shows_and_sign_in_returns_to_the_page_first_asked_for()
    {
        var browser = fixture.RequireBrowser();
        var page = await (await browser.DeskAsync(fixture.Platform.BaseUrl)).NewPageAsync();

        await page.GotoAsync("/can-bo/mot-cua/ho-so");
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua%2Fho-so$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập cán bộ");
        await AssertNoStaffMenuAsync(page);
        // Nor does the workspace's own answer, before the redirect, carry any of it.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Platform.BaseUrl) };
        var response = await anonymous.GetAsync("/can-bo/mot-cua", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dang-nhap?returnUrl=%2Fcan-bo%2Fmot-cua", response.Headers.Location?.PathAndQuery);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Tiếp nhận hồ sơ", body);
        Assert.DoesNotContain("Đăng xuất", body);

        await Web.SignInAsync(page, "motcua.mythanh");
        Assert.Equal("/can-bo/mot-cua/ho-so", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ đang giải quyết");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Trình đơn cán bộ" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();

        // A wrong password says so in Vietnamese and signs nobody in; a foreign returnUrl leads home, not away.
        var other = await (await browser.DeskAsync(fixture.Platform.BaseUrl)).NewPageAsync();
        await other.GotoAsync("/dang-nhap?returnUrl=" + Uri.EscapeDataString("//evil.example/can-bo"));
        await other.Locator("#username").FillAsync("motcua.mythanh");
        await other.Locator("#password").FillAsync("sai-mat-khau");
        await other.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(other.Locator("#signin-problem")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        Assert.DoesNotContain(await other.Context.CookiesAsync(), c => c.Name.StartsWith("cchc-session", StringComparison.Ordinal));
        await Web.SignInAsync(other, "motcua.mythanh");
        Assert.Equal(new Uri(fixture.Platform.BaseUrl).Authority, new Uri(other.Url).Authority);
        Assert.Equal("/can-bo/mot-cua", new Uri(other.Url).AbsolutePath);
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tampered_session_cookie_is_no_session()
    {
        var browser = fixture.RequireBrowser();
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        await page.GotoAsync("/can-bo/mot-cua");
        await Expect(page.Locator("[data-testid=desk-today]")).ToBeVisibleAsync(); // the genuine cookie opens the desk

        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Where(c => c.Name.StartsWith("cchc-session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);
        Assert.All(session, c => Assert.True(c.HttpOnly && c.SameSite == SameSiteAttribute.Strict, $"{c.Name}: HttpOnly {c.HttpOnly}, SameSite {c.SameSite}"));
        // Chunked when large (cchc-session=chunks-N, cchc-sessionC1...): alter the encrypted part, one character in its middle.
        var target = session.OrderByDescending(c => c.Value.Length).First();
        var middle = target.Value.Length / 2;
        var altered = target.Value[..middle] + (target.Value[middle] == 'A' ? 'B' : 'A') + target.Value[(middle + 1)..];
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = target.Name, Value = altered, Domain = target.Domain, Path = target.Path, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);

        await page.GotoAsync("/can-bo/mot-cua");
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua$"));
        await AssertNoStaffMenuAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_in_the_browser()
    {
        var browser = fixture.RequireBrowser();
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" });
        await Expect(signOut).ToBeVisibleAsync();
        await signOut.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/dang-nhap$"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name.StartsWith("cchc-session", StringComparison.Ordinal));

        await page.GotoAsync("/can-bo/mot-cua/tiep-nhan");
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua%2Ftiep-nhan$"));
        await AssertNoStaffMenuAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Form_posts_without_the_antiforgery_token_are_refused()
    {
        var browser = fixture.RequireBrowser();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(fixture.Platform.BaseUrl) };
        var fields = new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.Username"] = "motcua.mythanh", ["Input.Password"] = Web.DemoPassword };

        var signIn = await http.PostAsync("/dang-nhap", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("cchc-session", StringComparison.Ordinal)));

        // The same form with the page's token (and its cookie) signs in: the token is what was missing.
        var form = await http.GetAsync("/dang-nhap", Ct);
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        Assert.NotEmpty(token);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        withToken.Headers.Add("Cookie", antiforgeryCookie);
        var accepted = await http.SendAsync(withToken, Ct);
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, $"sign-in with the token: {(int)accepted.StatusCode}");
        Assert.Contains(accepted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cchc-session", StringComparison.Ordinal));

        // Signing out is a form too: a signed-in browser's cookie without the token is refused, and the session goes on.
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        var session = string.Join("; ", (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("cchc-session", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/dang-xuat") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) };
        signOut.Headers.Add("Cookie", session);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(signOut, Ct)).StatusCode);
        await page.GotoAsync("/can-bo/mot-cua");
        await Expect(page.Locator("[data-testid=desk-today]")).ToBeVisibleAsync();
        Assert.Equal("/can-bo/mot-cua", new Uri(page.Url).AbsolutePath);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_communes_dossier_is_not_found_on_the_desk()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var (luongHoaDesk, _) = await fixture.LuongHoaDeskAsync();
        var foreign = await Web.DossierAsync(http, luongHoaDesk, "luong-hoa", "ho-tich-ket-hon", "Huỳnh Tấn Phát", Web.Phone());

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        await page.GotoAsync($"/can-bo/mot-cua/ho-so/{foreign.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy hồ sơ");
        await Expect(page.Locator("main")).ToContainTextAsync("Hồ sơ này không có trong xã của bạn.");
        var shown = await page.ContentAsync();
        Assert.DoesNotContain("Huỳnh Tấn Phát", shown);
        Assert.DoesNotContain(foreign.ReceiptNo, shown);
        Assert.Equal(0, await page.Locator("[data-action]").CountAsync());

        // Nor does its printed receipt: a 404 with the page's Vietnamese notice.
        var print = await page.GotoAsync($"/in/ho-so/{foreign.Id}/tiep-nhan");
        Assert.Equal(404, print!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy hồ sơ");
        var printed = await print.TextAsync();
        Assert.DoesNotContain("Huỳnh Tấn Phát", printed);
        Assert.DoesNotContain(foreign.ReceiptNo, printed);
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoStaffMenuAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Trình đơn cán bộ" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryField();
}
