using System.Net;
using Platform.ServiceDefaults.Problems;
using Procedures.Api.Localization;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>Problems read in Vietnamese by default and in English for <c>Accept-Language: en</c>; types and field names never change.</summary>
public sealed class LanguageTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    [Fact]
    public void Every_message_key_has_its_Vietnamese_and_English_text() =>
        Assert.Empty(new MessageResources(typeof(ProceduresMessages)).Check("procedures."));

    [Theory]
    [InlineData(null, "Trường này là bắt buộc.", "Phải là số điện thoại có từ 9 đến 12 chữ số.")]
    [InlineData("en", "is required", "must be a phone number of 9 to 12 digits")]
    [InlineData("fr, en;q=0.5, vi;q=0.2", "is required", "must be a phone number of 9 to 12 digits")]
    [InlineData("vi-VN, en;q=0.8", "Trường này là bắt buộc.", "Phải là số điện thoại có từ 9 đến 12 chữ số.")]
    public async Task A_400_lists_its_field_errors_in_the_callers_language(string? language, string required, string phone)
    {
        var response = await host.Client.SendInAsync(language, HttpMethod.Post, Desk.Dossiers(), host.Desk, new { applicant = new { name = "Nguyễn Văn An", phone = "12" } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["applicant.phone", "procedureCode"], TestApi.ErrorFields(problem));
        Assert.Equal([required], problem.GetProperty("errors").Strings("procedureCode"));
        Assert.Equal([phone], problem.GetProperty("errors").Strings("applicant.phone"));
        Assert.Equal(language is null or "vi-VN, en;q=0.8" ? "vi" : "en", response.Content.Headers.ContentLanguage.Single());
    }

    [Theory]
    [InlineData(null, "Không tìm thấy hồ sơ 'khong-co'.")]
    [InlineData("en-US", "Dossier 'khong-co' was not found.")]
    public async Task A_404_names_what_was_not_found(string? language, string detail)
    {
        var problem = await host.Client.SendInAsync(language, HttpMethod.Get, $"{Desk.Dossiers()}/khong-co", host.Desk).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Xung đột dữ liệu",
        "Không thể rút hồ sơ đang ở trạng thái Đã rút hồ sơ; thao tác này chỉ áp dụng cho hồ sơ ở trạng thái: Đã tiếp nhận, Đang giải quyết, Yêu cầu bổ sung hồ sơ.")]
    [InlineData("en", "Conflict", "Cannot withdraw a dossier that is withdrawn; allowed from: received, in-progress, supplement-requested.")]
    public async Task A_409_names_the_state_and_the_action_in_the_callers_language(string? language, string title, string detail)
    {
        var id = (await host.ReceiveAsync()).Str("id");
        await host.DoAsync(id, "withdraw");

        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, $"{Desk.Dossiers()}/{id}/withdraw", host.Desk).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");

        Assert.Equal(title, problem.Str("title"));
        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Cán bộ 'khong-co' hiện không được phân công làm việc tại Bộ phận một cửa.",
        "Chưa có tên trong danh sách cán bộ Bộ phận một cửa (chưa được phân công vào Bộ phận một cửa).")]
    [InlineData("en", "Staff 'khong-co' is not currently assigned to the one-stop desk.",
        "unknown to the desk roster (personnel has not registered them on the desk)")]
    public async Task A_422_gives_its_detail_and_reasons_in_the_callers_language(string? language, string detail, string reason)
    {
        var id = (await host.ReceiveAsync()).Str("id");

        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, $"{Desk.Dossiers()}/{id}/assign", host.Desk, new { staffId = "khong-co" })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "not-eligible");

        Assert.Equal(detail, problem.Str("detail"));
        Assert.Equal([reason], problem.Strings("reasons"));
    }

    [Fact]
    public async Task Malformed_json_names_the_path_in_vietnamese_without_the_parsers_english()
    {
        var problem = await host.Client.PostRawAsync(Desk.Dossiers(), host.Desk, """{ "procedureCode": 5 }""").ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal("Yêu cầu không hợp lệ", problem.Str("title"));
        Assert.Equal("Nội dung JSON không hợp lệ tại 'procedureCode'.", problem.Str("detail"));
    }
}
