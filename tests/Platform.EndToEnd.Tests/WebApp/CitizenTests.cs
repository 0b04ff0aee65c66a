using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>The citizens' portal on a 390×844 touch phone (static pages, no account) against the standalone host in demo mode.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CitizenTests(WebAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_citizen_finds_the_commune_and_reads_what_a_procedure_asks_for()
    {
        var browser = fixture.RequireBrowser();
        var context = await browser.PhoneAsync(fixture.Platform.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chọn xã của ông/bà");
        var communes = page.Locator("a[data-commune]");
        await Expect(communes).ToHaveCountAsync(2);
        await Expect(page.Locator("a[data-commune=luong-hoa]")).ToHaveTextAsync("UBND xã Lương Hòa");
        await page.GetByRole(AriaRole.Link, new() { Name = "UBND xã Mỹ Thạnh" }).ClickAsync();
        await page.WaitForURLAsync("**/xa/my-thanh");
        await Expect(page.Locator("h1")).ToHaveTextAsync("UBND xã Mỹ Thạnh");

        await page.Locator("#task-procedures").ClickAsync();
        await page.WaitForURLAsync("**/xa/my-thanh/thu-tuc");
        await Expect(page.Locator("#procedures-count")).ToHaveTextAsync("15 thủ tục");
        await page.Locator("#procedure-q").FillAsync("chung thuc hop dong");
        await page.Locator("#procedure-search-submit").ClickAsync();
        await Expect(page.Locator("#procedure-list li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#procedures-count")).ToHaveTextAsync("1 thủ tục khớp với “chung thuc hop dong”");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chứng thực hợp đồng, giao dịch" }).ClickAsync();
        await page.WaitForURLAsync("**/xa/my-thanh/thu-tuc/chung-thuc-hop-dong");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chứng thực hợp đồng, giao dịch");
        await Expect(page.Locator("#procedure-days")).ToHaveTextAsync("2 ngày làm việc");
        await Expect(page.Locator("#procedure-fee")).ToHaveTextAsync("50.000 đồng");

        // Another search, a procedure without a fee: its components are the catalogue's, in its order.
        await page.GotoAsync("/xa/my-thanh/thu-tuc?q=dang+ky+ket+hon");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký kết hôn" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng ký kết hôn");
        await Expect(page.Locator("#procedure-days")).ToHaveTextAsync("5 ngày làm việc");
        await Expect(page.Locator("#procedure-fee")).ToHaveTextAsync("Không thu phí");
        var catalogue = await Web.GetAsync(fixture.Http, "/api/communes/my-thanh/procedures/ho-tich-ket-hon", null);
        var components = catalogue.GetProperty("current").GetProperty("components").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.NotEmpty(components);
        await Expect(page.Locator("#procedure-components li")).ToHaveTextAsync(components);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_receipt_QR_opens_the_lookup_with_the_number_filled_in_and_only_the_right_phone_shows_the_dossier()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var desk = await Web.TokenAsync(http, "motcua.mythanh");
        var phone = Web.Phone();
        var dossier = await Web.DossierAsync(http, desk, Web.Commune, "ho-tich-ket-hon", "Võ Văn Kiệt", phone);

        // The link the citizen's phone camera reads off the printed receipt.
        var deskPage = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        var printed = await deskPage.GotoAsync($"/in/ho-so/{dossier.Id}/tiep-nhan");
        // The printed form is a page like the others: the citizens' home page's content policy, with no inline script.
        var home = await http.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(string.Join(",", home.Headers.GetValues("Content-Security-Policy")), await printed!.HeaderValueAsync("content-security-policy"));
        Assert.DoesNotContain("unsafe-inline", (await printed.HeaderValueAsync("content-security-policy"))!.Split(';').Single(d => d.Trim().StartsWith("script-src")));
        // Its "In" button prints under that policy (print.js, not an inline handler): the browser's print is called.
        await deskPage.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await deskPage.Locator("button.print-button").ClickAsync();
        Assert.Equal(1, await deskPage.EvaluateAsync<int>("() => window.printed"));
        var link = await DeskUi.ReceiptQrAsync(deskPage);
        await deskPage.Context.CloseAsync();
        Assert.Equal($"{fixture.Platform.BaseUrl}/xa/my-thanh/tra-cuu?so={dossier.ReceiptNo}", link);

        var context = await browser.PhoneAsync(fixture.Platform.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tra cứu hồ sơ");
        await Expect(page.Locator("#receipt-no")).ToHaveValueAsync(dossier.ReceiptNo);
        await Expect(page.Locator("#lookup-phone")).ToHaveValueAsync("");
        await page.Locator("#lookup-phone").FillAsync(phone);
        await page.Locator("#lookup-submit").ClickAsync();

        var result = page.Locator("#dossier-result");
        await Expect(result).ToBeVisibleAsync();
        var lookup = await Web.GetAsync(http, $"/api/public/communes/my-thanh/dossiers/{dossier.ReceiptNo}?phone={phone}", null);
        await Expect(page.Locator("#dossier-receipt-no")).ToHaveTextAsync(dossier.ReceiptNo);
        await Expect(page.Locator("#dossier-procedure")).ToHaveTextAsync("Đăng ký kết hôn");
        await Expect(page.Locator("#dossier-status")).ToContainTextAsync(lookup.GetProperty("statusText").GetString()!);
        await Expect(page.Locator("#dossier-on-time")).ToHaveTextAsync("Còn trong hạn");
        var due = DateOnly.Parse(lookup.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy");
        await Expect(page.Locator("#dossier-due")).ToHaveTextAsync(due);

        // A wrong phone: the same answer as an unknown number, and nothing left of the dossier shown a moment ago.
        var wrong = "09" + (phone[2] == '1' ? "2" : "1") + phone[3..];
        await page.Locator("#lookup-phone").FillAsync(wrong);
        await page.Locator("#lookup-submit").ClickAsync();
        await Expect(page.Locator("#lookup-problem")).ToContainTextAsync("Không tìm thấy hồ sơ với số biên nhận và số điện thoại này");
        await Expect(result).ToHaveCountAsync(0);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Đăng ký kết hôn", main);
        Assert.DoesNotContain(due, main);
        Assert.DoesNotContain("Võ Văn Kiệt", await page.ContentAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_sends_feedback_and_gets_a_tracking_code()
    {
        var browser = fixture.RequireBrowser();
        var context = await browser.PhoneAsync(fixture.Platform.BaseUrl);
        var page = await context.NewPageAsync();
        var words = "Đề nghị niêm yết lệ phí chứng thực ở văn phòng ấp " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/xa/my-thanh");
        await page.Locator("#task-feedback").ClickAsync();
        await page.WaitForURLAsync("**/xa/my-thanh/gop-y");
        await page.Locator("#feedback-content").FillAsync(words);
        await page.Locator("#feedback-procedure").SelectOptionAsync(new SelectOptionValue { Label = "Chứng thực hợp đồng, giao dịch" });
        await page.Locator("#feedback-hamlet").SelectOptionAsync(new SelectOptionValue { Label = "Ấp 3" });
        await page.Locator("#feedback-submit").ClickAsync();

        var code = page.Locator("#tracking-code");
        await Expect(page.Locator("#tracking-code, #feedback-problem, #load-problem").First).ToBeVisibleAsync();
        Assert.True(await code.CountAsync() == 1, "No tracking code; the page says: " + await page.Locator("main").InnerTextAsync());
        await Expect(code).ToHaveTextAsync(new Regex("^[A-Z2-9]{10}$"));
        var trackingCode = (await code.TextContentAsync())!;
        var leader = await Web.TokenAsync(fixture.Http, "chutich.mythanh");
        var item = (await Web.GetAsync(fixture.Http, "/api/communes/my-thanh/feedback?status=received", leader)).EnumerateArray()
            .Single(i => i.GetProperty("trackingCode").GetString() == trackingCode);
        Assert.Equal(words, item.GetProperty("content").GetString());
        Assert.Equal("chung-thuc-hop-dong", item.GetProperty("procedureCode").GetString());
        Assert.Equal("ap-3", item.GetProperty("hamlet").GetString());
        Assert.Equal("online", item.GetProperty("channel").GetString());

        await page.Locator("#tracking-link").ClickAsync();
        await page.WaitForURLAsync($"**/xa/my-thanh/theo-doi?ma={trackingCode}");
        await Expect(page.Locator("main")).ToContainTextAsync(words);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_answers_the_survey_of_a_returned_dossier_once_and_a_second_answer_is_refused()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var desk = await Web.TokenAsync(http, "motcua.mythanh");
        var (_, _, code) = await Web.DossierAsync(http, desk, Web.Commune, "ho-tich-ket-hon", "Trần Văn Ơn", Web.Phone(), handler: "mt-tu-phap");
        await Web.WaitForSurveyAsync(http, code!);
        var before = (await Web.GetAsync(http, "/api/communes/my-thanh/satisfaction", desk)).GetProperty("responses").GetInt32();

        var context = await browser.PhoneAsync(fixture.Platform.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/xa/my-thanh/danh-gia");
        await page.Locator("#survey-code").FillAsync(code!.ToLowerInvariant());
        await page.Locator("#survey-code-submit").ClickAsync();
        await page.WaitForURLAsync($"**/xa/my-thanh/danh-gia/{code}");
        await Expect(page.Locator("#survey-procedure")).ToHaveTextAsync("Đăng ký kết hôn");

        // The same form open on a second screen (a relative's phone) before the first answer is sent.
        var second = await context.NewPageAsync();
        await second.GotoAsync($"/xa/my-thanh/danh-gia/{code}");
        await Expect(second.Locator("#survey-form")).ToBeVisibleAsync();

        await page.GetByLabel("Hài lòng", new() { Exact = true }).CheckAsync();
        await page.Locator("#factor-officer").SelectOptionAsync("5");
        await page.Locator("#survey-comment").FillAsync("Cán bộ hướng dẫn tận tình.");
        await page.Locator("#survey-submit").ClickAsync();
        await Expect(page.Locator("#survey-done")).ToContainTextAsync("Cảm ơn ông/bà đã đánh giá");
        var after = await Web.GetAsync(http, "/api/communes/my-thanh/satisfaction", desk);
        Assert.Equal(before + 1, after.GetProperty("responses").GetInt32());

        await second.GetByLabel("Rất hài lòng", new() { Exact = true }).CheckAsync();
        await second.Locator("#survey-submit").ClickAsync();
        await second.WaitForLoadStateAsync();
        await Expect(second.Locator("#survey-answered")).ToContainTextAsync("đã được dùng để đánh giá");
        await Expect(second.Locator("#survey-done")).ToHaveCountAsync(0);

        await page.GotoAsync($"/xa/my-thanh/danh-gia/{code}");
        await Expect(page.Locator("#survey-answered")).ToContainTextAsync($"Mã {code} đã được dùng để đánh giá. Mỗi hồ sơ được đánh giá một lần.");
        await Expect(page.Locator("#survey-form")).ToHaveCountAsync(0);
        Assert.Equal(before + 1, (await Web.GetAsync(http, "/api/communes/my-thanh/satisfaction", desk)).GetProperty("responses").GetInt32());
        await context.CloseAsync();
    }
}
