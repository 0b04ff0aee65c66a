using Platform.Contracts.Personnel;
using Personnel.Api.Domain;

namespace Personnel.Api.Tests;

/// <summary>
/// <see cref="EvaluationRules"/> on crafted sheets: the four levels of Decrees 56/2015 and 90/2020 (until 2025) at their
/// thresholds, the 0–100 points of Decree 335/2025 (from 2026) at the level boundaries, and the 20% cap on excellent.
/// </summary>
public sealed class EvaluationRulesTests
{
    private static EvaluationSheet Sheet(int year, int handled = 0, int onTime = 0, int ratings = 0, int satisfied = 0, int complaints = 0, int initiatives = 0) =>
        new()
        {
            StaffId = "s", Year = year, DossiersHandled = handled, DossiersOnTime = onTime, Ratings = ratings, SatisfiedRatings = satisfied,
            UpheldComplaints = complaints, Initiatives = initiatives,
        };

    // ---- Until 2025: the criteria ----

    [Theory]
    // Excellent exactly at every threshold: on-time 95%, satisfaction 90%, no upheld complaint, one initiative, 40 hours.
    [InlineData(20, 19, 10, 9, 0, 1, 40.0, EvaluationLevel.Excellent)]
    // One criterion of excellent just missed each time: good.
    [InlineData(100, 94, 10, 9, 0, 1, 40.0, EvaluationLevel.Good)]
    [InlineData(20, 19, 100, 89, 0, 1, 40.0, EvaluationLevel.Good)]
    [InlineData(20, 19, 10, 9, 0, 0, 40.0, EvaluationLevel.Good)]
    [InlineData(20, 19, 10, 9, 0, 1, 39.5, EvaluationLevel.Good)]
    // Good exactly at its thresholds: on-time 90%, satisfaction 80%, no upheld complaint.
    [InlineData(10, 9, 10, 8, 0, 0, 0.0, EvaluationLevel.Good)]
    // Just under good: completed.
    [InlineData(100, 89, 10, 8, 0, 0, 0.0, EvaluationLevel.Completed)]
    [InlineData(10, 9, 100, 79, 0, 0, 0.0, EvaluationLevel.Completed)]
    [InlineData(20, 19, 10, 9, 1, 1, 40.0, EvaluationLevel.Completed)]
    // Not completed under 70% on time, or with two upheld complaints; 70% itself and one complaint are still completed.
    [InlineData(10, 7, 0, 0, 0, 0, 0.0, EvaluationLevel.Completed)]
    [InlineData(100, 69, 0, 0, 0, 0, 0.0, EvaluationLevel.NotCompleted)]
    [InlineData(0, 0, 0, 0, 1, 0, 0.0, EvaluationLevel.Completed)]
    [InlineData(0, 0, 0, 0, 2, 1, 40.0, EvaluationLevel.NotCompleted)]
    [InlineData(20, 20, 10, 10, 2, 2, 80.0, EvaluationLevel.NotCompleted)]
    // No desk work and no rating: not penalised for it.
    [InlineData(0, 0, 0, 0, 0, 1, 40.0, EvaluationLevel.Excellent)]
    [InlineData(0, 0, 0, 0, 0, 0, 0.0, EvaluationLevel.Good)]
    public void Until_2025_the_criteria_give_the_four_levels_at_their_thresholds(int handled, int onTime, int ratings, int satisfied, int complaints,
        int initiatives, double hours, EvaluationLevel expected)
    {
        foreach (var year in new[] { 2015, 2020, 2025 })
        {
            var suggested = EvaluationRules.Suggest(Sheet(year, handled, onTime, ratings, satisfied, complaints, initiatives), hours);

            Assert.Equal(expected, suggested.Level);
            Assert.Null(suggested.Points);
            Assert.Equal(5, suggested.Reasons.Count);
            Assert.Contains($"phản ánh có căn cứ {complaints}", suggested.Reasons);
            Assert.Contains($"sáng kiến {initiatives}", suggested.Reasons);
        }
    }

    // ---- From 2026: the points ----

    [Theory]
    // Nothing on the desk, nothing rated: 50 + 20 + 15 = 85.
    [InlineData(0, 0, 0, 0, 0, 0, 0.0, 85, EvaluationLevel.Good)]
    // 90 is excellent, 89 good.
    [InlineData(0, 0, 0, 0, 0, 1, 0.0, 90, EvaluationLevel.Excellent)]
    [InlineData(20, 19, 0, 0, 0, 1, 0.0, 89, EvaluationLevel.Good)]
    // 70 is good, 69 completed.
    [InlineData(10, 10, 10, 0, 0, 0, 0.0, 70, EvaluationLevel.Good)]
    [InlineData(20, 19, 10, 0, 0, 0, 0.0, 69, EvaluationLevel.Completed)]
    // 50 is completed, 49 not completed.
    [InlineData(10, 0, 10, 0, 0, 0, 0.0, 50, EvaluationLevel.Completed)]
    [InlineData(10, 0, 10, 0, 1, 1, 32.0, 49, EvaluationLevel.NotCompleted)]
    // The top: initiatives count up to 10 and training up to 5, so never above 100.
    [InlineData(0, 0, 0, 0, 0, 2, 40.0, 100, EvaluationLevel.Excellent)]
    [InlineData(30, 30, 30, 30, 0, 5, 400.0, 100, EvaluationLevel.Excellent)]
    // Partial training is pro rata, and the total is rounded down.
    [InlineData(0, 0, 0, 0, 0, 0, 20.0, 87, EvaluationLevel.Good)]
    // Minus 10 per upheld complaint, never below 0.
    [InlineData(0, 0, 0, 0, 3, 0, 0.0, 55, EvaluationLevel.Completed)]
    [InlineData(10, 0, 10, 0, 10, 0, 0.0, 0, EvaluationLevel.NotCompleted)]
    public void From_2026_the_points_give_the_level_at_the_boundaries(int handled, int onTime, int ratings, int satisfied, int complaints,
        int initiatives, double hours, int points, EvaluationLevel expected)
    {
        var sheet = Sheet(2026, handled, onTime, ratings, satisfied, complaints, initiatives);

        var suggested = EvaluationRules.Suggest(sheet, hours);

        Assert.Equal(points, EvaluationRules.Points(sheet, hours));
        Assert.Equal(points, suggested.Points);
        Assert.Equal(expected, suggested.Level);
        Assert.Equal($"{points} điểm", suggested.Reasons[0]);
    }

    [Theory]
    [InlineData(100, EvaluationLevel.Excellent)]
    [InlineData(90, EvaluationLevel.Excellent)]
    [InlineData(89, EvaluationLevel.Good)]
    [InlineData(70, EvaluationLevel.Good)]
    [InlineData(69, EvaluationLevel.Completed)]
    [InlineData(50, EvaluationLevel.Completed)]
    [InlineData(49, EvaluationLevel.NotCompleted)]
    [InlineData(0, EvaluationLevel.NotCompleted)]
    public void The_levels_of_Decree_335_split_at_90_70_and_50(int points, EvaluationLevel expected) =>
        Assert.Equal(expected, EvaluationRules.LevelOf(points));

    [Fact]
    public void The_points_scale_starts_in_2026_and_the_criteria_apply_to_2025()
    {
        var perfect = Sheet(0, 20, 20, 10, 10, 0, 2);

        Assert.Null(EvaluationRules.Suggest(perfect with { Year = 2025 }, 40).Points);
        Assert.Equal(100, EvaluationRules.Suggest(perfect with { Year = 2026 }, 40).Points);
    }

    /// <summary>
    /// Sheets whose exact score is a whole boundary number: 20 dossiers all on time, 1 of 3 ratings satisfied
    /// (15 × 1/3 = 5), 2 initiatives and 40 hours is exactly 50 + 20 + 5 + 10 + 5 = 90; 8 of 11 on time and 4 of 11
    /// satisfied is exactly 50 + 160/11 + 60/11 = 70; all 3 on time, 1 of 3 satisfied, 40 hours and one upheld complaint is
    /// exactly 50 + 20 + 5 + 5 - 10 = 70. The person must get the level of that number.
    /// </summary>
    [Theory]
    [InlineData(20, 20, 3, 1, 0, 2, 40.0, 90, EvaluationLevel.Excellent)]
    [InlineData(11, 8, 11, 4, 0, 0, 0.0, 70, EvaluationLevel.Good)]
    [InlineData(9, 8, 27, 22, 0, 1, 40.0, 90, EvaluationLevel.Excellent)]
    [InlineData(3, 3, 3, 1, 1, 0, 40.0, 70, EvaluationLevel.Good)]
    public void An_exact_boundary_score_is_not_lost_to_rounding(int handled, int onTime, int ratings, int satisfied, int complaints, int initiatives,
        double hours, int points, EvaluationLevel expected)
    {
        var sheet = Sheet(2026, handled, onTime, ratings, satisfied, complaints, initiatives);

        var suggested = EvaluationRules.Suggest(sheet, hours);

        Assert.Equal((points, expected), (suggested.Points!.Value, suggested.Level));
    }

    // ---- The 20% cap ----

    private static SuggestedLevel Level(EvaluationLevel level, int points) => new(level, points, [$"{points} điểm"]);

    [Fact]
    public void Of_ten_good_or_better_only_the_two_highest_scoring_keep_excellent_ties_by_id()
    {
        // Inserted out of order, so that the order comes from the points and then the id, not from the dictionary.
        var suggestions = new Dictionary<string, SuggestedLevel>
        {
            ["staff-d"] = Level(EvaluationLevel.Excellent, 90),
            ["staff-c"] = Level(EvaluationLevel.Excellent, 92),
            ["staff-b"] = Level(EvaluationLevel.Excellent, 92),
            ["staff-a"] = Level(EvaluationLevel.Excellent, 95),
            ["staff-e"] = Level(EvaluationLevel.Good, 85),
            ["staff-f"] = Level(EvaluationLevel.Good, 80),
            ["staff-g"] = Level(EvaluationLevel.Good, 75),
            ["staff-h"] = Level(EvaluationLevel.Good, 72),
            ["staff-i"] = Level(EvaluationLevel.Good, 70),
            ["staff-j"] = Level(EvaluationLevel.Good, 70),
            ["staff-k"] = Level(EvaluationLevel.Completed, 60),
            ["staff-l"] = Level(EvaluationLevel.NotCompleted, 30),
        };

        var capped = EvaluationRules.ApplyCap(2026, suggestions);

        Assert.Equal(suggestions.Keys.Order(), capped.Keys.Order());
        Assert.Equal(["staff-a", "staff-b"], capped.Where(s => s.Value.Level == EvaluationLevel.Excellent).Select(s => s.Key).Order());
        foreach (var demoted in new[] { "staff-c", "staff-d" })
        {
            Assert.Equal(EvaluationLevel.Good, capped[demoted].Level);
            Assert.Equal(suggestions[demoted].Points, capped[demoted].Points);
            Assert.Equal([$"{suggestions[demoted].Points} điểm", "giới hạn 20%: tối đa 2 xuất sắc"], capped[demoted].Reasons);
        }
        foreach (var untouched in suggestions.Keys.Except(["staff-c", "staff-d"]))
            Assert.Equal(suggestions[untouched], capped[untouched]);
    }

    [Fact]
    public void Completed_and_not_completed_do_not_count_towards_the_unit()
    {
        // Five good or better (one excellent) and five below: one excellent is allowed.
        var suggestions = new Dictionary<string, SuggestedLevel> { ["x"] = Level(EvaluationLevel.Excellent, 91) };
        for (var i = 0; i < 4; i++) suggestions[$"g{i}"] = Level(EvaluationLevel.Good, 80);
        for (var i = 0; i < 5; i++) suggestions[$"c{i}"] = Level(EvaluationLevel.Completed, 60);

        Assert.Equal(EvaluationLevel.Excellent, EvaluationRules.ApplyCap(2026, suggestions)["x"].Level);

        // Four good or better: 20% of four is under one, so nobody keeps excellent.
        suggestions.Remove("g0");
        var capped = EvaluationRules.ApplyCap(2026, suggestions);
        Assert.Equal(EvaluationLevel.Good, capped["x"].Level);
        Assert.Contains("giới hạn 20%: tối đa 0 xuất sắc", capped["x"].Reasons);
    }

    [Fact]
    public void Before_2026_there_is_no_cap()
    {
        var suggestions = new Dictionary<string, SuggestedLevel>
        {
            ["a"] = new(EvaluationLevel.Excellent, null, []), ["b"] = new(EvaluationLevel.Excellent, null, []), ["c"] = new(EvaluationLevel.Good, null, []),
        };

        Assert.Same(suggestions, EvaluationRules.ApplyCap(2025, suggestions));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(14, 2)]
    [InlineData(15, 3)]
    public void Twenty_percent_rounded_down_may_be_excellent(int goodOrBetter, int allowed) =>
        Assert.Equal(allowed, EvaluationRules.ExcellentAllowed(goodOrBetter));
}
