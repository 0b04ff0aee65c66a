using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// The commune office's people work in the browser (1366×768) against the standalone host in demo mode: the staff registry,
/// the one-stop desk's roster and the hotline, each page checked with axe (no serious or critical violation).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class OfficeTests(WebAppFixture fixture)
{
    private const string Office = "vanphong.mythanh";
    private const string StateManagement = "Bồi dưỡng kiến thức quản lý nhà nước";
    private const string OneStop = "Bồi dưỡng nghiệp vụ tiếp nhận và trả kết quả theo cơ chế một cửa";
    private const string Degree = "Trung cấp trở lên phù hợp chuyên ngành";

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_office_registers_a_person_records_their_trainings_puts_them_on_the_desk_is_refused_for_someone_unqualified_and_edits_the_hotline()
    {
        var browser = fixture.RequireBrowser();
        var http = fixture.Http;
        var office = await Web.TokenAsync(http, Office);
        var found = new List<string>();
        var page = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, Office);

        // The office's own menu leads to the registry, which lists the commune's staff as the API does.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ, công chức", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/can-bo/van-phong/can-bo");
        var registered = (await Web.GetAsync(http, $"/api/communes/{Web.Commune}/staff", office)).GetArrayLength();
        await Expect(page.Locator("[data-testid=staff-count]")).ToHaveTextAsync($"{registered} trên {registered} người.");
        found.AddRange(await Web.AxeAsync(page, "office: staff registry"));

        // Register: a wrong phone is refused beside the field, and the message goes once it is fixed.
        var name = "Đoàn Thị Ngọc " + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await page.Locator("[data-testid=register-link]").ClickAsync();
        await page.WaitForURLAsync("**/can-bo/van-phong/can-bo/dang-ky");
        await ChooseAsync(page, "#staff-kind", "Công chức");
        await ChooseAsync(page, "#staff-position", "Văn hóa – xã hội");
        await Field(page, "staff-name").FillAsync(name);
        await Field(page, "staff-phone").FillAsync("12");
        await Field(page, "staff-qualifications", "textarea").FillAsync(Degree);
        found.AddRange(await Web.AxeAsync(page, "office: register form"));
        await page.Locator("[data-testid=register-submit]").ClickAsync();
        var phoneField = FieldControl(page, "staff-phone");
        await Expect(phoneField).ToContainTextAsync("Số điện thoại phải có từ 9 đến 12 chữ số.");
        await Field(page, "staff-phone").FillAsync("0275 3861 099");
        await page.Locator("[data-testid=register-submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("moi=true", StringComparison.Ordinal));
        await Expect(phoneField).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=staff-notice]")).ToHaveTextAsync($"Đã đăng ký {name}.");
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        // Their gaps, in words: the position asks for the state-management course, the desk for it and the one-stop course.
        var positionGaps = page.Locator("[data-testid=position-gaps] li");
        var deskGaps = page.Locator("[data-testid=desk-gaps] li");
        await Expect(positionGaps).ToHaveTextAsync([$"Chưa hoàn thành: {StateManagement}"]);
        await Expect(deskGaps).ToHaveTextAsync([$"Chưa hoàn thành: {StateManagement}", $"Chưa hoàn thành: {OneStop}"]);
        found.AddRange(await Web.AxeAsync(page, "office: a person's page"));

        // A correction of their facts: the page shows what the API now holds.
        await page.Locator("[data-testid=edit-open]").ClickAsync();
        await Field(page, "staff-phone").FillAsync("0275 3861 098");
        await page.Locator("[data-testid=edit-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=staff-notice]")).ToHaveTextAsync("Đã lưu thông tin.");
        await Expect(page.Locator("[data-testid=staff-facts]")).ToContainTextAsync("0275 3861 098");

        // Record the two courses: the gaps close, and the registry says so.
        await RecordTrainingAsync(page, StateManagement, "240");
        await Expect(page.Locator("[data-testid=staff-notice]")).ToHaveTextAsync($"Đã ghi nhận khóa học: {StateManagement}.");
        await Expect(page.Locator("[data-testid=position-gaps-none]")).ToHaveTextAsync("Đạt khung năng lực của vị trí.");
        await Expect(deskGaps).ToHaveTextAsync([$"Chưa hoàn thành: {OneStop}"]);
        await RecordTrainingAsync(page, OneStop, "24");
        await Expect(page.Locator("[data-testid=desk-gaps-none]")).ToHaveTextAsync("Đạt khung năng lực của Bộ phận một cửa.");
        var trainings = page.Locator("[data-testid=trainings-table] tbody tr");
        await Expect(trainings).ToHaveCountAsync(2);
        await Expect(trainings.First).ToContainTextAsync(Today);
        var stored = await Web.GetAsync(http, $"/api/communes/{Web.Commune}/staff/{id}", office);
        Assert.Equal(2, stored.GetProperty("staff").GetProperty("trainings").GetArrayLength());
        Assert.Equal(0, stored.GetProperty("deskGaps").GetArrayLength());

        // The desk: someone who lacks the desk's framework is refused with every unmet rule beside the form.
        await page.GotoAsync("/can-bo/van-phong/mot-cua");
        await ChooseAsync(page, "#assign-staff", "Lê Văn Tâm");
        await page.Locator("[data-testid=assign-submit]").ClickAsync();
        var refusal = page.Locator("[data-testid=assign-form] [role=alert]");
        await Expect(refusal).ToContainTextAsync("Lê Văn Tâm");
        await Expect(refusal.Locator("li")).ToHaveTextAsync([
            new System.Text.RegularExpressions.Regex(Degree), new System.Text.RegularExpressions.Regex(StateManagement),
            new System.Text.RegularExpressions.Regex(OneStop)]);
        found.AddRange(await Web.AxeAsync(page, "office: desk roster with a refusal"));

        // ... and the newly trained person is put on it, then taken off.
        await ChooseAsync(page, "#assign-staff", name);
        await page.Locator("[data-testid=assign-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=desk-notice]")).ToHaveTextAsync($"Đã phân công {name} vào Bộ phận một cửa từ {Today}.");
        await Expect(refusal).ToHaveCountAsync(0);
        var state = page.Locator($"[data-testid=period-state][data-staff='{id}']");
        await Expect(state).ToHaveTextAsync("Đang làm việc");
        var period = (await Web.GetAsync(http, $"/api/communes/{Web.Commune}/desk-assignments", office)).EnumerateArray()
            .Single(p => p.GetProperty("staffId").GetString() == id);
        Assert.False(period.TryGetProperty("until", out var until) && until.ValueKind != System.Text.Json.JsonValueKind.Null);
        await ChooseAsync(page, "#end-staff", name);
        await page.Locator("[data-testid=end-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=desk-notice]")).ToHaveTextAsync($"Đã kết thúc phân công của {name}.");
        await Expect(state).ToHaveTextAsync($"Làm việc đến hết ngày {Today}");

        // The hotline: a third leader added by keyboard; a wrong phone is refused beside it, then the directory is published.
        await page.GotoAsync("/can-bo/van-phong/duong-day-nong");
        var contacts = page.Locator("[data-testid=hotline-contact]");
        await Web.UntilShownAsync(() => page.Locator("[data-testid=contact-add]").ClickAsync(), contacts.Nth(2));
        await Expect(contacts).ToHaveCountAsync(3);
        found.AddRange(await Web.AxeAsync(page, "office: hotline editor"));
        await Web.TabToAsync(page, "input#contact-2-name, #contact-2-name input");
        await page.Keyboard.TypeAsync("Lê Văn Tâm");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Công chức Văn phòng – Thống kê");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("0275");
        await page.Keyboard.PressAsync("Enter");
        var newPhone = contacts.Nth(2).Locator(".mud-input-control:has([data-testid=contact-phone])");
        await Expect(newPhone).ToContainTextAsync("Số điện thoại phải có từ 9 đến 12 chữ số.");
        await newPhone.Locator("input").FillAsync("0275 3861 011");
        await newPhone.Locator("input").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=hotline-notice]")).ToHaveTextAsync("Đã công bố danh bạ đường dây nóng (3 người).");
        await Expect(newPhone).Not.ToContainTextAsync("chữ số");
        await Expect(newPhone.Locator("input")).ToHaveValueAsync("0275 3861 011");
        var published = await Web.GetAsync(http, $"/api/communes/{Web.Commune}/hotline", null);
        Assert.Equal(["Phạm Thanh Diễn", "Nguyễn Văn Hùng", "Lê Văn Tâm"],
            published.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        // Back to the demo's two leaders, for the other tests on this host.
        await contacts.Nth(2).Locator("[data-testid=contact-remove]").ClickAsync();
        await page.Locator("[data-testid=hotline-publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=hotline-notice]")).ToHaveTextAsync("Đã công bố danh bạ đường dây nóng (2 người).");
        await page.Context.CloseAsync();

        Assert.True(found.Count == 0, "Serious or critical axe violations:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task Only_the_office_sees_the_office_menu_and_its_pages()
    {
        var browser = fixture.RequireBrowser();
        var desk = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, "motcua.mythanh");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Cán bộ, công chức", Exact = true })).ToHaveCountAsync(0);
        await desk.GotoAsync("/can-bo/van-phong/can-bo");
        await Expect(desk.Locator("[data-testid=not-office]")).ToBeVisibleAsync();
        await Expect(desk.Locator("[data-testid=staff-table]")).ToHaveCountAsync(0);
        await desk.Context.CloseAsync();

        var office = await Web.SignedInDeskAsync(browser, fixture.Platform.BaseUrl, Office);
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "Đường dây nóng", Exact = true }).First).ToBeVisibleAsync();
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "Công việc hôm nay" })).ToHaveCountAsync(0);
        await office.Context.CloseAsync();
    }

    /// <summary>The input of a MudBlazor field by its test id (the attribute lands on the field's root or on the input).</summary>
    private static ILocator Field(IPage page, string testId, string element = "input") =>
        page.Locator($"{element}[data-testid={testId}], [data-testid={testId}] {element}").First;

    /// <summary>A MudBlazor field with its label and its helper or error text.</summary>
    private static ILocator FieldControl(IPage page, string testId) => page.Locator($".mud-input-control:has([data-testid={testId}])");

    /// <summary>Opens a MudSelect and chooses the option with that text; the select answers only once the circuit has connected.</summary>
    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option });
        // Once chosen, the id is a hidden input's: the select is opened by its visible control.
        await Web.UntilShownAsync(() => page.Locator($".mud-select:has({select})").First.ClickAsync(), item.First);
        await item.First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task RecordTrainingAsync(IPage page, string course, string hours)
    {
        var courseField = Field(page, "training-course");
        await courseField.FillAsync(course);
        var date = Field(page, "training-completed-on");
        await date.FillAsync(Today);
        await date.PressAsync("Tab");
        await Field(page, "training-hours").FillAsync(hours);
        await Field(page, "training-hours").PressAsync("Tab");
        await page.Locator("[data-testid=training-submit]").ClickAsync();
    }
}
