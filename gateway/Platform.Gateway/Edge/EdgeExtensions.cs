using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Edge;

/// <summary>
/// Fixed one-minute windows, counted in memory by each gateway replica (and by the standalone host): with N gateway
/// replicas behind the ingress, a client can get up to N times these figures through. Set them per replica.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per minute from one client address on anonymous (public) routes, per gateway replica.</summary>
    public int AnonymousPerMinute { get; set; } = 120;
    /// <summary>Citizens' submissions (feedback, surveys, Open311 requests) per minute from one client address, per gateway replica.</summary>
    public int CitizenSubmissionsPerMinute { get; set; } = 10;
    /// <summary>Requests per minute from one commune's staff together (or one district's), per gateway replica.</summary>
    public int StaffPerMinute { get; set; } = 1200;
    /// <summary>
    /// Requests per minute from one account (the token's subject), per gateway replica, beneath its commune's
    /// <see cref="StaffPerMinute"/>: one account, or a runaway script with its token, cannot use up its colleagues' budget.
    /// </summary>
    public int AccountPerMinute { get; set; } = 300;
}

/// <summary>
/// What sits at the edge, in the gateway and in the standalone host alike: rate limits (anonymous routes by client
/// address, staff routes by commune and, beneath it, by account; each replica counts its own), the gateway's authorization policy, and one page for every OpenAPI document.
/// </summary>
public static class EdgeExtensions
{
    public const string StaffPolicy = "staff";
    public static readonly IReadOnlyList<string> Services = ["personnel", "procedures", "feedback", "awards"];

    /// <summary>Identity or tenant headers a client might send hoping a service trusts them; never forwarded.</summary>
    public static readonly IReadOnlyList<string> ClientIdentityHeaders =
        ["X-Commune", "X-District", "X-Tenant", "X-User", "X-User-Id", "X-User-Name", "X-Roles", "X-Role", "X-Forwarded-User", "X-Remote-User", "X-Auth-Request-User"];

    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser()); // services check roles and tenancy themselves
        builder.Services.AddRateLimiter(options =>
        {
            // A staff request needs a permit from its account's budget, then from its commune's: one account cannot use up the
            // commune's. The account comes first so that its refused requests take nothing from the commune.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => AccountPartition(http, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits)));
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429 }, // type, title and detail in the caller's language come from the problem-details defaults
                });
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits)
    {
        if (http.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("health");
        if (IsAnonymous(http))
        {
            var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
            return IsCitizenSubmission(http.Request)
                ? RateLimitPartition.GetFixedWindowLimiter("ip-submit:" + address, _ => Window(limits.CitizenSubmissionsPerMinute))
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + address, _ => Window(limits.AnonymousPerMinute));
        }
        var tenant = http.User.FindFirstValue(ClaimNames.Commune) is { } commune ? "commune:" + commune
            : http.User.FindFirstValue(ClaimNames.District) is { } district ? "district:" + district
            : "user:" + http.User.FindFirstValue(ClaimNames.Subject);
        return RateLimitPartition.GetFixedWindowLimiter(tenant, _ => Window(limits.StaffPerMinute));
    }

    /// <summary>Staff requests per account (the token's subject); anonymous ones are limited by address alone.</summary>
    private static RateLimitPartition<string> AccountPartition(HttpContext http, RateLimitOptions limits) =>
        IsAnonymous(http) || http.User.FindFirstValue(ClaimNames.Subject) is not { Length: > 0 } subject
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter("account:" + subject, _ => Window(limits.AccountPerMinute));

    private static bool IsAnonymous(HttpContext http) =>
        http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || http.User.Identity?.IsAuthenticated != true;

    /// <summary>Anonymous writes that store something: a flood of them would bury the commune's real feedback.</summary>
    private static bool IsCitizenSubmission(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && (request.Path.StartsWithSegments("/api/public") || request.Path.StartsWithSegments("/open311"));

    private static FixedWindowRateLimiterOptions Window(int perMinute) =>
        new() { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    public static void StripClientIdentityHeaders(TransformBuilderContext context)
    {
        foreach (var header in ClientIdentityHeaders) context.AddRequestHeaderRemove(header);
    }

    public static WebApplication UseEdge(this WebApplication app)
    {
        // Behind an ingress (or the web app, which passes on its citizen's address), the client's address comes from
        // X-Forwarded-For, trusted only from the listed proxies.
        app.UseTrustedProxies(app.Configuration.GetSection("Edge:TrustedProxies").Get<string[]>());
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Unknown paths under the API prefixes are the gateway's own 404 problem: they never fall through to the web app's
    /// catch-all route (the <c>web</c> cluster, <c>Order</c> 1000), which would answer them with an HTML page.
    /// </summary>
    public static IEndpointRouteBuilder MapUnknownApiPaths(this IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/api", "/open311", "/openapi" })
            routes.Map(prefix + "/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound))
                .WithOrder(999).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>Every service's OpenAPI document, browsable from <c>/docs</c>.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder routes)
    {
        routes.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Nền tảng thi đua CCHC – API");
            options.WithOpenApiRoutePattern("/openapi/{documentName}.json");
            options.AddDocuments(Services.ToArray());
        }).AllowAnonymous();
        return routes;
    }
}
