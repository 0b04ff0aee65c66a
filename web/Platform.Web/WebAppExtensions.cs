using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Platform.Web.Api;
using Platform.Web.Components;
using Platform.Web.Components.Pages.Radio;
using Platform.Web.Components.Shared;
using Platform.Web.Session;

namespace Platform.Web;

/// <summary>
/// The web app (citizens' portal and staff workspace), composed like a service so that the standalone host and
/// <c>Platform.Web.Host</c> serve the same app. It is a client of the platform's HTTP API, never of the stores.
/// </summary>
public static class WebAppExtensions
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        // Static assets of referenced projects (_content/MudBlazor/...) are served from the build output too, not only
        // after publishing: the README's run command and the tests run the build output.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        var keys = builder.Configuration["Web:DataProtectionKeysDirectory"]
                   ?? Path.Combine(builder.Configuration["Storage:DataDirectory"] ?? "data", "web-keys");
        services.AddDataProtection().SetApplicationName("cchc-web").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddAuthentication().AddCookie(WebSession.Scheme, options =>
        {
            options.Cookie.Name = WebSession.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = WebSession.SignInPath;
            options.AccessDeniedPath = "/can-bo/khong-co-quyen";
            options.ReturnUrlParameter = "returnUrl";
            options.SlidingExpiration = false; // the session ends when the platform's access token does
        });
        services.AddAuthorizationBuilder().AddPolicy(WebSession.StaffPolicy, p => p
            .AddAuthenticationSchemes(WebSession.Scheme).RequireAuthenticatedUser());

        services.AddSingleton<ApiAddress>();
        services.AddScoped<ApiSession>();
        services.AddScoped<CommuneNames>();
        services.AddHttpClient<PlatformApi>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<ApiAddress>().BaseAddress;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>
    /// One content policy for every page of the web app, printed forms (<c>/in/...</c>) included: scripts only from this
    /// origin (no inline script or handler anywhere; the print button is wired by <c>print.js</c>), inline styles allowed
    /// (MudBlazor sets style attributes), images from here or <c>data:</c> (the forms' QR codes), the circuit's WebSocket
    /// to this origin, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// After authentication: on the web app's paths (not the API), the content policy, the Vietnamese culture, and the
    /// session cookie's user, so that the interactive circuit (<c>/_blazor</c>) and antiforgery see the same person the
    /// page was rendered for.
    /// </summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (!WebSession.IsApiPath(http.Request.Path))
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    return Task.CompletedTask;
                });
            return next(http);
        });
        // Vietnamese formats for the pages only: in the standalone host the API shares this pipeline, and its answers
        // must not change with a culture.
        app.UseWhen(http => !WebSession.IsApiPath(http.Request.Path), web => web.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
        }));
        app.Use(async (http, next) =>
        {
            if (!WebSession.IsApiPath(http.Request.Path) && http.User.Identity?.IsAuthenticated != true)
            {
                var result = await http.AuthenticateAsync(WebSession.Scheme);
                if (result.Succeeded) http.User = result.Principal;
            }
            await next(http);
        });
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSessionEndpoints();
        app.MapRadioAudio();
        return app;
    }
}
