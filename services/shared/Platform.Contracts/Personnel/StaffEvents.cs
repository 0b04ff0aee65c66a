namespace Platform.Contracts.Personnel;

/// <summary>A person joined a commune's staff registry.</summary>
public sealed record StaffRegistered
{
    public required string Commune { get; init; }
    public required string StaffId { get; init; }
    public required string FullName { get; init; }
    /// <summary><c>cadre</c>, <c>civil-servant</c> or <c>non-specialized</c>.</summary>
    public required string Kind { get; init; }
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
    /// <summary><c>excellent</c>, <c>good</c>, <c>completed</c> or <c>not-completed</c>.</summary>
    public required string Level { get; init; }
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
