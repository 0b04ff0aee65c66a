using Microsoft.AspNetCore.Http.HttpResults;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Personnel.Api.Localization;

namespace Personnel.Api.Apis;

public sealed record CommuneView(
    string Code, string Name, string District, string DistrictName, string DistrictKind,
    IReadOnlyList<HamletRecord> Hamlets, DateTime OnboardedAt, IReadOnlyDictionary<string, string> Services);

public static class CommunesApi
{
    public static IEndpointRouteBuilder MapCommunesApi(this IEndpointRouteBuilder routes)
    {
        var district = routes.MapGroup("/api/districts/{district}/communes").WithTags("Communes");
        district.MapPost("/", Onboard).RequireAuthorization(Roles.DistrictAdmin)
            .WithSummary("Onboard a commune of the district; every service then prepares it.");
        district.MapGet("/", List).RequireRoles(Roles.DistrictAdmin, Roles.DistrictOfficer)
            .WithSummary("The communes of the district.");
        routes.MapGet("/api/communes/{commune}", Get).WithTags("Communes").RequireAuthorization()
            .WithSummary("A commune: name, district, hamlets and which services have prepared it.");
        return routes;
    }

    public static async Task<Created<CommuneView>> Onboard(
        string district, OnboardCommuneRequest request, IDocumentStore<PersonnelData> store, TimeProvider time, CancellationToken ct)
    {
        var parent = (await store.FindAsync<District>(Scopes.Platform, district, ct))?.Document
                     ?? throw new NotFoundException(PersonnelMessages.District, district);
        var changes = CommuneOnboarding.Plan(parent, request, time.GetUtcNow().UtcDateTime);
        try
        {
            await store.CommitAsync(changes, ct);
        }
        catch (ConflictException)
        {
            throw new ConflictException("commune-exists", Text.Of(PersonnelMessages.CommuneExists, request.Code));
        }
        var view = await ViewAsync(store, request.Code!, ct);
        return TypedResults.Created($"/api/communes/{request.Code}", view);
    }

    public static async Task<Ok<IReadOnlyList<CommuneView>>> List(string district, IDocumentStore<PersonnelData> store, CancellationToken ct)
    {
        var communes = await store.QueryAsync<CommuneRecord>(Scopes.Platform,
            new Query(Filter.Eq("district", district), [new Sort("name")]), ct);
        var readiness = (await store.QueryAsync<CommuneReadiness>(Scopes.Platform, new Query(Filter.In("id", communes.Select(c => (object?)c.Id))), ct))
            .ToDictionary(r => r.Id, r => r.Document);
        return TypedResults.Ok<IReadOnlyList<CommuneView>>(communes.Select(c => View(c.Document, readiness.GetValueOrDefault(c.Id))).ToList());
    }

    public static async Task<Ok<CommuneView>> Get(string commune, IDocumentStore<PersonnelData> store, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(store, commune, ct));

    private static async Task<CommuneView> ViewAsync(IDocumentStore<PersonnelData> store, string code, CancellationToken ct)
    {
        var record = (await store.FindAsync<CommuneRecord>(Scopes.Platform, code, ct))?.Document ?? throw new NotFoundException(CommonMessages.Commune, code);
        return View(record, (await store.FindAsync<CommuneReadiness>(Scopes.Platform, code, ct))?.Document);
    }

    private static CommuneView View(CommuneRecord record, CommuneReadiness? readiness)
    {
        var services = CommuneReadiness.Services.ToDictionary(s => s, s => readiness?.PreparedBy.ContainsKey(s) == true ? "ready" : "pending");
        return new CommuneView(record.Code, record.Name, record.District, record.DistrictName, record.DistrictKind, record.Hamlets, record.OnboardedAt, services);
    }
}
