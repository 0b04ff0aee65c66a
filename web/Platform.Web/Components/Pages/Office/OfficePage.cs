using Platform.Web.Components.Layout;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Office;

/// <summary>
/// A page of the commune office's people work: the registry, the desk roster, the hotline. Who may keep them is the
/// personnel API's rule (StaffApi, DeskAssignmentsApi, HotlineApi): the office (the leaders too, but this is the office's menu).
/// </summary>
public abstract class OfficePage : StaffPage
{
    protected bool IsOffice => Commune.Length > 0 && StaffMenu.IsOffice(User);

    protected DateOnly Today { get; } = VnFormat.Today(TimeProvider.System);

    protected IReadOnlyList<StaffRecordDto> Registry { get; private set; } = [];

    protected IReadOnlyList<PositionDto> PositionList { get; private set; } = [];

    protected IReadOnlyList<HamletDto> Hamlets { get; private set; } = [];

    protected string StaffPath(params string[] rest) => Path(["api", "communes", Commune, "staff", .. rest]);

    protected Task<bool> LoadRegistryAsync() => RunAsync(async () =>
        Registry = [.. (await Api.GetAsync<List<StaffRecordDto>>(StaffPath())).OrderBy(s => s.Staff.FullName, StringComparer.Create(VnCulture, false))]);

    /// <summary>The positions and the commune's hamlets, to choose from.</summary>
    protected Task<bool> LoadChoicesAsync() => RunAsync(async () =>
    {
        var positions = Api.GetAsync<List<PositionDto>>(Path("api", "positions"));
        var commune = Api.GetAsync<CommuneDto>(Path("api", "communes", Commune));
        PositionList = await positions;
        Hamlets = (await commune).Hamlets;
    });

    protected string HamletName(string? code) => code is null ? "" : Hamlets.FirstOrDefault(h => h.Code == code)?.Name ?? code;

    protected string StaffName(string id) => Registry.FirstOrDefault(s => s.Staff.Id == id)?.Staff.FullName ?? $"Cán bộ mã {id}";

    protected static readonly System.Globalization.CultureInfo VnCulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}
