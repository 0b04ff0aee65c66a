using System.Globalization;

namespace Platform.Web.Components.Shared;

/// <summary>How the catalogue's figures read, for the desk and the citizens alike.</summary>
public static class ProcedureWords
{
    /// <summary>The catalogue's fields (lĩnh vực) by name; the API gives only their codes.</summary>
    public static string Field(string? field) => field switch
    {
        "tu-phap-ho-tich" => "Tư pháp – Hộ tịch",
        "chung-thuc" => "Chứng thực",
        "bao-hiem-y-te" => "Bảo hiểm y tế",
        "cu-tru" => "Cư trú",
        "lao-dong-thuong-binh-xa-hoi" => "Lao động – Thương binh và Xã hội",
        "dat-dai" => "Đất đai",
        "xay-dung" => "Xây dựng",
        "lien-thong" => "Thủ tục liên thông",
        "khac" => "Lĩnh vực khác",
        _ => field ?? "",
    };

    public static string Days(int days) => days == 0 ? "Trong ngày" : $"{days} ngày làm việc";

    public static string Fee(long? fee) => fee is null or 0 ? "Không thu phí" : fee.Value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " đồng";
}
