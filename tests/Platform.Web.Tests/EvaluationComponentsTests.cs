using Bunit;
using MudBlazor.Services;
using Platform.Web.Components.Pages.Evaluation;

namespace Platform.Web.Tests;

/// <summary>
/// The evaluation sheet's components with logic: Decree 335/2025's 20% cap on excellent counted as the API counts it and
/// said in words (places left, at the cap, over it), and the suggested level with its points and reasons.
/// </summary>
public sealed class EvaluationComponentsTests : BunitContext
{
    public EvaluationComponentsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static EvaluationRowDto Row(string id, string suggested, string? final = null) => new(id, $"Cán bộ {id}", "van-hoa-xa-hoi", "active",
        new EvaluationFiguresDto(0, null, 0, null, 0, 0, 0), new SuggestedLevelDto(suggested, 85, []),
        final is null ? null : new FinalLevelDto(final, 85, null, "chutich.mythanh", new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc)));

    /// <summary>Ten rated good or better (by decision or suggestion) allow two excellent.</summary>
    private static List<EvaluationRowDto> Ten(params string?[] finals) =>
        [.. Enumerable.Range(0, 10).Select(i => Row($"s{i}", "good", i < finals.Length ? finals[i] : null))];

    [Fact]
    public void Places_count_decided_excellents_against_20_percent_of_the_good_or_better_decided_or_suggested()
    {
        var rows = Ten("excellent", "completed");

        var places = ExcellentPlaces.Of(rows);

        Assert.Equal(new ExcellentPlaces(GoodOrBetter: 9, Allowed: 1, Used: 1), places);
        Assert.True(places.AtCap);
        // A suggested excellent takes no place until the leader decides it.
        Assert.Equal(0, ExcellentPlaces.Of([Row("a", "excellent"), .. Ten()]).Used);
    }

    [Fact]
    public void A_choice_counts_the_person_with_the_level_chosen_as_the_API_does()
    {
        var rows = Ten("excellent");

        Assert.Equal(new ExcellentPlaces(10, 2, 2), ExcellentPlaces.If(rows, "s5", "excellent"));
        // Re-deciding the one already excellent takes no second place.
        Assert.Equal(new ExcellentPlaces(10, 2, 1), ExcellentPlaces.If(rows, "s0", "excellent"));
        // Lowering someone below good shrinks the places.
        Assert.Equal(new ExcellentPlaces(9, 1, 1), ExcellentPlaces.If(rows, "s5", "not-completed"));
    }

    [Fact]
    public void With_places_left_the_notice_says_how_many_are_used_and_left()
    {
        var notice = Render<ExcellentCapNotice>(p => p.Add(n => n.Places, ExcellentPlaces.Of(Ten("excellent"))));

        var alert = notice.Find("[data-testid=excellent-places]");
        Assert.Equal("places-left", alert.GetAttribute("data-state"));
        Assert.Contains("Đã dùng 1/2 suất hoàn thành xuất sắc (20% của 10 người đạt mức hoàn thành tốt trở lên)", alert.TextContent);
        Assert.Contains("Còn 1 suất.", alert.TextContent);
    }

    [Fact]
    public void At_the_cap_the_notice_says_no_place_is_left_before_the_leader_tries()
    {
        var notice = Render<ExcellentCapNotice>(p => p.Add(n => n.Places, ExcellentPlaces.Of(Ten("excellent", "excellent"))));

        var alert = notice.Find("[data-testid=excellent-places]");
        Assert.Equal("at-cap", alert.GetAttribute("data-state"));
        Assert.Contains("Đã dùng 2/2 suất", alert.TextContent);
        Assert.Contains("Đã hết suất", alert.TextContent);
        Assert.Contains("mud-alert-text-warning", notice.Markup);
    }

    [Fact]
    public void Over_the_cap_the_notice_says_by_how_many_and_a_choice_over_it_says_it_cannot_be_recorded()
    {
        // Three decided excellent, then others lowered: nine good or better allow one.
        var rows = Ten("excellent", "excellent", "excellent", "completed");
        var sheet = Render<ExcellentCapNotice>(p => p.Add(n => n.Places, ExcellentPlaces.Of(rows)));
        Assert.Equal("over-cap", sheet.Find("[data-testid=excellent-places]").GetAttribute("data-state"));
        Assert.Contains("Đã dùng 3/1 suất", sheet.Markup);
        Assert.Contains("Vượt giới hạn 2 người", sheet.Markup);

        var choice = Render<ExcellentCapNotice>(p => p.Add(n => n.Places, ExcellentPlaces.If(Ten("excellent", "excellent"), "s5", "excellent"))
            .Add(n => n.Choice, true).Add(n => n.TestId, "finalize-places"));
        var alert = choice.Find("[data-testid=finalize-places]");
        Assert.Equal("over-cap", alert.GetAttribute("data-state"));
        Assert.Contains("Không thể xếp người này hoàn thành xuất sắc: đã có 2 người, chỉ được 2", alert.TextContent);
        Assert.Contains("mud-alert-text-error", choice.Markup);
    }

    [Fact]
    public void A_choice_within_the_cap_says_the_places_it_would_use()
    {
        var choice = Render<ExcellentCapNotice>(p => p.Add(n => n.Places, ExcellentPlaces.If(Ten(), "s1", "excellent")).Add(n => n.Choice, true));

        Assert.Contains("Nếu ghi mức này: đã dùng 1/2 suất hoàn thành xuất sắc", choice.Markup);
        Assert.Equal("places-left", choice.Find("[data-state]").GetAttribute("data-state"));
    }

    [Fact]
    public void The_suggested_level_is_named_in_Vietnamese_with_its_points_once_and_every_other_reason()
    {
        var view = Render<SuggestedLevelView>(p => p.Add(s => s.Suggested,
            new SuggestedLevelDto("good", 1234, ["1234 điểm", "đúng hạn 96 %", "giới hạn 20%: tối đa 1 xuất sắc"])));

        var shown = view.Find("[data-testid=suggested-level]");
        Assert.Equal("good", shown.GetAttribute("data-level"));
        Assert.Contains("Hoàn thành tốt nhiệm vụ – 1.234 điểm", shown.TextContent);
        Assert.Equal(["đúng hạn 96 %; ", "giới hạn 20%: tối đa 1 xuất sắc"], view.FindAll(".reasons li").Select(li => li.TextContent));
    }

    [Fact]
    public void Before_2026_the_suggestion_has_no_points_and_keeps_all_its_reasons()
    {
        var view = Render<SuggestedLevelView>(p => p.Add(s => s.Suggested,
            new SuggestedLevelDto("not-completed", null, ["đúng hạn 60 %", "phản ánh có căn cứ 2"])));

        Assert.Contains("Không hoàn thành nhiệm vụ", view.Markup);
        Assert.DoesNotContain("điểm", view.Markup);
        Assert.Equal(2, view.FindAll(".reasons li").Count);
    }
}
