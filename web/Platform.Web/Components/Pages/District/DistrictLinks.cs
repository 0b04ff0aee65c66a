namespace Platform.Web.Components.Pages.District;

/// <summary>The district pages' addresses: a commune's drill-down and the printed scoreboard.</summary>
public static class DistrictLinks
{
    public static string Commune(string commune, int year) => $"/can-bo/huyen/xa/{Uri.EscapeDataString(commune)}?nam={year}";

    public static string Ranking(int year) => $"/can-bo/huyen?nam={year}";

    public static string Print(int year) => $"/in/huyen/xep-hang/{year}";
}
