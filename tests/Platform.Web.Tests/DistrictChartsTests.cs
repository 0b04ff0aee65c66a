using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Platform.Web.Components.Pages.District;

namespace Platform.Web.Tests;

/// <summary>
/// The district's charts: bars in the API's rank order at one scale, figures resting on few answers flagged in words
/// next to them, and each commune's trend with every year's points and rank.
/// </summary>
public sealed class DistrictChartsTests : BunitContext
{
    public DistrictChartsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static IndicatorScoreDto Score(string indicator, double points, double weight, int? basis = 20, bool few = false) =>
        new(indicator, 0.5, weight, 0.8, points, basis, few);

    private static ScoreRowDto Row(string commune, string name, int rank, params IndicatorScoreDto[] scores) =>
        new(commune, name, rank, scores.Sum(s => s.Points), scores);

    private static readonly ScoreRowDto[] Board =
    [
        Row("luong-hoa", "Xã Lương Hòa", 2, Score("onTimeRate", 20, 25), Score("satisfactionIndex", 20, 20, basis: 3, few: true)),
        Row("my-thanh", "Xã Mỹ Thạnh", 1, Score("onTimeRate", 25, 25), Score("satisfactionIndex", 17.5, 20)),
        Row("an-hoa", "Xã An Hòa", 2, Score("onTimeRate", 15, 25), Score("satisfactionIndex", 25, 20)),
    ];

    [Fact]
    public void The_bars_follow_the_rank_and_equal_ranks_go_by_name()
    {
        var chart = Render<ScoreBars>(p => p.Add(c => c.Rows, Board).Add(c => c.Columns, ScoreChart.Columns(Board)).Add(c => c.MaxScore, 45)
            .Add(c => c.Caption, "Điểm").Add(c => c.CommuneHref, r => DistrictLinks.Commune(r.Commune, 2026)));

        Assert.Equal(["my-thanh", "an-hoa", "luong-hoa"], chart.FindAll("[data-testid=chart-bar]").Select(b => b.GetAttribute("data-commune")));
        Assert.Equal(["1", "2", "2"], chart.FindAll("[data-testid=chart-bar]").Select(b => b.GetAttribute("data-rank")));
        Assert.Equal("/can-bo/huyen/xa/my-thanh?nam=2026", chart.Find("[data-testid=chart-commune-link]").GetAttribute("href"));
        Assert.Contains("42,5 đ", chart.Find("[data-commune=my-thanh]").TextContent);
    }

    [Fact]
    public void Each_segment_is_its_points_share_of_the_full_scale_one_after_the_other()
    {
        var bar = ScoreChart.Bars([Board[1]], 50).Single();

        Assert.Equal([(0.0, 50.0), (50.0, 35.0)], bar.Segments.Select(s => (s.Start, s.Width)));
        var rendered = Render<ScoreBar>(p => p.Add(b => b.Bar, bar));
        Assert.Equal(["50%", "35%"], rendered.FindAll("rect[data-indicator]").Select(r => r.GetAttribute("width")));
        Assert.Equal("url(#pattern-satisfactionIndex)", rendered.Find("rect[data-indicator=satisfactionIndex]").GetAttribute("fill"));
        Assert.Contains("Xã Mỹ Thạnh: hạng 1, 42,5 đ", rendered.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_figure_on_few_answers_is_flagged_in_words_next_to_it_and_the_chart_says_not_to_rank_on_it()
    {
        var few = Render<IndicatorFigure>(p => p.Add(f => f.Score, Board[0].Indicators[1]));
        Assert.Equal("true", few.Find("[data-testid=indicator-figure]").GetAttribute("data-few-answers"));
        Assert.Equal("(*) chỉ dựa trên 3 phiếu đánh giá: ít số liệu", few.Find("[data-testid=few-answers]").TextContent);

        var plenty = Render<IndicatorFigure>(p => p.Add(f => f.Score, Board[1].Indicators[0]));
        Assert.Empty(plenty.FindAll("[data-testid=few-answers]"));
        Assert.Contains("trên 20 hồ sơ đã giải quyết", plenty.Markup);

        var chart = Render<ScoreBars>(p => p.Add(c => c.Rows, Board).Add(c => c.Columns, ScoreChart.Columns(Board)).Add(c => c.MaxScore, 45).Add(c => c.Caption, "Điểm"));
        Assert.Equal(["luong-hoa"], chart.FindAll("[data-testid=chart-few-answers]").Select(f => f.Closest("[data-testid=chart-bar]")!.GetAttribute("data-commune")));
        Assert.Contains("không xếp hạng riêng theo chỉ số đó", chart.Find("[data-testid=few-answers-note]").TextContent);
        var none = Render<ScoreBars>(p => p.Add(c => c.Rows, [Board[1]]).Add(c => c.Columns, ScoreChart.Columns(Board)).Add(c => c.MaxScore, 45).Add(c => c.Caption, "Điểm"));
        Assert.Empty(none.FindAll("[data-testid=few-answers-note]"));
    }

    [Fact]
    public void The_trend_puts_each_year_in_order_with_its_points_and_rank()
    {
        var commune = new CommuneTrendDto("my-thanh", "Xã Mỹ Thạnh", [new(2025, 2, 50), new(2024, 1, 100), new(2026, 1, 0)]);

        var points = ScoreChart.Trend(commune, 100);
        Assert.Equal([2024, 2025, 2026], points.Select(p => p.Year.Year));
        Assert.Equal([8.0, 50.0, 92.0], points.Select(p => p.X));
        Assert.Equal([ScoreChart.TrendTop, (ScoreChart.TrendTop + ScoreChart.TrendHeight - ScoreChart.TrendBottom) / 2, ScoreChart.TrendHeight - ScoreChart.TrendBottom],
            points.Select(p => p.Y));

        var chart = Render<TrendLines>(p => p.Add(t => t.Trend, new DistrictTrendDto("giong-trom", [2024, 2025, 2026], [commune])).Add(t => t.MaxScore, 100).Add(t => t.Caption, "Xu hướng"));
        var text = chart.Find("[data-commune=my-thanh]").TextContent;
        Assert.Contains("100 đ", text);
        Assert.Contains("hạng 2", text);
        Assert.Equal("Xã Mỹ Thạnh: năm 2024 100 đ, hạng 1; năm 2025 50 đ, hạng 2; năm 2026 0 đ, hạng 1", chart.Find("svg[role=img]").GetAttribute("aria-label"));
    }
}
