using Microsoft.AspNetCore.Components.Authorization;

namespace Platform.Web.Session;

/// <summary>The signed-in user of this render or circuit, and the access token their session cookie carries.</summary>
public sealed class ApiSession(AuthenticationStateProvider authentication)
{
    public async Task<string?> AccessTokenAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindFirst(WebSession.AccessTokenClaim)?.Value;
    }
}
