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

public sealed record AssignDeskRequest(string? StaffId, DateOnly? From);
public sealed record EndDeskRequest(DateOnly? Until);

/// <summary>Putting people on the one-stop desk, and taking them off; procedures keeps its roster from these events.</summary>
public static class DeskAssignmentsApi
{
    public static IEndpointRouteBuilder MapDeskAssignmentsApi(this IEndpointRouteBuilder routes)
    {
        var desk = routes.MapGroup("/api/communes/{commune}/desk-assignments").WithTags("Staff");
        desk.MapGet("/", List).RequireRoles(Roles.CommuneOffice, Roles.CommuneLeader, Roles.DeskOfficer, Roles.DistrictOfficer);
        desk.MapPost("/", Assign).RequireRoles(Roles.CommuneOffice, Roles.CommuneLeader)
            .WithSummary("Put an eligible civil servant on the desk; 422 lists every unmet rule.");
        desk.MapPost("/{staffId}/end", End).RequireRoles(Roles.CommuneOffice, Roles.CommuneLeader).WithSummary("Take a person off the desk.");
        return routes;
    }

    private static string Key(string staffId, DateOnly from) => $"{staffId}:{from:yyyyMMdd}";

    private static async Task<Stored<DeskAssignment>?> OpenAsync(IDocumentStore<PersonnelData> store, string commune, string staffId, CancellationToken ct) =>
        (await store.QueryAsync<DeskAssignment>(commune, new Query(Filter.And(Filter.Eq("staffId", staffId), Filter.Eq("until", null))), ct)).FirstOrDefault();

    public static async Task<Ok<IReadOnlyList<DeskAssignment>>> List(string commune, IDocumentStore<PersonnelData> store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DeskAssignment>>((await store.QueryAsync<DeskAssignment>(commune, new Query(OrderBy: [new Sort("from", Descending: true)]), ct))
            .Select(a => a.Document).ToList());

    public static async Task<Created<DeskAssignment>> Assign(string commune, AssignDeskRequest request, IDocumentStore<PersonnelData> store,
        TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.StaffId, "staffId", InputLimits.Code).PlausibleDate(request.From, "from").ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        var from = request.From ?? VietnamTime.Today(now);
        var member = (await StaffApi.LoadAsync(store, commune, request.StaffId!, ct)).Document;
        var lastYear = (await store.FindAsync<EvaluationSheet>(commune, EvaluationSheet.Key(member.Id, from.Year - 1), ct))?.Document.FinalLevel;
        var unmet = DeskEligibility.UnmetRules(member, from, lastYear);
        if (unmet.Count > 0)
            throw new BusinessRuleException("not-eligible-for-desk", Wording.Of(PersonnelMessages.NotEligibleForDesk, member.FullName), unmet);
        if (await OpenAsync(store, commune, member.Id, ct) is not null)
            throw new ConflictException("already-on-desk", Wording.Of(PersonnelMessages.AlreadyOnDesk, member.FullName));
        var assignment = new DeskAssignment(member.Id, from, null, now, user.Actor());
        await store.CommitAsync(new ChangeSet().Insert(commune, Key(member.Id, from), assignment).Publish(commune,
            new DeskAssignmentChanged { Commune = commune, StaffId = member.Id, OnDesk = true, From = from }), ct);
        return TypedResults.Created($"/api/communes/{commune}/desk-assignments", assignment);
    }

    public static async Task<Ok<DeskAssignment>> End(string commune, string staffId, EndDeskRequest? request, IDocumentStore<PersonnelData> store,
        TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changes = new ChangeSet();
        var ended = await EndOpenAssignmentAsync(store, changes, commune, staffId, request?.Until ?? VietnamTime.Today(now), now, user.Actor(), ct)
                    ?? throw new NotFoundException(PersonnelMessages.DeskAssignment, staffId);
        await store.CommitAsync(changes, ct);
        return TypedResults.Ok(ended);
    }

    /// <param name="cancelIfNotBegun">When the person leaves before a scheduled period begins, the period is cancelled
    /// (it ends the day before it would have begun) instead of refused.</param>
    internal static async Task<DeskAssignment?> EndOpenAssignmentAsync(IDocumentStore<PersonnelData> store, ChangeSet changes, string commune, string staffId,
        DateOnly until, DateTime now, string? by, CancellationToken ct, bool cancelIfNotBegun = false)
    {
        var open = await OpenAsync(store, commune, staffId, ct);
        if (open is null) return null;
        if (until < open.Document.From && cancelIfNotBegun) until = open.Document.From.AddDays(-1);
        else if (until < open.Document.From)
            throw InvalidInputException.Field("until", Wording.Of(PersonnelMessages.UntilBeforeBegin, open.Document.From));
        var ended = open.Document with { Until = until };
        changes.Update(open, ended).Publish(commune, new DeskAssignmentChanged { Commune = commune, StaffId = staffId, OnDesk = false, From = open.Document.From, Until = until });
        return ended;
    }
}
