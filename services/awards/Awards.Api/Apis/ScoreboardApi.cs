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
        return routes;
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
