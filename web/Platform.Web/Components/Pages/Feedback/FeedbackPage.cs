using Platform.Web.Api;
using Platform.Web.Components.Layout;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Feedback;

/// <summary>
/// A page of the commune's feedback desk: who may do what (the API's roles, services/feedback/Feedback.Api/Apis/FeedbackApi.cs),
/// the commune's channels and staff to name them, and today in Vietnam for the deadlines.
/// </summary>
public abstract class FeedbackPage : StaffPage
{
    /// <summary>Records box, hotline and supervision items: the desk, the office, the leaders, the Front.</summary>
    protected bool CanRecord => StaffMenu.IsFeedbackDesk(User);

    /// <summary>Assigns, answers and closes: the office and the leaders.</summary>
    protected bool CanHandle => User.IsInRole(StaffMenu.CommuneOffice) || User.IsInRole(StaffMenu.CommuneLeader);

    /// <summary>The desk belongs to a commune: a district account has none to read.</summary>
    protected bool IsCommuneStaff => Commune.Length > 0 && StaffMenu.IsFeedbackDesk(User);

    protected DateOnly Today { get; } = VnFormat.Today(TimeProvider.System);

    protected IReadOnlyList<FeedbackChannelDto> Channels { get; private set; } = [];

    /// <summary>The active staff; null when this account may not read the registry (the desk, the Front).</summary>
    protected IReadOnlyList<StaffViewDto>? Staff { get; private set; }

    protected Task<bool> LoadChannelsAsync() => RunAsync(async () =>
        Channels = await Api.GetAsync<List<FeedbackChannelDto>>(Path("api", "communes", Commune, "feedback-channels")));

    /// <summary>Reads the staff registry when the account may; a refusal only means names are not shown.</summary>
    protected async Task LoadStaffAsync()
    {
        if (!CanReadStaff) return;
        try
        {
            var all = await Api.GetAsync<List<StaffViewDto>>(Path("api", "communes", Commune, "staff"));
            Staff = [.. all.Where(s => s.Staff.Status is null or "active").OrderBy(s => s.Staff.FullName, StringComparer.Create(VnCulture, false))];
        }
        catch (ApiProblemException)
        {
            Staff = null;
        }
    }

    /// <summary>The registry is read by the office and the leaders (services/personnel StaffApi).</summary>
    private bool CanReadStaff => CanHandle;

    /// <summary>The commune's public catalogue, to name a procedure; null when it cannot be read.</summary>
    protected async Task<IReadOnlyList<ProcedureDto>?> ReadProceduresAsync()
    {
        try
        {
            return await Api.GetAsync<List<ProcedureDto>>(Path("api", "communes", Commune, "procedures"));
        }
        catch (ApiProblemException)
        {
            return null;
        }
    }

    protected string ChannelName(string code) => Channels.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    protected string StaffName(string? id) =>
        id is null ? "" : Staff?.FirstOrDefault(s => s.Staff.Id == id) is { } s ? s.Staff.FullName : $"Cán bộ mã {id}";

    protected static readonly System.Globalization.CultureInfo VnCulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}
