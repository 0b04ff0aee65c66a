using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Platform.Web.Tests;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download): launched once per fixture, skipped, saying why, where
/// there is no Chromium. Desk screens are 1366×768 (at twice the pixels, so that a screenshot of a QR code reads back);
/// citizens' a 390×844 touch phone.
/// </summary>
public sealed class WebBrowser : IAsyncDisposable
{
    public const string SkipReason = "No Chromium at /usr/bin/chromium (or TEST_CHROMIUM): scripts/test.sh installs the 'chromium' package.";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private WebBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static string? ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Null where there is no Chromium.</summary>
    public static async Task<WebBrowser?> LaunchAsync()
    {
        if (ChromiumPath is not { } chromium) return null;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Arguments });
        return new WebBrowser(playwright, browser);
    }

    public Task<IBrowserContext> DeskAsync(string baseUrl) => _browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, DeviceScaleFactor = 2,
        Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh",
    });

    public Task<IBrowserContext> PhoneAsync(string baseUrl) => _browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh",
    });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>The standalone host in demo mode and a browser, shared by the web app's tests on it (one host, one Chromium).</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    /// <summary>
    /// The README's host, but for the anonymous rate limit: every page, style sheet and script of a browser counts in it
    /// (120 a minute by default), and these tests load far more pages a minute from one address than a citizen does.
    /// The limits themselves are WebAppHostingTests' subject.
    /// </summary>
    public StandalonePlatform Platform { get; } = new(new Dictionary<string, string> { ["RateLimits:AnonymousPerMinute"] = "100000" });
    public WebBrowser? Browser { get; private set; }
    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Browser = await WebBrowser.LaunchAsync();
        if (Browser is null) return; // each test skips, saying why; no host is started for nothing
        await Platform.InitializeAsync();
        Http = new HttpClient { BaseAddress = new Uri(Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    private readonly SemaphoreSlim _luongHoa = new(1, 1);
    private (string Token, string StaffId)? _luongHoaDesk;

    /// <summary>
    /// A desk officer of Lương Hòa (the demo seeds accounts for Mỹ Thạnh only): its staff, desk and account set up once
    /// through the API by the district admin.
    /// </summary>
    public async Task<(string Token, string StaffId)> LuongHoaDeskAsync()
    {
        await _luongHoa.WaitAsync();
        try
        {
            if (_luongHoaDesk is null)
            {
                var admin = await Web.TokenAsync(Http, Platform.DistrictAdmin.Username, Platform.DistrictAdmin.Password);
                var password = "Desk-" + Guid.NewGuid().ToString("N")[..12];
                var desk = await DeskFlow.ProvisionDeskAsync(Http, admin, "luong-hoa", "motcua.luonghoa", password, () => Platform.Diagnostics);
                _luongHoaDesk = (await Web.TokenAsync(Http, "motcua.luonghoa", password), desk.DeskStaffId);
            }
            return _luongHoaDesk.Value;
        }
        finally
        {
            _luongHoa.Release();
        }
    }

    /// <summary>The browser, or the test is skipped with the reason.</summary>
    public WebBrowser RequireBrowser() => Browser ?? throw SkipException();

    private static Exception SkipException()
    {
        Assert.Skip(WebBrowser.SkipReason);
        return new InvalidOperationException();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Http?.Dispose();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app on the standalone host";
}

/// <summary>What the web app's tests do the same way: sign in, wait for a circuit, check accessibility, read prints.</summary>
public static partial class Web
{
    public const string Commune = "my-thanh";
    public const string DemoPassword = "Demo@2015";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in on the page's sign-in form (where the browser was sent) and waits until it has left it.</summary>
    public static async Task SignInAsync(IPage page, string username, string password = DemoPassword)
    {
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/dang-nhap", StringComparison.Ordinal));
    }

    /// <summary>A new desk screen signed in as <paramref name="username"/> through the sign-in form.</summary>
    public static async Task<IPage> SignedInDeskAsync(WebBrowser browser, string baseUrl, string username, string password = DemoPassword)
    {
        var context = await browser.DeskAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await SignInAsync(page, username, password);
        return page;
    }

    /// <summary>
    /// An interactive page answers only once its circuit has connected (after the prerender): repeats
    /// <paramref name="act"/> until <paramref name="shown"/> appears, which only an interactive page makes appear.
    /// </summary>
    public static async Task UntilShownAsync(Func<Task> act, ILocator shown, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await act();
            try
            {
                await Assertions.Expect(shown).ToBeVisibleAsync(new() { Timeout = 1500 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (fails after <paramref name="most"/> presses).</summary>
    public static async Task TabToAsync(IPage page, string selector, int most = 30)
    {
        for (var i = 0; i < most; i++)
        {
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        Assert.Fail($"{selector} was not reached with {most} presses of Tab; the focus is on {focused}");
    }

    // ---- accessibility ----

    /// <summary>Runs axe on the page; returns the serious and critical violations as lines, and writes every violation to the test's output.</summary>
    public static async Task<IReadOnlyList<string>> AxeAsync(IPage page, string name)
    {
        // axe judges the page as it settles, not a frame of MudBlazor's transitions (a button fading from disabled to
        // enabled has, for 0.2 s, a contrast that neither state has).
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var result = await page.RunAxe();
        var output = TestContext.Current.TestOutputHelper;
        var byImpact = result.Violations.GroupBy(v => v.Impact ?? "none").Select(g => $"{g.Key} {g.Count()}");
        output?.WriteLine($"axe {name} ({page.Url}): {result.Violations.Length} violation(s){(result.Violations.Length == 0 ? "" : ": " + string.Join(", ", byImpact))}");
        foreach (var v in result.Violations)
            output?.WriteLine($"  [{v.Impact}] {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "axe-report.txt"),
            $"{name}\t{string.Join(",", result.Violations.Select(v => $"{v.Impact}:{v.Id}"))}\n");
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: [{v.Impact}] {v.Id} — {v.Help}: {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}").ToList();
    }

    // ---- printed forms ----

    /// <summary>The pages of a PDF as Chromium writes it: one MediaBox (width, height in points) per /Type /Page object.</summary>
    public static IReadOnlyList<(double Width, double Height)> PdfPages(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var pages = new List<(double, double)>();
        foreach (Match page in PdfPage().Matches(text))
        {
            // The page object's dictionary runs to its endobj; its MediaBox is there (or inherited from the Pages tree).
            var end = text.IndexOf("endobj", page.Index, StringComparison.Ordinal);
            var body = text[page.Index..(end < 0 ? text.Length : end)];
            var box = MediaBox().Match(body);
            if (!box.Success) box = MediaBox().Match(text);
            double N(int i) => double.Parse(box.Groups[i].Value, CultureInfo.InvariantCulture);
            pages.Add((N(3) - N(1), N(4) - N(2)));
        }
        return pages;
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();

    [GeneratedRegex(@"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    /// <summary>What the QR code shown by <paramref name="image"/> says, read from a screenshot of it.</summary>
    public static async Task<string> ReadQrAsync(ILocator image)
    {
        // What the code says, not how small it prints: shown large and whole before the screenshot.
        // Two animation frames after the resize, so that the screenshot shows the code painted at its new size.
        await image.EvaluateAsync("""
            async img => {
              img.style.width = img.style.height = '320px';
              await img.decode();
              await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            }
            """);
        // A loaded machine may still catch a frame mid-paint: a few fresh screenshots, then the code must read.
        (int Width, int Height) size = default;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (attempt > 0) await Task.Delay(300);
            var png = await image.ScreenshotAsync(new() { Scale = ScreenshotScale.Css });
            var (pixels, width, height) = PngLuminance.Decode(png);
            size = (width, height);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
            if (new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true }) is { } result)
                return result.Text;
        }
        Assert.Fail($"No QR code could be read from five {size.Width}×{size.Height} screenshots.");
        return "";
    }

    // ---- the API, for what a test sets up or checks behind the pages ----

    public static Task<string> TokenAsync(HttpClient http, string username, string password = DemoPassword) =>
        DeskFlow.TokenAsync(http, username, password, () => "");

    public static async Task<JsonElement> GetAsync(HttpClient http, string path, string? token) =>
        await DeskFlow.JsonAsync(await http.SendAsync(DeskFlow.Request(HttpMethod.Get, path, token), Ct), HttpStatusCode.OK, path);

    public static async Task<JsonElement> PostAsync(HttpClient http, string path, string? token, object? body = null)
    {
        var response = await http.SendAsync(DeskFlow.Request(HttpMethod.Post, path, token, body ?? new { }), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A dossier received through the API, optionally assigned, resolved approved and returned (with its survey code).</summary>
    public static async Task<(string Id, string ReceiptNo, string? SurveyCode)> DossierAsync(HttpClient http, string desk, string commune, string procedure,
        string name, string phone, DateTime? receivedAt = null, string? handler = null)
    {
        var dossier = await PostAsync(http, $"/api/communes/{commune}/dossiers", desk,
            new { procedureCode = procedure, applicant = new { name, phone }, receivedAt });
        var id = dossier.GetProperty("id").GetString()!;
        var receiptNo = dossier.GetProperty("receiptNo").GetString()!;
        if (handler is null) return (id, receiptNo, null);
        await PostAsync(http, $"/api/communes/{commune}/dossiers/{id}/assign", desk, new { staffId = handler });
        await PostAsync(http, $"/api/communes/{commune}/dossiers/{id}/resolve", desk, new { outcome = "approved", note = "Đủ điều kiện" });
        var returned = await PostAsync(http, $"/api/communes/{commune}/dossiers/{id}/return", desk);
        return (id, receiptNo, returned.GetProperty("surveyCode").GetString());
    }

    /// <summary>Waits until the survey code of a returned dossier has reached the feedback service (by an event).</summary>
    public static async Task WaitForSurveyAsync(HttpClient http, string code)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if ((await http.GetAsync($"/api/public/surveys/{code}", Ct)).IsSuccessStatusCode) return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"The survey code {code} never reached the feedback service.");
    }

    public static string Phone() => "09" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}
