using Awards.Api.Localization;
using Platform.ServiceDefaults.Problems;
using Platform.Contracts.Awards;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Domain;

namespace Awards.Api.Domain;

public static class NominationStatus
{
    /// <summary>The status as a problem's text reads it, in the caller's language.</summary>
    public static Wording Name(string status) => Wording.Of(status switch
    {
        Proposed => AwardsMessages.StatusProposed,
        Approved => AwardsMessages.StatusApproved,
        Rejected => AwardsMessages.StatusRejected,
        Forwarded => AwardsMessages.StatusForwarded,
        Granted => AwardsMessages.StatusGranted,
        Refused => AwardsMessages.StatusRefused,
        _ => AwardsMessages.StatusWithdrawn,
    });

    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Forwarded = "forwarded";
    public const string Granted = "granted";
    public const string Refused = "refused";
    public const string Withdrawn = "withdrawn";
}

/// <summary>A title of Law 06/2022 on Emulation and Commendation that a commune proposes, with who may hold it.</summary>
public sealed record AwardTitle(string Code, string Name, NomineeKind? Kind, string? DistrictName = null)
{
    public string NameAt(AwardLevel level) => level == AwardLevel.District && DistrictName is not null ? DistrictName : Name;
}

public static class AwardTitles
{
    public const string AdvancedWorker = "lao-dong-tien-tien";
    public const string EmulationSoldier = "chien-si-thi-dua-co-so";
    public const string AdvancedCollective = "tap-the-lao-dong-tien-tien";
    public const string Certificate = "giay-khen";

    public static IReadOnlyList<AwardTitle> All { get; } =
    [
        new(AdvancedWorker, "Lao động tiên tiến", NomineeKind.Individual),
        new(EmulationSoldier, "Chiến sĩ thi đua cơ sở", NomineeKind.Individual),
        new(AdvancedCollective, "Tập thể lao động tiên tiến", NomineeKind.Collective),
        new(Certificate, "Giấy khen của Chủ tịch UBND xã", null, "Giấy khen của Chủ tịch UBND huyện"),
    ];

    public static AwardTitle? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    public const string ThematicName = "Giấy khen chuyên đề của Chủ tịch UBND xã";
}

public sealed record Nominee(string? StaffId, string Name);

/// <summary>
/// A council member's vote: <see cref="Member"/> is the staff member (one vote per person), <see cref="MemberName"/> their
/// name on the roster, <see cref="Account"/> the account that cast it.
/// </summary>
public sealed record Vote(string Member, string? MemberName, bool Approve, DateTime At)
{
    public string? Account { get; init; }
}

/// <summary>
/// The council's count, kept with the decision: approvals needed of how many seats, under which rule, and by whom. The
/// roster is the one the first vote found, so that a later change of the plan cannot move a count under way.
/// </summary>
public sealed record Tally(int Approvals, int Rejections, int CouncilSize, int Needed, string Rule)
{
    public IReadOnlyList<CouncilMember> Council { get; init; } = [];
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];
    public IReadOnlyList<string> RejectedBy { get; init; } = [];
    /// <summary>Approvals recorded but not counted: the filer's own (whoever filed a nomination cannot carry it).</summary>
    public IReadOnlyList<string> NotCounted { get; init; } = [];
}

public sealed record Decision(bool Granted, string DecisionNo, string Title, string? Note, string? DecidedBy, DateTime DecidedAt);

public sealed record Nomination
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required int Year { get; init; }
    public required AwardLevel Level { get; init; }
    public required NomineeKind Kind { get; init; }
    public required Nominee Nominee { get; init; }
    public required string Title { get; init; }
    public required string TitleName { get; init; }
    public required string Reason { get; init; }
    /// <summary>Khen thưởng chuyên đề: outside the yearly cycle, no quota, no deadline.</summary>
    public bool Thematic { get; init; }
    /// <summary>What made it (a simplification proposal for a thematic one).</summary>
    public string? Source { get; init; }
    public required string Status { get; init; }
    public IReadOnlyList<Vote> Votes { get; init; } = [];
    public Tally? Tally { get; init; }
    public DateTime? ForwardedAt { get; init; }
    public string? ForwardedBy { get; init; }
    public Decision? Decision { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    /// <summary>The staff member who filed it (the filer's token): their own approval never counts toward the threshold.</summary>
    public string? FiledByStaff { get; init; }

    /// <summary>
    /// Each author of an approved simplification is a candidate for a thematic commendation at once, outside the yearly
    /// cycle (seed II.3: khen thưởng chuyên đề); the id is derived from the proposal and the author, so a replay adds none.
    /// </summary>
    public static Nomination ThematicCandidate(SimplificationApproved approved, string author, string authorName, string campaignId) => new()
    {
        Id = $"cd-{approved.ProposalId}-{author}",
        CampaignId = campaignId, Year = CampaignYear.Of(approved.ApprovedAt), Level = AwardLevel.Commune, Kind = NomineeKind.Individual,
        Nominee = new Nominee(author, authorName), Title = AwardTitles.Certificate, TitleName = AwardTitles.ThematicName,
        Reason = $"Có sáng kiến {Achievements.Simplification(approved)}, được {approved.Authority} chấp thuận tại quyết định {approved.DecisionNo}.",
        Thematic = true, Source = approved.ProposalId, Status = NominationStatus.Proposed, CreatedAt = approved.ApprovedAt, CreatedBy = "thematic",
    };

    /// <summary>Counts against the yearly quota while it is alive.</summary>
    public bool HoldsQuota => !Thematic && Status is not NominationStatus.Withdrawn;

    /// <summary>
    /// Records a council member's vote and closes the vote once the outcome is settled (the council decides by vote,
    /// Law 06/2022): approved when the counted approvals reach the threshold, rejected when the named members who could
    /// still approve can no longer reach it. The filer's own approval is recorded and not counted.
    /// </summary>
    public Nomination WithVote(Vote vote, IReadOnlyList<CouncilMember> council, int councilSize, int needed, string rule)
    {
        var votes = Votes.Append(vote).ToList();
        var counted = votes.Where(v => v.Approve && v.Member != FiledByStaff).ToList();
        var rejections = votes.Where(v => !v.Approve).ToList();
        var possible = council.Count(m => m.StaffId != FiledByStaff && !rejections.Any(v => v.Member == m.StaffId));
        var status = counted.Count >= needed ? NominationStatus.Approved
            : possible < needed ? NominationStatus.Rejected
            : NominationStatus.Proposed;
        static IReadOnlyList<string> Names(IEnumerable<Vote> of) => of.Select(v => v.MemberName ?? v.Member).ToList();
        var tally = new Tally(counted.Count, rejections.Count, councilSize, needed, rule)
        {
            Council = council, ApprovedBy = Names(counted), RejectedBy = Names(rejections),
            NotCounted = Names(votes.Where(v => v.Approve && v.Member == FiledByStaff)),
        };
        return this with { Votes = votes, Tally = tally, Status = status };
    }

    /// <summary>A nomination not yet decided may be withdrawn.</summary>
    public Nomination Withdraw() => Status is NominationStatus.Proposed or NominationStatus.Approved or NominationStatus.Rejected
        ? this with { Status = NominationStatus.Withdrawn }
        : throw new ConflictException("cannot-withdraw", Wording.Of(AwardsMessages.CannotWithdraw, NominationStatus.Name(Status)));

    /// <summary>The commune chairman decides a commune-level nomination once the council has approved it.</summary>
    public Changed<Nomination> DecideInCommune(string commune, bool granted, string decisionNo, string? title, string? note, string? by, DateTime now)
    {
        if (Level != AwardLevel.Commune)
            throw new BusinessRuleException("district-level", Wording.Of(AwardsMessages.DistrictLevel));
        if (Decision is not null)
            throw new ConflictException("already-decided", Wording.Of(AwardsMessages.AlreadyDecidedWithDecision, NominationStatus.Name(Status), Decision.DecisionNo));
        if (Status != NominationStatus.Approved)
            throw new BusinessRuleException("council-not-approved", Wording.Of(AwardsMessages.CouncilNotApproved, NominationStatus.Name(Status)));
        return Decide(commune, granted, decisionNo, title, note, by, now);
    }

    /// <summary>
    /// Records the decision (<paramref name="title"/>: as granted, by default the nomination's); a grant raises
    /// <see cref="AwardGranted"/>, the award being <see cref="GrantedAward"/>.
    /// </summary>
    public Changed<Nomination> Decide(string commune, bool granted, string decisionNo, string? title, string? note, string? by, DateTime now)
    {
        var decided = this with
        {
            Status = granted ? NominationStatus.Granted : NominationStatus.Refused,
            Decision = new Decision(granted, decisionNo, title ?? TitleName, note?.Trim(), by, now),
        };
        return decided.GrantedAward() is { } award ? new Changed<Nomination>(decided, [award.Granted(commune)]) : decided;
    }

    /// <summary>The award a granting decision made (id <c>aw-{nominationId}</c>); null until granted.</summary>
    public Award? GrantedAward() => Decision is { Granted: true } d
        ? new Award
        {
            Id = $"aw-{Id}", NominationId = Id, Year = Year, Level = Level, Kind = Kind, Nominee = Nominee,
            Title = d.Title, DecisionNo = d.DecisionNo, Thematic = Thematic, DecidedBy = d.DecidedBy, GrantedAt = d.DecidedAt,
        }
        : null;
}

/// <summary>The nominations of one campaign year that hold a place, kept in one document so that two filings cannot both take the last place.</summary>
public sealed record QuotaLedger
{
    public required string CampaignId { get; init; }
    public required int Year { get; init; }
    public IReadOnlyList<string> Collective { get; init; } = [];
    public IReadOnlyList<string> Individual { get; init; } = [];
    public IReadOnlyList<string> ForwardedCollective { get; init; } = [];
    public IReadOnlyList<string> ForwardedIndividual { get; init; } = [];

    public static string Key(string campaignId, int year) => $"{campaignId}:{year}";

    public IReadOnlyList<string> Filed(NomineeKind kind) => kind == NomineeKind.Collective ? Collective : Individual;
    public IReadOnlyList<string> Forwarded(NomineeKind kind) => kind == NomineeKind.Collective ? ForwardedCollective : ForwardedIndividual;

    public QuotaLedger File(NomineeKind kind, string id) => kind == NomineeKind.Collective
        ? this with { Collective = [.. Collective, id] } : this with { Individual = [.. Individual, id] };

    public QuotaLedger Release(string id) => this with
    {
        Collective = Collective.Where(x => x != id).ToList(), Individual = Individual.Where(x => x != id).ToList(),
        ForwardedCollective = ForwardedCollective.Where(x => x != id).ToList(), ForwardedIndividual = ForwardedIndividual.Where(x => x != id).ToList(),
    };

    public QuotaLedger Forward(NomineeKind kind, string id) => kind == NomineeKind.Collective
        ? this with { ForwardedCollective = [.. ForwardedCollective, id] } : this with { ForwardedIndividual = [.. ForwardedIndividual, id] };
}

/// <summary>A forwarded nomination as the district's inbox holds it (district scope), with the commune it came from.</summary>
public sealed record DistrictNomination
{
    public required string Id { get; init; }
    public required string Commune { get; init; }
    public required string CommuneName { get; init; }
    public required int Year { get; init; }
    public required string Status { get; init; }
    public required Nomination Nomination { get; init; }
}

/// <summary>A granted commendation: what the radio announces and the commune's honour roll lists.</summary>
public sealed record Award
{
    public required string Id { get; init; }
    public required string NominationId { get; init; }
    public required int Year { get; init; }
    public required AwardLevel Level { get; init; }
    public required NomineeKind Kind { get; init; }
    public required Nominee Nominee { get; init; }
    public required string Title { get; init; }
    public required string DecisionNo { get; init; }
    public bool Thematic { get; init; }
    public string? DecidedBy { get; init; }
    public required DateTime GrantedAt { get; init; }

    public AwardGranted Granted(string commune) => new()
    {
        Commune = commune, AwardId = Id, NominationId = NominationId, Year = Year, Level = Level, Kind = Kind,
        StaffId = Nominee.StaffId, NomineeName = Nominee.Name, Title = Title, DecisionNo = DecisionNo, Thematic = Thematic, GrantedAt = GrantedAt,
    };
}
