using Microsoft.AspNetCore.Components;
using Platform.Web.Components.Layout;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.District;

/// <summary>A page for the district's officers: the district's name as the communes list gives it, and who may read.</summary>
public abstract class DistrictPage : StaffPage
{
    [Inject] private CommuneNames CommuneNames { get; set; } = default!;

    /// <summary>The district's reports are read by its officers (district-officer role).</summary>
    protected bool IsDistrictOfficer => District is { Length: > 0 } && User.IsInRole(StaffMenu.DistrictOfficer);

    /// <summary>"Huyện Giồng Trôm"; empty when the communes list cannot be read.</summary>
    protected string DistrictName { get; private set; } = "";

    protected async Task LoadDistrictNameAsync()
    {
        var all = await ReadCommunesAsync();
        DistrictName = all.Select(c => c.District).FirstOrDefault(d => d?.Code == District)?.Name ?? "";
    }

    private async Task<IReadOnlyList<PublicCommune>> ReadCommunesAsync()
    {
        try
        {
            return await CommuneNames.AllAsync();
        }
        catch (Platform.Web.Api.ApiProblemException)
        {
            return [];
        }
    }
}
