using System.Security.Claims;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Calendar;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Awards.Api.Localization;

namespace Awards.Api.Apis;

public sealed record QuotaInput(int? Collective, int? Individual);
public sealed record IndicatorInput(double? Weight, double? Target);
public sealed record PlanInput(int? Year, string? Theme, QuotaInput? CommuneQuota, QuotaInput? DistrictQuota, DateOnly? CommuneDeadline, DateOnly? DistrictDeadline,
    int? CouncilSize, int? ApprovalsNeeded, IReadOnlyDictionary<string, IndicatorInput>? Indicators);
public sealed record CampaignRequest(string? Id, string? Name, string? Description, int? FromYear, int? ToYear, IReadOnlyList<PlanInput>? Years);
public sealed record CouncilMemberInput(string? StaffId, string? Seat);
/// <summary>The council of a year: its seats (<c>size</c>, by default as many as named) and its named members, staff of the commune.</summary>
public sealed record CouncilRequest(int? Size, IReadOnlyList<CouncilMemberInput?>? Members);
public sealed record CampaignView(Campaign Campaign, IReadOnlyList<CampaignPlan> Plans);

/// <summary>The emulation movements of a commune and their yearly plans (seed II.2): the movement exists after onboarding; the office adds more.</summary>
public static class CampaignsApi
{
    private static readonly string[] Keepers = [Roles.CommuneOffice, Roles.CommuneLeader];
    internal static readonly string[] Readers = [Roles.CommuneOffice, Roles.CommuneLeader, Roles.EmulationCouncil, Roles.Front, Roles.DistrictOfficer];

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/communes/{commune}/campaigns").WithTags("Campaigns");
        campaigns.MapGet("/", List).RequireRoles(Readers).WithSummary("The commune's emulation movements with their yearly plans.");
        campaigns.MapPost("/", Create).RequireRoles(Keepers).WithSummary("Launch a movement with a plan for each of its years.");
        campaigns.MapGet("/{id}", Get).RequireRoles(Readers).WithSummary("A movement and its yearly plans.");
        campaigns.MapPost("/{id}/years", AddYear).RequireRoles(Keepers).WithSummary("Add a year's plan (a later year extends the movement).");
        campaigns.MapPut("/{id}/years/{year:int}", UpdateYear).RequireRoles(Keepers)
            .WithSummary("Change a year's theme, quotas, deadlines, council size and threshold, scoreboard weights and targets.");
        campaigns.MapPut("/{id}/years/{year:int}/council", SetCouncil).RequireRoles(Keepers)
            .WithSummary("Name the year's Emulation and Commendation Council: its seats and members (staff of the commune); only they vote, one vote each.");
        return routes;
    }

    private static async Task<IReadOnlyList<CampaignPlan>> PlansAsync(IDocumentStore<AwardsData> store, string commune, string id, CancellationToken ct) =>
        (await store.QueryAsync<CampaignPlan>(commune, new Query(Filter.Eq("campaignId", id), [new Sort("year")]), ct)).Select(p => p.Document).ToList();

    public static async Task<Ok<IReadOnlyList<CampaignView>>> List(string commune, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var campaigns = await services.Store.QueryAsync<Campaign>(commune, new Query(OrderBy: [new Sort("createdAt")]), ct);
        var plans = (await services.Store.QueryAsync<CampaignPlan>(commune, new Query(OrderBy: [new Sort("year")]), ct)).Select(p => p.Document).ToLookup(p => p.CampaignId);
        return TypedResults.Ok<IReadOnlyList<CampaignView>>(campaigns.Select(c => new CampaignView(c.Document, plans[c.Id].ToList())).ToList());
    }

    public static async Task<Ok<CampaignView>> Get(string commune, string id, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var campaign = await services.Store.GetAsync<Campaign>(commune, id, AwardsMessages.Campaign, ct);
        return TypedResults.Ok(new CampaignView(campaign.Document, await PlansAsync(services.Store, commune, id, ct)));
    }

    public static async Task<Created<CampaignView>> Create(string commune, CampaignRequest request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new InputValidation().RequireText(request.Name, "name", 300)
            .Require(request.Id is null || InputValidation.IsSlug(request.Id), "id", CommonMessages.Slug)
            .Require(request.FromYear is >= 2000 and <= 2100, "fromYear", CommonMessages.Range, 2000, 2100)
            .Require(request.ToYear is { } to && request.FromYear is { } from && to >= from && to - from < 10, "toYear", AwardsMessages.CampaignToYear)
            .OptionalText(request.Description, "description", InputLimits.Note)
            .MaxItems(request.Years, "years", 10);
        foreach (var (plan, i) in (request.Years ?? []).Select((p, i) => (p, i)))
        {
            validation.Require(plan?.Year is { } y && y >= request.FromYear && y <= request.ToYear, $"years[{i}].year", AwardsMessages.YearOfCampaign);
            if (plan is not null) ValidatePlan(validation, plan, $"years[{i}].", plan.Year ?? 0);
        }
        validation.ThrowIfInvalid();
        var record = await services.Directory.GetAsync(commune, ct);
        var now = services.Time.GetUtcNow().UtcDateTime;
        var campaign = new Campaign
        {
            Id = request.Id ?? $"cchc-{request.FromYear}-{request.ToYear}-{Guid.NewGuid().ToString("N")[..6]}",
            Name = request.Name!.Trim(), Description = request.Description?.Trim(), FromYear = request.FromYear!.Value, ToYear = request.ToYear!.Value,
            CreatedAt = now, CreatedBy = user.Actor(),
        };
        var plans = Enumerable.Range(campaign.FromYear, campaign.ToYear - campaign.FromYear + 1).Select(year =>
        {
            var input = request.Years?.FirstOrDefault(p => p.Year == year);
            return input is null ? Movement.Plan(campaign.Id, year, null, now) : Apply(Movement.Plan(campaign.Id, year, input.Theme, now), input, now, user.Actor());
        }).ToList();
        var changes = new ChangeSet().Insert(commune, campaign.Id, campaign);
        foreach (var plan in plans) changes.Insert(commune, CampaignPlan.Key(campaign.Id, plan.Year), plan);
        await SettingsAsync(services.Store, changes, commune, record, plans, ct);
        await RadioDesk.AppendAsync(services.Store, changes, commune, now, RadioTexts.MovementLaunched(RadioTexts.SpokenName(record.Name), campaign), ct);
        try
        {
            await services.Store.CommitAsync(changes, ct);
        }
        catch (ConcurrencyConflictException e) when (e.Kind == ConflictKind.Duplicate)
        {
            throw new ConflictException("campaign-exists", Wording.Of(AwardsMessages.CampaignExists, campaign.Id));
        }
        await RadioDesk.ForgetAsync(services.Cache, commune, ct);
        return TypedResults.Created($"/api/communes/{commune}/campaigns/{campaign.Id}", new CampaignView(campaign, plans));
    }

    public static async Task<Created<CampaignPlan>> AddYear(string commune, string id, PlanInput request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new InputValidation().Require(request.Year is >= 2000 and <= 2100, "year", CommonMessages.Range, 2000, 2100);
        ValidatePlan(validation, request, "", request.Year ?? 0);
        validation.ThrowIfInvalid();
        var record = await services.Directory.GetAsync(commune, ct);
        var campaign = await services.Store.GetAsync<Campaign>(commune, id, AwardsMessages.Campaign, ct);
        var year = request.Year!.Value;
        if (year < campaign.Document.FromYear)
            throw new BusinessRuleException("year-before-campaign", Wording.Of(AwardsMessages.YearBeforeCampaign, campaign.Document.FromYear));
        var now = services.Time.GetUtcNow().UtcDateTime;
        var plan = Apply(Movement.Plan(id, year, request.Theme, now), request, now, user.Actor());
        var changes = new ChangeSet().Insert(commune, CampaignPlan.Key(id, year), plan);
        if (year > campaign.Document.ToYear) changes.Update(campaign, campaign.Document with { ToYear = year });
        await SettingsAsync(services.Store, changes, commune, record, [plan], ct);
        await RadioDesk.AppendAsync(services.Store, changes, commune, now, RadioTexts.YearPlan(RadioTexts.SpokenName(record.Name), plan), ct);
        try
        {
            await services.Store.CommitAsync(changes, ct);
        }
        catch (ConcurrencyConflictException e) when (e.Kind == ConflictKind.Duplicate)
        {
            throw new ConflictException("plan-exists", Wording.Of(AwardsMessages.PlanExists, id, year));
        }
        await RadioDesk.ForgetAsync(services.Cache, commune, ct);
        return TypedResults.Created($"/api/communes/{commune}/campaigns/{id}/years/{year}", plan);
    }

    public static async Task<Ok<CampaignPlan>> UpdateYear(string commune, string id, int year, PlanInput request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new InputValidation().Require(request.Year is null || request.Year == year, "year", AwardsMessages.RouteYear);
        ValidatePlan(validation, request, "", year);
        validation.ThrowIfInvalid();
        var record = await services.Directory.GetAsync(commune, ct);
        var stored = await services.Store.FindAsync<CampaignPlan>(commune, CampaignPlan.Key(id, year), ct) ?? throw new NotFoundException(AwardsMessages.CampaignYear, $"{id}/{year}");
        var plan = Apply(stored.Document, request, services.Time.GetUtcNow().UtcDateTime, user.Actor());
        var changes = new ChangeSet().Update(stored, plan);
        await SettingsAsync(services.Store, changes, commune, record, [plan], ct);
        await services.Store.CommitAsync(changes, ct);
        return TypedResults.Ok(plan);
    }

    /// <summary>Copies the weights and targets of the plans that govern their year into the commune's scoreboard document.</summary>
    private static async Task SettingsAsync(IDocumentStore<AwardsData> store, ChangeSet changes, string commune, CommuneRecord record,
        IReadOnlyList<CampaignPlan> plans, CancellationToken ct)
    {
        var governing = new List<CampaignPlan>();
        foreach (var plan in plans)
        {
            var current = await AwardsWork.GoverningPlanAsync(store, commune, plan.Year, null, ct);
            if (current is null || current.Document.CampaignId == plan.CampaignId) governing.Add(plan);
        }
        if (governing.Count == 0) return;
        var scope = CommuneIndicators.Scope(record.District);
        var stored = await store.FindAsync<CommuneIndicators>(scope, commune, ct);
        var indicators = stored?.Document ?? new CommuneIndicators { Commune = commune, Name = record.Name, District = record.District };
        foreach (var plan in governing) indicators = indicators.With(plan.Year, y => y with { Settings = plan.Indicators });
        if (stored is null) changes.Insert(scope, commune, indicators);
        else changes.Update(stored, indicators);
    }

    private static void ValidatePlan(InputValidation v, PlanInput p, string prefix, int year)
    {
        v.Require(p.Theme is null || p.Theme.Trim().Length is > 0 and <= 500, prefix + "theme", AwardsMessages.LengthRange, 1, 500);
        foreach (var (quota, name) in new[] { (p.CommuneQuota, "communeQuota"), (p.DistrictQuota, "districtQuota") })
            v.Require(quota is null || (quota.Collective is null or (>= 0 and <= 50) && quota.Individual is null or (>= 0 and <= 50)), prefix + name,
                AwardsMessages.Quota);
        foreach (var (deadline, name) in new[] { (p.CommuneDeadline, "communeDeadline"), (p.DistrictDeadline, "districtDeadline") })
            v.Require(deadline is null || deadline.Value.Year == year || deadline.Value.Year == year + 1, prefix + name, AwardsMessages.DeadlineYear);
        v.Require(p.CommuneDeadline is null || p.DistrictDeadline is null || p.CommuneDeadline <= p.DistrictDeadline, prefix + "districtDeadline",
            AwardsMessages.DistrictDeadline);
        v.Require(p.CouncilSize is null or (>= 1 and <= Movement.MaxCouncilSize), prefix + "councilSize", CommonMessages.Range, 1, Movement.MaxCouncilSize);
        v.Require(p.ApprovalsNeeded is null || (p.ApprovalsNeeded >= 1 && p.ApprovalsNeeded <= (p.CouncilSize ?? Movement.MaxCouncilSize)), prefix + "approvalsNeeded",
            AwardsMessages.ApprovalsNeeded);
        foreach (var (key, value) in p.Indicators ?? new Dictionary<string, IndicatorInput>())
            v.Require(Domain.Indicators.All.Contains(key) && value?.Weight is >= 0 and <= 100 && value.Target is > 0 and <= 1000
                      && (key == Domain.Indicators.Initiatives || value.Target <= 1), $"{prefix}indicators.{key}",
                AwardsMessages.Indicator, string.Join(", ", Domain.Indicators.All));
    }

    private static CampaignPlan Apply(CampaignPlan plan, PlanInput input, DateTime now, string? by)
    {
        Quota Merge(Quota q, QuotaInput? i) => i is null ? q : new Quota(i.Collective ?? q.Collective, i.Individual ?? q.Individual);
        var indicators = plan.Indicators.ToDictionary();
        foreach (var (key, value) in input.Indicators ?? new Dictionary<string, IndicatorInput>())
            indicators[key] = new IndicatorSetting(value.Weight!.Value, value.Target!.Value);
        var applied = plan with
        {
            Theme = input.Theme?.Trim() ?? plan.Theme,
            CommuneQuota = Merge(plan.CommuneQuota, input.CommuneQuota),
            DistrictQuota = Merge(plan.DistrictQuota, input.DistrictQuota),
            CommuneDeadline = input.CommuneDeadline ?? plan.CommuneDeadline,
            DistrictDeadline = input.DistrictDeadline ?? plan.DistrictDeadline,
            CouncilSize = input.CouncilSize ?? plan.CouncilSize,
            ApprovalsNeeded = input.ApprovalsNeeded ?? plan.ApprovalsNeeded,
            Indicators = indicators,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        // What was sent is checked field by field; the plan it makes, with the defaults and roster it keeps, must still hold together.
        ThrowIfInconsistent(applied);
        return applied;
    }

    private static void ThrowIfInconsistent(CampaignPlan plan)
    {
        if (plan.Inconsistencies() is { Count: > 0 } reasons)
            throw new BusinessRuleException("inconsistent-plan", Wording.Of(AwardsMessages.InconsistentPlan, plan.Year), reasons);
    }

    public static async Task<Ok<CampaignPlan>> SetCouncil(string commune, string id, int year, CouncilRequest request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        var members = request.Members ?? [];
        var validation = new InputValidation()
            .Require(members.Count is >= 1 and <= Movement.MaxCouncilSize, "members", AwardsMessages.CouncilMembers, Movement.MaxCouncilSize)
            .Require(request.Size is null or (>= 1 and <= Movement.MaxCouncilSize), "size", CommonMessages.Range, 1, Movement.MaxCouncilSize)
            .Require(request.Size is null || request.Size >= members.Count, "size", AwardsMessages.CouncilSizeBelowMembers, members.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
        {
            validation.RequireText(member?.StaffId, $"members[{i}].staffId", 64)
                .Require(member?.Seat is null || member.Seat.Trim().Length is > 0 and <= 100, $"members[{i}].seat", AwardsMessages.LengthRange, 1, 100);
            if (member?.StaffId is { } staffId && !seen.Add(staffId.Trim()))
                validation.Add($"members[{i}].staffId", Wording.Of(AwardsMessages.CouncilDuplicate, staffId.Trim()));
        }
        validation.ThrowIfInvalid();
        var stored = await services.Store.FindAsync<CampaignPlan>(commune, CampaignPlan.Key(id, year), ct) ?? throw new NotFoundException(AwardsMessages.CampaignYear, $"{id}/{year}");
        var ids = members.Select(m => m!.StaffId!.Trim()).ToList();
        var cards = (await services.Store.QueryAsync<StaffCard>(commune, new Query(Filter.In("id", ids.Cast<object?>())), ct)).ToDictionary(c => c.Id, c => c.Document);
        var roster = new List<CouncilMember>();
        var unknown = new List<Wording>();
        foreach (var (member, staffId) in members.Zip(ids))
        {
            if (cards.GetValueOrDefault(staffId) is { } card) roster.Add(new CouncilMember(card.Id, card.FullName, member!.Seat?.Trim()));
            else unknown.Add(Wording.Of(AwardsMessages.UnknownStaff, staffId));
        }
        if (unknown.Count > 0) throw new BusinessRuleException("unknown-staff", Wording.Sentences(unknown), unknown);
        var plan = stored.Document with
        {
            CouncilSize = request.Size ?? roster.Count, Council = roster, UpdatedAt = services.Time.GetUtcNow().UtcDateTime, UpdatedBy = user.Actor(),
        };
        ThrowIfInconsistent(plan);
        await services.Store.CommitAsync(new ChangeSet().Update(stored, plan), ct);
        return TypedResults.Ok(plan);
    }

    internal static DateOnly Today(TimeProvider time) => VietnamTime.Today(time.GetUtcNow().UtcDateTime);
}
