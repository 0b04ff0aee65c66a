using MudBlazor;

namespace Platform.Web.Components.Layout;

public static class StaffTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#b45309",
            AppbarBackground = "#0b5394",
            Error = "#b3261e",
            Info = "#0b5394",
            Warning = "#8a5a00",
            Success = "#1e6b35",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"] },
        },
    };
}
