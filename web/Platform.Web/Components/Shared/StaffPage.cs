using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.Web.Api;
using Platform.Web.Session;

namespace Platform.Web.Components.Shared;

/// <summary>
/// A page of the staff workspace: the signed-in user's commune, and one way to call the API so that a refusal is shown
/// where the user acted (<see cref="Problem"/>; cleared by the next success) and a rejected session goes back to sign-in.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [Inject] protected PlatformApi Api { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] protected Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The last refusal of the API, shown beside what caused it; null after a success.</summary>
    protected ApiProblem? Problem { get; set; }

    protected bool Busy { get; private set; }

    protected string Commune { get; private set; } = "";
    protected string? District { get; private set; }
    protected System.Security.Claims.ClaimsPrincipal User { get; private set; } = new();

    private readonly TaskCompletionSource _signedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the user and their commune are known (components such as tables may ask for data earlier).</summary>
    protected Task SignedIn => _signedIn.Task;

    protected override async Task OnInitializedAsync()
    {
        User = (await AuthenticationState).User;
        Commune = User.FindFirst(StaffClaims.Commune)?.Value ?? "";
        District = User.FindFirst(StaffClaims.District)?.Value;
        _signedIn.TrySetResult();
        // The workspace is prerendered, then rendered again in its circuit: read the API once, in the circuit.
        if (RendererInfo.IsInteractive) await LoadAsync();
    }

    /// <summary>What the page reads when it opens.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Runs an API call; true when it succeeded.</summary>
    protected async Task<bool> RunAsync(Func<Task> call)
    {
        Busy = true;
        try
        {
            await call();
            Problem = null;
            return true;
        }
        catch (ApiProblemException e)
        {
            Problem = e.Problem;
            return false;
        }
        catch (SessionExpiredException)
        {
            Navigation.NavigateTo(WebSession.SignInUrl(Navigation), forceLoad: true);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>The error the API gave for one field, for the field's <c>ErrorText</c>.</summary>
    protected string? ErrorOf(string field) => Problem?.ErrorOf(field);

    protected bool HasError(string field) => ErrorOf(field) is not null;

    protected static string Path(params string[] segments) => "/" + string.Join('/', segments.Select(Uri.EscapeDataString));
}
