using Platform.ServiceDefaults.Tenancy;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Awards.Api.Localization;

namespace Awards.Api.Apis;

public sealed record DistrictScoreboard(string District, int Year, string Rule, IReadOnlyList<ScoreRow> Communes);

public sealed record StaffRow(string StaffId, string FullName, string Position, int DossiersHandled, double? OnTimeRate, int Ratings, double? SatisfactionIndex,
    int Initiatives, int Trainings, double TrainingHours, int Achievements);

/// <summary>One commune's total and rank in one year of the trend.</summary>
public sealed record YearScore(int Year, int Rank, double Score);

public sealed record CommuneTrend(string Commune, string Name, IReadOnlyList<YearScore> Years);

/// <summary>The district's ranking over several years (oldest first), each year scored by its own plan.</summary>
public sealed record DistrictTrend(string District, IReadOnlyList<int> Years, IReadOnlyList<CommuneTrend> Communes);

/// <summary>A procedure where the commune lost points: not posted, dossiers resolved late, or citizens not satisfied.</summary>
public sealed record ProcedureLoss(string Code, string Name, bool? Posted, int Resolved, int Late, int Ratings, int Unsatisfied);

/// <summary>An officer whose year cost the commune points: late dossiers, ratings not satisfied, or no training.</summary>
public sealed record OfficerLoss(string StaffId, string FullName, string Position, int Handled, int Late, int Ratings, int Unsatisfied, int Trainings);

/// <summary>The district's drill-down to one commune: its row, and the procedures and officers where its points were lost.</summary>
public sealed record CommuneLosses(string Commune, string Name, int Year, int Communes, ScoreRow Row, IReadOnlyList<ProcedureLoss> Procedures,
    IReadOnlyList<OfficerLoss> Officers);

public sealed record CommuneScoreboard(string Commune, int Year, int Communes, ScoreRow Row, IReadOnlyList<StaffRow> Staff);

/// <summary>
/// The emulation scoreboard (domain.md §5): per commune, the indicators scored by Decision 766/QĐ-TTg's rule with the
/// year's weights and targets, ranked within the district. One query over the district's indicator documents.
/// </summary>
public static class ScoreboardApi
{
    public const string Rule = "Each indicator scores its full weight when its rate R reaches the target T, else R × weight ÷ T; " +
                               "an indicator without data scores 0. Equal totals share a rank (1, 2, 2, 4).";

    public static IEndpointRouteBuilder MapScoreboardApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/districts/{district}/scoreboard", District).RequireRoles(Roles.DistrictOfficer).WithTags("District")
            .WithSummary("The communes of the district ranked by their emulation score for a year.");
        routes.MapGet("/api/communes/{commune}/scoreboard", Commune).RequireRoles(CampaignsApi.Readers).WithTags("Scoreboard")
            .WithSummary("The commune's own row (with its rank in the district) and its staff's table for a year.");
        routes.MapGet("/api/districts/{district}/scoreboard/trend", Trend).RequireRoles(Roles.DistrictOfficer).WithTags("District")
            .WithSummary("Each commune's total and rank over a span of years (at most 10), oldest first.");
        routes.MapGet("/api/districts/{district}/communes/{commune}/scoreboard", Losses).RequireRoles(Roles.DistrictOfficer).WithTags("District")
            .WithSummary("One commune of the district: its row, and the procedures and officers where its points were lost in a year.");
        return routes;
    }

    public const int TrendYearsAtMost = 10;

    public static async Task<Ok<DistrictTrend>> Trend(string district, int? from, int? to, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var last = to ?? CampaignsApi.Today(services.Time).Year;
        var first = from ?? last - 4;
        new InputValidation()
            .Require(last is >= 2000 and <= 2100, "to", CommonMessages.Range, 2000, 2100)
            .Require(first <= last && last - first < TrendYearsAtMost && first >= 2000, "from", CommonMessages.Range, Math.Max(2000, last - TrendYearsAtMost + 1), last)
            .ThrowIfInvalid();
        var communes = (await services.Store.QueryAsync<CommuneIndicators>(CommuneIndicators.Scope(district), Query.All, ct)).Select(s => s.Document).ToList();
        var years = Enumerable.Range(first, last - first + 1).ToList();
        var ranked = years.ToDictionary(y => y, y => Scoring.Rank(communes, y).ToDictionary(r => r.Commune));
        var trend = communes.OrderBy(c => c.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(c => new CommuneTrend(c.Commune, c.Name, years.Select(y => ranked[y][c.Commune]).Select((r, i) => new YearScore(years[i], r.Rank, r.Score)).ToList()))
            .ToList();
        return TypedResults.Ok(new DistrictTrend(district, years, trend));
    }

    public static async Task<Ok<CommuneLosses>> Losses(string district, string commune, int? year, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var y = year ?? CampaignsApi.Today(services.Time).Year;
        var rows = await RankAsync(services.Store, district, y, ct);
        var row = rows.FirstOrDefault(r => r.Commune == commune) ?? throw new NotFoundException(AwardsMessages.ScoreboardRow, commune);
        var postings = (await services.Store.QueryAsync<ProcedurePosting>(commune, Query.All, ct)).ToDictionary(p => p.Document.Code, p => p.Document);
        var tallies = (await services.Store.QueryAsync<ProcedureYear>(commune, new Query(Filter.Eq("year", y)), ct)).ToDictionary(p => p.Document.Code, p => p.Document);
        var procedures = postings.Keys.Union(tallies.Keys).Select(code =>
            {
                var posting = postings.GetValueOrDefault(code);
                var t = tallies.GetValueOrDefault(code) ?? new ProcedureYear { Code = code, Year = y };
                return new ProcedureLoss(code, posting?.Name ?? code, posting?.Posted, t.Resolved, t.Late, t.Ratings, t.Unsatisfied);
            })
            .Where(p => p.Posted == false || p.Late > 0 || p.Unsatisfied > 0)
            .OrderByDescending(p => p.Late + p.Unsatisfied).ThenBy(p => p.Posted ?? true).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var years = (await services.Store.QueryAsync<StaffYear>(commune, new Query(Filter.Eq("year", y)), ct)).ToDictionary(s => s.Document.StaffId, s => s.Document);
        var officers = (await services.Store.QueryAsync<StaffCard>(commune, new Query(OrderBy: [new Sort("fullName")]), ct)).Select(s =>
            {
                var t = years.GetValueOrDefault(s.Id) ?? new StaffYear { StaffId = s.Id, Year = y };
                return new OfficerLoss(s.Id, s.Document.FullName, s.Document.Position, t.DossiersHandled, t.DossiersHandled - t.DossiersOnTime,
                    t.Ratings, t.Ratings - t.SatisfiedRatings, t.Trainings);
            })
            .Where(o => o.Late > 0 || o.Unsatisfied > 0 || o.Trainings == 0)
            .OrderByDescending(o => o.Late + o.Unsatisfied).ToList();
        return TypedResults.Ok(new CommuneLosses(commune, row.Name, y, rows.Count, row, procedures, officers));
    }

    private static async Task<IReadOnlyList<ScoreRow>> RankAsync(IDocumentStore<AwardsData> store, string district, int year, CancellationToken ct) =>
        Scoring.Rank((await store.QueryAsync<CommuneIndicators>(CommuneIndicators.Scope(district), Query.All, ct)).Select(s => s.Document), year);

    public static async Task<Ok<DistrictScoreboard>> District(string district, int? year, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var y = year ?? CampaignsApi.Today(services.Time).Year;
        return TypedResults.Ok(new DistrictScoreboard(district, y, Rule, await RankAsync(services.Store, district, y, ct)));
    }

    public static async Task<Ok<CommuneScoreboard>> Commune(string commune, int? year, [AsParameters] AwardsServices services, CancellationToken ct)
    {
        var y = year ?? CampaignsApi.Today(services.Time).Year;
        var record = await services.Directory.GetAsync(commune, ct);
        var rows = await RankAsync(services.Store, record.District, y, ct);
        var row = rows.FirstOrDefault(r => r.Commune == commune) ?? throw new NotFoundException(AwardsMessages.ScoreboardRow, commune);
        var years = (await services.Store.QueryAsync<StaffYear>(commune, new Query(Filter.Eq("year", y)), ct)).ToDictionary(s => s.Document.StaffId, s => s.Document);
        var achievements = (await services.Store.QueryAsync<Achievement>(commune, new Query(Filter.Eq("year", y)), ct))
            .Where(a => a.Document.StaffId is not null).GroupBy(a => a.Document.StaffId!).ToDictionary(g => g.Key, g => g.Count());
        var staff = (await services.Store.QueryAsync<StaffCard>(commune, new Query(OrderBy: [new Sort("fullName")]), ct)).Select(s =>
        {
            var t = years.GetValueOrDefault(s.Id) ?? new StaffYear { StaffId = s.Id, Year = y };
            return new StaffRow(s.Id, s.Document.FullName, s.Document.Position, t.DossiersHandled, Round(Scoring.Ratio(t.DossiersOnTime, t.DossiersHandled)),
                t.Ratings, Round(Scoring.Ratio(t.SatisfiedRatings, t.Ratings)), t.Initiatives, t.Trainings, t.TrainingHours, achievements.GetValueOrDefault(s.Id));
        }).ToList();
        return TypedResults.Ok(new CommuneScoreboard(commune, y, rows.Count, row, staff));
    }

    private static double? Round(double? rate) => rate is { } r ? Math.Round(r, 4) : null;
}
