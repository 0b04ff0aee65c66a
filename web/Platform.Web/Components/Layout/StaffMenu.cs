using System.Security.Claims;

namespace Platform.Web.Components.Layout;

/// <summary>Which parts of the workspace a role works in; each role sees only its own menu.</summary>
public static class StaffMenu
{
    public const string DeskOfficer = "desk-officer";
    public const string CommuneOffice = "commune-office";
    public const string CommuneLeader = "commune-leader";
    public const string Front = "front";
    public const string DistrictOfficer = "district-officer";
    public const string DistrictAdmin = "district-admin";

    public static bool IsDesk(ClaimsPrincipal user) => user.IsInRole(DeskOfficer) || user.IsInRole(CommuneLeader);

    public static bool IsFeedbackDesk(ClaimsPrincipal user) =>
        user.IsInRole(DeskOfficer) || user.IsInRole(CommuneOffice) || user.IsInRole(CommuneLeader) || user.IsInRole(Front);

    /// <summary>Keeps the staff registry, the desk roster and the hotline.</summary>
    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(CommuneOffice);

    /// <summary>The year's evaluation sheet: the leaders decide, the office reads.</summary>
    public static bool IsEvaluation(ClaimsPrincipal user) => user.IsInRole(CommuneLeader) || user.IsInRole(CommuneOffice);

    /// <summary>The commune radio's page: the office and the leaders, who hand out its feed address (awards' RadioApi editors).</summary>
    public static bool IsRadioEditor(ClaimsPrincipal user) => user.IsInRole(CommuneOffice) || user.IsInRole(CommuneLeader);

    public static bool IsDistrict(ClaimsPrincipal user) => user.IsInRole(DistrictOfficer) || user.IsInRole(DistrictAdmin);

    /// <summary>Where a role's day starts.</summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        IsDesk(user) ? "/can-bo/mot-cua" : IsFeedbackDesk(user) ? "/can-bo/gop-y" : IsDistrict(user) ? "/can-bo/huyen" : "/can-bo/khong-co-quyen";
}
