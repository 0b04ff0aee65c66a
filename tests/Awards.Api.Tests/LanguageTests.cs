using System.Net;
using Awards.Api.Localization;
using Awards.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Problems;

namespace Awards.Api.Tests;

/// <summary>Problems read in Vietnamese by default and in English for <c>Accept-Language: en</c>; types and field names never change.</summary>
public sealed class LanguageTests(AwardsHost host) : IClassFixture<AwardsHost>
{
    [Fact]
    public void Every_message_key_has_its_Vietnamese_and_English_text() =>
        Assert.Empty(new MessageResources(typeof(AwardsMessages)).Check("awards."));

    [Theory]
    [InlineData(null, "Trường này là bắt buộc.", "Phải là 'commune' (cấp xã) hoặc 'district' (cấp huyện).")]
    [InlineData("en", "is required", "must be 'commune' or 'district'")]
    public async Task A_400_lists_its_field_errors_in_the_callers_language(string? language, string required, string level)
    {
        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, Steps.Nominations(), host.Office, new { year = 2016 })
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([required], problem.GetProperty("errors").Strings("reason"));
        Assert.Equal([level], problem.GetProperty("errors").Strings("level"));
    }

    [Theory]
    [InlineData(null, "Phải là một trong các giá trị: commune, district.")]
    [InlineData("en", "must be one of: commune, district")]
    public async Task A_word_outside_a_vocabulary_is_a_400_on_its_field_in_the_callers_language(string? language, string level)
    {
        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, Steps.Nominations(), host.Office, new { year = 2016, level = "tinh" })
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([level], problem.GetProperty("errors").Strings("level"));
    }

    [Theory]
    [InlineData(null, "Không tìm thấy đề nghị khen thưởng 'khong-co'.")]
    [InlineData("en", "Nomination 'khong-co' was not found.")]
    public async Task A_404_names_what_was_not_found(string? language, string detail)
    {
        var problem = await host.Client.SendInAsync(language, HttpMethod.Get, $"{Steps.Nominations()}/khong-co", host.Office).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Không thể rút đề nghị đang ở trạng thái Đã rút.")]
    [InlineData("en", "A nomination that is withdrawn cannot be withdrawn.")]
    public async Task A_409_names_the_state_in_the_callers_language(string? language, string detail)
    {
        host.Clock.SetLocal(2017, 10, 1);
        var id = await host.NominateAsync(Steps.Individual(2017, name: "Người rút " + language));
        await host.Client.PostJsonAsync($"{Steps.Nominations()}/{id}/withdraw", host.Office, null).JsonAsync(HttpStatusCode.OK);

        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, $"{Steps.Nominations()}/{id}/withdraw", host.Office)
            .ProblemAsync(HttpStatusCode.Conflict, "cannot-withdraw");

        Assert.Equal(detail, problem.Str("detail"));
    }

    [Theory]
    [InlineData(null, "Đã quá hạn gửi đề nghị khen thưởng về xã (hạn chót 25/11/2016, hôm nay 26/11/2016).")]
    [InlineData("en", "The deadline for nominations to the commune has passed (it was 2016-11-25; today is 2016-11-26).")]
    public async Task A_422_gives_its_detail_and_reasons_in_the_callers_language(string? language, string reason)
    {
        host.Clock.SetLocal(2016, 11, 26, 8, 0);

        var problem = await host.Client.SendInAsync(language, HttpMethod.Post, Steps.Nominations(), host.Office, Steps.Individual(2016, name: "Người nộp muộn"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "past-deadline");

        Assert.Equal([reason], problem.Strings("reasons"));
        Assert.Equal(reason, problem.Str("detail"));
    }
}
