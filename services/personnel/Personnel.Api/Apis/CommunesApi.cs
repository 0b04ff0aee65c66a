using Microsoft.AspNetCore.Http.HttpResults;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Personnel.Api.Localization;
using Platform.ServiceDefaults.Text;
using Platform.Contracts.Personnel;

namespace Personnel.Api.Apis;

public sealed record HamletInput(string? Code, string? Name);

public sealed record OnboardCommuneRequest(string? Code, string? Name, IReadOnlyList<HamletInput>? Hamlets);

public sealed record CommuneView(
    string Code, string Name, string District, string DistrictName, DistrictKind DistrictKind,
    IReadOnlyList<HamletRecord> Hamlets, DateTime OnboardedAt, IReadOnlyDictionary<string, string> Services);

/// <summary>A commune as anyone may know it: names, its district and its hamlets; nothing else.</summary>
public sealed record PublicCommuneView(string Code, string Name, string DisplayName, PublicDistrictView District, IReadOnlyList<HamletRecord> Hamlets)
{
    private static readonly string[] Kinds = ["xã", "phường", "thị trấn", "đặc khu"];

    public static PublicCommuneView Of(CommuneRecord record) =>
        new(record.Code, record.Name, DisplayNameOf(record.Name), new PublicDistrictView(record.District, record.DistrictName, record.DistrictKind), record.Hamlets);

    /// <summary>The people's committee, as letters and signs name it: "Xã Mỹ Thạnh" → "UBND xã Mỹ Thạnh" (a bare name is a xã's).</summary>
    public static string DisplayNameOf(string name)
    {
        var kind = Kinds.FirstOrDefault(k => name.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase));
        return kind is null ? $"UBND xã {name}" : $"UBND {kind} {name[(kind.Length + 1)..]}";
    }
}

public sealed record PublicDistrictView(string Code, string Name, DistrictKind Kind);

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
        var open = routes.MapGroup("/api/public/communes").AllowAnonymous().WithTags("Communes");
        open.MapGet("/", PublicList).WithSummary("The deployment's communes, in Vietnamese alphabetical order: names, district, hamlets.");
        open.MapGet("/{commune}", PublicGet).WithSummary("One commune's public facts: names, district, hamlets.");
        return routes;
    }

    public static async Task<Created<CommuneView>> Onboard(string district, OnboardCommuneRequest request, [AsParameters] PersonnelServices services,
        CancellationToken ct)
    {
        var store = services.Store;
        var parent = (await store.GetAsync<District>(Scopes.Platform, district, PersonnelMessages.District, ct)).Document;
        var onboarded = CommuneOnboarding.Onboard(parent, request.Code, request.Name, request.Hamlets?.Select(h => (h?.Code, h?.Name)).ToList(), services.Now);
        try
        {
            await store.CommitAsync(Record(onboarded), ct);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("commune-exists", Wording.Of(PersonnelMessages.CommuneExists, request.Code));
        }
        var view = await ViewAsync(store, request.Code!, ct);
        return TypedResults.Created($"/api/communes/{request.Code}", view);
    }

    /// <summary>
    /// The onboarding in one commit: the commune in the directory, its readiness (personnel is ready at once), and the
    /// event every other service prepares it on.
    /// </summary>
    public static ChangeSet Record(CommuneOnboarded onboarded) =>
        CommuneDirectory.Record(new ChangeSet(), onboarded)
            .Insert(Scopes.Platform, onboarded.Commune, new CommuneReadiness(onboarded.Commune, new Dictionary<string, DateTime> { ["personnel"] = onboarded.OnboardedAt }))
            .Publish(onboarded.Commune, onboarded);

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

    public static async Task<Ok<IReadOnlyList<PublicCommuneView>>> PublicList(IDocumentStore<PersonnelData> store, CancellationToken ct)
    {
        // A deployment is one district's (or province's) communes: tens, at most a few hundred.
        var communes = await store.QueryAsync<CommuneRecord>(Scopes.Platform, new Query(OrderBy: [new Sort("name")]), ct);
        return TypedResults.Ok<IReadOnlyList<PublicCommuneView>>(communes.Select(c => PublicCommuneView.Of(c.Document))
            .OrderBy(c => c.Name, VietnameseText.Order).ThenBy(c => c.Code, StringComparer.Ordinal).ToList());
    }

    public static async Task<Ok<PublicCommuneView>> PublicGet(string commune, IDocumentStore<PersonnelData> store, CancellationToken ct) =>
        TypedResults.Ok(PublicCommuneView.Of((await store.GetAsync<CommuneRecord>(Scopes.Platform, commune, CommonMessages.Commune, ct)).Document));

    private static async Task<CommuneView> ViewAsync(IDocumentStore<PersonnelData> store, string code, CancellationToken ct)
    {
        var record = (await store.GetAsync<CommuneRecord>(Scopes.Platform, code, CommonMessages.Commune, ct)).Document;
        return View(record, (await store.FindAsync<CommuneReadiness>(Scopes.Platform, code, ct))?.Document);
    }

    private static CommuneView View(CommuneRecord record, CommuneReadiness? readiness)
    {
        var services = CommuneReadiness.Services.ToDictionary(s => s, s => readiness?.PreparedBy.ContainsKey(s) == true ? "ready" : "pending");
        return new CommuneView(record.Code, record.Name, record.District, record.DistrictName, record.DistrictKind, record.Hamlets, record.OnboardedAt, services);
    }
}
