using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Calendar;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Apis;

public sealed record DeskHandlerView(string StaffId, string? FullName, DateOnly? OnDeskFrom, DateOnly? OnDeskUntil);

/// <summary>Who may be given a dossier today: the desk roster as this service knows it from personnel's events.</summary>
public static class DeskHandlersApi
{
    public static IEndpointRouteBuilder MapDeskHandlersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/communes/{commune}/desk-handlers", List).WithTags("Dossiers")
            .RequireRoles(Roles.DeskOfficer, Roles.CommuneLeader)
            .WithSummary("The staff on the one-stop desk today, whom a dossier may be assigned to.");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<DeskHandlerView>>> List(string commune, IDocumentStore<ProceduresData> store, TimeProvider time, CancellationToken ct)
    {
        var today = VietnamTime.Today(time.GetUtcNow().UtcDateTime);
        var onDesk = await store.QueryAsync<DeskStaff>(commune, new Query(Filter.Eq("onDesk", true), Take: 500), ct);
        return TypedResults.Ok<IReadOnlyList<DeskHandlerView>>(onDesk.Select(s => s.Document).Where(s => s.EligibleOn(today))
            .OrderBy(s => s.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true))
            .Select(s => new DeskHandlerView(s.StaffId, s.FullName, s.OnDeskFrom, s.OnDeskUntil)).ToList());
    }
}
