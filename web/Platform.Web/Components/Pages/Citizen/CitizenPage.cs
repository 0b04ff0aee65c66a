using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Citizen;

/// <summary>
/// A citizen's page of one commune (<c>/xa/{commune}/...</c>), rendered statically on the server: it reads the commune
/// first (an unknown code answers 404 with the list of communes), then what the page itself shows.
/// </summary>
public abstract class CitizenPage : ComponentBase
{
    [Parameter] public string Commune { get; set; } = "";

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] protected PlatformApi Api { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] private CommuneNames Communes { get; set; } = default!;

    /// <summary>The commune, once read; null while unknown or unreadable.</summary>
    protected PublicCommune? Place { get; private set; }

    /// <summary>The platform does not know this commune code.</summary>
    protected bool CommuneMissing { get; private set; }

    /// <summary>The platform could not be read (not a 404): shown instead of the page.</summary>
    protected ApiProblem? LoadProblem { get; set; }

    /// <summary>The refusal of the last form submitted, with its field errors.</summary>
    protected ApiProblem? Problem { get; set; }

    /// <summary>The commune code as it goes into an API path.</summary>
    protected string C => Uri.EscapeDataString(Commune);

    protected string Base => "/xa/" + C;

    /// <summary>What <see cref="CommuneFrame"/> shows around the page.</summary>
    protected CommuneFrame.State Frame => new(Commune, "/" + Navigation.ToBaseRelativePath(Navigation.Uri), Place, CommuneMissing, LoadProblem);

    protected sealed override async Task OnInitializedAsync()
    {
        if (!CitizenText.IsSlug(Commune))
        {
            Missing();
            return;
        }
        try
        {
            // The cached list spares a call per page (anonymous callers are rate-limited); a commune onboarded since is asked for.
            Place = await Communes.FindAsync(Commune) ?? await Api.GetAsync<PublicCommune>($"/api/public/communes/{C}");
        }
        catch (ApiProblemException e) when (e.Status == HttpStatusCode.NotFound)
        {
            Missing();
            return;
        }
        catch (ApiProblemException e)
        {
            Unavailable(e);
            return;
        }
        await LoadAsync();
    }

    /// <summary>What the page reads once the commune is known (forms are bound before their handler runs).</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>A thing of the page (a procedure, a code) does not exist: the page says so with HTTP 404.</summary>
    protected void NotFound() => SetStatus(StatusCodes.Status404NotFound);

    /// <summary>
    /// The page's own words go with the status. Blazor (.NET 10) renders no body for a 404 set while rendering unless the
    /// router has a not-found page, and the platform's status pages would write problem JSON: the status is set as the
    /// rendered page starts to go out.
    /// </summary>
    private void SetStatus(int status)
    {
        if (HttpContext.Response.HasStarted || _statusSet) return;
        _statusSet = true;
        if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var response = HttpContext.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
    }

    private bool _statusSet;

    /// <summary>The platform did not answer as it should: the page says so in its words, with the status it gave.</summary>
    protected void Unavailable(ApiProblemException e)
    {
        LoadProblem = e.Problem;
        SetStatus((int)e.Status is >= 400 and < 600 and not 404 ? (int)e.Status : StatusCodes.Status502BadGateway);
    }

    private void Missing()
    {
        CommuneMissing = true;
        NotFound();
    }

    /// <summary>The error the API (or the page's own check) gave for a field, shown beside it.</summary>
    protected string? ErrorOf(string field) => Problem?.ErrorOf(field);

    /// <summary>The ids an input is described by: its error when there is one, and its hint.</summary>
    protected string? DescribedBy(string field, string errorId, string? hintId = null)
    {
        var ids = string.Join(' ', new[] { ErrorOf(field) is null ? null : errorId, hintId }.Where(i => i is not null));
        return ids.Length == 0 ? null : ids;
    }

    /// <summary>
    /// Puts the problem's field errors on the form's own fields (API field name → model property), so that the inputs
    /// say aria-invalid and carry the "invalid" class; a field fixed since the last submission is clear again.
    /// </summary>
    protected void MarkFields(EditContext edit, ValidationMessageStore store, IReadOnlyDictionary<string, string> properties)
    {
        store.Clear();
        foreach (var (field, property) in properties)
            if (ErrorOf(field) is { } message) store.Add(edit.Field(property), message);
        edit.NotifyValidationStateChanged();
    }

    protected string? Invalid(string field) => ErrorOf(field) is null ? null : "true";

    /// <summary>A problem found before asking the API (an empty required field), in the API's shape.</summary>
    protected static ApiProblem Incomplete(Dictionary<string, string[]> errors) =>
        new() { Title = "Thông tin chưa đầy đủ", Detail = "Xin kiểm tra lại các ô được đánh dấu bên dưới.", Errors = errors };

    protected static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static class CitizenText
{
    /// <summary>A commune code as the platform writes them: lowercase ASCII words joined by hyphens.</summary>
    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-')
        && value[0] != '-' && value[^1] != '-' && !value.Contains("--", StringComparison.Ordinal);

    private static readonly string[] DistrictKinds = ["Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh"];

    /// <summary>"Huyện Giồng Trôm": the district's name as stored, or with its kind in front when it is a bare name.</summary>
    public static string DistrictName(PublicDistrict? district) => district is null ? ""
        : DistrictKinds.Any(k => district.Name.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase)) ? district.Name
        : (district.Kind == "province" ? "Tỉnh " : "Huyện ") + district.Name;
}
