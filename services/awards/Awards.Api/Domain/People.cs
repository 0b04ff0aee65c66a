using Platform.Contracts.Personnel;

namespace Awards.Api.Domain;

/// <summary>A staff member as awards knows them from <c>StaffRegistered</c>.</summary>
public sealed record StaffCard(string Id, string FullName, StaffKind Kind, string Position);

/// <summary>A final evaluation from <c>EvaluationFinalized</c> (id <c>{staffId}:{year}</c>).</summary>
public sealed record EvaluationRecord(string StaffId, int Year, EvaluationLevel Level, int? Points, DateTime FinalizedAt)
{
    public static string Key(string staffId, int year) => $"{staffId}:{year}";
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
