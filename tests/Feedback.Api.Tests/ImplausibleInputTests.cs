using System.Net;
using System.Text;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests;

/// <summary>
/// Issue 12, faults 4–6 for feedback: JSON that is not text (invalid UTF-8, a lone surrogate) to the anonymous Open311
/// intake and dates at the calendar's ends on the list are 400s, never 500s; over-long notes are refused; malformed fields are named, not typed.
/// </summary>
public sealed class ImplausibleInputTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, byte[]> NotText() => new()
    {
        { "invalid UTF-8", [.. """{ "jurisdiction_id": "my-thanh", "service_code": "other", "description": "A"""u8, 0xC3, 0x28, 0xFF, .. "\" }"u8] },
        { "a lone surrogate", """{ "jurisdiction_id": "my-thanh", "service_code": "other", "description": "A\ud800B" }"""u8.ToArray() },
        { "a lone surrogate in a name", """{ "jurisdiction_id": "my-thanh", "service_code": "other", "description": "A", "first_name": "\udfff" }"""u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task Json_that_is_not_text_to_open311_is_a_400_in_open311s_format_and_stores_nothing(string why, byte[] body)
    {
        var before = (await host.ListAsync()).Count;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await host.Client.SendAsync(HttpMethod.Post, "/open311/v2/requests.json", null, content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var error = Assert.Single((await response.JsonAsync(HttpStatusCode.BadRequest)).EnumerateArray());
        Assert.Equal(400, error.Int("code"));
        Assert.Equal(before, (await host.ListAsync()).Count);
    }

    [Fact]
    public async Task Json_that_is_not_text_to_a_typed_endpoint_is_a_400_problem()
    {
        var content = new ByteArrayContent([.. """{ "category": "other", "content": "A"""u8, 0xC3, 0x28, .. "\" }"u8]);
        content.Headers.ContentType = new("application/json");
        await host.Client.SendAsync(HttpMethod.Post, FeedbackSteps.PublicPath(), null, content).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Theory]
    [InlineData("?from=0001-01-01", "from")]
    [InlineData("?to=9999-12-31", "to")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "to")]
    public async Task Dates_outside_any_plausible_year_on_the_list_are_400(string query, string field)
    {
        var problem = await host.Client.GetAsync($"{FeedbackSteps.StaffPath()}{query}", host.Office).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal([field], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task A_100000_character_closing_note_is_400_and_the_item_stays_open()
    {
        host.Clock.SetLocal(2026, 3, 2, 9, 0);
        var id = (await host.SubmitAsync()).Str("id");

        var problem = await host.TryAsync(id, "close", new { note = new string('x', 100_000) }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["note"], TestApi.ErrorFields(problem));
        Assert.Equal("received", (await host.Client.GetAsync($"{FeedbackSteps.StaffPath()}/{id}", host.Office).JsonAsync(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task A_malformed_field_is_named_by_its_json_path_never_by_a_server_type()
    {
        var problem = await host.Client.PostRawAsync(FeedbackSteps.PublicPath(), null, """{ "category": "other", "content": ["x"] }""")
            .ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(["content"], TestApi.ErrorFields(problem));
        Assert.DoesNotContain("Feedback.Api", problem.GetRawText());
        Assert.DoesNotContain("Request", problem.GetRawText());
    }
}
