using System.Globalization;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Print;

/// <summary>The desk's printed forms: 01–04 of Circular 01/2018/TT-VPCP and the commune's result slip.</summary>
public enum PrintForm { Receipt, Supplement, Refusal, Apology, Result }

public static class PrintForms
{
    /// <summary>The address segment of each form: <c>/in/ho-so/{id}/{slug}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, PrintForm> Slugs = new Dictionary<string, PrintForm>(StringComparer.Ordinal)
    {
        ["tiep-nhan"] = PrintForm.Receipt,
        ["bo-sung"] = PrintForm.Supplement,
        ["tu-choi"] = PrintForm.Refusal,
        ["xin-loi"] = PrintForm.Apology,
        ["ket-qua"] = PrintForm.Result,
    };

    public static string Slug(PrintForm form) => Slugs.First(s => s.Value == form).Key;

    public static string Path(string dossierId, PrintForm form) => $"/in/ho-so/{Uri.EscapeDataString(dossierId)}/{Slug(form)}";

    /// <summary>"Mẫu số 01"; none for the result slip, which is the commune's own and not a form of the circular.</summary>
    public static string? Number(PrintForm form) => form switch
    {
        PrintForm.Receipt => "Mẫu số 01",
        PrintForm.Supplement => "Mẫu số 02",
        PrintForm.Refusal => "Mẫu số 03",
        PrintForm.Apology => "Mẫu số 04",
        _ => null,
    };

    public static string Title(PrintForm form) => form switch
    {
        PrintForm.Receipt => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        PrintForm.Supplement => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        PrintForm.Refusal => "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
        PrintForm.Apology => "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        _ => "PHIẾU TRẢ KẾT QUẢ VÀ ĐÁNH GIÁ SỰ HÀI LÒNG",
    };

    /// <summary>A form prints what the dossier holds: a supplement request, a refusal, an apology letter, a returned result.</summary>
    public static bool Applies(PrintForm form, PrintDossier dossier) => form switch
    {
        PrintForm.Receipt => true,
        PrintForm.Supplement => dossier.Supplements.Count > 0,
        PrintForm.Refusal => dossier.Outcome == "refused",
        PrintForm.Apology => dossier.Apologies.Count > 0,
        PrintForm.Result => dossier.SurveyCode is not null && dossier.ReturnedAt is not null,
        _ => false,
    };

    /// <summary>Why a form does not apply, in the words the desk would use.</summary>
    public static string WhyNot(PrintForm form, PrintDossier dossier) => form switch
    {
        PrintForm.Supplement => "Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nào.",
        PrintForm.Refusal => "Hồ sơ không bị từ chối giải quyết.",
        PrintForm.Apology => "Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.",
        PrintForm.Result => "Hồ sơ chưa trả kết quả cho người dân.",
        _ => "",
    } + $" Tình trạng hiện tại: {StatusName(dossier.Status)}.";

    public static string StatusName(string status) => status switch
    {
        "received" => "đã tiếp nhận",
        "in-progress" => "đang giải quyết",
        "supplement-requested" => "yêu cầu bổ sung hồ sơ",
        "resolved" => "đã có kết quả",
        "returned" => "đã trả kết quả",
        "withdrawn" => "đã rút hồ sơ",
        _ => status,
    };

    /// <summary>When the form was issued, for its date line.</summary>
    public static DateTime IssuedAt(PrintForm form, PrintDossier dossier) => form switch
    {
        PrintForm.Supplement when dossier.Supplements.Count > 0 => dossier.Supplements[^1].RequestedAt,
        PrintForm.Refusal => dossier.ResolvedAt ?? dossier.ReceivedAt,
        PrintForm.Apology when dossier.Apologies.Count > 0 => dossier.Apologies[^1].IssuedAt,
        PrintForm.Result => dossier.ReturnedAt ?? dossier.ResolvedAt ?? dossier.ReceivedAt,
        _ => dossier.ReceivedAt,
    };

    /// <summary>
    /// "ngày 06 tháng 10 năm 2025", "ngày 15 tháng 3 năm 2026": a day below 10 and the months 1 and 2 take a leading zero
    /// (Decree 30/2020/NĐ-CP, the format of administrative documents).
    /// </summary>
    public static string LongDate(DateOnly date) =>
        $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}";

    public static string LongDate(DateTime utc) => LongDate(DateOnly.FromDateTime(VnFormat.ToVietnam(utc)));

    /// <summary>"09 giờ 00 phút, ngày 06/10/2025", in Vietnam's time.</summary>
    public static string Time(DateTime utc) => VnFormat.ToVietnam(utc).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => VnFormat.Date(date);
}

/// <summary>The citizens' pages a printed form points to.</summary>
public static class PrintLinks
{
    /// <summary>The dossier lookup with the receipt number filled in: <c>{base}/xa/{commune}/tra-cuu?so={receiptNo}</c>.</summary>
    public static string Lookup(string publicBaseUrl, string commune, string receiptNo) =>
        $"{publicBaseUrl.TrimEnd('/')}/xa/{Uri.EscapeDataString(commune)}/tra-cuu?so={Uri.EscapeDataString(receiptNo)}";

    /// <summary>The satisfaction survey of a returned dossier: <c>{base}/xa/{commune}/danh-gia/{code}</c>.</summary>
    public static string Survey(string publicBaseUrl, string commune, string surveyCode) =>
        $"{publicBaseUrl.TrimEnd('/')}/xa/{Uri.EscapeDataString(commune)}/danh-gia/{Uri.EscapeDataString(surveyCode)}";
}
