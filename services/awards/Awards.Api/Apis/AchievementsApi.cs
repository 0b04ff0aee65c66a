using Platform.ServiceDefaults.Tenancy;
using System.Security.Claims;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Awards.Api.Localization;

namespace Awards.Api.Apis;

public sealed record AchievementRequest(int? Year, string? StaffId, string? Name, string? Title, string? Evidence);

/// <summary>Achievements (thành tích): those the events produced, each naming its source, and those entered by hand with evidence.</summary>
public static class AchievementsApi
{
    public static IEndpointRouteBuilder MapAchievementsApi(this IEndpointRouteBuilder routes)
    {
        var achievements = routes.MapGroup("/api/communes/{commune}/achievements").WithTags("Achievements");
        achievements.MapGet("/", List).RequireRoles(CampaignsApi.Readers).WithSummary("A year's achievements, optionally of one person, each with its source.");
        achievements.MapPost("/", Record).RequireRoles(Roles.CommuneOffice, Roles.CommuneLeader)
            .WithSummary("Record an achievement by hand, with its evidence (a document, decision or report reference).");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<Achievement>>> List(string commune, int? year, string? staffId, [AsParameters] AwardsServices services,
        CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<Achievement>>((await services.Store.QueryAsync<Achievement>(commune,
            new Query(Filter.And(Filter.Eq("year", year ?? CampaignsApi.Today(services.Time).Year), staffId is null ? null : Filter.Eq("staffId", staffId)),
                [new Sort("recordedAt")]), ct)).Select(a => a.Document).ToList());

    public static async Task<Created<Achievement>> Record(string commune, AchievementRequest request,
        [AsParameters] AwardsServices services, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = CampaignsApi.Today(services.Time);
        new InputValidation()
            .Require(request.Year is { } y && y >= 2000 && y <= today.Year, "year", AwardsMessages.YearUpTo, today.Year)
            .RequireText(request.Title, "title", 500)
            .RequireText(request.Evidence, "evidence", InputLimits.Note)
            .Require(request.StaffId is not null || !string.IsNullOrWhiteSpace(request.Name), "name", AwardsMessages.CollectiveName)
            .OptionalText(request.Name, "name")
            .OptionalText(request.StaffId, "staffId", InputLimits.Code)
            .ThrowIfInvalid();
        var record = await services.Directory.GetAsync(commune, ct);
        var name = request.Name?.Trim();
        if (request.StaffId is { } staffId)
            name = (await services.Store.FindAsync<StaffCard>(commune, staffId, ct))?.Document.FullName
                   ?? throw new BusinessRuleException("unknown-staff", Wording.Of(AwardsMessages.UnknownStaff, staffId));
        var now = services.Time.GetUtcNow().UtcDateTime;
        var achievement = new Achievement
        {
            Id = "manual-" + Guid.NewGuid().ToString("N")[..12], Year = request.Year!.Value, Kind = AchievementKinds.Manual, Collective = request.StaffId is null,
            StaffId = request.StaffId, Name = name ?? RadioTexts.SpokenName(record.Name), Title = request.Title!.Trim(),
            Source = new AchievementSource("manual", null, null, request.Evidence!.Trim(), user.Actor()), RecordedAt = now,
        };
        await services.Store.CommitAsync(new ChangeSet().Insert(commune, achievement.Id, achievement), ct);
        return TypedResults.Created($"/api/communes/{commune}/achievements/{achievement.Id}", achievement);
    }
}
