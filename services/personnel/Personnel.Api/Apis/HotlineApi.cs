using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Personnel.Api.Localization;

namespace Personnel.Api.Apis;

public sealed record HotlineEntry(string? Name, string? Title, string? Phone);
public sealed record HotlineRequest(IReadOnlyList<HotlineEntry>? Contacts);


public static class HotlineApi
{
    public static IEndpointRouteBuilder MapHotlineApi(this IEndpointRouteBuilder routes)
    {
        var hotline = routes.MapGroup("/api/communes/{commune}/hotline").WithTags("Hotline");
        hotline.MapGet("/", Get).AllowAnonymous().WithSummary("The leaders' names, titles and phone numbers (public).");
        hotline.MapPut("/", Replace).RequireRoles(Roles.CommuneOffice, Roles.CommuneLeader).WithSummary("Publish the hotline directory.");
        return routes;
    }

    private static string CacheKey(string commune) => $"personnel:hotline:{commune}";

    public static async Task<Ok<Hotline>> Get(string commune, [AsParameters] PersonnelServices services, ICommuneDirectory directory, IDistributedCache cache,
        CancellationToken ct)
    {
        await directory.GetAsync(commune, ct);
        return TypedResults.Ok(await cache.GetOrCreateJsonAsync(CacheKey(commune), TimeSpan.FromHours(1), async token =>
            (await services.Store.FindAsync<Hotline>(commune, Hotline.Id, token))?.Document ?? new Hotline(commune, [], null), ct));
    }

    public static async Task<Ok<Hotline>> Replace(string commune, HotlineRequest request, [AsParameters] PersonnelServices services, IDistributedCache cache,
        CancellationToken ct)
    {
        var validation = new InputValidation().Require(request.Contacts is { Count: <= 20 }, "contacts", PersonnelMessages.ContactCount);
        foreach (var (c, i) in (request.Contacts ?? []).Select((c, i) => (c, i)))
            validation.RequireText(c?.Name, $"contacts[{i}].name", 200).RequireText(c?.Title, $"contacts[{i}].title", 200)
                .Require(c?.Phone is not null && c.Phone.Count(char.IsAsciiDigit) is >= 9 and <= 12, $"contacts[{i}].phone", CommonMessages.Digits);
        validation.ThrowIfInvalid();
        var hotline = Hotline.Publish(commune, request.Contacts!.Select(c => new HotlineContact { Name = c.Name!.Trim(), Title = c.Title!.Trim(), Phone = c.Phone!.Trim() }).ToList(),
            services.Now);
        var stored = await services.Store.FindAsync<Hotline>(commune, Hotline.Id, ct);
        await services.Store.CommitAsync(stored is null ? new ChangeSet().Insert(commune, Hotline.Id, hotline) : new ChangeSet().Update(stored, hotline), ct);
        await cache.RemoveAsync(CacheKey(commune), ct);
        return TypedResults.Ok(hotline.State);
    }
}
