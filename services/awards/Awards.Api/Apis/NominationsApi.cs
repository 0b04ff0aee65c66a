using Platform.ServiceDefaults.Tenancy;
using System.Security.Claims;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Awards;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Awards.Api.Localization;
using Platform.ServiceDefaults.Domain;

namespace Awards.Api.Apis;

public sealed record NomineeInput(string? StaffId, string? Name);
public sealed record NominationRequest(int? Year, AwardLevel? Level, NomineeKind? Kind, NomineeInput? Nominee, string? Title, string? Reason, string? CampaignId);
public sealed record VoteRequest(bool? Approve);
public sealed record CommuneAwardRequest(string? NominationId, bool? Granted, string? DecisionNo, string? Title, string? Note);
public sealed record DistrictDecisionRequest(bool? Granted, string? DecisionNo, string? Title, string? Note);

/// <summary>
/// The yearly review's nominations (seed II.3): the office files them within the campaign year's quota and deadline,
/// the council votes, the commune chairman decides commune-level awards, district-level ones are forwarded to the
/// district Interior Office, whose decision comes back. A grant raises <see cref="AwardGranted"/>.
/// </summary>
public static class NominationsApi
{
    private static readonly string[] Readers = [Roles.CommuneOffice, Roles.CommuneLeader, Roles.EmulationCouncil, Roles.DistrictOfficer];

    public static IEndpointRouteBuilder MapNominationsApi(this IEndpointRouteBuilder routes)
    {
        var nominations = routes.MapGroup("/api/communes/{commune}/nominations").WithTags("Nominations");
        nominations.MapGet("/", List).RequireRoles(Readers).WithSummary("The commune's nominations of a year (thematic ones included).");
        nominations.MapGet("/{id}", Get).RequireRoles(Readers).WithSummary("A nomination with its votes, tally and decision.");
        nominations.MapPost("/", File).RequireRoles(Roles.CommuneOffice)
            .WithSummary("File a nomination; 422 over the year's quota, past its deadline (Vietnam time) or when the nominee is not eligible.");
        nominations.MapPost("/{id}/votes", VoteOn).RequireRoles(Roles.EmulationCouncil)
            .WithSummary("A council member's vote, one per person on the year's roster (the filer's own approval does not count); the vote closes once the threshold is reached or can no longer be.");
        nominations.MapPost("/{id}/forward", Forward).RequireRoles(Roles.CommuneOffice, Roles.CommuneLeader)
            .WithSummary("Send a council-approved district-level nomination to the district (quota and 10 December deadline).");
        nominations.MapPost("/{id}/withdraw", Withdraw).RequireRoles(Roles.CommuneOffice).WithSummary("Withdraw a nomination not yet decided; its quota place is freed.");

        var awards = routes.MapGroup("/api/communes/{commune}/awards").WithTags("Nominations");
        awards.MapGet("/", ListAwards).RequireRoles([.. Readers, Roles.Front]).WithSummary("The commune's honour roll: awards granted, by year.");
        awards.MapPost("/", DecideInCommune).RequireRoles(Roles.CommuneLeader)
            .WithSummary("The commune chairman's decision on a council-approved commune-level nomination; a grant raises AwardGranted.");

        var district = routes.MapGroup("/api/districts/{district}/nominations").WithTags("District");
        district.MapGet("/", DistrictInbox).RequireRoles(Roles.DistrictOfficer).WithSummary("Nominations forwarded by the district's communes.");
        district.MapPost("/{id}/decide", DecideInDistrict).RequireRoles(Roles.DistrictOfficer)
            .WithSummary("The district's decision on a forwarded nomination; a grant raises AwardGranted.");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<Nomination>>> List(string commune, int? year, string? status, [AsParameters] AwardsServices services,
        CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<Nomination>>((await services.Store.QueryAsync<Nomination>(commune,
            new Query(Filter.And(Filter.Eq("year", year ?? CampaignsApi.Today(services.Time).Year), status is null ? null : Filter.Eq("status", status)),
                [new Sort("createdAt")]), ct)).Select(n => n.Document).ToList());

    public static async Task<Ok<Nomination>> Get(string commune, string id, [AsParameters] AwardsServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.Store.GetAsync<Nomination>(commune, id, AwardsMessages.Nomination, ct)).Document);

    public static async Task<Created<Nomination>> File(string commune, NominationRequest request, [AsParameters] AwardsServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var today = CampaignsApi.Today(services.Time);
        var title = AwardTitles.Find(request.Title);
        var (level, kind) = (request.Level, request.Kind);
        new InputValidation()
            .Require(request.Year is { } y && y >= 2000 && y <= today.Year + 1, "year", AwardsMessages.YearUpTo, today.Year + 1)
            .Require(level is not null, "level", AwardsMessages.Level)
            .Require(kind is not null, "kind", AwardsMessages.Kind)
            .Require(title is not null, "title", CommonMessages.OneOf, string.Join(", ", AwardTitles.All.Select(t => t.Code)))
            .Require(title?.Kind is null || kind is null || title.Kind == kind, "title",
                title?.Kind == NomineeKind.Collective ? AwardsMessages.TitleForCollective : AwardsMessages.TitleForIndividual, request.Title)
            .Require(request.Nominee is not null && !string.IsNullOrWhiteSpace(request.Nominee.Name) && request.Nominee.Name.Length <= 200, "nominee.name", AwardsMessages.NomineeName)
            .Require(kind != NomineeKind.Collective || request.Nominee?.StaffId is null, "nominee.staffId", AwardsMessages.CollectiveNoStaff)
            .Require(kind != NomineeKind.Individual || title?.Code is not (AwardTitles.AdvancedWorker or AwardTitles.EmulationSoldier)
                     || request.Nominee?.StaffId is not null, "nominee.staffId", AwardsMessages.StaffIdForTitle)
            .RequireText(request.Reason, "reason", InputLimits.LongText)
            .OptionalText(request.Nominee?.StaffId, "nominee.staffId", InputLimits.Code)
            .OptionalText(request.CampaignId, "campaignId", InputLimits.Code)
            .ThrowIfInvalid();
        var year = request.Year!.Value;
        var plan = (await AwardsWork.GoverningPlanAsync(services.Store, commune, year, request.CampaignId, ct))?.Document
                   ?? throw new BusinessRuleException("no-plan", request.CampaignId is null
                       ? Wording.Of(AwardsMessages.NoPlan, year) : Wording.Of(AwardsMessages.NoPlanInCampaign, year, request.CampaignId));
        var reasons = new List<Wording>();
        if (Eligibility.PastDeadline(today, plan.CommuneDeadline, AwardsMessages.ToCommune) is { } late) reasons.Add(late);
        var ledgerKey = QuotaLedger.Key(plan.CampaignId, year);
        var ledger = await services.Store.FindAsync<QuotaLedger>(commune, ledgerKey, ct);
        var current = ledger?.Document ?? new QuotaLedger { CampaignId = plan.CampaignId, Year = year };
        if (Eligibility.OverQuota(current.Filed(kind!.Value).Count, plan.CommuneQuota.For(kind.Value), kind.Value, AwardsMessages.ToCommuneCommittee) is { } over) reasons.Add(over);
        var nominee = request.Nominee!;
        if (nominee.StaffId is { } staffId)
        {
            if (await services.Store.FindAsync<StaffCard>(commune, staffId, ct) is null)
                throw new BusinessRuleException("unknown-staff", Wording.Of(AwardsMessages.UnknownStaff, staffId));
            var evaluation = (await services.Store.FindAsync<EvaluationRecord>(commune, EvaluationRecord.Key(staffId, year), ct))?.Document;
            var initiatives = (await services.Store.FindAsync<StaffYear>(commune, StaffYear.Key(staffId, year), ct))?.Document.Initiatives ?? 0;
            reasons.AddRange(Eligibility.TitleReasons(title!.Code, year, evaluation?.Level, initiatives));
        }
        if (reasons.Count > 0)
        {
            var type = reasons.Count > 1 ? "nomination-refused" : Eligibility.PastDeadline(today, plan.CommuneDeadline, AwardsMessages.ToCommune) is not null ? "past-deadline"
                : current.Filed(kind.Value).Count >= plan.CommuneQuota.For(kind.Value) ? "over-quota" : "not-eligible";
            throw new BusinessRuleException(type, Wording.Sentences(reasons), reasons);
        }
        var nomination = new Nomination
        {
            Id = Guid.NewGuid().ToString("N")[..12], CampaignId = plan.CampaignId, Year = year, Level = level!.Value, Kind = kind.Value,
            Nominee = new Nominee(nominee.StaffId, nominee.Name!.Trim()), Title = title!.Code, TitleName = title.NameAt(level.Value),
            Reason = request.Reason!.Trim(), Status = NominationStatus.Proposed, CreatedAt = services.Time.GetUtcNow().UtcDateTime, CreatedBy = user.Actor(),
            FiledByStaff = user.StaffId(),
        };
        var changes = new ChangeSet().Insert(commune, nomination.Id, nomination);
        // The ledger is one document: of two filings racing for the last place, one conflicts (409) and sees the quota on retry.
        if (ledger is null) changes.Insert(commune, ledgerKey, current.File(nomination.Kind, nomination.Id));
        else changes.Update(ledger, current.File(nomination.Kind, nomination.Id));
        await services.Store.CommitAsync(changes, ct);
        return TypedResults.Created($"/api/communes/{commune}/nominations/{nomination.Id}", nomination);
    }

    /// <summary>
    /// A vote belongs to a person on the year's roster, once: the account must name a staff member (its <c>staff</c> claim) who
    /// sits on the council, and a second account of the same person finds the vote already cast.
    /// </summary>
    public static async Task<Ok<Nomination>> VoteOn(string commune, string id, VoteRequest request, [AsParameters] AwardsServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().Require(request.Approve is not null, "approve", AwardsMessages.BooleanRequired).ThrowIfInvalid();
        var stored = await services.Store.GetAsync<Nomination>(commune, id, AwardsMessages.Nomination, ct);
        var nomination = stored.Document;
        var staffId = user.StaffId() ?? throw new BusinessRuleException("no-staff-member", Wording.Of(AwardsMessages.NoStaffMember));
        var plan = (await AwardsWork.GoverningPlanAsync(services.Store, commune, nomination.Year, nomination.CampaignId, ct))?.Document;
        // The council's roster, size and threshold are fixed by the first vote, so that a later change of the plan cannot move a count under way.
        var council = nomination.Tally?.Council is { Count: > 0 } fixedRoster ? fixedRoster : plan?.Council ?? [];
        if (council.Count == 0) throw new BusinessRuleException("no-council", Wording.Of(AwardsMessages.NoCouncil, nomination.Year));
        var member = council.FirstOrDefault(m => m.StaffId == staffId)
                     ?? throw new BusinessRuleException("not-on-council",
                         Wording.Of(AwardsMessages.NotOnCouncil, await AwardsWork.NameOfAsync(services.Store, commune, staffId, ct), nomination.Year));
        if (nomination.Votes.Any(v => v.Member == member.StaffId))
            throw new ConflictException("already-voted", Wording.Of(AwardsMessages.AlreadyVoted, member.Name));
        if (nomination.Status != NominationStatus.Proposed)
            throw new ConflictException("voting-closed", Wording.Of(AwardsMessages.VotingClosed, NominationStatus.Name(nomination.Status)));
        var size = nomination.Tally?.CouncilSize ?? plan?.CouncilSize ?? Movement.DefaultCouncilSize;
        var needed = nomination.Tally?.Needed ?? plan?.Needed ?? size / 2 + 1;
        var rule = nomination.Tally?.Rule ?? plan?.ThresholdRule ?? "more-than-half";
        var vote = new Vote(member.StaffId, member.Name, request.Approve!.Value, services.Time.GetUtcNow().UtcDateTime) { Account = user.FindFirst(ClaimNames.Subject)?.Value };
        // Two accounts of one person racing: both read the same version, and the second commit conflicts (409).
        var voted = nomination.WithVote(vote, council, size, needed, rule);
        await services.Store.CommitAsync(new ChangeSet().Update(stored, voted), ct);
        return TypedResults.Ok(voted);
    }

    public static async Task<Ok<Nomination>> Forward(string commune, string id, [AsParameters] AwardsServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var stored = await services.Store.GetAsync<Nomination>(commune, id, AwardsMessages.Nomination, ct);
        var nomination = stored.Document;
        if (nomination.Level != AwardLevel.District)
            throw new BusinessRuleException("commune-level", Wording.Of(AwardsMessages.CommuneLevel));
        if (nomination.Status != NominationStatus.Approved)
            throw new ConflictException("not-approved", Wording.Of(AwardsMessages.NotApproved, NominationStatus.Name(nomination.Status)));
        var plan = (await AwardsWork.GoverningPlanAsync(services.Store, commune, nomination.Year, nomination.CampaignId, ct))?.Document
                   ?? throw new BusinessRuleException("no-plan", Wording.Of(AwardsMessages.NoPlanForYear, nomination.Year));
        var ledgerKey = QuotaLedger.Key(plan.CampaignId, nomination.Year);
        var ledger = await services.Store.FindAsync<QuotaLedger>(commune, ledgerKey, ct);
        var current = ledger?.Document ?? new QuotaLedger { CampaignId = plan.CampaignId, Year = nomination.Year };
        var today = CampaignsApi.Today(services.Time);
        var reasons = new[]
        {
            Eligibility.PastDeadline(today, plan.DistrictDeadline, AwardsMessages.ToDistrictOffice),
            Eligibility.OverQuota(current.Forwarded(nomination.Kind).Count, plan.DistrictQuota.For(nomination.Kind), nomination.Kind, AwardsMessages.ToDistrict),
        }.OfType<Wording>().ToList();
        if (reasons.Count > 0)
            throw new BusinessRuleException(reasons.Count > 1 ? "forward-refused" : today > plan.DistrictDeadline ? "past-deadline" : "over-quota", Wording.Sentences(reasons), reasons);
        var record = await services.Directory.GetAsync(commune, ct);
        var now = services.Time.GetUtcNow().UtcDateTime;
        var forwarded = nomination with { Status = NominationStatus.Forwarded, ForwardedAt = now, ForwardedBy = user.Actor() };
        var changes = new ChangeSet().Update(stored, forwarded)
            .Insert(CommuneIndicators.Scope(record.District), id, new DistrictNomination
            {
                Id = id, Commune = commune, CommuneName = record.Name, Year = nomination.Year, Status = NominationStatus.Forwarded, Nomination = forwarded,
            });
        if (ledger is null) changes.Insert(commune, ledgerKey, current.Forward(nomination.Kind, id));
        else changes.Update(ledger, current.Forward(nomination.Kind, id));
        await services.Store.CommitAsync(changes, ct);
        return TypedResults.Ok(forwarded);
    }

    public static async Task<Ok<Nomination>> Withdraw(string commune, string id, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var stored = await services.Store.GetAsync<Nomination>(commune, id, AwardsMessages.Nomination, ct);
        var withdrawn = stored.Document.Withdraw();
        var changes = new ChangeSet().Update(stored, withdrawn);
        if (!withdrawn.Thematic && await services.Store.FindAsync<QuotaLedger>(commune, QuotaLedger.Key(withdrawn.CampaignId, withdrawn.Year), ct) is { } ledger)
            changes.Update(ledger, ledger.Document.Release(id));
        await services.Store.CommitAsync(changes, ct);
        return TypedResults.Ok(withdrawn);
    }

    public static async Task<Ok<IReadOnlyList<Award>>> ListAwards(string commune, int? year, [AsParameters] AwardsServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<Award>>((await services.Store.QueryAsync<Award>(commune,
            new Query(year is null ? null : Filter.Eq("year", year.Value), [new Sort("grantedAt", Descending: true)]), ct)).Select(a => a.Document).ToList());

    public static async Task<Results<Created<Award>, Ok<Nomination>>> DecideInCommune(string commune, CommuneAwardRequest request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().RequireText(request.NominationId, "nominationId", 100).RequireText(request.DecisionNo, "decisionNo", 100)
            .Require(request.Title is null || request.Title.Trim().Length is > 0 and <= 300, "title", AwardsMessages.LengthRange, 1, 300)
            .OptionalText(request.Note, "note", InputLimits.Note).ThrowIfInvalid();
        var stored = await services.Store.GetAsync<Nomination>(commune, request.NominationId!, AwardsMessages.Nomination, ct);
        var decided = stored.Document.DecideInCommune(commune, request.Granted ?? true, request.DecisionNo!.Trim(), request.Title?.Trim(), request.Note, user.Actor(),
            services.Time.GetUtcNow().UtcDateTime);
        await services.Store.CommitAsync(Decision(stored, decided), ct);
        return decided.State.GrantedAward() is { } award
            ? TypedResults.Created($"/api/communes/{commune}/awards/{award.Id}", award)
            : TypedResults.Ok(decided.State);
    }

    public static async Task<Ok<IReadOnlyList<DistrictNomination>>> DistrictInbox(string district, int? year, string? status,
        [AsParameters] AwardsServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DistrictNomination>>((await services.Store.QueryAsync<DistrictNomination>(CommuneIndicators.Scope(district),
            new Query(Filter.And(Filter.Eq("year", year ?? CampaignsApi.Today(services.Time).Year), status is null ? null : Filter.Eq("status", status)),
                [new Sort("communeName"), new Sort("nomination.createdAt")]), ct)).Select(n => n.Document).ToList());

    public static async Task<Ok<DistrictNomination>> DecideInDistrict(string district, string id, DistrictDecisionRequest request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        new InputValidation().Require(request.Granted is not null, "granted", AwardsMessages.BooleanRequired).RequireText(request.DecisionNo, "decisionNo", 100)
            .Require(request.Title is null || request.Title.Trim().Length is > 0 and <= 300, "title", AwardsMessages.LengthRange, 1, 300)
            .OptionalText(request.Note, "note", InputLimits.Note).ThrowIfInvalid();
        var item = await services.Store.GetAsync<DistrictNomination>(CommuneIndicators.Scope(district), id, AwardsMessages.Nomination, ct);
        if (item.Document.Status != NominationStatus.Forwarded)
            throw new ConflictException("already-decided", Wording.Of(AwardsMessages.AlreadyDecided, NominationStatus.Name(item.Document.Status)));
        var stored = await services.Store.GetAsync<Nomination>(item.Document.Commune, id, AwardsMessages.Nomination, ct);
        var decided = stored.Document.Decide(item.Document.Commune, request.Granted!.Value, request.DecisionNo!.Trim(), request.Title?.Trim(), request.Note,
            user.Actor(), services.Time.GetUtcNow().UtcDateTime);
        var updated = item.Document with { Status = decided.State.Status, Nomination = decided.State };
        await services.Store.CommitAsync(Decision(stored, decided).Update(item, updated), ct);
        return TypedResults.Ok(updated);
    }

    /// <summary>The decided nomination with the event it raised, and the award it granted, if any, on the commune's honour roll.</summary>
    private static ChangeSet Decision(Stored<Nomination> stored, Changed<Nomination> decided)
    {
        var changes = new ChangeSet().Update(stored, decided);
        return decided.State.GrantedAward() is { } award ? changes.Insert(stored.Commune, award.Id, award) : changes;
    }
}
