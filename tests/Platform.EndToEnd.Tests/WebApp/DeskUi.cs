using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>The one-stop desk as its officer works it in the browser, the same on every platform.</summary>
public static partial class DeskUi
{
    public sealed record Received(string Id, string ReceiptNo);

    /// <summary>
    /// On the receiving page: searches the procedure without diacritics, chooses it, ticks every component, fills in the
    /// applicant and submits; the receipt (form 01) opens. Returns the dossier's id and the receipt number it shows.
    /// </summary>
    public static async Task<Received> ReceiveAsync(IPage page, string applicant, string phone)
    {
        await page.GotoAsync("/can-bo/mot-cua/tiep-nhan");
        await ChooseProcedureAsync(page);

        var checklist = page.Locator("[data-testid=components-checklist]");
        await Expect(checklist).ToBeVisibleAsync();
        var boxes = checklist.Locator("input[type=checkbox]");
        var count = await boxes.CountAsync();
        Assert.True(count >= 2, $"Đăng ký kết hôn lists {count} components.");
        var submit = page.Locator("[data-testid=receive-submit]");
        for (var i = 0; i < count; i++)
        {
            await Expect(submit).ToBeDisabledAsync(); // not while a component is unchecked
            await boxes.Nth(i).CheckAsync();
        }
        await Expect(checklist.Locator("legend")).ToContainTextAsync($"({count}/{count})");
        await Expect(page.Locator("[data-testid=due-preview] strong")).ToHaveTextAsync(DateText());

        await page.Locator("input#applicant-name, #applicant-name input").First.FillAsync(applicant);
        await page.Locator("input#applicant-phone, #applicant-phone input").First.FillAsync(phone);
        await page.Locator("input#applicant-phone, #applicant-phone input").First.PressAsync("Tab"); // the value is bound on change
        await Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();

        await page.WaitForURLAsync(ReceiptUrl());
        var id = ReceiptUrl().Match(page.Url).Groups[1].Value;
        await Expect(page.Locator(".sheet h1")).ToHaveTextAsync("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        await Expect(page.Locator(".sheet .applicant")).ToHaveTextAsync(applicant);
        await Expect(page.Locator(".sheet .procedure")).ToHaveTextAsync("Đăng ký kết hôn");
        var number = (await page.Locator(".sheet .heading .no").TextContentAsync())!.Replace("Số:", "").Trim();
        Assert.Matches(@"^\d{4}-\d{6}$", number);
        return new Received(id, number);
    }

    /// <summary>On the receiving page: types "dang ky ket hon" (no diacritics) and chooses "Đăng ký kết hôn" among the options.</summary>
    public static async Task ChooseProcedureAsync(IPage page)
    {
        var search = page.Locator("input#procedure-search, #procedure-search input").First;
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Đăng ký kết hôn" });
        // Typing reaches the search only once the circuit has connected: the options list is the sign of it.
        await Web.UntilShownAsync(async () =>
        {
            await search.ClickAsync();
            await search.FillAsync("");
            await search.PressSequentiallyAsync("dang ky ket hon", new() { Delay = 20 });
        }, option.First);
        await Expect(option).ToHaveCountAsync(1);
        // The list is drawn again when the debounced search answers: a click on the option it replaced chooses nothing.
        await Web.UntilShownAsync(async () =>
        {
            try
            {
                if (await option.IsVisibleAsync()) await option.ClickAsync(new() { Timeout = 2000 });
                else await search.PressSequentiallyAsync(" ");
            }
            catch (PlaywrightException)
            {
                // replaced while clicked: again
            }
        }, page.Locator("[data-testid=components-checklist]"));
    }

    /// <summary>The receipt's QR code, read from the screen: the citizens' lookup of this dossier.</summary>
    public static Task<string> ReceiptQrAsync(IPage receipt) => Web.ReadQrAsync(receipt.Locator(".sheet figure.qr img"));

    /// <summary>
    /// On the dossier page: assigns it to a handler chosen in the list, records it resolved (approved) and returns it;
    /// checks status, handler, notices and timeline at each step; opens the result slip, which shows the survey code.
    /// </summary>
    public static async Task<string> AssignResolveReturnAsync(IPage page, string id, string expectedHandler)
    {
        await page.GotoAsync($"/can-bo/mot-cua/ho-so/{id}");
        var status = page.Locator("[data-testid=dossier-status]");
        await Expect(status).ToHaveTextAsync("Đã tiếp nhận");
        var form = page.Locator("[data-testid=action-form]");
        await Web.UntilShownAsync(() => page.Locator("[data-action=assign]").ClickAsync(), form);

        await page.Locator("#assign-staff").ClickAsync();
        var handler = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = expectedHandler });
        await handler.First.ClickAsync();
        await Confirm(page, "Đã ghi: Phân công xử lý.");
        await Expect(status).ToHaveTextAsync("Đang giải quyết");
        await Expect(page.Locator("[data-testid=handler]")).ToHaveTextAsync(expectedHandler);

        await page.Locator("[data-action=resolve]").ClickAsync();
        await Expect(form).ToBeVisibleAsync();
        await form.GetByText("Chấp thuận", new() { Exact = true }).ClickAsync();
        await page.Locator("textarea#action-note, #action-note textarea").First.FillAsync("Đủ điều kiện kết hôn");
        await Confirm(page, "Đã ghi: Ghi kết quả giải quyết.");
        await Expect(status).ToHaveTextAsync("Đã có kết quả");
        await Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("Chấp thuận");
        await Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("Đủ điều kiện kết hôn");

        await page.Locator("[data-action=return]").ClickAsync();
        await Expect(form).ToBeVisibleAsync();
        await page.Locator("[data-testid=action-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=action-notice]")).ToContainTextAsync("Đã trả kết quả. Mã đánh giá:");
        await Expect(status).ToHaveTextAsync("Đã trả kết quả");
        var code = (await page.Locator("[data-testid=survey-code]").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z2-9]{10}$", code);
        await Expect(page.Locator("[data-testid=action-notice]")).ToContainTextAsync(code);
        await Expect(page.Locator("[data-action]")).ToHaveCountAsync(0); // nothing left to do on a returned dossier

        var timeline = page.Locator("[data-testid=dossier-timeline]");
        foreach (var step in new[] { "Tiếp nhận hồ sơ", "Phân công xử lý", "Giải quyết: chấp thuận", "Trả kết quả" })
            await Expect(timeline).ToContainTextAsync(step);

        var slip = await page.Context.RunAndWaitForPageAsync(() => page.Locator("[data-testid=print-result]").ClickAsync());
        await slip.WaitForLoadStateAsync();
        Assert.EndsWith($"/in/ho-so/{id}/ket-qua", new Uri(slip.Url).AbsolutePath);
        await Expect(slip.Locator(".sheet .survey-code")).ToHaveTextAsync(code);
        await Expect(slip.Locator(".sheet .outcome")).ToContainTextAsync("Đã giải quyết");
        await slip.CloseAsync();
        return code;
    }

    private static async Task Confirm(IPage page, string notice)
    {
        await page.Locator("[data-testid=action-confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=action-notice]")).ToHaveTextAsync(notice);
        await Expect(page.Locator("[data-testid=action-form]")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/in/ho-so/([^/?#]+)/tiep-nhan")]
    public static partial Regex ReceiptUrl();

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4}$")]
    private static partial Regex DateText();
}
