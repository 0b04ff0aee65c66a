using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Personnel.Api.Domain;
using Platform.Calendar;
using Personnel.Api.Infrastructure;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Personnel.Api.Localization;

namespace Personnel.Api.Apis;

public sealed record RegisterStaffRequest(string? FullName, StaffKind? Kind, string? Position, string? Phone, string? Hamlet, IReadOnlyList<string>? Qualifications);
public sealed record EditStaffRequest(string? FullName, StaffKind? Kind, string? Position, string? Phone, string? Hamlet);
public sealed record QualificationRequest(string? Qualification);
public sealed record TrainingRequest(string? Course, DateOnly? CompletedOn, double? Hours);
public sealed record DisciplineRequest(string? Measure, string? DecisionNo, DateOnly? From, DateOnly? Until, string? Reason);
public sealed record StaffStatusRequest(string? Status, string? Note);
public sealed record StaffView(StaffMember Staff, string PositionTitle, IReadOnlyList<string> PositionGaps, IReadOnlyList<string> DeskGaps);

public static class StaffApi
{
    private static readonly string[] Readers = [Roles.CommuneOffice, Roles.CommuneLeader, Roles.DistrictOfficer, Roles.DistrictAdmin, Roles.EmulationCouncil];
    // The district admin too: a newly onboarded commune's first staff and accounts are set up from the district.
    private static readonly string[] Keepers = [Roles.CommuneOffice, Roles.CommuneLeader, Roles.DistrictAdmin];

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/api/communes/{commune}/staff").WithTags("Staff");
        staff.MapGet("/", List).RequireRoles(Readers).WithSummary("The commune's staff registry.");
        staff.MapPost("/", Register).RequireRoles(Keepers).WithSummary("Register a cadre, civil servant or non-specialised staff member.");
        staff.MapGet("/{id}", Get).RequireRoles(Readers).WithSummary("A staff member with the gaps to their position's framework and to the desk's.");
        staff.MapPut("/{id}", Edit).RequireRoles(Keepers).WithSummary("Correct a person's name, kind, position, phone or hamlet.");
        staff.MapPost("/{id}/trainings", AddTraining).RequireRoles(Keepers).WithSummary("Record a completed course (đào tạo, bồi dưỡng).");
        staff.MapPost("/{id}/qualifications", AddQualification).RequireRoles(Keepers).WithSummary("Record a qualification (degree, certificate).");
        staff.MapPost("/{id}/disciplines", AddDiscipline).RequireRoles(Roles.CommuneLeader).WithSummary("Record a disciplinary decision and its period.");
        staff.MapPost("/{id}/status", ChangeStatus).RequireRoles(Keepers).WithSummary("Active, on leave, or left.");
        routes.MapGet("/api/positions", (Func<IReadOnlyList<Position>>)(() => Positions.All)).AllowAnonymous().WithTags("Staff")
            .WithSummary("The positions and their competency frameworks.");
        return routes;
    }

    private static StaffView View(StaffMember member) =>
        new(member, Positions.Find(member.Position)?.Title ?? member.Position,
            Positions.Find(member.Position) is { } position ? Positions.Gaps(position, member) : [], Positions.Gaps(Positions.Desk, member));

    public static async Task<Ok<IReadOnlyList<StaffView>>> List(string commune, [AsParameters] PersonnelServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<StaffView>>((await services.Store.QueryAsync<StaffMember>(commune, new Query(OrderBy: [new Sort("fullName")]), ct))
            .Select(s => View(s.Document)).ToList());

    public static async Task<Ok<StaffView>> Get(string commune, string id, [AsParameters] PersonnelServices services, CancellationToken ct) =>
        TypedResults.Ok(View((await services.Store.GetAsync<StaffMember>(commune, id, PersonnelMessages.StaffMember, ct)).Document));

    public static async Task<Created<StaffView>> Register(string commune, RegisterStaffRequest request, [AsParameters] PersonnelServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var position = await CheckFactsAsync(commune, request.FullName, request.Kind, request.Position, request.Phone, request.Hamlet, services, ct,
            v => v.Require(request.Qualifications is null || request.Qualifications.All(q => !string.IsNullOrWhiteSpace(q) && q.Length <= InputLimits.ShortText),
                    "qualifications", PersonnelMessages.NotEmpty)
                .MaxItems(request.Qualifications, "qualifications"));
        var member = StaffMember.Register(commune, new StaffMember
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            FullName = request.FullName!.Trim(),
            Kind = request.Kind!.Value,
            Position = position.Code,
            Phone = request.Phone?.Trim(),
            Hamlet = request.Hamlet,
            Qualifications = request.Qualifications?.Select(q => q.Trim()).ToList() ?? [],
        }.Changed(services.Now, user.Actor(), "registered"));
        await services.Store.CommitAsync(new ChangeSet().Insert(commune, member.State.Id, member), ct);
        return TypedResults.Created($"/api/communes/{commune}/staff/{member.State.Id}", View(member.State));
    }

    public static async Task<Ok<StaffView>> Edit(string commune, string id, EditStaffRequest request, [AsParameters] PersonnelServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var position = await CheckFactsAsync(commune, request.FullName, request.Kind, request.Position, request.Phone, request.Hamlet, services, ct);
        var stored = await services.Store.GetAsync<StaffMember>(commune, id, PersonnelMessages.StaffMember, ct);
        var edited = stored.Document.Edit(commune, request.FullName!.Trim(), request.Kind!.Value, position.Code, request.Phone?.Trim(), request.Hamlet,
            services.Now, user.Actor());
        await services.Store.CommitAsync(new ChangeSet().Update(stored, edited), ct);
        return TypedResults.Ok(View(edited.State));
    }

    /// <summary>The facts a registration or an edit gives (name, kind, position of that kind, phone, a hamlet of the commune), checked; the position.</summary>
    private static async Task<Position> CheckFactsAsync(string commune, string? fullName, StaffKind? kind, string? positionCode, string? phone, string? hamlet,
        PersonnelServices services, CancellationToken ct, Func<InputValidation, InputValidation>? more = null)
    {
        var position = Positions.Find(positionCode);
        var validation = new InputValidation()
            .RequireText(fullName, "fullName", 200)
            .RequireWord(kind, "kind")
            .Require(position is not null, "position", CommonMessages.OneOf, string.Join(", ", Positions.All.Select(p => p.Code)))
            .Require(position is null || kind is null || position.Kind == kind, "position",
                PersonnelMessages.PositionForKind, positionCode, position is null ? null : StaffMember.KindName(position.Kind))
            .Require(phone is null || phone.Count(char.IsAsciiDigit) is >= 9 and <= 12, "phone", CommonMessages.Digits)
            .OptionalText(phone, "phone")
            .OptionalText(hamlet, "hamlet", InputLimits.Code);
        (more?.Invoke(validation) ?? validation).ThrowIfInvalid();
        var record = (await services.Store.GetAsync<CommuneRecord>(Scopes.Platform, commune, CommonMessages.Commune, ct)).Document;
        if (hamlet is not null && record.Hamlets.All(h => h.Code != hamlet))
            throw InvalidInputException.Field("hamlet", Wording.Of(CommonMessages.NotAHamlet, hamlet));
        return position!;
    }

    public static async Task<Ok<StaffView>> AddTraining(string commune, string id, TrainingRequest request, [AsParameters] PersonnelServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var now = services.Now;
        new InputValidation().RequireText(request.Course, "course", 300)
            .Require(request.CompletedOn is not null && request.CompletedOn <= DateOnly.FromDateTime(now.AddDays(1)), "completedOn", PersonnelMessages.CompletedOn)
            .PlausibleDate(request.CompletedOn, "completedOn")
            .Require(request.Hours is > 0 and <= 2000, "hours", PersonnelMessages.HoursRange).ThrowIfInvalid();
        var stored = await services.Store.GetAsync<StaffMember>(commune, id, PersonnelMessages.StaffMember, ct);
        var trained = stored.Document.CompleteTraining(commune, new Training(request.Course!.Trim(), request.CompletedOn!.Value, request.Hours!.Value, now, user.Actor()));
        await services.Store.CommitAsync(new ChangeSet().Update(stored, trained), ct);
        return TypedResults.Ok(View(trained.State));
    }

    public static async Task<Ok<StaffView>> AddQualification(string commune, string id, QualificationRequest request, [AsParameters] PersonnelServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Qualification, "qualification", 200).ThrowIfInvalid();
        var now = services.Now;
        var stored = await services.Store.GetAsync<StaffMember>(commune, id, PersonnelMessages.StaffMember, ct);
        var qualification = request.Qualification!.Trim();
        if (stored.Document.Qualifications.Contains(qualification)) return TypedResults.Ok(View(stored.Document));
        var updated = (stored.Document with { Qualifications = [.. stored.Document.Qualifications, qualification] }).Changed(now, user.Actor(), $"qualification: {qualification}");
        await services.Store.CommitAsync(new ChangeSet().Update(stored, updated), ct);
        return TypedResults.Ok(View(updated));
    }

    public static async Task<Ok<StaffView>> AddDiscipline(string commune, string id, DisciplineRequest request, [AsParameters] PersonnelServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.Measure, "measure", 200).RequireText(request.DecisionNo, "decisionNo", 100)
            .Require(request.From is not null, "from", CommonMessages.Required)
            .Require(request.Until is not null && request.From is not null && request.Until >= request.From, "until", PersonnelMessages.UntilAfterFrom)
            .PlausibleDate(request.From, "from").PlausibleDate(request.Until, "until")
            .OptionalText(request.Reason, "reason", InputLimits.Note)
            .ThrowIfInvalid();
        var now = services.Now;
        var stored = await services.Store.GetAsync<StaffMember>(commune, id, PersonnelMessages.StaffMember, ct);
        var discipline = new Discipline(request.Measure!.Trim(), request.DecisionNo!.Trim(), request.From!.Value, request.Until!.Value, request.Reason?.Trim());
        var updated = (stored.Document with { Disciplines = [.. stored.Document.Disciplines, discipline] }).Changed(now, user.Actor(), $"discipline: {discipline.DecisionNo}");
        await services.Store.CommitAsync(new ChangeSet().Update(stored, updated), ct);
        return TypedResults.Ok(View(updated));
    }

    public static async Task<Ok<StaffView>> ChangeStatus(string commune, string id, StaffStatusRequest request, [AsParameters] PersonnelServices services,
        AccountSessions sessions, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().Require(request.Status is not null && StaffMember.Statuses.Contains(request.Status), "status",
            CommonMessages.OneOf, string.Join(", ", StaffMember.Statuses)).OptionalText(request.Note, "note", InputLimits.Note).ThrowIfInvalid();
        var now = services.Now;
        var stored = await services.Store.GetAsync<StaffMember>(commune, id, PersonnelMessages.StaffMember, ct);
        var updated = (stored.Document with { Status = request.Status! }).Changed(now, user.Actor(), $"status: {request.Status}{(request.Note is null ? "" : " – " + request.Note)}");
        var changes = new ChangeSet().Update(stored, updated);
        // Someone who leaves or goes on leave is off the desk from today; someone who leaves can no longer sign in.
        if (request.Status != "active")
            await DeskAssignmentsApi.EndOpenAssignmentAsync(services.Store, changes, commune, id, VietnamTime.Today(now), ct, cancelIfNotBegun: true);
        if (request.Status == "left")
            await AccountsApi.DisableAccountsOfAsync(services.Store, sessions, changes, commune, id, now, user.Actor(), ct);
        await services.Store.CommitAsync(changes, ct);
        return TypedResults.Ok(View(updated));
    }
}
