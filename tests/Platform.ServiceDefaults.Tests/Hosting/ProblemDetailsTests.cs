using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Hosting;

public sealed record Greeting(string? Text);

public enum Mood { VeryHappy, NotHappy }

public sealed record Feeling(Mood? Mood);

/// <summary>Bad input gets a problem-details answer with a stable type, never a 500.</summary>
public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(null, app =>
    {
        app.MapPost("/echo", (Greeting greeting) => TypedResults.Ok(greeting)).AllowAnonymous();
        app.MapPost("/feel", (Feeling feeling) => TypedResults.Ok(feeling)).AllowAnonymous();
        app.MapGet("/invalid", () => { new InputValidation().RequireSlug("Bad Code", "code").RequireText("", "name").ThrowIfInvalid(); }).AllowAnonymous();
        app.MapGet("/missing", () => { throw new NotFoundException(CommonMessages.Commune, "d-42"); }).AllowAnonymous();
        app.MapGet("/refused", () => { throw new BusinessRuleException("over-quota", Wording.Of(CommonMessages.Required), [Wording.Of(CommonMessages.Range, 1, 5)]); }).AllowAnonymous();
        app.MapGet("/conflict", () => { throw new ConflictException("illegal-transition", Wording.Of(CommonMessages.Duplicate, "d-1")); }).AllowAnonymous();
        app.MapGet("/store-conflict/{kind}", (ConflictKind kind) => { throw new ConcurrencyConflictException(kind, "d-7"); }).AllowAnonymous();
        app.MapGet("/bug", () => { throw new InvalidOperationException("secret internal detail"); }).AllowAnonymous();
    }, new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "1024" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await _app.Client.PostAsync("/echo", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("urn:cchc:problem:malformed-request", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_typed_vocabulary_reads_and_writes_kebab_case_words()
    {
        var response = await _app.Client.PostAsync("/feel", new StringContent("""{"mood":"very-happy"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"mood":"very-happy"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("\"cheerful\"")]
    [InlineData("1")]
    [InlineData("\"VeryHappy\"")]
    [InlineData("\"VERY-HAPPY\"")]
    public async Task A_word_outside_a_typed_vocabulary_is_a_field_error_naming_the_words_allowed(string value)
    {
        var response = await _app.Client.PostAsync("/feel", new StringContent($$"""{"mood":{{value}}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("urn:cchc:problem:invalid-input", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["mood"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("Phải là một trong các giá trị: very-happy, not-happy.", errors.GetProperty("mood")[0].GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var body = JsonSerializer.Serialize(new Greeting(new string('x', 4096)));

        var response = await _app.Client.PostAsync("/echo", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("urn:cchc:problem:body-too-large", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Answers_and_problems_forbid_content_sniffing_so_citizens_text_in_json_never_becomes_html()
    {
        var echoed = await _app.Client.PostAsJsonAsync("/echo", new Greeting("<script>alert(1)</script>"), TestContext.Current.CancellationToken);
        var problem = await _app.Client.GetAsync("/invalid", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
        Assert.Equal("application/json", echoed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(echoed.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("nosniff", Assert.Single(problem.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Invalid_fields_are_listed()
    {
        var problem = await ProblemAsync(await _app.Client.GetAsync("/invalid", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.Equal("urn:cchc:problem:invalid-input", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Not_found_conflict_and_refusal_keep_their_status_type_and_reasons()
    {
        var ct = TestContext.Current.CancellationToken;
        var missing = await ProblemAsync(await _app.Client.GetAsync("/missing", ct), HttpStatusCode.NotFound);
        Assert.Contains("d-42", missing.GetProperty("detail").GetString());

        var conflict = await ProblemAsync(await _app.Client.GetAsync("/conflict", ct), HttpStatusCode.Conflict);
        Assert.Equal("urn:cchc:problem:illegal-transition", conflict.GetProperty("type").GetString());

        var refused = await ProblemAsync(await _app.Client.GetAsync("/refused", ct), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("urn:cchc:problem:over-quota", refused.GetProperty("type").GetString());
        Assert.Equal("Phải từ 1 đến 5.", refused.GetProperty("reasons")[0].GetString());
    }

    [Theory]
    [InlineData(ConflictKind.Stale, "version-conflict", "Dữ liệu 'd-7' vừa được người khác thay đổi; vui lòng tải lại và thực hiện lại.")]
    [InlineData(ConflictKind.Duplicate, "duplicate", "Mã 'd-7' đã tồn tại.")]
    public async Task A_store_conflict_is_the_409_problem_of_its_kind(ConflictKind kind, string type, string detail)
    {
        var problem = await ProblemAsync(await _app.Client.GetAsync($"/store-conflict/{kind}", TestContext.Current.CancellationToken), HttpStatusCode.Conflict);

        Assert.Equal("urn:cchc:problem:" + type, problem.GetProperty("type").GetString());
        Assert.Equal("Xung đột dữ liệu", problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bug_is_a_500_problem_that_does_not_leak_its_message_but_carries_the_correlation_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/bug") { Headers = { { "X-Correlation-Id", "abc-123" } } };

        var response = await _app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret internal detail", problem.ToString());
        Assert.Equal("abc-123", problem.GetProperty("correlationId").GetString());
        Assert.Equal("abc-123", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/health/live", ct)).StatusCode);
        var ready = await _app.Client.GetFromJsonAsync<JsonElement>("/health/ready", ct);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }
}
