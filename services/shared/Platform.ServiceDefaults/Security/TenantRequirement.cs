using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.ServiceDefaults.Tenancy;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The tenancy rule: a <c>{commune}</c> route value must be the token's <c>commune</c>, or a commune of the
/// token's <c>district</c>; a <c>{district}</c> route value must be the token's <c>district</c>.
/// </summary>
public sealed class TenantRequirement : IAuthorizationRequirement
{
    public static TenantRequirement Instance { get; } = new();
}

/// <remarks>The directory is optional: the gateway has none and never applies this requirement.</remarks>
public sealed class TenantAuthorizationHandler(IServiceProvider services) : AuthorizationHandler<TenantRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            context.Fail(new AuthorizationFailureReason(this, "No request to read the tenant from."));
            return;
        }
        var commune = http.GetRouteValue("commune") as string;
        var district = http.GetRouteValue("district") as string;
        var directory = services.GetService(typeof(ICommuneDirectory)) as ICommuneDirectory;
        if (directory is not null && await AllowsAsync(context.User, commune, district, directory, http.RequestAborted)) context.Succeed(requirement);
    }

    public static async Task<bool> AllowsAsync(ClaimsPrincipal user, string? commune, string? district, ICommuneDirectory directory, CancellationToken ct)
    {
        var userCommune = user.FindFirstValue(ClaimNames.Commune);
        var userDistrict = user.FindFirstValue(ClaimNames.District);
        if (district is not null && !string.Equals(district, userDistrict, StringComparison.Ordinal)) return false;
        if (commune is null) return true;
        if (userCommune is not null) return string.Equals(commune, userCommune, StringComparison.Ordinal);
        if (userDistrict is null) return false;
        var record = await directory.FindAsync(commune, ct);
        return record is not null && record.District == userDistrict;
    }
}
