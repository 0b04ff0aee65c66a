using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// Revocation reaches the browser: the web session holds the platform's token, so when the district disables an account
/// its open page is sent to sign-in at its next API call, well before the token would have expired.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class RevokedSessionTests(WebAppFixture fixture)
{
    [Fact]
    public async Task A_desk_officer_whose_account_is_disabled_is_sent_to_sign_in_and_cannot_sign_in_again()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var admin = await Web.TokenAsync(http, fixture.Platform.DistrictAdmin.Username, fixture.Platform.DistrictAdmin.Password);
        var staff = await Web.PostAsync(http, $"/api/communes/luong-hoa/staff", admin, new { fullName = "Đỗ Văn Nghỉ", kind = "civil-servant", position = "tu-phap-ho-tich" });
        var username = "motcua.lh" + Guid.NewGuid().ToString("N")[..6];
        var password = "Nghi-" + Guid.NewGuid().ToString("N")[..10];
        await Web.PostAsync(http, $"/api/communes/luong-hoa/accounts", admin,
            new { staffId = staff.GetProperty("staff").GetProperty("id").GetString(), username, password, roles = new[] { "desk-officer" } });

        var dossier = await Web.DossierAsync(http, await Web.TokenAsync(http, username, password), "luong-hoa", "ho-tich-ket-hon", "Phan Văn Trị", Web.Phone());
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, username, password);
        await page.GotoAsync("/can-bo/mot-cua/ho-so");
        var chip = page.Locator("[data-status=received]");
        await Expect(chip).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=queue-table]")).ToBeVisibleAsync();
        // Interactive: the table has read its rows in the circuit (the prerender reads none).
        await Expect(page.Locator("[data-testid=queue-table] tbody tr", new() { HasText = dossier.ReceiptNo })).ToBeVisibleAsync();

        await Web.PostAsync(http, $"/api/communes/luong-hoa/accounts/{username}/disable", admin);

        // The token has hours left; the open page's next call meets a 401 and goes to sign-in.
        await chip.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua%2Fho-so$"), new() { Timeout = 30_000 });
        // A new page with the cookie the browser still holds opens nothing either.
        await page.GotoAsync("/can-bo/mot-cua");
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua$"));
        // Nor does the old password sign in again; the refusal is the sign-in's own words, even with the ended session's
        // cookie still in the browser (the attempt carries no session).
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.True(await page.Locator("#signin-problem").CountAsync() == 1,
            $"No sign-in problem at {page.Url}: {await page.Locator("body").InnerTextAsync()}\n{string.Join("\n", fixture.Platform.Diagnostics.Split('\n').Where(l => l.Contains("Exception")).TakeLast(5))}");
        await Expect(page.Locator("#signin-problem")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        Assert.Contains("/dang-nhap", page.Url);
        await page.Context.CloseAsync();
    }
}
