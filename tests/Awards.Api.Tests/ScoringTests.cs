using Awards.Api.Domain;

namespace Awards.Api.Tests;

/// <summary>The Decision 766 rule on crafted indicators: full weight at R ≥ T, else R × weight ÷ T; ties share a rank.</summary>
public sealed class ScoringTests
{
    private static readonly IReadOnlyDictionary<string, IndicatorSetting> Settings = new Dictionary<string, IndicatorSetting>
    {
        [Indicators.PostedProcedures] = new(20, 1.0),
        [Indicators.OnTimeRate] = new(30, 0.9),
        [Indicators.SatisfactionIndex] = new(20, 0.8),
        [Indicators.FeedbackInTime] = new(10, 0.5),
        [Indicators.Initiatives] = new(10, 2),
        [Indicators.TrainingCoverage] = new(10, 0.5),
    };

    private static CommuneIndicators Commune(string code, string name, int procedures, int posted, int staff, YearFigures year) =>
        new() { Commune = code, Name = name, District = "d", Procedures = procedures, PostedProcedures = posted, Staff = staff, Years = [year with { Settings = Settings }] };

    [Theory]
    [InlineData(0.95, 30, 0.9, 30)]
    [InlineData(0.9, 30, 0.9, 30)]
    [InlineData(0.45, 30, 0.9, 15)]
    [InlineData(0.0, 30, 0.9, 0)]
    [InlineData(3.0, 10, 2.0, 10)]
    [InlineData(1.0, 10, 2.0, 5)]
    public void An_indicator_scores_its_weight_at_the_target_and_in_proportion_below(double rate, double weight, double target, double expected) =>
        Assert.Equal(expected, Scoring.Points(rate, new IndicatorSetting(weight, target)), 6);

    [Fact]
    public void No_data_scores_nothing() => Assert.Equal(0, Scoring.Points(null, new IndicatorSetting(30, 0.9)));

    [Fact]
    public void A_commune_is_scored_on_each_indicator_with_the_years_weights()
    {
        // posted 12/15 = 0.8 → 16; on time 45/50 = 0.9 → 30; satisfied 6/10 = 0.6 → 15; feedback 2 of 8 received → 0.25 → 5;
        // initiatives 1 of 2 → 5; training 3 of 10 staff = 0.3 → 6. Total 77.
        var commune = Commune("a", "Xã A", 15, 12, 10, new YearFigures
        {
            Year = 2026, DossiersReceived = 60, DossiersResolved = 50, DossiersOnTime = 45, Ratings = 10, SatisfiedRatings = 6,
            FeedbackReceived = 8, FeedbackAnswered = 3, FeedbackAnsweredInTime = 2, Initiatives = 1, TrainedStaff = ["s1", "s2", "s3"],
        });
        var scores = Scoring.Score(commune, 2026).ToDictionary(s => s.Indicator);
        Assert.Equal([16.0, 30, 15, 5, 5, 6], Indicators.All.Select(i => scores[i].Points));
        Assert.Equal(0.8, scores[Indicators.PostedProcedures].Rate);
        Assert.Equal(77, Scoring.Rank([commune], 2026).Single().Score);
        // Another year has no dossiers, ratings or feedback (those score nothing) and no plan: the movement's default weights
        // apply, posted procedures 15 points at a 100% target: 0.8 × 15 = 12.
        Assert.Equal(12, Scoring.Rank([commune], 2025).Single().Score);
    }

    [Fact]
    public void Communes_are_ranked_by_total_and_equal_totals_share_a_rank()
    {
        var strong = Commune("a", "Xã A", 10, 10, 4, new YearFigures { Year = 2026, DossiersResolved = 10, DossiersOnTime = 10 });
        var tiedB = Commune("b", "Xã Bình", 10, 5, 4, new YearFigures { Year = 2026 });
        var tiedC = Commune("c", "Xã Cẩm", 10, 5, 4, new YearFigures { Year = 2026 });
        var weak = Commune("d", "Xã Dừa", 10, 0, 4, new YearFigures { Year = 2026 });
        var rows = Scoring.Rank([weak, tiedC, strong, tiedB], 2026);
        Assert.Equal([("a", 1, 50.0), ("b", 2, 10), ("c", 2, 10), ("d", 4, 0)], rows.Select(r => (r.Commune, r.Rank, r.Score)));
    }
}
