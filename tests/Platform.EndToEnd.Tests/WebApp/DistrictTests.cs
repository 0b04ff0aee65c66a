using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// The district officer's daily look at the communes: the ranking as a chart with every commune of the district, the
/// drill-down to one commune (its indicators, the procedures and officers where its points were lost), the one-page
/// A4 print for the district's leader; axe on each page (no serious or critical violation).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DistrictTests(WebAppFixture fixture)
{
    private const string Officer = "noivu.giongtrom";

    [Fact]
    public async Task The_district_officer_reads_the_chart_drills_down_to_My_Thanh_and_prints_the_ranking_on_one_A4_page()
    {
        var browser = fixture.RequireBrowser();
        var token = await Web.TokenAsync(fixture.Http, Officer);
        var year = DateTime.UtcNow.AddHours(7).Year; // the board's default year: this year in Vietnam
        var board = await Web.GetAsync(fixture.Http, $"/api/districts/giong-trom/scoreboard?year={year}", token);
        var communes = board.GetProperty("communes").EnumerateArray().ToList();
        Assert.Contains(communes, c => c.GetProperty("commune").GetString() == Web.Commune);
        var found = new List<string>();

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, Officer);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Trình đơn cán bộ" }).GetByRole(AriaRole.Link, new() { Name = "Các xã trong huyện" }).ClickAsync();
        var bars = page.Locator("[data-testid=chart-bar]");
        await Expect(bars).ToHaveCountAsync(communes.Count);
        // Every commune of the API's board, in its order, with the API's total in vi-VN digits.
        Assert.Equal(communes.Select(c => c.GetProperty("commune").GetString()), await bars.EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.commune)"));
        var mine = communes.Single(c => c.GetProperty("commune").GetString() == Web.Commune);
        var total = mine.GetProperty("score").GetDouble().ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " đ";
        await Expect(page.Locator($"[data-testid=chart-bar][data-commune={Web.Commune}]")).ToContainTextAsync(total);
        await Expect(page.Locator("[data-testid=score-chart] .score-legend li")).ToHaveCountAsync(mine.GetProperty("indicators").GetArrayLength());
        await Expect(page.Locator("[data-testid=trend-commune]")).ToHaveCountAsync(communes.Count);
        found.AddRange(await Web.AxeAsync(page, "district ranking chart"));

        // The drill-down, by keyboard from the chart.
        var link = page.Locator($"[data-testid=chart-bar][data-commune={Web.Commune}] a");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($@"/can-bo/huyen/xa/{Web.Commune}\?nam={year}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Mỹ Thạnh");
        var losses = await Web.GetAsync(fixture.Http, $"/api/districts/giong-trom/communes/{Web.Commune}/scoreboard?year={year}", token);
        await Expect(page.Locator("[data-testid=commune-rank]")).ToContainTextAsync($"Hạng {losses.GetProperty("row").GetProperty("rank").GetInt32()} trong {communes.Count} xã");
        await Expect(page.Locator("[data-testid=commune-indicators] tbody tr")).ToHaveCountAsync(mine.GetProperty("indicators").GetArrayLength());
        var officers = losses.GetProperty("officers").EnumerateArray().ToList();
        if (officers.Count == 0) await Expect(page.Locator("[data-testid=officers-empty]")).ToBeVisibleAsync();
        else await Expect(page.Locator("[data-testid=officer-loss]")).ToHaveCountAsync(officers.Count);
        var procedures = losses.GetProperty("procedures").GetArrayLength();
        if (procedures == 0) await Expect(page.Locator("[data-testid=procedures-empty]")).ToBeVisibleAsync();
        else await Expect(page.Locator("[data-testid=procedure-loss]")).ToHaveCountAsync(procedures);
        found.AddRange(await Web.AxeAsync(page, "district commune drill-down"));

        // Back to the ranking, then its print view: one A4 portrait page (210 × 297 mm = 595.3 × 841.9 pt).
        await page.Locator("[data-testid=back-to-ranking]").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/can-bo/huyen\?nam={year}$"));
        await page.Locator("[data-testid=ranking-print]").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/in/huyen/xep-hang/{year}$"));
        await Expect(page.Locator("[data-testid=scoreboard-sheet] h1")).ToContainTextAsync($"NĂM {year}");
        await Expect(page.Locator("[data-testid=print-row]")).ToHaveCountAsync(communes.Count);
        await Expect(page.Locator($"[data-testid=print-row][data-commune={Web.Commune}]")).ToContainTextAsync(total);
        found.AddRange(await Web.AxeAsync(page, "district ranking print"));
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var sheets = Web.PdfPages(pdf);
        Assert.True(sheets.Count == 1, $"The ranking printed on {sheets.Count} pages: {string.Join("; ", sheets)}");
        Assert.InRange(sheets[0].Width, 594.3, 596.3);
        Assert.InRange(sheets[0].Height, 840.9, 842.9);
        await page.Context.CloseAsync();

        Assert.True(found.Count == 0, "Serious or critical axe violations:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task The_print_view_refuses_an_account_that_is_not_the_districts()
    {
        var browser = fixture.RequireBrowser();
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        var response = await page.GotoAsync("/in/huyen/xep-hang/2025");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator(".print-notice h1")).ToContainTextAsync("cán bộ Phòng Nội vụ huyện");
        Assert.Equal(0, await page.Locator("[data-testid=scoreboard-sheet]").CountAsync());
        await page.Context.CloseAsync();
    }
}
