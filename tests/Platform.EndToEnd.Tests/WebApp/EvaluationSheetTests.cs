using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// The year's evaluation sheet (/can-bo/danh-gia) in the browser: the leader reads each person's figures, decides a level
/// within Decree 335/2025's 20% cap on excellent; the office reads the same sheet without deciding.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class EvaluationSheetTests(WebAppFixture fixture)
{
    private const string Leader = "chutich.mythanh";
    private const string Office = "vanphong.mythanh";
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static int Year => DateTime.UtcNow.AddHours(7).Year;
    private static string Evaluations => $"/api/communes/{Web.Commune}/evaluations";

    private async Task<List<JsonElement>> RowsAsync(string token) =>
        [.. (await Web.GetAsync(fixture.Http, $"{Evaluations}?year={Year}", token)).EnumerateArray()];

    private static string? FinalLevel(JsonElement row) =>
        row.TryGetProperty("final", out var final) && final.ValueKind == JsonValueKind.Object ? final.GetProperty("level").GetString() : null;

    private static string Counted(JsonElement row) => FinalLevel(row) ?? row.GetProperty("suggested").GetProperty("level").GetString()!;

    /// <summary>The places of excellent as the API counts them: 20% of the good-or-better (decided, else suggested), used by decided excellents.</summary>
    private static (int Used, int Allowed) Places(IReadOnlyList<JsonElement> rows) =>
        (rows.Count(r => FinalLevel(r) == "excellent"), (int)Math.Floor(rows.Count(r => Counted(r) is "excellent" or "good") * 0.20));

    private static string Percent(JsonElement figures, string name) =>
        figures.TryGetProperty(name, out var share) && share.ValueKind == JsonValueKind.Number
            ? (share.GetDouble() * 100).ToString("0.#", Vi) + "%" : "chưa có";

    private static ILocator RowOf(IPage page, string staffId) =>
        page.Locator("[data-testid=evaluation-sheet] tbody tr").Filter(new() { Has = page.Locator($"[data-staff='{staffId}']") });

    private static async Task OpenSheetAsync(IPage page)
    {
        // The role's menu leads there (a click before the circuit has connected may be lost: again until the sheet shows).
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Đánh giá, xếp loại cán bộ" });
        await Web.UntilShownAsync(() => link.ClickAsync(), page.Locator("[data-testid=evaluation-sheet]"));
        Assert.Equal("/can-bo/danh-gia", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_leader_reads_the_figures_the_API_gives_decides_one_excellent_and_sees_the_places_used_then_the_cap_refused()
    {
        var browser = fixture.RequireBrowser();
        if (Year < 2026) Assert.Skip("The 20% cap on excellent applies from 2026.");
        var leader = await Web.TokenAsync(fixture.Http, Leader);
        var rows = await RowsAsync(leader);
        var (used, allowed) = Places(rows);
        Assert.True(allowed - used >= 1, $"The demo commune has {allowed - used} excellent place(s) left in {Year}.");

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, Leader);
        await OpenSheetAsync(page);

        // Every figure is the API's, in Vietnamese formats.
        foreach (var row in rows)
        {
            var line = RowOf(page, row.GetProperty("staffId").GetString()!);
            var figures = row.GetProperty("figures");
            await Expect(line.Locator("[data-testid=staff-name] strong")).ToHaveTextAsync(row.GetProperty("fullName").GetString()!);
            await Expect(line.Locator("[data-testid=dossiers-handled]")).ToHaveTextAsync(figures.GetProperty("dossiersHandled").GetInt32().ToString("N0", Vi));
            await Expect(line.Locator("[data-testid=on-time]")).ToHaveTextAsync(Percent(figures, "onTimeRate"));
            await Expect(line.Locator("[data-testid=satisfaction]")).ToContainTextAsync(Percent(figures, "satisfactionIndex"));
            await Expect(line.Locator("[data-testid=satisfaction]")).ToContainTextAsync($"{figures.GetProperty("ratings").GetInt32().ToString("N0", Vi)} phiếu");
            await Expect(line.Locator("[data-testid=upheld-complaints]")).ToHaveTextAsync(figures.GetProperty("upheldComplaints").GetInt32().ToString("N0", Vi));
            await Expect(line.Locator("[data-testid=initiatives]")).ToHaveTextAsync(figures.GetProperty("initiatives").GetInt32().ToString("N0", Vi));
            await Expect(line.Locator("[data-testid=training-hours]")).ToHaveTextAsync(figures.GetProperty("trainingHours").GetDouble().ToString("N1", Vi));
            var suggested = row.GetProperty("suggested");
            await Expect(line.Locator("[data-testid=suggested-level]")).ToHaveAttributeAsync("data-level", suggested.GetProperty("level").GetString()!);
            await Expect(line.Locator("[data-testid=suggested-level]")).ToContainTextAsync($"{suggested.GetProperty("points").GetInt32()} điểm");
            foreach (var reason in suggested.GetProperty("reasons").EnumerateArray().Skip(1)) // the first is the points, shown beside the level
                await Expect(line.Locator("[data-testid=suggested-level] .reasons")).ToContainTextAsync(reason.GetString()!);
        }
        var places = page.Locator("[data-testid=excellent-places]");
        await Expect(places).ToContainTextAsync($"Đã dùng {used}/{allowed} suất hoàn thành xuất sắc");
        await Expect(places).ToHaveAttributeAsync("data-state", "places-left");

        // The leader decides excellent for a person not yet decided: the form says the place it takes before saving.
        var chosen = rows.First(r => FinalLevel(r) is null && Counted(r) == "good");
        var chosenId = chosen.GetProperty("staffId").GetString()!;
        var line1 = RowOf(page, chosenId);
        var form = page.Locator("[data-testid=finalize-form]");
        await Web.UntilShownAsync(() => line1.Locator("[data-testid=finalize-open]").ClickAsync(), form);
        await form.GetByText("Hoàn thành xuất sắc nhiệm vụ", new() { Exact = true }).ClickAsync();
        await Expect(form.Locator("[data-testid=finalize-places]")).ToContainTextAsync($"đã dùng {used + 1}/{allowed} suất");
        await form.Locator("textarea#finalize-note, #finalize-note textarea").First.FillAsync("Nhiều sáng kiến cải cách hành chính");
        await form.Locator("[data-testid=finalize-save]").ClickAsync();

        await Expect(page.Locator("[data-testid=finalize-notice]")).ToContainTextAsync($"{chosen.GetProperty("fullName").GetString()}: Hoàn thành xuất sắc nhiệm vụ");
        await Expect(form).ToHaveCountAsync(0);
        await Expect(line1.Locator("[data-testid=final-level]")).ToHaveAttributeAsync("data-level", "excellent");
        await Expect(line1.Locator("[data-testid=final-level]")).ToContainTextAsync("Nhiều sáng kiến cải cách hành chính");
        var after = await RowsAsync(leader);
        var recorded = after.Single(r => r.GetProperty("staffId").GetString() == chosenId).GetProperty("final");
        Assert.Equal(("excellent", "Nhiều sáng kiến cải cách hành chính"), (recorded.GetProperty("level").GetString(), recorded.GetProperty("note").GetString()));
        var (usedAfter, allowedAfter) = Places(after);
        Assert.Equal(used + 1, usedAfter);
        await Expect(places).ToContainTextAsync($"Đã dùng {usedAfter}/{allowedAfter} suất hoàn thành xuất sắc");
        // The demo commune's good-or-better allow one excellent: it is now used.
        Assert.Equal(allowedAfter, usedAfter);
        await Expect(places).ToHaveAttributeAsync("data-state", "at-cap");
        await Expect(places).ToContainTextAsync("Đã hết suất");

        // Another excellent is said to be over the cap before saving, by keyboard; saved anyway, the API's refusal is shown in the form.
        var other = after.First(r => FinalLevel(r) is null && Counted(r) == "good");
        var otherId = other.GetProperty("staffId").GetString()!;
        var open = RowOf(page, otherId).Locator("[data-testid=finalize-open]");
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(form).ToBeVisibleAsync();
        await form.GetByText("Hoàn thành xuất sắc nhiệm vụ", new() { Exact = true }).ClickAsync();
        await Expect(form.Locator("[data-testid=finalize-places]")).ToHaveAttributeAsync("data-state", "over-cap");
        await form.Locator("[data-testid=finalize-save]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(form.Locator("[role=alert]")).ToBeVisibleAsync();
        await Expect(form.Locator("[role=alert]")).ToContainTextAsync(allowedAfter.ToString(CultureInfo.InvariantCulture));
        Assert.Null(FinalLevel((await RowsAsync(leader)).Single(r => r.GetProperty("staffId").GetString() == otherId)));

        var violations = await Web.AxeAsync(page, "evaluation sheet (leader, form open)");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_office_reads_the_same_sheet_without_the_controls_to_decide()
    {
        var browser = fixture.RequireBrowser();
        var office = await Web.TokenAsync(fixture.Http, Office);
        var rows = await RowsAsync(office);

        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, Office);
        await OpenSheetAsync(page);
        await Expect(page.Locator("[data-testid=evaluation-sheet] tbody [data-testid=staff-name]")).ToHaveCountAsync(rows.Count);
        foreach (var row in rows)
            await Expect(RowOf(page, row.GetProperty("staffId").GetString()!).Locator("[data-testid=dossiers-handled]"))
                .ToHaveTextAsync(row.GetProperty("figures").GetProperty("dossiersHandled").GetInt32().ToString("N0", Vi));
        await Expect(page.Locator("[data-testid=finalize-open]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=finalize-form]")).ToHaveCountAsync(0);

        var violations = await Web.AxeAsync(page, "evaluation sheet (office)");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_desk_officer_has_no_evaluation_entry_in_the_menu_and_the_page_says_whose_it_is()
    {
        var browser = fixture.RequireBrowser();
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trang chủ" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đánh giá, xếp loại cán bộ" })).ToHaveCountAsync(0);
        await page.GotoAsync("/can-bo/danh-gia");
        await Expect(page.Locator("[data-testid=not-evaluation-reader]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
