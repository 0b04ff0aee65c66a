using System.Net;
using Feedback.Api.Localization;
using Feedback.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Problems;

namespace Feedback.Api.Tests;

/// <summary>Problems read in Vietnamese by default and in English for <c>Accept-Language: en</c>; types and field names never change.</summary>
public sealed class LanguageTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    [Fact]
    public void Every_message_key_has_its_Vietnamese_and_English_text() =>
        Assert.Empty(new MessageResources(typeof(FeedbackMessages)).Check("feedback."));

    [Theory]
    [InlineData(null, "Trường này là bắt buộc.")]
    [InlineData("en", "is required")]
    public async Task A_400_lists_its_field_errors_in_the_callers_language(string? language, string required)
    {
        var response = await host.Client.SendInAsync(language, HttpMethod.Post, FeedbackSteps.PublicPath(), null, new { content = " ", category = "other" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["content"], TestApi.ErrorFields(problem));
        Assert.Equal([required], problem.GetProperty("errors").Strings("content"));
    }

    [Theory]
    [InlineData(null, "Không tìm thấy phản ánh, kiến nghị 'KHONGCO'.")]
    [InlineData("en", "Feedback item 'KHONGCO' was not found.")]
    public async Task A_404_names_what_was_not_found(string? language, string detail)
    {
        var problem = await host.Client.SendInAsync(language, HttpMethod.Get, $"{FeedbackSteps.PublicPath()}/KHONGCO", null).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Không thể trả lời phản ánh đang ở trạng thái Đã kết thúc; chỉ thực hiện được khi phản ánh ở trạng thái: Đang xử lý.")]
    [InlineData("en", "Cannot answer a feedback item that is closed; only one that is: assigned.")]
    public async Task A_409_names_the_state_and_the_action_in_the_callers_language(string? language, string detail)
    {
        var id = (await host.SubmitAsync()).Str("id");
        await host.DoAsync(id, "close", new { note = "Trùng với phản ánh trước" });

        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, $"{FeedbackSteps.StaffPath()}/{id}/answer", host.Office, new { answer = "Đã xử lý", publish = true })
            .ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");

        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Không thể thực hiện", "Không thể giao cho chính cán bộ bị phản ánh về thái độ phục vụ trả lời phản ánh đó.")]
    [InlineData("en", "Request refused", "The officer a conduct complaint is about cannot be put in charge of answering it.")]
    public async Task A_422_reads_in_the_callers_language(string? language, string title, string detail)
    {
        var id = (await host.SubmitAsync(FeedbackSteps.Item("staff-conduct", "Cán bộ một cửa hẹn nhiều lần", staffId: Seed.DeskOfficer))).Str("id");

        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, $"{FeedbackSteps.StaffPath()}/{id}/assign", host.Office, new { staffId = Seed.DeskOfficer })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "conflict-of-interest");

        Assert.Equal(title, problem.Str("title"));
        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Không tìm thấy dịch vụ (service_code) 'praise'.")]
    [InlineData("en", "service_code 'praise' was not found.")]
    public async Task Open311_error_descriptions_read_in_the_callers_language(string? language, string description)
    {
        var response = await host.Client.SendInAsync(language, HttpMethod.Get, "/open311/v2/services/praise.json?jurisdiction_id=my-thanh", null);

        var error = Assert.Single((await response.JsonAsync(HttpStatusCode.NotFound)).EnumerateArray());
        Assert.Equal(description, error.Str("description"));
    }
}
