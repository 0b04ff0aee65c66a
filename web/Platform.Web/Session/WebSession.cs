using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Web.Session;

/// <summary>
/// The backend-for-frontend session: the platform's access token is kept in the encrypted, HttpOnly, SameSite=Strict
/// session cookie (never in browser storage) and goes out as a bearer token on the web app's API calls.
/// </summary>
public static class WebSession
{
    public const string Scheme = "cchc-web";
    public const string CookieName = "cchc-session";
    public const string StaffPolicy = "web-staff";
    public const string SignInPath = "/dang-nhap";
    public const string SignOutPath = "/dang-xuat";
    public const string AccessTokenClaim = "access_token";

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/open311") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/docs");

    /// <summary>The person a token names, with the token itself; the session lasts as long as the token.</summary>
    public static (ClaimsPrincipal User, DateTimeOffset ExpiresAt) PrincipalOf(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3) throw new FormatException("Not a JWT.");
        using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
        var claims = new List<Claim> { new(AccessTokenClaim, accessToken) };
        DateTimeOffset expiresAt = DateTimeOffset.UtcNow.AddHours(1);
        foreach (var property in payload.RootElement.EnumerateObject())
        {
            switch (property.Name)
            {
                case "exp" when property.Value.TryGetInt64(out var exp):
                    expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
                    break;
                case StaffClaims.Role when property.Value.ValueKind == JsonValueKind.Array:
                    claims.AddRange(property.Value.EnumerateArray().Select(r => new Claim(StaffClaims.Role, r.GetString() ?? "")));
                    break;
                case StaffClaims.Subject or StaffClaims.Name or StaffClaims.Role or StaffClaims.Commune or StaffClaims.District or StaffClaims.StaffId:
                    claims.Add(new Claim(property.Name, property.Value.ToString()));
                    break;
            }
        }
        var identity = new ClaimsIdentity(claims, Scheme, StaffClaims.Name, StaffClaims.Role);
        return (new ClaimsPrincipal(identity), expiresAt);
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(padded);
    }

    public static async Task SignInAsync(HttpContext http, string accessToken)
    {
        var (user, expiresAt) = PrincipalOf(accessToken);
        await http.SignInAsync(Scheme, user, new AuthenticationProperties { ExpiresUtc = expiresAt, IsPersistent = false, AllowRefresh = false });
    }

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(SignOutPath, async (HttpContext http) =>
        {
            // UseAntiforgery validates (the metadata below) but rejects nothing on an endpoint that binds no form: without
            // the token, no sign-out.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true }) return Results.BadRequest();
            await http.SignOutAsync(Scheme);
            return Results.LocalRedirect(SignInPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The sign-in page, coming back to where the user is now.</summary>
    public static string SignInUrl(Microsoft.AspNetCore.Components.NavigationManager navigation) =>
        $"{SignInPath}?returnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";

    /// <summary>Only a path of this site: a sign-in link must never send anyone elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/can-bo";
}

/// <summary>The claims of the platform's tokens (api.md, Auth).</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Commune = "commune";
    public const string District = "district";
    public const string StaffId = "staffId";
}
