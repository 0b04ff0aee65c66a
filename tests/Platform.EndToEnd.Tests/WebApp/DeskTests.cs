using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>The one-stop desk in the browser (1366×768) against the standalone host in demo mode.</summary>
[Collection(WebAppCollection.Name)]
public sealed class DeskTests(WebAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_desk_receives_a_dossier_prints_one_A5_receipt_whose_QR_leads_to_the_lookup_then_assigns_resolves_and_returns_it()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var desk = await Web.TokenAsync(http, "motcua.mythanh");
        var handler = (await Web.GetAsync(http, $"/api/communes/{Web.Commune}/desk-handlers", desk)).EnumerateArray().First();
        var handlerName = handler.GetProperty("fullName").GetString()!;

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        Assert.Equal("/can-bo/mot-cua", new Uri(page.Url).AbsolutePath); // a desk officer's day starts on the desk
        var phone = Web.Phone();
        var received = await DeskUi.ReceiveAsync(page, "Nguyễn Thị Hoa", phone);

        // What the page shows is the dossier the API now holds.
        var stored = await Web.GetAsync(http, $"/api/communes/{Web.Commune}/dossiers/{received.Id}", desk);
        Assert.Equal(received.ReceiptNo, stored.GetProperty("receiptNo").GetString());
        Assert.Equal("ho-tich-ket-hon", stored.GetProperty("procedureCode").GetString());
        Assert.Equal(phone, stored.GetProperty("applicant").GetProperty("phone").GetString());

        // Printed from Chromium: one A5 portrait sheet (148 × 210 mm = 419.5 × 595.3 pt).
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var sheets = Web.PdfPages(pdf);
        Assert.True(sheets.Count == 1, $"The receipt printed on {sheets.Count} pages: {string.Join("; ", sheets)}");
        Assert.InRange(sheets[0].Width, 418.5, 420.5);
        Assert.InRange(sheets[0].Height, 594.3, 596.3);

        var qr = await DeskUi.ReceiptQrAsync(page);
        Assert.Equal($"{fixture.Platform.BaseUrl}/xa/{Web.Commune}/tra-cuu?so={received.ReceiptNo}", qr);

        var code = await DeskUi.AssignResolveReturnAsync(page, received.Id, handlerName);
        var returned = await Web.GetAsync(http, $"/api/communes/{Web.Commune}/dossiers/{received.Id}", desk);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal(code, returned.GetProperty("surveyCode").GetString());
        Assert.Equal(handler.GetProperty("staffId").GetString(), returned.GetProperty("handlerId").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_lists_open_dossiers_by_due_date_and_says_which_are_overdue_due_today_or_due_soon()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var desk = await Web.TokenAsync(http, "motcua.mythanh");
        const string procedure = "ho-tich-ket-hon"; // 5 working days
        var vietnam = TimeSpan.FromHours(7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow + vietnam);

        // When would a dossier received on each of the last weeks' mornings be due? (the receipt's own answer)
        var candidates = new List<(DateTime ReceivedAt, DateOnly Due)>();
        for (var daysAgo = 1; daysAgo <= 21; daysAgo++)
        {
            var at = new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), vietnam).UtcDateTime;
            var preview = await Web.GetAsync(http,
                $"/api/communes/{Web.Commune}/procedures/{procedure}/due-date?receivedAt={at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}", desk);
            candidates.Add((at, DateOnly.Parse(preview.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture)));
        }
        var overdue = candidates.Last();
        Assert.True(overdue.Due < today, $"received {overdue.ReceivedAt:u}, due {overdue.Due}");
        var dueSoon = candidates.Where(c => c.Due > today).MinBy(c => c.Due);
        var dueToday = candidates.Where(c => c.Due == today).Select(c => ((DateTime, DateOnly)?)c).FirstOrDefault();

        var tag = "Đợi " + Guid.NewGuid().ToString("N")[..6];
        var phone = Web.Phone();
        // Received in another order than they are due: the queue must sort them.
        var none = await Web.DossierAsync(http, desk, Web.Commune, procedure, $"Bốn {tag}", phone);
        var soon = await Web.DossierAsync(http, desk, Web.Commune, procedure, $"Ba {tag}", phone, dueSoon.ReceivedAt);
        var late = await Web.DossierAsync(http, desk, Web.Commune, procedure, $"Một {tag}", phone, overdue.ReceivedAt);
        var expected = new List<(string ReceiptNo, string Urgency, string Words)>
        {
            (late.ReceiptNo, "overdue", "Quá hạn"), (soon.ReceiptNo, "due-soon", "Sắp đến hạn"), (none.ReceiptNo, "none", "Trong hạn"),
        };
        // Today has no due date when it is no working day (a weekend, a holiday): then no dossier can be due today.
        if (dueToday is { } t)
            expected.Insert(1, ((await Web.DossierAsync(http, desk, Web.Commune, procedure, $"Hai {tag}", phone, t.Item1)).ReceiptNo, "due-today", "Đến hạn hôm nay"));
        else
            TestContext.Current.TestOutputHelper?.WriteLine($"{today} is not a working day: no dossier is due today.");

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        await page.GotoAsync("/can-bo/mot-cua/ho-so");
        var rows = page.Locator("[data-testid=queue-table] tbody tr:has([data-receipt])");
        await Expect(rows.First).ToBeVisibleAsync(); // the table reads its rows once the circuit is up
        await AssertDueDatesAscendAsync(rows);

        var search = page.Locator("input#queue-search, #queue-search input").First;
        await search.FillAsync(tag);
        await search.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = rows.Nth(i);
            await Expect(row.Locator("[data-receipt]")).ToHaveAttributeAsync("data-receipt", expected[i].ReceiptNo);
            await Expect(row.Locator("[data-urgency]")).ToHaveAttributeAsync("data-urgency", expected[i].Urgency);
            await Expect(row.Locator("[data-urgency]")).ToHaveTextAsync(expected[i].Words);
        }
        await AssertDueDatesAscendAsync(rows);
        await Expect(rows.Nth(0).Locator("[data-due]")).ToHaveAttributeAsync("data-due", overdue.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=count-overdue]")).ToContainTextAsync("Quá hạn:");

        // A row leads to its dossier.
        await rows.Nth(0).Locator("[data-receipt]").ClickAsync();
        await page.WaitForURLAsync($"**/can-bo/mot-cua/ho-so/{late.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Hồ sơ số {late.ReceiptNo}");
        await Expect(page.Locator("[data-urgency]")).ToHaveTextAsync("Quá hạn");
        await page.Context.CloseAsync();
    }

    private static async Task AssertDueDatesAscendAsync(ILocator rows)
    {
        var dues = new List<string>();
        foreach (var cell in await rows.Locator("[data-due]").AllAsync()) dues.Add((await cell.GetAttributeAsync("data-due"))!);
        Assert.NotEmpty(dues);
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
    }
}
