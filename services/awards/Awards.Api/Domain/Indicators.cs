using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Awards.Api.Domain;

/// <summary>The scoreboard's indicators: what this platform holds of Decision 766/QĐ-TTg's groups.</summary>
public static class Indicators
{
    public const string PostedProcedures = "postedProcedures";
    public const string OnTimeRate = "onTimeRate";
    public const string SatisfactionIndex = "satisfactionIndex";
    public const string FeedbackInTime = "feedbackInTime";
    public const string Initiatives = "initiatives";
    public const string TrainingCoverage = "trainingCoverage";

    public static IReadOnlyList<string> All { get; } = [PostedProcedures, OnTimeRate, SatisfactionIndex, FeedbackInTime, Initiatives, TrainingCoverage];
}

/// <summary>What the events told about one year of a commune.</summary>
public sealed record YearFigures
{
    public required int Year { get; init; }
    public int DossiersReceived { get; init; }
    public int DossiersResolved { get; init; }
    public int DossiersOnTime { get; init; }
    public int Ratings { get; init; }
    public int SatisfiedRatings { get; init; }
    public int FeedbackReceived { get; init; }
    public int FeedbackAnswered { get; init; }
    public int FeedbackAnsweredInTime { get; init; }
    public int Initiatives { get; init; }
    public IReadOnlyList<string> TrainedStaff { get; init; } = [];
    /// <summary>The weights and targets of the plan governing this year (copied here so that a district read is one query).</summary>
    public IReadOnlyDictionary<string, IndicatorSetting>? Settings { get; init; }
}

/// <summary>
/// One commune's indicator document, kept by the consumers and stored in its district's scope (<see cref="Scope"/>):
/// the district scoreboard is one query over these, whatever the number of communes.
/// </summary>
public sealed record CommuneIndicators
{
    public required string Commune { get; init; }
    public required string Name { get; init; }
    public required string District { get; init; }
    public int Procedures { get; init; }
    public int PostedProcedures { get; init; }
    public int Staff { get; init; }
    public IReadOnlyList<YearFigures> Years { get; init; } = [];

    public static string Scope(string district) => $"district:{district}";

    public YearFigures For(int year) => Years.FirstOrDefault(y => y.Year == year) ?? new YearFigures { Year = year };

    public CommuneIndicators With(int year, Func<YearFigures, YearFigures> change) =>
        this with { Years = [.. Years.Where(y => y.Year != year), change(For(year))] };

    // How each event counts for the commune, in the year it happened (Vietnam time).
    public CommuneIndicators On(DossierReceived e) => With(CampaignYear.Of(e.ReceivedAt), y => y with { DossiersReceived = y.DossiersReceived + 1 });

    public CommuneIndicators On(DossierResolved e) => With(CampaignYear.Of(e.ResolvedAt), y => y with
    {
        DossiersResolved = y.DossiersResolved + 1, DossiersOnTime = y.DossiersOnTime + (e.Timeliness.CountsAsOnTime() ? 1 : 0),
    });

    public CommuneIndicators On(SatisfactionRated e) => With(CampaignYear.Of(e.RatedAt), y => y with
    {
        Ratings = y.Ratings + 1, SatisfiedRatings = y.SatisfiedRatings + (e.Level.CountsAsSatisfied() ? 1 : 0),
    });

    public CommuneIndicators On(FeedbackReceived e) => With(CampaignYear.Of(e.ReceivedAt), y => y with { FeedbackReceived = y.FeedbackReceived + 1 });

    public CommuneIndicators On(FeedbackAnswered e) => With(CampaignYear.Of(e.AnsweredAt), y => y with
    {
        FeedbackAnswered = y.FeedbackAnswered + 1, FeedbackAnsweredInTime = y.FeedbackAnsweredInTime + (e.InTime ? 1 : 0),
    });

    /// <summary>Training coverage counts people, not courses: a second course of the same person changes nothing.</summary>
    public CommuneIndicators On(TrainingCompleted e) =>
        With(e.CompletedOn.Year, y => y.TrainedStaff.Contains(e.StaffId) ? y : y with { TrainedStaff = [.. y.TrainedStaff, e.StaffId] });

    /// <summary>One initiative for the commune, however many authors it has.</summary>
    public CommuneIndicators On(SimplificationApproved e) => With(CampaignYear.Of(e.ApprovedAt), y => y with { Initiatives = y.Initiatives + 1 });

    public CommuneIndicators WithNewStaffMember() => this with { Staff = Staff + 1 };

    /// <summary>The catalogue's size and posted share after a procedure's newer revision (<paramref name="before"/>: the one known, if any).</summary>
    public CommuneIndicators Reposted(ProcedurePosting? before, ProcedurePosting after) => this with
    {
        Procedures = Procedures + (before is null ? 1 : 0),
        PostedProcedures = PostedProcedures + (after.Posted ? 1 : 0) - (before?.Posted == true ? 1 : 0),
    };
}

/// <param name="Basis">How many items the share rests on (procedures, resolved dossiers, ratings, feedback items, staff); null for a count.</param>
/// <param name="FewAnswers">The share rests on fewer than <see cref="Scoring.FewAnswersBelow"/> items: a figure to read with care, not to rank on alone.</param>
public sealed record IndicatorScore(string Indicator, double? Rate, double Weight, double Target, double Points, int? Basis = null, bool FewAnswers = false);

public sealed record ScoreRow(string Commune, string Name, int Rank, double Score, IReadOnlyList<IndicatorScore> Indicators);

/// <summary>The emulation scoreboard rule (domain.md §5, after Decision 766/QĐ-TTg).</summary>
public static class Scoring
{
    /// <summary>Full weight when R ≥ T, else R × weight ÷ T; an indicator without data scores nothing.</summary>
    public static double Points(double? rate, IndicatorSetting setting) =>
        rate is not { } r ? 0 : setting.Target <= 0 || r >= setting.Target ? setting.Weight : r * setting.Weight / setting.Target;

    public static double? Ratio(int part, int whole) => whole <= 0 ? null : Math.Min(1.0, (double)part / whole);

    public static IReadOnlyDictionary<string, double?> Rates(CommuneIndicators commune, YearFigures year) => new Dictionary<string, double?>
    {
        [Indicators.PostedProcedures] = Ratio(commune.PostedProcedures, commune.Procedures),
        [Indicators.OnTimeRate] = Ratio(year.DossiersOnTime, year.DossiersResolved),
        [Indicators.SatisfactionIndex] = Ratio(year.SatisfiedRatings, year.Ratings),
        // Items received in the year and not yet answered count against the commune.
        [Indicators.FeedbackInTime] = Ratio(year.FeedbackAnsweredInTime, Math.Max(year.FeedbackReceived, year.FeedbackAnswered)),
        // A count, not a share: the target is a number of approved initiatives in the year.
        [Indicators.Initiatives] = year.Initiatives,
        [Indicators.TrainingCoverage] = Ratio(year.TrainedStaff.Count, commune.Staff),
    };

    /// <summary>Below this many items (e.g. 3 surveys) a share says little: it is flagged, and no one should rank on it alone.</summary>
    public const int FewAnswersBelow = 10;

    /// <summary>How many items each share rests on; initiatives are a count, with no basis.</summary>
    public static IReadOnlyDictionary<string, int?> Bases(CommuneIndicators commune, YearFigures year) => new Dictionary<string, int?>
    {
        [Indicators.PostedProcedures] = commune.Procedures,
        [Indicators.OnTimeRate] = year.DossiersResolved,
        [Indicators.SatisfactionIndex] = year.Ratings,
        [Indicators.FeedbackInTime] = Math.Max(year.FeedbackReceived, year.FeedbackAnswered),
        [Indicators.Initiatives] = null,
        [Indicators.TrainingCoverage] = commune.Staff,
    };

    public static bool IsFew(int? basis) => basis is > 0 and < FewAnswersBelow;

    public static IReadOnlyList<IndicatorScore> Score(CommuneIndicators commune, int year)
    {
        var figures = commune.For(year);
        var settings = figures.Settings ?? Movement.DefaultIndicators;
        var rates = Rates(commune, figures);
        var bases = Bases(commune, figures);
        return Indicators.All.Where(settings.ContainsKey).Select(i =>
        {
            var s = settings[i];
            var rate = rates[i] is { } r ? Math.Round(r, 4) : (double?)null;
            return new IndicatorScore(i, rate, s.Weight, s.Target, Math.Round(Points(rates[i], s), 2), bases[i], IsFew(bases[i]));
        }).ToList();
    }

    /// <summary>
    /// Ranks by total (rounded to two decimals) descending; equal totals share a rank and the next rank skips
    /// (1, 2, 2, 4: standard competition ranking); equal totals are listed by name.
    /// </summary>
    public static IReadOnlyList<ScoreRow> Rank(IEnumerable<CommuneIndicators> communes, int year)
    {
        var scored = communes.Select(c => (c, Indicators: Score(c, year))).Select(x => (x.c, x.Indicators, Total: Math.Round(x.Indicators.Sum(i => i.Points), 2)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.c.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        var rows = new List<ScoreRow>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Total == scored[i - 1].Total ? rows[i - 1].Rank : i + 1;
            rows.Add(new ScoreRow(scored[i].c.Commune, scored[i].c.Name, rank, scored[i].Total, scored[i].Indicators));
        }
        return rows;
    }
}
