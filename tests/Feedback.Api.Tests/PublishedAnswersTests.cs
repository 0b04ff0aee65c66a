using System.Net;
using System.Text.Json;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests;

/// <summary>What the commune's page and the radio read: the published answers, newest first, never anyone's contact.</summary>
public sealed class PublishedAnswersTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private const string Phone = "0912345678";

    private async Task<IReadOnlyList<JsonElement>> AnswersAsync(string commune, string query = "")
    {
        var response = await host.Client.GetAsync($"{FeedbackSteps.PublicPath(commune)}/answers{query}", null);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Phone, body);
        Assert.DoesNotContain("contact", body, StringComparison.OrdinalIgnoreCase);
        return (await response.JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
    }

    private async Task<string> AnsweredAtAsync(int day, bool publish, string commune, string content)
    {
        host.Clock.SetLocal(2026, 3, day, 9, 0);
        var id = (await host.SubmitAsync(FeedbackSteps.Item(content: content, contact: $"Anh Nam {Phone}"), commune)).Str("id");
        await host.AssignAsync(id, commune == Seed.MyThanh ? Seed.OfficeClerk : Seed.LuongHoaDeskOfficer, commune);
        host.Clock.SetLocal(2026, 3, day, 15, 0);
        await host.AnswerAsync(id, $"Trả lời {content}", publish, commune: commune);
        return id;
    }

    [Fact]
    public async Task Only_published_answers_are_listed_newest_first_without_contacts()
    {
        var first = await AnsweredAtAsync(2, publish: true, Seed.MyThanh, "Câu hỏi một");
        var hidden = await AnsweredAtAsync(3, publish: false, Seed.MyThanh, "Câu hỏi riêng");
        var third = await AnsweredAtAsync(4, publish: true, Seed.MyThanh, "Câu hỏi ba");
        var second = await AnsweredAtAsync(5, publish: true, Seed.MyThanh, "Câu hỏi hai");
        var open = (await host.SubmitAsync(FeedbackSteps.Item(content: "Chưa trả lời", contact: Phone))).Str("id");
        await host.DoAsync(second, "close", null); // closing keeps a published answer published

        var answers = await AnswersAsync(Seed.MyThanh);

        Assert.Equal([second, third, first], answers.Select(a => a.Str("id")));
        Assert.DoesNotContain(answers, a => a.Str("id") == hidden || a.Str("id") == open);
        var latest = answers[0];
        Assert.Equal(["answer", "answeredAt", "category", "categoryName", "id", "question", "receivedAt"], latest.Names());
        Assert.Equal(("Câu hỏi hai", "Trả lời Câu hỏi hai"), (latest.Str("question"), latest.Str("answer")));
        Assert.Equal("Quy định thủ tục hành chính", latest.Str("categoryName"));
        Assert.Equal(Vn.Iso(Vn.At(2026, 3, 5, 15, 0)), latest.Str("answeredAt"));
        // Paging past the cached first page.
        Assert.Equal([third], (await AnswersAsync(Seed.MyThanh, "?skip=1&take=1")).Select(a => a.Str("id")));
        // Nor do the tracking view and the channels show a contact.
        foreach (var path in new[] { $"{FeedbackSteps.PublicPath()}/channels" })
            Assert.DoesNotContain(Phone, (await host.Client.GetAsync(path, null).JsonAsync(HttpStatusCode.OK)).GetRawText());
    }

    [Fact]
    public async Task A_newly_published_answer_replaces_the_cached_page()
    {
        var first = await AnsweredAtAsync(9, publish: true, Seed.LuongHoa, "Câu hỏi Lương Hòa");
        Assert.Equal([first], (await AnswersAsync(Seed.LuongHoa)).Select(a => a.Str("id")));

        var unpublished = await AnsweredAtAsync(10, publish: false, Seed.LuongHoa, "Riêng tư");
        Assert.Equal([first], (await AnswersAsync(Seed.LuongHoa)).Select(a => a.Str("id")));
        var next = await AnsweredAtAsync(11, publish: true, Seed.LuongHoa, "Câu hỏi mới");

        Assert.Equal([next, first], (await AnswersAsync(Seed.LuongHoa)).Select(a => a.Str("id")));
        Assert.DoesNotContain(unpublished, (await AnswersAsync(Seed.LuongHoa)).Select(a => a.Str("id")));
    }

    [Fact]
    public async Task The_public_channels_list_the_boxes_hotline_radio_online_and_the_front()
    {
        var channels = (await host.Client.GetAsync($"{FeedbackSteps.PublicPath()}/channels", null).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal(["desk-box", .. Enumerable.Range(1, 6).Select(i => $"hamlet-box-ap-{i}"), "hotline", "radio", "online", "front-supervision"],
            channels.Select(c => c.Str("code")));
        Assert.All(channels, c => Assert.Equal(["code", "name"], c.Names()));
        Assert.Equal("Hòm thư góp ý tại văn phòng Ấp 2", channels.Single(c => c.Str("code") == "hamlet-box-ap-2").Str("name"));
    }

    [Theory]
    [InlineData("/api/public/communes/khong-co/feedback/answers")]
    [InlineData("/api/public/communes/khong-co/feedback/channels")]
    public async Task An_unknown_commune_is_404(string path) =>
        await host.Client.GetAsync(path, null).ProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Fact]
    public async Task Submitting_to_an_unknown_commune_is_404() =>
        await host.TrySubmitAsync(FeedbackSteps.Item(), "khong-co").ProblemAsync(HttpStatusCode.NotFound, "not-found");
}
