namespace Platform.Contracts.Personnel;

/// <summary>Cadre (cán bộ), civil servant (công chức) or part-time non-specialised staff (người hoạt động không chuyên trách).</summary>
public enum StaffKind { Cadre, CivilServant, NonSpecialized }

/// <summary>The four levels of a yearly evaluation (Decrees 90/2020, 335/2025).</summary>
public enum EvaluationLevel { Excellent, Good, Completed, NotCompleted }

public static class EvaluationLevels
{
    /// <summary>Rated good or excellent: what Lao động tiên tiến asks for, and what the 20% cap on excellent counts.</summary>
    public static bool IsGoodOrBetter(this EvaluationLevel level) => level is EvaluationLevel.Excellent or EvaluationLevel.Good;
}

/// <summary>A person joined a commune's staff registry.</summary>
public sealed record StaffRegistered
{
    public required string Commune { get; init; }
    public required string StaffId { get; init; }
    public required string FullName { get; init; }
    public required StaffKind Kind { get; init; }
    public required string Position { get; init; }
}

/// <summary>A person was put on, or taken off, the one-stop desk (only eligible civil servants are put on).</summary>
public sealed record DeskAssignmentChanged
{
    public required string Commune { get; init; }
    public required string StaffId { get; init; }
    public required bool OnDesk { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? Until { get; init; }
}

/// <summary>The leaders' hotline directory changed; the commune radio announces it.</summary>
public sealed record HotlineChanged
{
    public required string Commune { get; init; }
    public required IReadOnlyList<HotlineContact> Contacts { get; init; }
    public required DateTime ChangedAt { get; init; }
}

public sealed record HotlineContact
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required string Phone { get; init; }
}

/// <summary>The leader finalised a person's yearly evaluation (Decrees 90/2020, 335/2025).</summary>
public sealed record EvaluationFinalized
{
    public required string Commune { get; init; }
    public required string StaffId { get; init; }
    public required int Year { get; init; }
    public required EvaluationLevel Level { get; init; }
    public int? Points { get; init; }
    public required DateTime FinalizedAt { get; init; }
}

/// <summary>A staff member completed a course (đào tạo, bồi dưỡng), recorded in the registry.</summary>
public sealed record TrainingCompleted
{
    public required string Commune { get; init; }
    public required string StaffId { get; init; }
    public required string Course { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public required double Hours { get; init; }
}
