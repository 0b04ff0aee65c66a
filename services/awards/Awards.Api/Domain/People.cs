using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Awards.Api.Domain;

/// <summary>A staff member as awards knows them from <c>StaffRegistered</c>.</summary>
public sealed record StaffCard(string Id, string FullName, StaffKind Kind, string Position)
{
    public static StaffCard From(StaffRegistered e) => new(e.StaffId, e.FullName, e.Kind, e.Position);
}

/// <summary>A final evaluation from <c>EvaluationFinalized</c> (id <c>{staffId}:{year}</c>).</summary>
public sealed record EvaluationRecord(string StaffId, int Year, EvaluationLevel Level, int? Points, DateTime FinalizedAt)
{
    public static string Key(string staffId, int year) => $"{staffId}:{year}";

    public static EvaluationRecord From(EvaluationFinalized e) => new(e.StaffId, e.Year, e.Level, e.Points, e.FinalizedAt);

    /// <summary>A level finalised again replaces the older one; a late copy of an older message does not.</summary>
    public bool Replaces(EvaluationRecord older) => older.FinalizedAt <= FinalizedAt;
}

/// <summary>One person's year of CCHC work as the events told it: the commune's staff table (id <c>{staffId}:{year}</c>).</summary>
public sealed record StaffYear
{
    public required string StaffId { get; init; }
    public required int Year { get; init; }
    public int DossiersHandled { get; init; }
    public int DossiersOnTime { get; init; }
    public int Ratings { get; init; }
    public int SatisfiedRatings { get; init; }
    public int Initiatives { get; init; }
    public int Trainings { get; init; }
    public double TrainingHours { get; init; }

    public static string Key(string staffId, int year) => $"{staffId}:{year}";

    // How each event counts for the person concerned (the handler, the participant, an author).
    public StaffYear On(DossierResolved e) => this with
    {
        DossiersHandled = DossiersHandled + 1, DossiersOnTime = DossiersOnTime + (e.Timeliness.CountsAsOnTime() ? 1 : 0),
    };

    public StaffYear On(SatisfactionRated e) => this with { Ratings = Ratings + 1, SatisfiedRatings = SatisfiedRatings + (e.Level.CountsAsSatisfied() ? 1 : 0) };

    public StaffYear On(TrainingCompleted e) => this with { Trainings = Trainings + 1, TrainingHours = TrainingHours + e.Hours };

    public StaffYear On(SimplificationApproved e) => this with { Initiatives = Initiatives + 1 };
}

public static class AchievementKinds
{
    public const string Initiative = "initiative";
    public const string DossiersOnTime = "dossiers-on-time";
    public const string HighSatisfaction = "high-satisfaction";
    public const string FeedbackAnswered = "feedback-answered";
    public const string Training = "training";
    public const string Manual = "manual";
}

/// <summary>Where an achievement came from: an event (its type and the record it names) or a person with evidence.</summary>
public sealed record AchievementSource(string Type, string? Event, string? Reference, string? Evidence, string? RecordedBy);

/// <summary>A thành tích: from the work itself (events) or entered by hand with evidence.</summary>
public sealed record Achievement
{
    public required string Id { get; init; }
    public required int Year { get; init; }
    public required string Kind { get; init; }
    public required bool Collective { get; init; }
    public string? StaffId { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required AchievementSource Source { get; init; }
    public required DateTime RecordedAt { get; init; }
}

/// <summary>
/// Thresholds at which a year's tally becomes an achievement: the count reaches a milestone while the share is
/// at least <see cref="Share"/> (so 10 dossiers on time out of 10 counts, 10 out of 30 does not).
/// </summary>
public static class Milestones
{
    public static readonly int[] Counts = [10, 50, 100, 200, 500, 1000];
    public const double Share = 0.9;

    public static bool Reached(int count, int part, int whole) => Counts.Contains(count) && whole > 0 && (double)part / whole >= Share;
}

/// <summary>Whether the latest known revision of a procedure is posted at the desk (id: the procedure code), and its name.</summary>
public sealed record ProcedurePosting(string Code, int Revision, bool Posted, string? Name = null)
{
    public static ProcedurePosting From(ProcedureChanged e) => new(e.ProcedureCode, e.Revision, e.Posted, e.Name);

    /// <summary>An older revision arriving late changes nothing.</summary>
    public bool Supersedes(ProcedurePosting? known) => known is null || known.Revision < Revision;
}

/// <summary>
/// One procedure's year in a commune as the events told it (id <c>{code}:{year}</c>): where the commune's timeliness
/// and satisfaction points were lost, for the district's drill-down.
/// </summary>
public sealed record ProcedureYear
{
    public required string Code { get; init; }
    public required int Year { get; init; }
    public int Resolved { get; init; }
    public int OnTime { get; init; }
    public int Ratings { get; init; }
    public int SatisfiedRatings { get; init; }

    public static string Key(string code, int year) => $"{code}:{year}";

    public int Late => Resolved - OnTime;
    public int Unsatisfied => Ratings - SatisfiedRatings;

    public ProcedureYear On(DossierResolved e) => this with { Resolved = Resolved + 1, OnTime = OnTime + (e.Timeliness.CountsAsOnTime() ? 1 : 0) };

    public ProcedureYear On(SatisfactionRated e) => this with { Ratings = Ratings + 1, SatisfiedRatings = SatisfiedRatings + (e.Level.CountsAsSatisfied() ? 1 : 0) };
}
