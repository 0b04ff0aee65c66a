using Platform.Calendar;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Platform.ServiceDefaults.Text;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

public sealed record ApplicantInput(string? Name, string? Phone, string? Hamlet, string? Address = null);
public sealed record ReceiveDossierRequest(string? ProcedureCode, ApplicantInput? Applicant, DateTime? ReceivedAt);
public sealed record AssignRequest(string? StaffId);
public sealed record ReasonRequest(string? Reason);
public sealed record ResolveRequest(DossierOutcome? Outcome, string? Note);
public sealed record ApologyRequest(string? Reason, DateOnly? NewDueDate);
public sealed record ReturnResponse(string SurveyCode, string ReceiptNo, DateTime ReturnedAt);

/// <summary>A dossier as the API answers it: the stored dossier, with what today makes of it (never stored).</summary>
public sealed record DossierView : Dossier
{
    [SetsRequiredMembers]
    public DossierView(Dossier dossier, Urgency? urgency, IReadOnlyList<DossierAction> allowedActions) : base(dossier)
    {
        Urgency = urgency;
        AllowedActions = allowedActions;
    }

    /// <summary>overdue, due-today, due-soon, or null when its time limit is not about to run out (or not running).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Urgency? Urgency { get; }

    /// <summary>The actions the dossier's state allows today, as the workflow checks them.</summary>
    public IReadOnlyList<DossierAction> AllowedActions { get; }

    public static DossierView Of(Dossier dossier, DateOnly today, WorkingCalendar calendar) =>
        new(dossier, DossierRules.UrgencyOn(dossier, today, calendar), DossierRules.Allowed(dossier, today));
}

/// <summary>The desk's queue query: the original filters, then search, field, handler, open, order and page.</summary>
public sealed record DossierListQuery(
    string? Status, DateOnly? From, DateOnly? To, bool? Overdue, string? Q, string? Field, string? Handler, bool? Open, string? Sort, int? Page, int? PageSize);

/// <summary>What the dossier handlers work with, bound per request from DI (<c>[AsParameters]</c>).</summary>
public sealed record DossierServices(IDocumentStore<ProceduresData> Store, DossierWorkflow Workflow, IDistributedCache Cache, TimeProvider Time);

public sealed record DeskSummary(IReadOnlyDictionary<string, long> ByStatus, long Open, long ReceivedToday, long DueToday, long DueSoon, long Overdue);

public static partial class DossiersApi
{
    private static readonly string[] Readers = [Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader, Roles.DistrictOfficer];
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;
    public const int MaxSearchLength = 100;
    private static readonly string[] Sorts = ["-receivedAt", "dueDate"];

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder routes)
    {
        var dossiers = routes.MapGroup("/api/communes/{commune}/dossiers").WithTags("Dossiers");
        dossiers.MapPost("/", Receive).RequireRoles(Roles.DeskOfficer).WithSummary("Receive a dossier at the one-stop desk and issue its receipt (form 01).");
        dossiers.MapGet("/", List).RequireRoles(Readers)
            .WithSummary("Dossiers, filtered by status, receipt dates (from, to), overdue, q (receipt number, phone or name), field, handler and open; sorted and paged, the total in X-Total-Count.");
        dossiers.MapGet("/summary", Summary).RequireRoles(Readers).WithSummary("The desk's figures: dossiers per status, open, received today, due today, due soon, overdue.");
        dossiers.MapGet("/{id}", Get).RequireRoles(Readers).WithSummary("A dossier, with its urgency and the actions its state allows.");
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

    public static async Task<Created<DossierView>> Receive(string commune, ReceiveDossierRequest request, [AsParameters] DossierServices services,
        ICommuneDirectory directory, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        var validation = new InputValidation()
            .RequireSlug(request.ProcedureCode, "procedureCode")
            .Require(request.Applicant is not null, "applicant", CommonMessages.Required)
            .Require(request.ReceivedAt is null || request.ReceivedAt.Value.ToUniversalTime() <= now.AddMinutes(5), "receivedAt", ProceduresMessages.NotInFuture)
            .Require(request.ReceivedAt is null || request.ReceivedAt.Value.ToUniversalTime() >= new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), "receivedAt", ProceduresMessages.TooFarInPast);
        if (request.Applicant is { } applicant)
            validation.RequireText(applicant.Name, "applicant.name", InputLimits.ShortText)
                .Require(PhoneNumbers.Normalize(applicant.Phone) is not null, "applicant.phone", ProceduresMessages.Phone)
                .OptionalText(applicant.Hamlet, "applicant.hamlet", InputLimits.Code)
                .OptionalText(applicant.Address, "applicant.address", 300);
        validation.ThrowIfInvalid();
        var hamlet = request.Applicant!.Hamlet;
        if (hamlet is not null && (await directory.FindAsync(commune, ct))?.Hamlets.Any(h => h.Code == hamlet) == false)
            throw InvalidInputException.Field("applicant.hamlet", Wording.Of(CommonMessages.NotAHamlet, hamlet));
        var procedure = (await services.Store.FindAsync<Procedure>(commune, request.ProcedureCode!, ct))?.Document
                        ?? throw new BusinessRuleException("unknown-procedure", Wording.Of(ProceduresMessages.UnknownProcedure, request.ProcedureCode));
        var receivedAt = request.ReceivedAt?.ToUniversalTime() ?? now;
        var applicantRecord = new Applicant(request.Applicant.Name!.Trim(), PhoneNumbers.Normalize(request.Applicant.Phone)!, hamlet,
            string.IsNullOrWhiteSpace(request.Applicant.Address) ? null : request.Applicant.Address.Trim());
        var id = Guid.NewGuid().ToString("N")[..16];
        var year = VietnamTime.Today(receivedAt).Year;
        var dossier = await ReceiptNumbers.ReceiveAsync(services.Store, commune, year,
            receiptNo => services.Workflow.Receive(commune, id, receiptNo, procedure, applicantRecord, receivedAt, user.Actor()), ct);
        await StatisticsCache.InvalidateAsync(services.Cache, commune, year, CancellationToken.None);
        return TypedResults.Created($"/api/communes/{commune}/dossiers/{dossier.Id}", View(dossier, services.Workflow, now));
    }

    public static async Task<Ok<IReadOnlyList<DossierView>>> List(string commune, [AsParameters] DossierListQuery query,
        [AsParameters] DossierServices services, HttpResponse response, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        var (filter, orderBy, page, pageSize) = ListQuery(query, today);
        var found = await services.Store.QueryAsync<Dossier>(commune, new Query(filter, orderBy, (page - 1) * pageSize, pageSize), ct);
        response.Headers["X-Total-Count"] = (await services.Store.CountAsync<Dossier>(commune, filter, ct)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok<IReadOnlyList<DossierView>>(found.Select(d => DossierView.Of(d.Document, today, services.Workflow.Calendar)).ToList());
    }

    /// <summary>Checks the list's parameters (400 naming each bad one) and turns them into the store's filter, order and page.</summary>
    private static (Filter Filter, IReadOnlyList<Sort> OrderBy, int Page, int PageSize) ListQuery(DossierListQuery query, DateOnly today)
    {
        var validation = new InputValidation();
        DossierStatus? wanted = null;
        if (query.Status is not null)
        {
            wanted = Enum.GetValues<DossierStatus>().Cast<DossierStatus?>().FirstOrDefault(s => DossierStatuses.Slug(s!.Value) == query.Status);
            validation.Require(wanted is not null, "status", CommonMessages.OneOf, string.Join(", ", Enum.GetValues<DossierStatus>().Select(DossierStatuses.Slug)));
        }
        validation
            .DateRange(query.From, query.To)
            .Require(query.Q is null || query.Q.Length <= MaxSearchLength, "q", CommonMessages.MaxLength, MaxSearchLength)
            .Require(query.Field is null || ProcedureRules.Fields.Contains(query.Field), "field", CommonMessages.OneOf, string.Join(", ", ProcedureRules.Fields))
            .Require(query.Handler is null || (query.Handler.Length is > 0 and <= 64), "handler", ProceduresMessages.HandlerId)
            .Require(query.Sort is null || Sorts.Contains(query.Sort), "sort", CommonMessages.OneOf, string.Join(", ", Sorts))
            .Require(query.Page is null or (>= 1 and <= 100_000), "page", CommonMessages.Range, 1, 100_000)
            .Require(query.PageSize is null or (>= 1 and <= MaxPageSize), "pageSize", CommonMessages.Range, 1, MaxPageSize)
            .ThrowIfInvalid();
        var filter = Filter.And(
            wanted is null ? null : Filter.Eq("status", wanted),
            query.From is null ? null : Filter.Gte("receivedAt", VietnamTime.StartOfDayUtc(query.From.Value)),
            query.To is null ? null : Filter.Lt("receivedAt", VietnamTime.StartOfNextDayUtc(query.To.Value)),
            query.Overdue switch
            {
                true => Overdue(today),
                false => Filter.Or(Filter.In("status", Enum.GetValues<DossierStatus>().Except(DossierRules.Running).Cast<object?>()), Filter.Gte("dueDate", today)),
                null => null,
            },
            string.IsNullOrWhiteSpace(query.Q) ? null : Search(query.Q),
            query.Field is null ? null : Filter.Eq("field", query.Field),
            query.Handler is null ? null : Filter.Eq("handlerId", query.Handler),
            query.Open switch
            {
                true => Filter.In("status", DossierRules.OnTheDesk.Cast<object?>()),
                false => Filter.In("status", Enum.GetValues<DossierStatus>().Except(DossierRules.OnTheDesk).Cast<object?>()),
                null => null,
            });
        IReadOnlyList<Sort> orderBy = query.Sort == "dueDate" ? [new Sort("dueDate"), new Sort("receivedAt")] : [new Sort("receivedAt", Descending: true)];
        return (filter, orderBy, query.Page ?? 1, query.PageSize ?? DefaultPageSize);
    }

    /// <summary>
    /// An exact receipt number, a phone number (written any way <see cref="PhoneNumbers"/> reads), or part of the name,
    /// phone or receipt number in the folded search text. Dossiers stored before that text existed are found by receipt number and phone.
    /// </summary>
    private static Filter Search(string q)
    {
        var text = q.Trim();
        if (ReceiptNumber().IsMatch(text)) return Filter.Eq("receiptNo", text);
        var phone = PhoneLike().IsMatch(text) ? PhoneNumbers.Normalize(text) : null;
        var folded = phone ?? VietnameseText.Fold(text);
        return Filter.Or(phone is null ? null : Filter.Eq("applicant.phone", phone), Filter.Contains("searchText", folded));
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{6}$")]
    private static partial Regex ReceiptNumber();

    [GeneratedRegex(@"^\+?[0-9][0-9 .()-]*$")]
    private static partial Regex PhoneLike();

    /// <summary>Running (not paused, not decided) past its due date.</summary>
    private static Filter Overdue(DateOnly today) =>
        Filter.And(Filter.In("status", DossierRules.Running.Cast<object?>()), Filter.Lt("dueDate", today));

    public static async Task<Ok<DeskSummary>> Summary(string commune, [AsParameters] DossierServices services, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(now);
        Task<long> Count(Filter filter) => services.Store.CountAsync<Dossier>(commune, filter, ct);
        var running = Filter.In("status", DossierRules.Running.Cast<object?>());
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<DossierStatus>()) byStatus[DossierStatuses.Slug(status)] = await Count(Filter.Eq("status", status));
        return TypedResults.Ok(new DeskSummary(
            byStatus,
            DossierRules.OnTheDesk.Sum(s => byStatus[DossierStatuses.Slug(s)]),
            await Count(Filter.And(Filter.Gte("receivedAt", VietnamTime.StartOfDayUtc(today)), Filter.Lt("receivedAt", VietnamTime.StartOfDayUtc(today.AddDays(1))))),
            await Count(Filter.And(running, Filter.Eq("dueDate", today))),
            await Count(Filter.And(running, Filter.Gt("dueDate", today), Filter.Lte("dueDate", DossierRules.DueSoonUntil(today, services.Workflow.Calendar)))),
            await Count(Overdue(today))));
    }

    private static DossierView View(Dossier dossier, DossierWorkflow workflow, DateTime now) => DossierView.Of(dossier, VietnamTime.Today(now), workflow.Calendar);

    /// <summary>
    /// Applies one workflow step to the stored dossier and commits it with the events the step raises; a concurrent change
    /// of the same dossier makes this one a 409.
    /// </summary>
    private static async Task<Dossier> ChangeAsync(DossierServices services, string commune, string id, Func<Dossier, Changed<Dossier>> step, CancellationToken ct)
    {
        var current = await services.Store.GetAsync<Dossier>(commune, id, ProceduresMessages.Dossier, ct);
        var changed = step(current.Document);
        await services.Store.CommitAsync(new ChangeSet().Update(current, changed), ct);
        // Committed: the figures must move on even if the caller gives up now.
        await StatisticsCache.InvalidateAsync(services.Cache, commune, VietnamTime.Today(changed.State.ReceivedAt).Year, CancellationToken.None);
        return changed.State;
    }

    public static async Task<Ok<DossierView>> Get(string commune, string id, [AsParameters] DossierServices services, CancellationToken ct) =>
        TypedResults.Ok(View((await services.Store.GetAsync<Dossier>(commune, id, ProceduresMessages.Dossier, ct)).Document, services.Workflow,
            services.Time.GetUtcNow().UtcDateTime));

    public static async Task<Ok<DossierView>> Assign(string commune, string id, AssignRequest request, [AsParameters] DossierServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.StaffId, "staffId", InputLimits.Code).ThrowIfInvalid();
        var staff = (await services.Store.FindAsync<DeskStaff>(commune, request.StaffId!, ct))?.Document;
        var now = services.Time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id, d => services.Workflow.Assign(d, staff, request.StaffId!, now, user.Actor()), ct),
            services.Workflow, now));
    }

    public static async Task<Ok<DossierView>> RequestSupplement(string commune, string id, ReasonRequest request, [AsParameters] DossierServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Reason, "reason", InputLimits.Note).ThrowIfInvalid();
        var now = services.Time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id, d => services.Workflow.RequestSupplement(d, request.Reason!.Trim(), now, user.Actor()), ct),
            services.Workflow, now));
    }

    public static async Task<Ok<DossierView>> SupplementReceived(string commune, string id, [AsParameters] DossierServices services, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id, d => services.Workflow.SupplementReceived(d, now, user.Actor()), ct), services.Workflow, now));
    }

    public static async Task<Ok<DossierView>> CompleteStep(string commune, string id, int index, [AsParameters] DossierServices services, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id, d => services.Workflow.CompleteStep(d, index, now, user.Actor()), ct), services.Workflow, now));
    }

    public static async Task<Ok<DossierView>> Resolve(string commune, string id, ResolveRequest request, [AsParameters] DossierServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation()
            .Require(request.Outcome is not null, "outcome", ProceduresMessages.Outcome)
            .Require(request.Outcome != DossierOutcome.Refused || !string.IsNullOrWhiteSpace(request.Note), "note", ProceduresMessages.RefusalReason)
            .OptionalText(request.Note, "note", InputLimits.Note)
            .ThrowIfInvalid();
        var now = services.Time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id,
            d => services.Workflow.Resolve(commune, d, request.Outcome!.Value, request.Note?.Trim(), now, user.Actor()), ct), services.Workflow, now));
    }

    public static async Task<Ok<ReturnResponse>> Return(string commune, string id, [AsParameters] DossierServices services, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        var returned = await ChangeAsync(services, commune, id, d => services.Workflow.Return(commune, d, now, user.Actor()), ct);
        return TypedResults.Ok(new ReturnResponse(returned.SurveyCode!, returned.ReceiptNo, now));
    }

    public static async Task<Ok<DossierView>> Apologize(string commune, string id, ApologyRequest request, [AsParameters] DossierServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        // A new appointment is weeks away, not years: within a year of today (and so always inside the working calendar).
        new InputValidation().RequireText(request.Reason, "reason", InputLimits.Note).Require(request.NewDueDate is not null, "newDueDate", CommonMessages.Required)
            .PlausibleDate(request.NewDueDate, "newDueDate", latest: VietnamTime.Today(now).AddYears(1)).ThrowIfInvalid();
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id,
            d => services.Workflow.Apologize(commune, d, request.Reason!.Trim(), request.NewDueDate!.Value, now, user.Actor()), ct), services.Workflow, now));
    }

    public static async Task<Ok<DossierView>> Withdraw(string commune, string id, [AsParameters] DossierServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(await ChangeAsync(services, commune, id, d => services.Workflow.Withdraw(d, now, user.Actor()), ct), services.Workflow, now));
    }
}
