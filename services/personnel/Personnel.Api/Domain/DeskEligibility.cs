using Personnel.Api.Localization;
using Platform.ServiceDefaults.Problems;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Domain;

namespace Personnel.Api.Domain;

/// <summary>
/// Who may staff the one-stop desk: a civil servant, active, who meets the desk's framework, is not under discipline,
/// and was not rated "not completed" last year (seed II.1.b: those who fall short are moved). Every unmet rule is listed.
/// </summary>
public static class DeskEligibility
{
    public static IReadOnlyList<Wording> UnmetRules(StaffMember member, DateOnly from, EvaluationLevel? lastYearFinalLevel)
    {
        var unmet = new List<Wording>();
        if (member.Kind != StaffKind.CivilServant) unmet.Add(Wording.Of(PersonnelMessages.NotACivilServant));
        if (member.Status == "left") unmet.Add(Wording.Of(PersonnelMessages.HasLeft));
        else if (member.Status != "active") unmet.Add(Wording.Of(PersonnelMessages.OnLeave));
        if (member.UnderDisciplineOn(from)) unmet.Add(Wording.Of(PersonnelMessages.UnderDiscipline));
        if (lastYearFinalLevel == EvaluationLevel.NotCompleted) unmet.Add(Wording.Of(PersonnelMessages.NotCompletedLastYear, from.Year - 1));
        unmet.AddRange(Positions.MissingQualifications(Positions.Desk, member).Select(q => Wording.Of(PersonnelMessages.MissingQualification, q)));
        unmet.AddRange(Positions.MissingTrainings(Positions.Desk, member).Select(t => Wording.Of(PersonnelMessages.MissingTraining, t)));
        return unmet;
    }
}

/// <summary>A period on the desk; <see cref="Until"/> is set when it ends.</summary>
public sealed record DeskAssignment(string StaffId, DateOnly From, DateOnly? Until, DateTime RecordedAt, string? RecordedBy)
{
    public static string Key(string staffId, DateOnly from) => $"{staffId}:{from:yyyyMMdd}";

    /// <summary>A period on the desk from <paramref name="from"/>; procedures keeps its roster from the event.</summary>
    public static Changed<DeskAssignment> Begin(string commune, string staffId, DateOnly from, DateTime now, string? by) =>
        new(new DeskAssignment(staffId, from, null, now, by), [new DeskAssignmentChanged { Commune = commune, StaffId = staffId, OnDesk = true, From = from }]);

    /// <param name="cancelIfNotBegun">When the person leaves before a scheduled period begins, the period is cancelled
    /// (it ends the day before it would have begun) instead of refused.</param>
    public Changed<DeskAssignment> End(string commune, DateOnly until, bool cancelIfNotBegun = false)
    {
        if (until < From && cancelIfNotBegun) until = From.AddDays(-1);
        else if (until < From) throw InvalidInputException.Field("until", Wording.Of(PersonnelMessages.UntilBeforeBegin, From));
        return new(this with { Until = until }, [new DeskAssignmentChanged { Commune = commune, StaffId = StaffId, OnDesk = false, From = From, Until = until }]);
    }
}
