using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Tests.Hosting;

/// <summary>What the framework answers itself reads in Vietnamese by default and in English for Accept-Language: en.</summary>
public sealed class FrameworkProblemLanguageTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(null, app =>
    {
        app.MapPost("/echo", (Greeting greeting) => TypedResults.Ok(greeting)).AllowAnonymous();
        app.MapGet("/number", (int n) => n).AllowAnonymous();
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code)).AllowAnonymous();
        app.MapGet("/missing", () => { throw new NotFoundException(CommonMessages.Commune, "xa-khong-co"); }).AllowAnonymous();
        app.MapGet("/unknown-key", () => { throw new ConflictException("odd", Wording.Of("no.such.key", 1)); }).AllowAnonymous();
    }, new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "1024" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> ProblemAsync(HttpMethod method, string path, HttpStatusCode status, string? language = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await _app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Every_shared_message_key_has_its_Vietnamese_and_English_text() =>
        Assert.Empty(new MessageResources(typeof(CommonMessages)).Check());

    [Theory]
    [InlineData(401, "unauthenticated", "Chưa đăng nhập", "Chưa đăng nhập hoặc phiên đã hết hạn.", "You are not signed in or your session has expired.")]
    [InlineData(403, "forbidden", "Không có quyền", "Tài khoản không có quyền thực hiện thao tác này.", "Your account is not allowed to do this.")]
    [InlineData(404, "not-found", "Không tìm thấy", "Không tìm thấy địa chỉ được yêu cầu.", "The requested address does not exist.")]
    [InlineData(429, "rate-limited", "Quá nhiều yêu cầu", "Có quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.", "Too many requests; wait a moment and try again.")]
    [InlineData(504, "upstream-timeout", "Hết thời gian chờ", "Dịch vụ không phản hồi kịp; vui lòng thử lại sau.", "The service did not answer in time; try again later.")]
    public async Task A_status_the_framework_writes_reads_in_the_callers_language(int status, string type, string title, string vietnamese, string english)
    {
        var vi = await ProblemAsync(HttpMethod.Get, $"/status/{status}", (HttpStatusCode)status);
        var en = await ProblemAsync(HttpMethod.Get, $"/status/{status}", (HttpStatusCode)status, "en-GB,en;q=0.9");

        Assert.Equal("urn:cchc:problem:" + type, vi.GetProperty("type").GetString());
        Assert.Equal("urn:cchc:problem:" + type, en.GetProperty("type").GetString());
        Assert.Equal((title, vietnamese), (vi.GetProperty("title").GetString(), vi.GetProperty("detail").GetString()));
        Assert.Equal(english, en.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_405_413_and_415_read_in_vietnamese()
    {
        var notAllowed = await ProblemAsync(HttpMethod.Delete, "/echo", HttpStatusCode.MethodNotAllowed);
        Assert.Equal("Địa chỉ này không hỗ trợ phương thức DELETE.", notAllowed.GetProperty("detail").GetString());

        var tooLarge = await ProblemAsync(HttpMethod.Post, "/echo", HttpStatusCode.RequestEntityTooLarge,
            content: new StringContent(JsonSerializer.Serialize(new Greeting(new string('x', 4096))), Encoding.UTF8, "application/json"));
        Assert.Equal(("urn:cchc:problem:body-too-large", "Nội dung gửi lên vượt quá dung lượng cho phép."),
            (tooLarge.GetProperty("type").GetString(), tooLarge.GetProperty("detail").GetString()));

        var media = await ProblemAsync(HttpMethod.Post, "/echo", HttpStatusCode.UnsupportedMediaType, content: new StringContent("hello", Encoding.UTF8, "text/plain"));
        Assert.Equal(("urn:cchc:problem:unsupported-media-type", "Định dạng nội dung không được hỗ trợ; hãy gửi application/json."),
            (media.GetProperty("type").GetString(), media.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData(null, "Nội dung JSON không hợp lệ tại 'text'.")]
    [InlineData("en", "The JSON body is not valid at 'text'.")]
    public async Task Malformed_json_names_the_path_without_the_parsers_english(string? language, string detail)
    {
        var problem = await ProblemAsync(HttpMethod.Post, "/echo", HttpStatusCode.BadRequest, language, new StringContent("{\"text\": 5}", Encoding.UTF8, "application/json"));

        Assert.Equal("urn:cchc:problem:malformed-request", problem.GetProperty("type").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Truncated_json_and_an_unbindable_parameter_are_described_in_vietnamese()
    {
        var truncated = await ProblemAsync(HttpMethod.Post, "/echo", HttpStatusCode.BadRequest, content: new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));
        Assert.StartsWith("Nội dung JSON không hợp lệ", truncated.GetProperty("detail").GetString());

        var number = await ProblemAsync(HttpMethod.Get, "/number?n=abc", HttpStatusCode.BadRequest);
        Assert.Equal("Tham số 'n' bị thiếu hoặc không hợp lệ.", number.GetProperty("detail").GetString());
        var missing = await ProblemAsync(HttpMethod.Get, "/number", HttpStatusCode.BadRequest, "en");
        Assert.Equal("The parameter 'n' is missing or invalid.", missing.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("!!!;q=abc,,")]
    [InlineData("en;q=0, vi")]
    [InlineData("*")]
    public async Task An_odd_accept_language_falls_back_to_vietnamese_and_never_to_a_500(string header)
    {
        var problem = await ProblemAsync(HttpMethod.Get, "/missing", HttpStatusCode.NotFound, header);

        Assert.Equal("Không tìm thấy xã 'xa-khong-co'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_key_shows_the_key_and_never_a_500()
    {
        var problem = await ProblemAsync(HttpMethod.Get, "/unknown-key", HttpStatusCode.Conflict);

        Assert.Equal("no.such.key", problem.GetProperty("detail").GetString());
    }
}
