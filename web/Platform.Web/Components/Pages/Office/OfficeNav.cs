namespace Platform.Web.Components.Pages.Office;

/// <summary>The office's pages, for <c>SectionNav</c>.</summary>
public static class OfficeNav
{
    public const string Registry = "/can-bo/van-phong/can-bo";
    public const string Register = "/can-bo/van-phong/can-bo/dang-ky";
    public const string Desk = "/can-bo/van-phong/mot-cua";
    public const string Hotline = "/can-bo/van-phong/duong-day-nong";

    public static string Person(string id) => $"{Registry}/{Uri.EscapeDataString(id)}";

    public static readonly IReadOnlyList<(string Href, string Text)> Links =
        [(Registry, "Cán bộ, công chức"), (Desk, "Phân công Bộ phận một cửa"), (Hotline, "Đường dây nóng")];
}
