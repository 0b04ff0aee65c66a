using System.Globalization;

namespace Platform.Web.Components.Pages.District;

/// <summary>One indicator's share of a commune's bar: where it starts and how wide it is, in per cent of the bar's full scale.</summary>
public sealed record ChartSegment(IndicatorScoreDto Score, double Start, double Width);

/// <summary>One commune's bar: its row, its six segments side by side, and whether any figure rests on few answers.</summary>
public sealed record ChartBar(ScoreRowDto Row, IReadOnlyList<ChartSegment> Segments)
{
    public bool RestsOnFewAnswers => Row.Indicators.Any(i => i.FewAnswers);
}

/// <summary>One year of a commune's trend: where its point stands (x in per cent, y in pixels) and what it says.</summary>
public sealed record TrendPoint(YearScoreDto Year, double X, double Y);

/// <summary>
/// The geometry of the district's charts, kept out of the markup: bars in rank order (the API's rank, equal ranks by
/// name), each indicator's points at one scale (the sum of the weights), and each commune's totals over the years.
/// </summary>
public static class ScoreChart
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>The indicators, in the API's order, as the black-and-white patterns tell them apart (pattern i of <see cref="Patterns"/>).</summary>
    public static readonly IReadOnlyList<string> Patterns = ["postedProcedures", "onTimeRate", "satisfactionIndex", "feedbackInTime", "initiatives", "trainingCoverage"];

    public static string PatternId(string indicator) => "pattern-" + indicator;

    /// <summary>
    /// The columns of a board: the indicators any commune has, in the API's order (every commune is scored on its own
    /// year's weights); the chart's full scale is the sum of their weights.
    /// </summary>
    public static IReadOnlyList<IndicatorScoreDto> Columns(IEnumerable<ScoreRowDto> rows) => rows.SelectMany(c => c.Indicators).DistinctBy(i => i.Indicator).ToList();

    public static IReadOnlyList<ChartBar> Bars(IEnumerable<ScoreRowDto> rows, double maxScore) =>
        rows.OrderBy(r => r.Rank).ThenBy(r => r.Name, VietnameseOrder).Select(r =>
        {
            var start = 0.0;
            var segments = new List<ChartSegment>();
            foreach (var score in r.Indicators.Where(i => i.Points > 0))
            {
                var width = Percent(score.Points, maxScore);
                segments.Add(new ChartSegment(score, start, width));
                start += width;
            }
            return new ChartBar(r, segments);
        }).ToList();

    /// <summary>The bar's label for a screen reader: the total and each indicator's points.</summary>
    public static string Describe(ScoreRowDto row) =>
        $"{row.Name}: hạng {row.Rank}, {DistrictText.Points(row.Score)}; " +
        string.Join("; ", row.Indicators.Select(i => $"{DistrictText.Indicator(i.Indicator)} {DistrictText.Points(i.Points)}"));

    /// <summary>Chart height in pixels and the margins the labels take above and below.</summary>
    public const double TrendHeight = 110, TrendTop = 22, TrendBottom = 30;

    /// <summary>Each year's point: x spread evenly between 8% and 92%, y from the scale's top (<paramref name="maxScore"/>) to 0.</summary>
    public static IReadOnlyList<TrendPoint> Trend(CommuneTrendDto commune, double maxScore)
    {
        var years = commune.Years.OrderBy(y => y.Year).ToList();
        var plot = TrendHeight - TrendTop - TrendBottom;
        return years.Select((y, i) => new TrendPoint(y,
            years.Count == 1 ? 50 : Math.Round(8 + 84.0 * i / (years.Count - 1), 2),
            Math.Round(TrendTop + plot * (1 - Math.Clamp(maxScore <= 0 ? 0 : y.Score / maxScore, 0, 1)), 2))).ToList();
    }

    public static string Describe(CommuneTrendDto commune) =>
        $"{commune.Name}: " + string.Join("; ", commune.Years.OrderBy(y => y.Year).Select(y => $"năm {y.Year} {DistrictText.Points(y.Score)}, hạng {y.Rank}"));

    public static string Css(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double Percent(double part, double whole) => whole <= 0 ? 0 : Math.Round(100 * part / whole, 2);
}
