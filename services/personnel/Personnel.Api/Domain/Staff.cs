using Personnel.Api.Localization;
using Platform.ServiceDefaults.Problems;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Domain;

namespace Personnel.Api.Domain;

public sealed record Training(string Course, DateOnly CompletedOn, double Hours, DateTime RecordedAt, string? RecordedBy);

/// <summary>A disciplinary measure (kỷ luật) with the period it has effect (Decree 112/2020: 12 to 24 months).</summary>
public sealed record Discipline(string Measure, string DecisionNo, DateOnly From, DateOnly Until, string? Reason);

public sealed record StaffChange(DateTime At, string? By, string What);

/// <summary>A member of a commune's staff: cadre (cán bộ), civil servant (công chức) or part-time non-specialised staff.</summary>
public sealed record StaffMember
{
    public required string Id { get; init; }
    public required string FullName { get; init; }
    public required StaffKind Kind { get; init; }
    public required string Position { get; init; }
    public string? Phone { get; init; }
    public string? Hamlet { get; init; }
    public string Status { get; init; } = "active";
    public IReadOnlyList<string> Qualifications { get; init; } = [];
    public IReadOnlyList<Training> Trainings { get; init; } = [];
    public IReadOnlyList<Discipline> Disciplines { get; init; } = [];
    public IReadOnlyList<StaffChange> History { get; init; } = [];

    /// <summary>The kind of staff as a problem's text reads it, in the caller's language.</summary>
    public static Wording KindName(StaffKind kind) => Wording.Of(kind switch
    {
        StaffKind.Cadre => PersonnelMessages.KindCadre,
        StaffKind.CivilServant => PersonnelMessages.KindCivilServant,
        _ => PersonnelMessages.KindNonSpecialized,
    });
    public static readonly IReadOnlyList<string> Statuses = ["active", "on-leave", "left"];

    public bool UnderDisciplineOn(DateOnly day) => Disciplines.Any(d => d.From <= day && day <= d.Until);

    public double TrainingHoursIn(int year) => Trainings.Where(t => t.CompletedOn.Year == year).Sum(t => t.Hours);

    public StaffMember Changed(DateTime at, string? by, string what) => this with { History = [.. History, new StaffChange(at, by, what)] };

    /// <summary>A new member of <paramref name="commune"/>'s staff, announced to the services that keep rosters and names.</summary>
    public static Changed<StaffMember> Register(string commune, StaffMember member) =>
        new(member, [new StaffRegistered { Commune = commune, StaffId = member.Id, FullName = member.FullName, Kind = member.Kind, Position = member.Position }]);

    /// <summary>
    /// The registry's facts corrected (name, kind, position, phone, hamlet), announced as a registration again: the services
    /// that keep names and rosters replace what they had.
    /// </summary>
    public Changed<StaffMember> Edit(string commune, string fullName, StaffKind kind, string position, string? phone, string? hamlet, DateTime at, string? by) =>
        Register(commune, (this with { FullName = fullName, Kind = kind, Position = position, Phone = phone, Hamlet = hamlet }).Changed(at, by, "edited"));

    public Changed<StaffMember> CompleteTraining(string commune, Training training) =>
        new((this with { Trainings = [.. Trainings, training] }).Changed(training.RecordedAt, training.RecordedBy, $"training: {training.Course}"),
            [new TrainingCompleted { Commune = commune, StaffId = Id, Course = training.Course, CompletedOn = training.CompletedOn, Hours = training.Hours }]);
}
