using System.Diagnostics;
using Microsoft.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>Health, telemetry, problem details, body limit, auth and tenancy, cache: what every deployable shares.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var culture = ProblemLanguage.Of(context.HttpContext);
            // Problems the framework writes itself (401, 403, 404, 405, 415, 429, 504...) get our stable types and our words too.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                var status = problem.Status ?? 500;
                var framework = FrameworkProblems.Of(status, context.HttpContext.Request.Method);
                var messages = context.HttpContext.RequestServices.GetRequiredService<MessageCatalog>();
                problem.Type = PlatformExceptionHandler.TypePrefix + PlatformExceptionHandler.TypeOf(status);
                problem.Title = messages.Render(framework.Title, culture);
                problem.Detail = messages.Render(framework.Detail, culture);
            }
            context.HttpContext.Response.Headers.ContentLanguage = culture.TwoLetterISOLanguageName;
            context.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            if (context.HttpContext.Items[PlatformHeaders.CorrelationHttp] is string correlation)
            {
                problem.Extensions["correlationId"] = correlation;
                context.HttpContext.Response.Headers[PlatformHeaders.CorrelationHttp] = correlation; // the exception handler cleared it
            }
        });
        builder.Services.AddExceptionHandler<PlatformExceptionHandler>();
        builder.Services.AddMessages(typeof(CommonMessages));
        builder.Services.ConfigureHttpJsonOptions(o => PlatformJson.Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so binding failures become problem details
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 256 * 1024);

        builder.AddPlatformAuth();
        builder.AddPlatformCache();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.AddTelemetry(serviceName);
        return builder;
    }

    private static void AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource("MassTransit", "Platform.Outbox", "Yarp.ReverseProxy"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
    }

    /// <summary>
    /// The shared pipeline: problem details, correlation and commune in the log scope, authentication,
    /// authorization, then <paramref name="afterAuthorization"/> (the edge's rate limiter), health and the OpenAPI documents.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? afterAuthorization = null, bool mapOpenApi = true)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.Use(CorrelateAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        afterAuthorization?.Invoke(app);
        app.MapHealthChecks("/health/live", Health("live")).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Health("ready")).AllowAnonymous();
        if (mapOpenApi) app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    private static async Task CorrelateAsync(HttpContext http, RequestDelegate next)
    {
        var given = http.Request.Headers[PlatformHeaders.CorrelationHttp].ToString();
        var correlation = given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? given
            : Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        http.Response.Headers[PlatformHeaders.CorrelationHttp] = correlation;
        // Citizens' text comes back in JSON; no browser may sniff it into HTML. (Proxied answers carry the service's own.)
        http.Response.OnStarting(() =>
        {
            if (!http.Response.Headers.ContainsKey(HeaderNames.XContentTypeOptions)) http.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        var commune = http.GetRouteValue("commune") as string;
        Activity.Current?.SetTag("correlation.id", correlation);
        if (commune is not null) Activity.Current?.SetTag("cchc.commune", commune);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Request");
        http.Items[PlatformHeaders.CorrelationHttp] = correlation;
        using (logger.BeginScope("Correlation {CorrelationId} commune {Commune}", correlation, commune ?? "-"))
        {
            await next(http);
        }
    }

    private static HealthCheckOptions Health(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = async (http, report) =>
        {
            http.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(http.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            }, PlatformJson.Options);
        },
    };
}
