using Platform.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Apis;

public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/communes/{commune}/procedure-stats", Get).WithTags("Statistics")
            .RequireRoles(Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader, Roles.EmulationCouncil, Roles.Front, Roles.DistrictOfficer)
            .WithSummary("Timeliness of the year's dossiers (Decision 766 indicator 2.1), also per field and per handler.");
        return routes;
    }

    public static async Task<Ok<ProcedureStatisticsView>> Get(string commune, int? year, IDocumentStore<ProceduresData> store, IDistributedCache cache,
        TimeProvider time, CancellationToken ct)
    {
        var today = VietnamTime.Today(time.GetUtcNow().UtcDateTime);
        var wanted = year ?? today.Year;
        if (wanted is < 2000 or > 2100) throw InvalidInputException.Field("year", Wording.Of(CommonMessages.Range, 2000, 2100));
        // A new generation with every dossier change of the year; the short expiry moves "in progress" to "overdue" as days pass.
        var view = await cache.GetOrCreateVersionedJsonAsync(StatisticsCache.Key(commune, wanted), TimeSpan.FromMinutes(5), async token =>
        {
            var start = VietnamTime.StartOfDayUtc(new DateOnly(wanted, 1, 1));
            var dossiers = await store.QueryAsync<Dossier>(commune,
                new Query(Filter.And(Filter.Gte("receivedAt", start), Filter.Lt("receivedAt", start.AddYears(1)))), token);
            return ProcedureStatistics.For(wanted, dossiers.Select(d => d.Document).ToList(), today);
        }, ct);
        return TypedResults.Ok(view);
    }
}
