using System.Net;
using System.Text;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests;

/// <summary>
/// What anonymous callers may try: too much text, made-up channels and categories, a staff-only channel, markup.
/// (The per-address rate limit is the edge's: Platform.Gateway.Tests/CitizenSubmissionLimitTests.)
/// </summary>
public sealed class AbuseTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private const string Markup = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\"";

    [Fact]
    public async Task Content_over_4000_characters_is_400_and_4000_is_accepted()
    {
        var problem = await host.TrySubmitAsync(FeedbackSteps.Item(content: new string('x', 4001))).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["content"], TestApi.ErrorFields(problem));
        await host.TryTranscribeAsync(FeedbackSteps.Item(channel: "hotline", content: new string('x', 4001))).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        var receipt = await host.SubmitAsync(FeedbackSteps.Item(content: new string('ệ', 4000)));
        Assert.Equal(4000, (await host.TrackAsync(receipt.Str("trackingCode"))).Str("content").Length);
    }

    public static TheoryData<string, string> BadSubmissions() => new()
    {
        { """{ "channel": "facebook", "category": "other", "content": "x" }""", "channel" },
        { """{ "channel": "../desk-box", "category": "other", "content": "x" }""", "channel" },
        { """{ "channel": "desk-box", "category": "other", "content": "x" }""", "channel" },
        { """{ "channel": "hotline", "category": "other", "content": "x" }""", "channel" },
        { """{ "channel": "front-supervision", "category": "other", "content": "x" }""", "channel" },
        { """{ "category": "praise", "content": "x" }""", "category" },
        { """{ "category": "Other", "content": "x" }""", "category" },
        { """{ "content": "x" }""", "category" },
        { """{ "category": "other" }""", "content" },
        { """{ "category": "other", "content": " \u0000\u0007 " }""", "content" },
        { """{ "category": "other", "content": "x", "procedureCode": "khong-co" }""", "procedureCode" },
        { """{ "category": "other", "content": "x", "staffId": "lh-mot-cua" }""", "staffId" },
        { """{ "category": "other", "content": "x", "hamlet": "ap-7" }""", "hamlet" },
        { """{ "category": "other", "content": "x", "contact": "CONTACT" }""", "contact" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task An_unknown_or_staff_only_channel_an_unknown_category_and_other_bad_fields_are_400(string json, string field)
    {
        var before = (await host.ListAsync()).Count;

        var problem = await host.Client.PostRawAsync(FeedbackSteps.PublicPath(), null, json.Replace("CONTACT", new string('0', 201)))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([field], TestApi.ErrorFields(problem));
        Assert.Equal(before, (await host.ListAsync()).Count);
    }

    [Fact]
    public async Task A_category_outside_the_vocabulary_and_a_missing_one_name_the_same_words()
    {
        var before = (await host.ListAsync()).Count;

        var bad = await host.Client.PostRawAsync(FeedbackSteps.PublicPath(), null, """{ "category": "praise", "content": "x" }""")
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        var missing = await host.Client.PostRawAsync(FeedbackSteps.PublicPath(), null, """{ "content": "x" }""")
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        foreach (var problem in new[] { bad, missing })
            Assert.Equal(["Phải là một trong các giá trị: procedure-rules, staff-conduct, other."], problem.GetProperty("errors").GetProperty("category").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, (await host.ListAsync()).Count);
    }

    [Theory]
    [InlineData("{ \"category\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"category\": 3, \"content\": \"x\" }")]
    public async Task A_malformed_body_is_a_400_problem(string json) =>
        await host.Client.PostRawAsync(FeedbackSteps.PublicPath(), null, json).ProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Markup_is_stored_and_returned_as_text_in_json()
    {
        host.Clock.SetLocal(2026, 3, 2, 9, 0);
        var receipt = await host.SubmitAsync(FeedbackSteps.Item(content: Markup));
        var id = receipt.Str("id");
        await host.AssignAsync(id);
        await host.DoAsync(id, "answer", new { answer = "<b>Đã</b> xử lý", publish = true });

        foreach (var path in new[] { $"{FeedbackSteps.PublicPath()}/{receipt.Str("trackingCode")}", $"{FeedbackSteps.PublicPath()}/answers" })
        {
            var response = await host.Client.GetAsync(path, null);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.JsonAsync(HttpStatusCode.OK);
            var text = body.ValueKind == System.Text.Json.JsonValueKind.Array ? body.EnumerateArray().First(a => a.Str("id") == id).Str("question") : body.Str("content");
            Assert.Equal(Markup, text);
        }
        var answers = await host.Client.GetAsync($"{FeedbackSteps.PublicPath()}/answers", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("<b>Đã</b> xử lý", answers.EnumerateArray().First(a => a.Str("id") == id).Str("answer"));
        var open311 = await host.Client.GetAsync($"/open311/v2/requests/{id}.json?jurisdiction_id=my-thanh", null);
        Assert.Equal("application/json", open311.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Markup, (await open311.JsonAsync(HttpStatusCode.OK))[0].Str("description"));
    }

    [Fact]
    public async Task Control_characters_are_dropped_and_line_breaks_kept()
    {
        var receipt = await host.SubmitAsync(FeedbackSteps.Item(content: "  Dòng một\r\nDòng\u0000 hai\rba\u001b[31m\tcuối  "));

        Assert.Equal("Dòng một\nDòng hai\nba[31m\tcuối", (await host.TrackAsync(receipt.Str("trackingCode"))).Str("content"));
    }
}

/// <summary>The service on real Kestrel, where the request body limit (Limits:MaxRequestBodyBytes, 256 KiB) applies.</summary>
public sealed class KestrelFeedbackHost() : FeedbackHost(null, kestrel: true);

public sealed class BodyLimitTests(KestrelFeedbackHost host) : IClassFixture<KestrelFeedbackHost>
{
    [Theory]
    [InlineData("/api/public/communes/my-thanh/feedback", "application/json")]
    [InlineData("/api/public/surveys/ABCDEFGHJK", "application/json")]
    [InlineData("/open311/v2/requests.json", "application/x-www-form-urlencoded")]
    public async Task A_body_over_the_server_limit_is_413_and_stores_nothing(string path, string mediaType)
    {
        var before = (await host.ListAsync()).Count;
        var body = mediaType == "application/json"
            ? "{\"category\":\"other\",\"content\":\"" + new string('x', 300 * 1024) + "\"}"
            : "jurisdiction_id=my-thanh&service_code=other&description=" + new string('x', 300 * 1024);

        var response = await host.Client.SendAsync(HttpMethod.Post, path, null, new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        if (path.StartsWith("/api/")) await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(before, (await host.ListAsync()).Count);
    }

    [Fact]
    public async Task A_large_body_under_the_limit_reaches_validation()
    {
        var problem = await host.TrySubmitAsync(FeedbackSteps.Item(content: new string('x', 200 * 1024))).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["content"], TestApi.ErrorFields(problem));
    }
}
