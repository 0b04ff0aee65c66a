using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Personnel.Api.Localization;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Problems;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>Problems read in Vietnamese by default and in English for <c>Accept-Language: en</c>; types and field names never change.</summary>
public sealed class LanguageTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string Desk = "/api/communes/my-thanh/desk-assignments";

    private async Task<HttpResponseMessage> SendAsync(string? language, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Every_message_key_has_its_Vietnamese_and_English_text() =>
        Assert.Empty(new MessageResources(typeof(PersonnelMessages)).Check("personnel."));

    [Theory]
    [InlineData(null, "Trường này là bắt buộc.", "Số điện thoại phải có từ 9 đến 12 chữ số.")]
    [InlineData("en", "is required", "must have 9 to 12 digits")]
    public async Task A_400_lists_its_field_errors_in_the_callers_language(string? language, string required, string phone)
    {
        var office = await host.Client.TokenAsync(Office);

        var problem = await (await SendAsync(language, HttpMethod.Post, StaffPath(), office, new { kind = "civil-servant", position = "tu-phap-ho-tich", phone = "12" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([required], FieldErrors(problem, "fullName"));
        Assert.Equal([phone], FieldErrors(problem, "phone"));
    }

    [Theory]
    [InlineData(null, "Không tìm thấy cán bộ 'khong-co'.")]
    [InlineData("en", "Staff member 'khong-co' was not found.")]
    public async Task A_404_names_what_was_not_found(string? language, string detail)
    {
        var office = await host.Client.TokenAsync(Office);

        var problem = await (await SendAsync(language, HttpMethod.Get, $"{StaffPath()}/khong-co", office)).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null, "Xung đột dữ liệu", " đã đang làm việc tại Bộ phận một cửa.")]
    [InlineData("en", "Conflict", " is already on the desk.")]
    public async Task A_409_reads_in_the_callers_language(string? language, string title, string detailEnd)
    {
        var office = await host.Client.TokenAsync(Office);

        var problem = await (await SendAsync(language, HttpMethod.Post, Desk, office, new { staffId = DeskStaff, from = "2026-01-05" }))
            .ProblemAsync(HttpStatusCode.Conflict, "already-on-desk");

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.EndsWith(detailEnd, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null, "không thể được phân công làm việc tại Bộ phận một cửa.", "không phải công chức (chỉ công chức được bố trí tại Bộ phận một cửa)")]
    [InlineData("en", "cannot be assigned to the one-stop desk.", "not a civil servant (only civil servants staff the one-stop desk)")]
    public async Task A_422_gives_its_detail_and_every_unmet_rule_in_the_callers_language(string? language, string detailEnd, string rule)
    {
        var leader = await host.Client.TokenAsync(Demo.Leader);

        var problem = await (await SendAsync(language, HttpMethod.Post, Desk, leader, new { staffId = Chairman, from = "2026-01-05" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible-for-desk");

        Assert.EndsWith(detailEnd, problem.GetProperty("detail").GetString());
        Assert.Contains(rule, Reasons(problem));
    }

    [Theory]
    [InlineData(null, "Sai thông tin đăng nhập", "Tên đăng nhập hoặc mật khẩu không đúng.")]
    [InlineData("en", "Invalid credentials", "The username or password is wrong.")]
    public async Task A_failed_sign_in_reads_in_the_callers_language(string? language, string title, string detail)
    {
        var problem = await (await SendAsync(language, HttpMethod.Post, "/api/auth/token", null, new { username = "khong-co-ai", password = "Sai@2015" }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }
}
