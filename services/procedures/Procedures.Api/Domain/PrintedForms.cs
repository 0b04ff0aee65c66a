using Platform.Calendar;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Tenancy;
using Procedures.Api.Localization;

namespace Procedures.Api.Domain;

/// <summary>
/// The desk's printed forms of Circular 01/2018/TT-VPCP as print-ready A5 pages: 01 receipt and appointment, 02 request
/// to complete the dossier, 03 refusal, 04 apology with a new appointment date; and the commune's own result slip that
/// carries the satisfaction survey code. Everything inserted is HTML-encoded.
/// </summary>
public static class PrintedForms
{
    public static readonly IReadOnlyList<string> Names = ["receipt", "supplement", "refusal", "apology", "result"];

    public static string Render(string form, Dossier dossier, CommuneRecord commune, DateTime nowUtc) => form switch
    {
        "receipt" => Page("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", commune, dossier, dossier.ReceivedAt, Receipt(dossier)),
        "supplement" when dossier.Supplements.Count > 0 => Page("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", commune, dossier,
            dossier.Supplements[^1].RequestedAt, Supplement(dossier)),
        "refusal" when dossier.Outcome == "refused" => Page("Mẫu số 03", "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ", commune, dossier,
            dossier.ResolvedAt ?? nowUtc, Refusal(dossier)),
        "apology" when dossier.Apologies.Count > 0 => Page("Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", commune, dossier,
            dossier.Apologies[^1].IssuedAt, Apology(dossier)),
        "result" when dossier.SurveyCode is not null => Page(null, "PHIẾU TRẢ KẾT QUẢ VÀ ĐÁNH GIÁ SỰ HÀI LÒNG", commune, dossier,
            dossier.ReturnedAt ?? nowUtc, Result(dossier)),
        _ when Names.Contains(form) => throw new ConflictException("form-not-applicable", Wording.Of(ProceduresMessages.FormNotApplicable, form, DossierStatuses.Name(dossier.Status))),
        _ => throw new NotFoundException(ProceduresMessages.Form, form),
    };

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All); // Vietnamese stays readable in the source
    private static string E(string? text) => Encoder.Encode(text ?? "");
    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string Local(DateTime utc) => VietnamTime.ToLocal(utc).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Receipt(Dossier d)
    {
        var html = new StringBuilder();
        html.Append($"<p>Bộ phận tiếp nhận và trả kết quả tiếp nhận hồ sơ của: <b>{E(d.Applicant.Name)}</b></p>");
        html.Append($"<p>Số điện thoại: {E(d.Applicant.Phone)}</p>");
        html.Append($"<p>Nội dung yêu cầu giải quyết: <b>{E(d.ProcedureName)}</b></p>");
        html.Append("<p>Thành phần hồ sơ nộp gồm:</p><ol>");
        foreach (var component in d.Components) html.Append($"<li>{E(component)}</li>");
        html.Append("</ol>");
        html.Append($"<p>Thời gian nhận hồ sơ: {Local(d.ReceivedAt)}</p>");
        html.Append($"<p>Thời hạn giải quyết: {(d.ProcessingDays == 0 ? "trong ngày" : $"{d.ProcessingDays} ngày làm việc")}</p>");
        html.Append($"<p class=\"due\">Thời gian trả kết quả giải quyết hồ sơ: ngày {Day(d.AppointmentDate)}</p>");
        if (d.Steps.Count > 0)
        {
            html.Append("<p>Hồ sơ liên thông, các bước giải quyết:</p><ol>");
            foreach (var step in d.Steps) html.Append($"<li>{E(step.Name)} – {E(step.Agency)} – hạn {Day(step.DueDate)}</li>");
            html.Append("</ol>");
        }
        html.Append($"<p>Tra cứu tình trạng hồ sơ bằng số biên nhận <b>{E(d.ReceiptNo)}</b> và số điện thoại đã đăng ký.</p>");
        return html.ToString();
    }

    private static string Supplement(Dossier d) =>
        $"<p>Bộ phận tiếp nhận và trả kết quả đã tiếp nhận hồ sơ của: <b>{E(d.Applicant.Name)}</b></p>" +
        $"<p>Nội dung yêu cầu giải quyết: {E(d.ProcedureName)}</p>" +
        "<p>Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>" +
        $"<p class=\"reason\">{E(d.Supplements[^1].Reason)}</p>" +
        "<p>Thời hạn giải quyết được tính lại kể từ ngày nhận đủ hồ sơ. Xin trân trọng cảm ơn.</p>";

    private static string Refusal(Dossier d) =>
        $"<p>Bộ phận tiếp nhận và trả kết quả đã tiếp nhận hồ sơ của: <b>{E(d.Applicant.Name)}</b></p>" +
        $"<p>Nội dung yêu cầu giải quyết: {E(d.ProcedureName)}</p>" +
        "<p>Qua xem xét, cơ quan có thẩm quyền từ chối giải quyết hồ sơ với lý do:</p>" +
        $"<p class=\"reason\">{E(d.OutcomeNote)}</p>" +
        "<p>Xin thông báo để ông/bà được biết.</p>";

    private static string Apology(Dossier d)
    {
        var apology = d.Apologies[^1];
        return $"<p>Bộ phận tiếp nhận và trả kết quả đã tiếp nhận hồ sơ của: <b>{E(d.Applicant.Name)}</b></p>" +
               $"<p>Nội dung yêu cầu giải quyết: {E(d.ProcedureName)}</p>" +
               $"<p>Ngày hẹn trả kết quả: {Day(apology.PreviousDueDate)}</p>" +
               $"<p>Việc trả kết quả bị chậm so với thời hạn quy định. Lý do: {E(apology.Reason)}</p>" +
               $"<p>Chúng tôi xin lỗi ông/bà và hẹn trả kết quả vào ngày <b>{Day(apology.NewDueDate)}</b>.</p>" +
               "<p>Mong ông/bà thông cảm.</p>";
    }

    private static string Result(Dossier d) =>
        $"<p>Trả kết quả giải quyết hồ sơ cho: <b>{E(d.Applicant.Name)}</b></p>" +
        $"<p>Nội dung yêu cầu giải quyết: {E(d.ProcedureName)}</p>" +
        $"<p>Kết quả: {(d.Outcome == "refused" ? "từ chối giải quyết (kèm phiếu từ chối)" : "đã giải quyết")}</p>" +
        $"<p>Thời gian trả kết quả: {Local(d.ReturnedAt ?? d.ResolvedAt ?? d.ReceivedAt)}</p>" +
        "<p>Mời ông/bà đánh giá mức độ hài lòng đối với việc giải quyết hồ sơ này trên trang góp ý, phản ánh của Ủy ban nhân dân xã " +
        "(mục «Đánh giá hài lòng»), bằng mã:</p>" +
        $"<p class=\"survey\">{E(d.SurveyCode)}</p>" +
        "<p>Mỗi mã dùng được một lần. Ý kiến của ông/bà giúp xã phục vụ tốt hơn.</p>";

    private static string Page(string? number, string title, CommuneRecord commune, Dossier dossier, DateTime issuedAtUtc, string body)
    {
        var issued = VietnamTime.ToLocal(issuedAtUtc);
        var place = commune.Name.StartsWith("Xã ", StringComparison.Ordinal) ? commune.Name[3..] : commune.Name;
        var parent = commune.DistrictKind == "province" ? "UBND TỈNH" : "UBND HUYỆN";
        return $$"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><title>{{E(title)}} – {{E(dossier.ReceiptNo)}}</title>
            <style>
              @page { size: A5 portrait; margin: 12mm 12mm 14mm 16mm; }
              body { font-family: "Times New Roman", Times, serif; font-size: 12.5pt; line-height: 1.35; margin: 0; }
              .header { display: flex; justify-content: space-between; text-align: center; font-size: 11pt; }
              .header b { display: block; } .motto { text-decoration: underline; }
              .form-no { text-align: right; font-style: italic; font-size: 10pt; }
              h1 { text-align: center; font-size: 13pt; margin: 10pt 0 2pt; } .no { text-align: center; margin: 0 0 8pt; }
              .date { text-align: right; font-style: italic; } .reason { margin-left: 12pt; font-style: italic; }
              .due { font-weight: bold; } .survey { text-align: center; font: bold 20pt "Courier New", monospace; letter-spacing: 3pt; } .sign { display: flex; justify-content: space-between; text-align: center; margin-top: 14pt; }
              .sign div { width: 48%; } .sign i { display: block; font-size: 10.5pt; margin-bottom: 42pt; }
              @media screen { body { max-width: 148mm; margin: 8mm auto; padding: 8mm; box-shadow: 0 0 4px #999; } }
            </style></head>
            <body>
            {{(number is null ? "" : $"<p class=\"form-no\">{number} – Thông tư 01/2018/TT-VPCP</p>")}}
            <div class="header">
              <div>{{parent}} {{E(commune.DistrictName.Replace("Huyện ", "").Replace("Tỉnh ", "").ToUpperInvariant())}}<b>UBND {{E(commune.Name.ToUpperInvariant())}}</b><b>BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ</b></div>
              <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><b class="motto">Độc lập – Tự do – Hạnh phúc</b></div>
            </div>
            <p class="date">{{E(place)}}, ngày {{issued.Day:00}} tháng {{issued.Month:00}} năm {{issued.Year}}</p>
            <h1>{{E(title)}}</h1>
            <p class="no">Mã hồ sơ: {{E(dossier.ReceiptNo)}}</p>
            {{body}}
            <div class="sign"><div><b>NGƯỜI NỘP HỒ SƠ</b><i>(Ký và ghi rõ họ tên)</i>{{E(dossier.Applicant.Name)}}</div>
            <div><b>NGƯỜI TIẾP NHẬN HỒ SƠ</b><i>(Ký và ghi rõ họ tên)</i>{{E(dossier.ReceivedBy)}}</div></div>
            </body></html>
            """;
    }
}
