using Platform.Calendar;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

public sealed record ApplicantInput(string? Name, string? Phone, string? Hamlet);
public sealed record ReceiveDossierRequest(string? ProcedureCode, ApplicantInput? Applicant, DateTime? ReceivedAt);
public sealed record AssignRequest(string? StaffId);
public sealed record ReasonRequest(string? Reason);
public sealed record ResolveRequest(string? Outcome, string? Note);
public sealed record ApologyRequest(string? Reason, DateOnly? NewDueDate);
public sealed record ReturnResponse(string SurveyCode, string ReceiptNo, DateTime ReturnedAt);

public static class DossiersApi
{
    private static readonly string[] Readers = [Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader, Roles.DistrictOfficer];

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder routes)
    {
        var dossiers = routes.MapGroup("/api/communes/{commune}/dossiers").WithTags("Dossiers");
        dossiers.MapPost("/", Receive).RequireRoles(Roles.DeskOfficer).WithSummary("Receive a dossier at the one-stop desk and issue its receipt (form 01).");
        dossiers.MapGet("/", List).RequireRoles(Readers).WithSummary("Dossiers, filtered by status, receipt dates (from, to) and overdue.");
        dossiers.MapGet("/{id}", Get).RequireRoles(Readers);
        dossiers.MapPost("/{id}/assign", Assign).RequireRoles(Roles.DeskOfficer, Roles.CommuneLeader).WithSummary("Assign a handler who is on the desk roster.");
        dossiers.MapPost("/{id}/request-supplement", RequestSupplement).RequireRoles(Roles.DeskOfficer).WithSummary("Ask the citizen to complete the dossier (form 02); the clock stops.");
        dossiers.MapPost("/{id}/supplement-received", SupplementReceived).RequireRoles(Roles.DeskOfficer).WithSummary("The dossier is complete again; the due date moves by the days paused.");
        dossiers.MapPost("/{id}/steps/{index:int}/complete", CompleteStep).RequireRoles(Roles.DeskOfficer).WithSummary("An interconnected step is done; the next agency takes over.");
        dossiers.MapPost("/{id}/resolve", Resolve).RequireRoles(Roles.DeskOfficer, Roles.CommuneLeader).WithSummary("Approve, or refuse with the reason (form 03).");
        dossiers.MapPost("/{id}/return", Return).RequireRoles(Roles.DeskOfficer).WithSummary("Hand the result back; answers the survey code printed on the slip.");
        dossiers.MapPost("/{id}/apologize", Apologize).RequireRoles(Roles.DeskOfficer, Roles.CommuneLeader).WithSummary("Apology letter with a new appointment date (form 04), before the due date passes.");
        dossiers.MapPost("/{id}/withdraw", Withdraw).RequireRoles(Roles.DeskOfficer).WithSummary("The citizen withdraws the dossier.");
        return routes;
    }

    public static async Task<Created<Dossier>> Receive(string commune, ReceiveDossierRequest request, DossierRepository dossiers,
        DossierWorkflow workflow, ICommuneDirectory directory, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var validation = new InputValidation()
            .RequireSlug(request.ProcedureCode, "procedureCode")
            .Require(request.Applicant is not null, "applicant", CommonMessages.Required)
            .Require(request.ReceivedAt is null || request.ReceivedAt.Value.ToUniversalTime() <= now.AddMinutes(5), "receivedAt", ProceduresMessages.NotInFuture)
            .Require(request.ReceivedAt is null || request.ReceivedAt.Value.ToUniversalTime() >= new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), "receivedAt", ProceduresMessages.TooFarInPast);
        if (request.Applicant is { } applicant)
            validation.RequireText(applicant.Name, "applicant.name", 200)
                .Require(PhoneNumbers.Normalize(applicant.Phone) is not null, "applicant.phone", ProceduresMessages.Phone)
                .Require(applicant.Hamlet is null || applicant.Hamlet.Length <= 64, "applicant.hamlet", CommonMessages.MaxLength, 64);
        validation.ThrowIfInvalid();
        var hamlet = request.Applicant!.Hamlet;
        if (hamlet is not null && (await directory.FindAsync(commune, ct))?.Hamlets.Any(h => h.Code == hamlet) == false)
            throw InvalidInputException.Field("applicant.hamlet", Text.Of(CommonMessages.NotAHamlet, hamlet));
        var procedure = (await dossiers.Store.FindAsync<Procedure>(commune, request.ProcedureCode!, ct))?.Document
                        ?? throw new BusinessRuleException("unknown-procedure", Text.Of(ProceduresMessages.UnknownProcedure, request.ProcedureCode));
        var receivedAt = request.ReceivedAt?.ToUniversalTime() ?? now;
        var applicantRecord = new Applicant(request.Applicant.Name!.Trim(), PhoneNumbers.Normalize(request.Applicant.Phone)!, hamlet);
        var id = Guid.NewGuid().ToString("N")[..16];
        var dossier = await dossiers.ReceiveAsync(commune,
            receiptNo => workflow.Receive(id, receiptNo, procedure, applicantRecord, receivedAt, user.Actor()),
            (d, changes) => changes.Publish(commune, new DossierReceived
            {
                Commune = commune, DossierId = d.Id, ReceiptNo = d.ReceiptNo, ProcedureCode = d.ProcedureCode, Field = d.Field,
                ReceivedAt = d.ReceivedAt, DueDate = d.DueDate, ReceivedBy = d.ReceivedBy,
            }),
            VietnamTime.Today(receivedAt).Year, ct);
        return TypedResults.Created($"/api/communes/{commune}/dossiers/{dossier.Id}", dossier);
    }

    public static async Task<Ok<IReadOnlyList<Dossier>>> List(string commune, string? status, DateOnly? from, DateOnly? to, bool? overdue,
        DossierRepository dossiers, TimeProvider time, CancellationToken ct)
    {
        DossierStatus? wanted = null;
        if (status is not null)
        {
            wanted = Enum.GetValues<DossierStatus>().Cast<DossierStatus?>().FirstOrDefault(s => DossierStatuses.Slug(s!.Value) == status)
                     ?? throw InvalidInputException.Field("status", Text.Of(CommonMessages.OneOf, string.Join(", ", Enum.GetValues<DossierStatus>().Select(DossierStatuses.Slug))));
        }
        if (from is not null && to is not null && to < from)
            throw InvalidInputException.Field("to", Text.Of(ProceduresMessages.NotBeforeFrom));
        var today = VietnamTime.Today(time.GetUtcNow().UtcDateTime);
        var filter = Filter.And(
            wanted is null ? null : Filter.Eq("status", wanted),
            from is null ? null : Filter.Gte("receivedAt", VietnamTime.StartOfDayUtc(from.Value)),
            to is null ? null : Filter.Lt("receivedAt", VietnamTime.StartOfDayUtc(to.Value.AddDays(1))),
            overdue == true ? Filter.And(Filter.In("status", [DossierStatus.Received, DossierStatus.InProgress]), Filter.Lt("dueDate", today)) : null);
        var found = await dossiers.Store.QueryAsync<Dossier>(commune, new Query(filter, [new Sort("receivedAt", Descending: true)], Take: 1000), ct);
        return TypedResults.Ok<IReadOnlyList<Dossier>>(found.Select(d => d.Document).Where(d => overdue != false || !d.IsOverdueOn(today)).ToList());
    }

    public static async Task<Ok<Dossier>> Get(string commune, string id, DossierRepository dossiers, CancellationToken ct) =>
        TypedResults.Ok((await dossiers.GetAsync(commune, id, ct)).Document);

    public static async Task<Ok<Dossier>> Assign(string commune, string id, AssignRequest request, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.StaffId, "staffId", 64).ThrowIfInvalid();
        var staff = (await dossiers.Store.FindAsync<DeskStaff>(commune, request.StaffId!, ct))?.Document;
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.Assign(d, staff, request.StaffId!, now, user.Actor()), null, ct));
    }

    public static async Task<Ok<Dossier>> RequestSupplement(string commune, string id, ReasonRequest request, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Reason, "reason", 2000).ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.RequestSupplement(d, request.Reason!.Trim(), now, user.Actor()), null, ct));
    }

    public static async Task<Ok<Dossier>> SupplementReceived(string commune, string id, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.SupplementReceived(d, now, user.Actor()), null, ct));
    }

    public static async Task<Ok<Dossier>> CompleteStep(string commune, string id, int index, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.CompleteStep(d, index, now, user.Actor()), null, ct));
    }

    public static async Task<Ok<Dossier>> Resolve(string commune, string id, ResolveRequest request, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation()
            .Require(request.Outcome is "approved" or "refused", "outcome", ProceduresMessages.Outcome)
            .Require(request.Outcome != "refused" || !string.IsNullOrWhiteSpace(request.Note), "note", ProceduresMessages.RefusalReason)
            .Require(request.Note is null || request.Note.Length <= 2000, "note", CommonMessages.MaxLength, 2000)
            .ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.Resolve(d, request.Outcome!, request.Note?.Trim(), now, user.Actor()),
            (d, changes) => changes.Publish(commune, new DossierResolved
            {
                Commune = commune, DossierId = d.Id, ProcedureCode = d.ProcedureCode, Field = d.Field, Outcome = d.Outcome!,
                Timeliness = d.Timeliness!, WorkingDaysUsed = d.WorkingDaysUsed!.Value, HandlerId = d.HandlerId, ResolvedAt = now,
                LateWithoutApology = d.LateWithoutApology,
            }), ct));
    }

    public static async Task<Ok<ReturnResponse>> Return(string commune, string id, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var returned = await dossiers.ChangeAsync(commune, id, d => workflow.Return(d, now, user.Actor()),
            (d, changes) => changes.Publish(commune, new DossierReturned
            {
                Commune = commune, DossierId = d.Id, ProcedureCode = d.ProcedureCode, HandlerId = d.HandlerId, SurveyCode = d.SurveyCode!, ReturnedAt = now,
            }), ct);
        return TypedResults.Ok(new ReturnResponse(returned.SurveyCode!, returned.ReceiptNo, now));
    }

    public static async Task<Ok<Dossier>> Apologize(string commune, string id, ApologyRequest request, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Reason, "reason", 2000).Require(request.NewDueDate is not null, "newDueDate", CommonMessages.Required).ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.Apologize(d, request.Reason!.Trim(), request.NewDueDate!.Value, now, user.Actor()),
            (d, changes) => changes.Publish(commune, new ApologyIssued
            {
                Commune = commune, DossierId = d.Id, Reason = d.Apologies[^1].Reason, PreviousDueDate = d.Apologies[^1].PreviousDueDate,
                NewDueDate = d.Apologies[^1].NewDueDate, HandlerId = d.HandlerId, IssuedAt = now,
            }), ct));
    }

    public static async Task<Ok<Dossier>> Withdraw(string commune, string id, DossierRepository dossiers,
        DossierWorkflow workflow, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await dossiers.ChangeAsync(commune, id, d => workflow.Withdraw(d, now, user.Actor()), null, ct));
    }
}

public static class FormsApi
{
    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/communes/{commune}/dossiers/{id}/forms/{form}", Print).WithTags("Dossiers")
            .RequireRoles(Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader)
            .WithSummary("A print-ready A5 form of the dossier: receipt (01), supplement (02), refusal (03) or apology (04).");
        return routes;
    }

    public static async Task<ContentHttpResult> Print(string commune, string id, string form, DossierRepository dossiers, ICommuneDirectory directory,
        TimeProvider time, CancellationToken ct)
    {
        var dossier = (await dossiers.GetAsync(commune, id, ct)).Document;
        var record = await directory.FindAsync(commune, ct) ?? throw new NotFoundException(CommonMessages.Commune, commune);
        return TypedResults.Content(PrintedForms.Render(form, dossier, record, time.GetUtcNow().UtcDateTime), "text/html; charset=utf-8");
    }
}
