using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Web.Api;
using Platform.Web.Session;

namespace Platform.Web.Components.Pages.Radio;

/// <summary>
/// The bulletin's audio for the page's &lt;audio&gt; element: the browser holds a session cookie, the API wants the
/// session's bearer token, so the web app fetches the signed-in user's commune's audio and hands it on.
/// </summary>
public static class RadioAudioProxy
{
    public const string Path = "/can-bo/dai-truyen-thanh/ban-tin.wav";

    public static string For(DateOnly date) => $"{Path}?date={date:yyyy-MM-dd}";

    public static IEndpointRouteBuilder MapRadioAudio(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, async (DateOnly date, HttpContext http, ApiAddress api, IHttpClientFactory clients, CancellationToken ct) =>
        {
            if (http.User.FindFirst(StaffClaims.Commune)?.Value is not { Length: > 0 } commune) return Results.NotFound();
            using var request = new HttpRequestMessage(HttpMethod.Get,
                new Uri(api.BaseAddress, $"api/communes/{Uri.EscapeDataString(commune)}/radio/bulletin.wav?date={date:yyyy-MM-dd}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.User.FindFirst(WebSession.AccessTokenClaim)?.Value);
            using var response = await clients.CreateClient().SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return Results.StatusCode((int)response.StatusCode);
            return Results.File(await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.MediaType ?? "audio/wav",
                enableRangeProcessing: true);
        }).RequireAuthorization(WebSession.StaffPolicy);
        return routes;
    }
}
