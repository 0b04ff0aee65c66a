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

    private static async Task<Stored<DeskAssignment>?> OpenAsync(IDocumentStore<PersonnelData> store, string commune, string staffId, CancellationToken ct) =>
        (await store.QueryAsync<DeskAssignment>(commune, new Query(Filter.And(Filter.Eq("staffId", staffId), Filter.Eq("until", null))), ct)).FirstOrDefault();

    public static async Task<Ok<IReadOnlyList<DeskAssignment>>> List(string commune, [AsParameters] PersonnelServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DeskAssignment>>((await services.Store.QueryAsync<DeskAssignment>(commune, new Query(OrderBy: [new Sort("from", Descending: true)]), ct))
            .Select(a => a.Document).ToList());

    public static async Task<Created<DeskAssignment>> Assign(string commune, AssignDeskRequest request, [AsParameters] PersonnelServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.StaffId, "staffId", InputLimits.Code).PlausibleDate(request.From, "from").ThrowIfInvalid();
        var store = services.Store;
        var from = request.From ?? VietnamTime.Today(services.Now);
        var member = (await store.GetAsync<StaffMember>(commune, request.StaffId!, PersonnelMessages.StaffMember, ct)).Document;
        var lastYear = (await store.FindAsync<EvaluationSheet>(commune, EvaluationSheet.Key(member.Id, from.Year - 1), ct))?.Document.FinalLevel;
        var unmet = DeskEligibility.UnmetRules(member, from, lastYear);
        if (unmet.Count > 0)
            throw new BusinessRuleException("not-eligible-for-desk", Wording.Of(PersonnelMessages.NotEligibleForDesk, member.FullName), unmet);
        if (await OpenAsync(store, commune, member.Id, ct) is not null)
            throw new ConflictException("already-on-desk", Wording.Of(PersonnelMessages.AlreadyOnDesk, member.FullName));
        var assignment = DeskAssignment.Begin(commune, member.Id, from, services.Now, user.Actor());
        await store.CommitAsync(new ChangeSet().Insert(commune, DeskAssignment.Key(member.Id, from), assignment), ct);
        return TypedResults.Created($"/api/communes/{commune}/desk-assignments", assignment.State);
    }

    public static async Task<Ok<DeskAssignment>> End(string commune, string staffId, EndDeskRequest? request, [AsParameters] PersonnelServices services,
        CancellationToken ct)
    {
        var changes = new ChangeSet();
        var ended = await EndOpenAssignmentAsync(services.Store, changes, commune, staffId, request?.Until ?? VietnamTime.Today(services.Now), ct)
                    ?? throw new NotFoundException(PersonnelMessages.DeskAssignment, staffId);
        await services.Store.CommitAsync(changes, ct);
        return TypedResults.Ok(ended);
    }

    /// <summary>Ends the person's open period on the desk, if any, in <paramref name="changes"/> (<see cref="DeskAssignment.End"/>).</summary>
    internal static async Task<DeskAssignment?> EndOpenAssignmentAsync(IDocumentStore<PersonnelData> store, ChangeSet changes, string commune, string staffId,
        DateOnly until, CancellationToken ct, bool cancelIfNotBegun = false)
    {
        if (await OpenAsync(store, commune, staffId, ct) is not { } open) return null;
        var ended = open.Document.End(commune, until, cancelIfNotBegun);
        changes.Update(open, ended);
        return ended.State;
    }
}
