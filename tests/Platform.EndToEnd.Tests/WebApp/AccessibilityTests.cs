using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// axe (Deque.AxeCore.Playwright) on every page of the desk and the portal, each in the state a person sees it in: no
/// violation of impact serious or critical (every violation is written to the test's output). And the sign-in and the
/// feedback form work with the keyboard alone.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class AccessibilityTests(WebAppFixture fixture)
{
    [Fact]
    public async Task The_staff_pages_have_no_serious_or_critical_axe_violations()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var desk = await Web.TokenAsync(http, "motcua.mythanh");
        var dossier = await Web.DossierAsync(http, desk, Web.Commune, "ho-tich-ket-hon", "Đặng Thùy Trâm", Web.Phone());
        var found = new List<string>();

        var page = await (await browser.DeskAsync(fixture.Platform.BaseUrl)).NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập cán bộ");
        found.AddRange(await Web.AxeAsync(page, "sign-in"));
        await Web.SignInAsync(page, "motcua.mythanh");

        await Expect(page.Locator("[data-testid=desk-today]")).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(page, "desk home"));

        await page.GotoAsync("/can-bo/mot-cua/tiep-nhan");
        await DeskUi.ChooseProcedureAsync(page);
        found.AddRange(await Web.AxeAsync(page, "receiving"));

        await page.GotoAsync("/can-bo/mot-cua/ho-so");
        await Expect(page.Locator("[data-testid=queue-table] [data-receipt]").First).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(page, "queue"));

        await page.GotoAsync($"/can-bo/mot-cua/ho-so/{dossier.Id}");
        await Web.UntilShownAsync(() => page.Locator("[data-action=assign]").ClickAsync(), page.Locator("[data-testid=action-form]"));
        // The form as the officer uses it: once the roster has loaded (the confirm button is disabled, as inactive, till then).
        await Expect(page.Locator("[data-testid=action-confirm]")).ToBeEnabledAsync();
        found.AddRange(await Web.AxeAsync(page, "dossier page (assign form open)"));

        await page.GotoAsync($"/in/ho-so/{dossier.Id}/tiep-nhan");
        await Expect(page.Locator(".sheet h1")).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(page, "receipt (form 01)"));

        await page.GotoAsync("/can-bo/gop-y");
        await Expect(page.Locator("[data-testid=feedback-count]")).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(page, "feedback desk inbox"));
        await page.Context.CloseAsync();

        var district = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "noivu.giongtrom");
        await district.GotoAsync("/can-bo/huyen");
        await Expect(district.Locator("[data-testid=ranking], [data-testid=ranking-empty]").First).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(district, "district ranking"));
        await district.Context.CloseAsync();

        Assert.True(found.Count == 0, "Serious or critical axe violations:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task The_citizens_pages_have_no_serious_or_critical_axe_violations_on_a_phone()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var desk = await Web.TokenAsync(http, "motcua.mythanh");
        var phone = Web.Phone();
        var dossier = await Web.DossierAsync(http, desk, Web.Commune, "ho-tich-ket-hon", "Lý Tự Trọng", phone, handler: "mt-tu-phap");
        await Web.WaitForSurveyAsync(http, dossier.SurveyCode!);
        var found = new List<string>();
        var page = await (await browser.PhoneAsync(fixture.Platform.BaseUrl)).NewPageAsync();

        async Task Check(string path, string name, string shown)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(shown).First).ToBeVisibleAsync();
            found.AddRange(await Web.AxeAsync(page, name));
        }

        await Check("/", "citizens' list of communes", "a[data-commune]");
        await Check("/xa/my-thanh", "commune home", "#commune-tasks");
        await Check("/xa/my-thanh/thu-tuc", "procedure list", "#procedure-list");
        await Check("/xa/my-thanh/thu-tuc/ho-tich-ket-hon", "procedure page", "#procedure-components");
        await Check($"/xa/my-thanh/tra-cuu?so={dossier.ReceiptNo}", "lookup", "#lookup-form");
        await page.Locator("#lookup-phone").FillAsync(phone);
        await page.Locator("#lookup-submit").ClickAsync();
        await Expect(page.Locator("#dossier-result")).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(page, "lookup (dossier found)"));
        await page.Locator("#lookup-phone").FillAsync("0900000000");
        await page.Locator("#lookup-submit").ClickAsync();
        await Expect(page.Locator("#lookup-problem")).ToBeVisibleAsync();
        found.AddRange(await Web.AxeAsync(page, "lookup (not found)"));
        await Check("/xa/my-thanh/gop-y", "feedback form", "#feedback-form");
        await Check($"/xa/my-thanh/danh-gia/{dossier.SurveyCode}", "survey", "#survey-form");
        await page.Context.CloseAsync();

        Assert.True(found.Count == 0, "Serious or critical axe violations:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task Signing_in_works_with_the_keyboard_alone()
    {
        var browser = fixture.RequireBrowser();
        var page = await (await browser.DeskAsync(fixture.Platform.BaseUrl)).NewPageAsync();
        await page.GotoAsync("/dang-nhap?returnUrl=%2Fcan-bo%2Fmot-cua%2Fho-so");
        await Web.TabToAsync(page, "#username");
        await page.Keyboard.TypeAsync("motcua.mythanh");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'password'"), "Tab from the user name leads to the password.");
        await page.Keyboard.TypeAsync(Web.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/can-bo/mot-cua/ho-so");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ đang giải quyết");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_sends_feedback_with_the_keyboard_alone()
    {
        var browser = fixture.RequireBrowser();
        var page = await (await browser.PhoneAsync(fixture.Platform.BaseUrl)).NewPageAsync();
        var words = "Góp ý bằng bàn phím " + Guid.NewGuid().ToString("N")[..6];
        var response = await page.GotoAsync("/xa/my-thanh/gop-y");
        Assert.True(response!.Ok, $"GET /xa/my-thanh/gop-y: {response.Status} {await response.TextAsync()}");
        await Expect(page.Locator("#feedback-form")).ToBeVisibleAsync();

        // The category: the chosen radio takes the focus; the arrow keys choose another.
        await Web.TabToAsync(page, "input[type=radio]");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.id");
        await page.Keyboard.PressAsync("ArrowDown");
        var chosen = await page.EvaluateAsync<string>("() => document.activeElement.id");
        Assert.NotEqual(first, chosen);
        Assert.True(await page.Locator("#" + chosen).IsCheckedAsync(), $"{chosen} is chosen with the arrow key");
        await Web.TabToAsync(page, "#feedback-content");
        await page.Keyboard.TypeAsync(words);
        await Web.TabToAsync(page, "#feedback-submit");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#tracking-code, #feedback-problem, #load-problem").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#tracking-code").CountAsync() == 1, "No tracking code; the page says: " + await page.Locator("main").InnerTextAsync());
        await Expect(page.Locator("#tracking-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{10}$"));
        var code = await page.Locator("#tracking-code").TextContentAsync();
        var leader = await Web.TokenAsync(fixture.Http, "chutich.mythanh");
        var item = (await Web.GetAsync(fixture.Http, "/api/communes/my-thanh/feedback?status=received", leader)).EnumerateArray()
            .Single(i => i.GetProperty("trackingCode").GetString() == code);
        Assert.Equal(words, item.GetProperty("content").GetString());
        Assert.Equal(chosen["category-".Length..], item.GetProperty("category").GetString());
        await page.Context.CloseAsync();
    }
}
