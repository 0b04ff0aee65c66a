using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Platform.Web.Components.Pages.Radio;

namespace Platform.Web.Tests;

/// <summary>
/// The radio page's components with logic: the items newest first with their kind in words and a preview the whole text
/// replaces; the feed address shown only when just issued, and a key replaced only once confirmed.
/// </summary>
public sealed class RadioComponentsTests : BunitContext
{
    public RadioComponentsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly string Long = string.Join(' ', Enumerable.Repeat("Ủy ban nhân dân xã thông báo số điện thoại đường dây nóng,", 6));

    private static RadioItemView Item(string id, string kind, string text) =>
        new(id, new DateTime(2026, 12, 2, 1, 30, 0, DateTimeKind.Utc), kind, $"Tin {id}", text);

    [Fact]
    public void Items_are_listed_newest_first_with_their_kind_in_words_and_when_in_Vietnam_time()
    {
        var list = Render<RadioItemList>(p => p.Add(l => l.Items, [Item("1", "movement", "Phát động."), Item("2", "hotline", "Số máy.")]));

        var items = list.FindAll("[data-item]");
        Assert.Equal(["2", "1"], items.Select(i => i.GetAttribute("data-item")));
        Assert.Contains("Đường dây nóng", items[0].TextContent);
        Assert.Contains("Phong trào thi đua", items[1].TextContent);
        Assert.Contains("Đăng lúc 08:30 02/12/2026", items[0].TextContent);
    }

    [Fact]
    public void A_long_text_is_previewed_by_its_first_words_and_opened_whole_in_place_of_the_preview()
    {
        var preview = RadioWords.Preview(Long);
        Assert.True(preview.Length <= RadioWords.PreviewLength + 1, preview);
        Assert.EndsWith("…", preview);
        Assert.StartsWith(preview[..^1], Long);
        Assert.Equal("Ngắn gọn.", RadioWords.Preview("Ngắn gọn."));

        var list = Render<RadioItemList>(p => p.Add(l => l.Items, [Item("7", "award", Long)]));
        Assert.Equal(preview, list.Find("[data-testid=radio-item-preview]").TextContent);

        list.Find("[data-item=\"7\"] .mud-expand-panel-header").Click();

        Assert.Empty(list.FindAll("[data-testid=radio-item-preview]"));
        Assert.Equal(Long, list.Find("[data-testid=radio-item-text]").TextContent);
    }

    [Fact]
    public void No_item_says_so()
    {
        var list = Render<RadioItemList>(p => p.Add(l => l.Items, []));
        Assert.Contains("Chưa có tin nào", list.Find("[data-testid=radio-items-empty]").TextContent);
    }

    [Fact]
    public void The_first_address_is_issued_at_once_and_shown_to_copy()
    {
        var issued = 0;
        var none = Render<FeedAddress>(p => p
            .Add(f => f.Status, new FeedKeyStatusView(false, null, null))
            .Add(f => f.Issue, EventCallback.Factory.Create(this, () => issued++)));
        Assert.Contains("chưa cấp", none.Find("[data-testid=radio-feed-none]").TextContent);
        Assert.Equal("Cấp địa chỉ nhận tin", none.Find("[data-testid=radio-feed-issue]").TextContent.Trim());

        none.Find("[data-testid=radio-feed-issue]").Click();
        Assert.Equal(1, issued);

        const string url = "https://cchc.example.vn/api/public/communes/my-thanh/radio/k3y/feed.rss";
        var shown = Render<FeedAddress>(p => p
            .Add(f => f.Status, new FeedKeyStatusView(true, DateTime.UtcNow, "Lê Văn Tâm"))
            .Add(f => f.IssuedUrl, url));
        Assert.Equal(url, shown.Find("#radio-feed-url").GetAttribute("value") ?? shown.Find("#radio-feed-url").TextContent);
        shown.Find("[data-testid=radio-feed-copy]").Click();
        Assert.Equal(url, JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments[0]);
    }

    [Fact]
    public void An_issued_address_is_never_shown_again_and_is_replaced_only_once_confirmed()
    {
        var dialogs = Render<MudDialogProvider>();
        var issued = 0;
        var feed = Render<FeedAddress>(p => p
            .Add(f => f.Status, new FeedKeyStatusView(true, new DateTime(2026, 12, 1, 3, 5, 0, DateTimeKind.Utc), "Lê Văn Tâm"))
            .Add(f => f.Issue, EventCallback.Factory.Create(this, () => issued++)));
        Assert.Contains("Đã cấp địa chỉ lúc 10:05 01/12/2026 (Lê Văn Tâm)", feed.Find("[data-testid=radio-feed-issued]").TextContent);
        Assert.Empty(feed.FindAll("#radio-feed-url"));

        feed.Find("[data-testid=radio-feed-issue]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Địa chỉ đang dùng sẽ ngừng hoạt động ngay", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Không đổi").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Địa chỉ đang dùng", dialogs.Markup));
        Assert.Equal(0, issued);

        feed.Find("[data-testid=radio-feed-issue]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Địa chỉ đang dùng sẽ ngừng hoạt động ngay", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Đổi khóa").Click();
        feed.WaitForAssertion(() => Assert.Equal(1, issued));
    }
}
