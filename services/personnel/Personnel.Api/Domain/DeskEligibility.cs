namespace Personnel.Api.Domain;

/// <summary>
/// Who may staff the one-stop desk: a civil servant, active, who meets the desk's framework, is not under discipline,
/// and was not rated "not completed" last year (seed II.1.b: those who fall short are moved). Every unmet rule is listed.
/// </summary>
public static class DeskEligibility
{
    public static IReadOnlyList<string> UnmetRules(StaffMember member, DateOnly from, string? lastYearFinalLevel)
    {
        var unmet = new List<string>();
        if (member.Kind != "civil-servant") unmet.Add("không phải công chức (chỉ công chức được bố trí tại Bộ phận một cửa)");
        if (member.Status == "left") unmet.Add("đã nghỉ việc");
        else if (member.Status != "active") unmet.Add("đang tạm nghỉ");
        if (member.UnderDisciplineOn(from)) unmet.Add("đang trong thời hạn xử lý kỷ luật");
        if (lastYearFinalLevel == "not-completed") unmet.Add($"năm {from.Year - 1} xếp loại Không hoàn thành nhiệm vụ");
        unmet.AddRange(Positions.Gaps(Positions.Desk, member));
        return unmet;
    }
}

/// <summary>A period on the desk; <see cref="Until"/> is set when it ends.</summary>
public sealed record DeskAssignment(string StaffId, DateOnly From, DateOnly? Until, DateTime RecordedAt, string? RecordedBy);
