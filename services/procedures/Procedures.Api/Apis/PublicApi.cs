using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Calendar;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

/// <summary>
/// What a citizen may see of a dossier: status and dates, nothing personal; the outcome (approved or refused, null
/// until decided) and whether it is late (resolved late, or still running past its appointment date).
/// </summary>
public sealed record DossierStatusView(
    string ReceiptNo, string ProcedureName, string Status, int NationalStatusCode, string StatusText,
    DateTime ReceivedAt, DateOnly DueDate, DateOnly AppointmentDate, DateTime? ResolvedAt, DateTime? ReturnedAt,
    IReadOnlyList<StepStatusView> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DossierOutcome? Outcome, bool Late);

public sealed record StepStatusView(string Name, string Agency, string Status, DateOnly DueDate);

public sealed record HolidayView(DateOnly Date, string Name, string Kind);

public sealed record DueDateView(DateOnly DueDate);

public static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicProceduresApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/public/communes/{commune}/dossiers/{receiptNo}", Lookup).AllowAnonymous().WithTags("Public")
            .WithSummary("Track a dossier by receipt number and the applicant's phone: status and dates only.");
        var calendar = routes.MapGroup("/api/calendar").AllowAnonymous().WithTags("Calendar");
        calendar.MapGet("/{year:int}/holidays", Holidays).WithSummary("Public holidays and days off of a year (1900–2100), lunar ones included.");
        calendar.MapGet("/due-date", DueDate).WithSummary("The working day that falls a number of working days after a date.");
        return routes;
    }

    public static async Task<Ok<DossierStatusView>> Lookup(string commune, string receiptNo, string? phone, IDocumentStore<ProceduresData> store,
        TimeProvider time, CancellationToken ct)
    {
        // One answer for an unknown receipt and a wrong phone, so that neither discloses anything.
        var notFound = new NotFoundException(ProceduresMessages.Dossier, receiptNo);
        var normalized = PhoneNumbers.Normalize(phone) ?? throw notFound;
        var found = await store.QueryAsync<Dossier>(commune, new Query(Filter.Eq("receiptNo", receiptNo), Take: 1), ct);
        var dossier = found.Count == 1 && found[0].Document.Applicant.Phone == normalized ? found[0].Document : throw notFound;
        return TypedResults.Ok(new DossierStatusView(dossier.ReceiptNo, dossier.ProcedureName, DossierStatuses.Slug(dossier.Status),
            dossier.NationalStatusCode, DossierStatuses.Vietnamese(dossier.Status), dossier.ReceivedAt, dossier.DueDate, dossier.AppointmentDate,
            dossier.ResolvedAt, dossier.ReturnedAt,
            dossier.Steps.Select(s => new StepStatusView(s.Name, s.Agency, s.Status.ToString().ToLowerInvariant() switch { "inprogress" => "in-progress", var x => x }, s.DueDate)).ToList(),
            dossier.Outcome, dossier.IsLateOn(VietnamTime.Today(time.GetUtcNow().UtcDateTime))));
    }

    public static Ok<IReadOnlyList<HolidayView>> Holidays(int year, WorkingCalendar calendar)
    {
        if (year is < 1900 or > 2100) throw InvalidInputException.Field("year", Wording.Of(CommonMessages.Range, 1900, 2100));
        return TypedResults.Ok<IReadOnlyList<HolidayView>>(calendar.Holidays(year).Select(h => new HolidayView(h.Date, h.Name, h.Kind)).ToList());
    }

    public static Ok<DueDateView> DueDate(DateOnly? from, int? workingDays, WorkingCalendar calendar)
    {
        new InputValidation()
            .Require(from is { Year: >= 1900 and <= 2100 }, "from", ProceduresMessages.FromDate)
            .Require(workingDays is >= 0 and <= 365, "workingDays", ProceduresMessages.WorkingDays)
            .ThrowIfInvalid();
        if (from!.Value.AddDays(workingDays!.Value * 2 + 30).Year > 2100) throw InvalidInputException.Field("workingDays", Wording.Of(ProceduresMessages.RunsPast2100));
        // A date that is not a working day counts from the next one, as a dossier received that day would.
        return TypedResults.Ok(new DueDateView(calendar.AddWorkingDays(calendar.AddWorkingDays(from.Value, 0), workingDays.Value)));
    }
}
