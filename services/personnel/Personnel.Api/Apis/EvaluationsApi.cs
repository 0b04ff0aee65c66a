using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Personnel.Api.Domain;
using Platform.Calendar;
using Personnel.Api.Infrastructure;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Personnel.Api.Localization;

namespace Personnel.Api.Apis;

public sealed record FinalizeRequest(EvaluationLevel? Level, string? Note);

public sealed record EvaluationFigures(int DossiersHandled, double? OnTimeRate, int Ratings, double? SatisfactionIndex, int UpheldComplaints, int Initiatives, double TrainingHours);

public sealed record FinalLevel(EvaluationLevel Level, int? Points, string? Note, string? FinalizedBy, DateTime? FinalizedAt);

public sealed record EvaluationRow(string StaffId, string FullName, string Position, string Status, EvaluationFigures Figures, SuggestedLevel Suggested, FinalLevel? Final);

public sealed record ReassignmentProposal(string StaffId, string FullName, string Position, IReadOnlyList<string> Reasons);

/// <summary>The yearly evaluation (nhận xét, đánh giá cuối năm) with the CCHC criteria, and who should be moved (seed II.1.b).</summary>
public static class EvaluationsApi
{
    private static readonly string[] Readers = [Roles.CommuneLeader, Roles.CommuneOffice, Roles.EmulationCouncil, Roles.DistrictOfficer];

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder routes)
    {
        var evaluations = routes.MapGroup("/api/communes/{commune}/evaluations").WithTags("Evaluations");
        evaluations.MapGet("/", List).RequireRoles(Readers).WithSummary("Each person's CCHC figures, suggested level and final level for a year.");
        evaluations.MapGet("/reassignments", Reassignments).RequireRoles(Readers).WithSummary("Staff proposed for reassignment, with the reasons.");
        evaluations.MapPut("/{staffId}/{year:int}", FinalizeLevel).RequireRoles(Roles.CommuneLeader).WithSummary("The leader finalises a person's level.");
        return routes;
    }

    private static async Task<IReadOnlyList<StaffMember>> StaffAsync(IDocumentStore<PersonnelData> store, string commune, CancellationToken ct) =>
        (await store.QueryAsync<StaffMember>(commune, new Query(OrderBy: [new Sort("fullName")]), ct)).Select(s => s.Document).ToList();

    private static async Task<IReadOnlyList<EvaluationRow>> RowsAsync(IDocumentStore<PersonnelData> store, string commune, int year, CancellationToken ct) =>
        await RowsAsync(store, commune, year, await StaffAsync(store, commune, ct), ct);

    private static async Task<IReadOnlyList<EvaluationRow>> RowsAsync(IDocumentStore<PersonnelData> store, string commune, int year,
        IReadOnlyList<StaffMember> staff, CancellationToken ct)
    {
        var sheets = (await store.QueryAsync<EvaluationSheet>(commune, new Query(Filter.Eq("year", year)), ct)).ToDictionary(s => s.Document.StaffId, s => s.Document);
        var suggestions = EvaluationRules.ApplyCap(year, staff.ToDictionary(m => m.Id,
            m => EvaluationRules.Suggest(sheets.GetValueOrDefault(m.Id) ?? EvaluationSheet.Empty(m.Id, year), m.TrainingHoursIn(year))));
        return staff.Select(m =>
        {
            var sheet = sheets.GetValueOrDefault(m.Id) ?? EvaluationSheet.Empty(m.Id, year);
            return new EvaluationRow(m.Id, m.FullName, m.Position, m.Status,
                new EvaluationFigures(sheet.DossiersHandled, sheet.OnTimeRate, sheet.Ratings, sheet.SatisfactionIndex, sheet.UpheldComplaints, sheet.Initiatives, m.TrainingHoursIn(year)),
                suggestions[m.Id],
                sheet.FinalLevel is null ? null : new FinalLevel(sheet.FinalLevel.Value, sheet.FinalPoints, sheet.FinalNote, sheet.FinalizedBy, sheet.FinalizedAt));
        }).ToList();
    }

    private static int RequireYear(int? year, DateTime now)
    {
        var wanted = year ?? VietnamTime.Today(now).Year;
        if (wanted is < 2015 or > 2100) throw InvalidInputException.Field("year", Wording.Of(CommonMessages.Range, 2015, 2100));
        return wanted;
    }

    public static async Task<Ok<IReadOnlyList<EvaluationRow>>> List(string commune, int? year, [AsParameters] PersonnelServices services, CancellationToken ct) =>
        TypedResults.Ok(await RowsAsync(services.Store, commune, RequireYear(year, services.Now), ct));

    public static async Task<Ok<IReadOnlyList<ReassignmentProposal>>> Reassignments(string commune, int? year, [AsParameters] PersonnelServices services,
        CancellationToken ct)
    {
        var wanted = RequireYear(year, services.Now);
        var members = await StaffAsync(services.Store, commune, ct);
        var rows = await RowsAsync(services.Store, commune, wanted, members, ct);
        var staff = members.ToDictionary(m => m.Id);
        var proposals = new List<ReassignmentProposal>();
        foreach (var row in rows.Where(r => r.Status != "left"))
        {
            var reasons = new List<string>();
            if ((row.Final?.Level ?? row.Suggested.Level) == EvaluationLevel.NotCompleted) reasons.Add($"năm {wanted} không hoàn thành nhiệm vụ");
            if (row.Figures.DossiersHandled >= 5 && row.Figures.OnTimeRate < 0.8) reasons.Add($"tỷ lệ hồ sơ đúng hạn {row.Figures.OnTimeRate:P0}");
            if (row.Figures.UpheldComplaints > 0) reasons.Add($"{row.Figures.UpheldComplaints} phản ánh về thái độ phục vụ có căn cứ");
            if (Positions.Find(row.Position) is { } position) reasons.AddRange(Positions.Gaps(position, staff[row.StaffId]).Select(g => $"vị trí việc làm: {g}"));
            if (reasons.Count > 0) proposals.Add(new ReassignmentProposal(row.StaffId, row.FullName, row.Position, reasons));
        }
        return TypedResults.Ok<IReadOnlyList<ReassignmentProposal>>(proposals);
    }

    public static async Task<Ok<EvaluationRow>> FinalizeLevel(string commune, string staffId, int year, FinalizeRequest request,
        [AsParameters] PersonnelServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireWord(request.Level, "level")
            .OptionalText(request.Note, "note", InputLimits.Note).ThrowIfInvalid();
        var (store, now) = (services.Store, services.Now);
        RequireYear(year, now);
        var member = (await store.GetAsync<StaffMember>(commune, staffId, PersonnelMessages.StaffMember, ct)).Document;
        var rows = await RowsAsync(store, commune, year, ct);
        var row = rows.Single(r => r.StaffId == member.Id);
        var level = request.Level!.Value;
        if (year >= EvaluationRules.PointsScaleFrom && level == EvaluationLevel.Excellent)
        {
            // The unit's good-or-better counts final levels where decided and suggestions elsewhere; excellents count once decided.
            var levels = rows.Select(r => r.StaffId == member.Id ? level : r.Final?.Level ?? r.Suggested.Level).ToList();
            var goodOrBetter = levels.Count(l => l.IsGoodOrBetter());
            var allowed = EvaluationRules.ExcellentAllowed(goodOrBetter);
            var decided = rows.Count(r => r.StaffId != member.Id && r.Final?.Level == EvaluationLevel.Excellent);
            if (decided + 1 > allowed)
                throw new BusinessRuleException("excellent-cap",
                    Wording.Of(PersonnelMessages.ExcellentCap, allowed, goodOrBetter),
                    [Wording.Of(PersonnelMessages.ExcellentDecided, decided), Wording.Of(PersonnelMessages.ExcellentAllowed, allowed)]);
        }
        var key = EvaluationSheet.Key(member.Id, year);
        var stored = await store.FindAsync<EvaluationSheet>(commune, key, ct);
        var finalized = (stored?.Document ?? EvaluationSheet.Empty(member.Id, year)).Finalize(commune, level, row.Suggested.Points, request.Note, user.Actor(), now);
        await store.CommitAsync(stored is null ? new ChangeSet().Insert(commune, key, finalized) : new ChangeSet().Update(stored, finalized), ct);
        var sheet = finalized.State;
        return TypedResults.Ok(row with { Final = new FinalLevel(level, sheet.FinalPoints, sheet.FinalNote, sheet.FinalizedBy, now) });
    }
}
