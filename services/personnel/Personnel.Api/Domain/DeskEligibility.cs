using Personnel.Api.Localization;
using Platform.ServiceDefaults.Problems;
using Platform.Contracts.Personnel;
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
public sealed record DeskAssignment(string StaffId, DateOnly From, DateOnly? Until, DateTime RecordedAt, string? RecordedBy);
