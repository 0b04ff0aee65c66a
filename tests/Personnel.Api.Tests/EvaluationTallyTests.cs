using Personnel.Api.Domain;
using Platform.Contracts.Feedback;
using Platform.Contracts.Procedures;

namespace Personnel.Api.Tests;

/// <summary>What each event adds to a person's evaluation sheet: the rules the consumers apply, without a store.</summary>
public sealed class EvaluationTallyTests
{
    private static readonly EvaluationSheet Sheet = EvaluationSheet.Empty("nv-1", 2026);

    private static DossierResolved Resolved(Timeliness timeliness) => new()
    {
        Commune = "my-thanh", DossierId = "d1", ProcedureCode = "ho-tich-khai-sinh", Field = "tu-phap-ho-tich", Outcome = DossierOutcome.Approved,
        Timeliness = timeliness, WorkingDaysUsed = 2, HandlerId = "nv-1", ResolvedAt = new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc), LateWithoutApology = false,
    };

    private static FeedbackAnswered Answered(FeedbackCategory category, bool? upheld) => new()
    {
        Commune = "my-thanh", FeedbackId = "f1", Category = category, StaffId = "nv-1", InTime = true, Upheld = upheld,
        AnsweredAt = new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    [InlineData(Timeliness.Early, 1)]
    [InlineData(Timeliness.OnTime, 1)]
    [InlineData(Timeliness.Late, 0)]
    public void A_resolved_dossier_counts_as_handled_and_on_time_only_when_not_late(Timeliness timeliness, int onTime)
    {
        var sheet = Sheet.On(Resolved(timeliness)).On(Resolved(Timeliness.Late));

        Assert.Equal((2, onTime), (sheet.DossiersHandled, sheet.DossiersOnTime));
    }

    [Theory]
    [InlineData(FeedbackCategory.StaffConduct, true, true)]
    [InlineData(FeedbackCategory.StaffConduct, false, false)]
    [InlineData(FeedbackCategory.StaffConduct, null, false)]
    [InlineData(FeedbackCategory.ProcedureRules, true, false)]
    public void Only_an_upheld_complaint_about_conduct_counts_against_the_person(FeedbackCategory category, bool? upheld, bool counts) =>
        Assert.Equal(counts, EvaluationSheet.CountsAgainst(Answered(category, upheld)));

    [Fact]
    public void An_event_counts_for_the_year_of_its_vietnamese_day()
    {
        // 17:30 UTC on 31 December is already 1 January in Vietnam (UTC+7).
        Assert.Equal(2027, EvaluationSheet.YearOf(new DateTime(2026, 12, 31, 17, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(2026, EvaluationSheet.YearOf(new DateTime(2026, 12, 31, 16, 59, 0, DateTimeKind.Utc)));
    }
}
