using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>A standalone host (demo mode) whose tokens last one minute (<c>Auth:TokenLifetimeMinutes=1</c>), and a browser.</summary>
public sealed class ShortSessionFixture : IAsyncLifetime
{
    public StandalonePlatform Platform { get; } = new(new Dictionary<string, string> { ["Auth:TokenLifetimeMinutes"] = "1", ["RateLimits:AnonymousPerMinute"] = "100000" });
    public WebBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Browser = await WebBrowser.LaunchAsync();
        if (Browser is not null) await Platform.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

/// <summary>
/// The session ends when the platform's token does: a page opened afterwards goes to sign-in, and so does an open
/// interactive page at its next API call (the API answers 401). Its own host, in parallel with the other web tests:
/// most of its time is waiting for the minute to pass.
/// </summary>
public sealed class SessionExpiryTests(ShortSessionFixture fixture) : IClassFixture<ShortSessionFixture>
{
    [Fact]
    public async Task An_expired_session_sends_both_a_new_page_and_an_open_circuit_to_sign_in()
    {
        if (fixture.Browser is not { } browser)
        {
            Assert.Skip(WebBrowser.SkipReason);
            return;
        }
        var signedInAt = DateTime.UtcNow;
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        var cookies = await page.Context.CookiesAsync();
        Assert.All(cookies.Where(c => c.Name.StartsWith("cchc-session", StringComparison.Ordinal)),
            c => Assert.True(c.Expires < 0, $"{c.Name} is kept on disk until {c.Expires}: a session cookie is not")); // not persistent

        await page.GotoAsync("/can-bo/mot-cua/ho-so");
        var chip = page.Locator("[data-status=received]");
        await Expect(chip).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=queue-table] tbody tr").First).ToBeVisibleAsync(); // interactive: the table has read its rows
        // Still valid shortly after sign-in: a filter reads the API and the page stays.
        await chip.ClickAsync();
        await Expect(page.Locator("[data-testid=queue-table]")).ToBeVisibleAsync();
        Assert.Equal("/can-bo/mot-cua/ho-so", new Uri(page.Url).AbsolutePath);

        // The token's minute and the API's 30 s of clock skew, and a little more.
        var expired = signedInAt.AddSeconds(60 + 30 + 5) - DateTime.UtcNow;
        if (expired > TimeSpan.Zero) await Task.Delay(expired, TestContext.Current.CancellationToken);

        await chip.ClickAsync(); // the circuit's next API call meets a 401
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua%2Fho-so$"), new() { Timeout = 15_000 });

        // The cookie the browser still holds opens nothing: the ticket expired with the token.
        await page.GotoAsync("/can-bo/mot-cua");
        await page.WaitForURLAsync(new Regex(@"/dang-nhap\?returnUrl=%2Fcan-bo%2Fmot-cua$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);

        // And signing in again starts a new session where the user was going.
        await Web.SignInAsync(page, "motcua.mythanh");
        Assert.Equal("/can-bo/mot-cua", new Uri(page.Url).AbsolutePath);
        await page.Context.CloseAsync();
    }
}
