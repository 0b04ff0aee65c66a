using System.Net;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// The printed forms of Circular 01/2018 (01 receipt, 02 supplement, 03 refusal, 04 apology) as HTML pages with the
/// commune's header; everything the citizen or the desk typed is HTML-encoded.
/// </summary>
public sealed class FormsTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Script = "<script>alert(1)</script>";
    private const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private sealed record Page(string Raw, string Text);

    private async Task<Page> FormAsync(string id, string form)
    {
        var response = await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/{form}", host.Desk);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode} {raw}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return new Page(raw, WebUtility.HtmlDecode(raw));
    }

    private static void AssertPage(Page page, string formNo, string title, string receiptNo)
    {
        Assert.StartsWith("<!doctype html>", page.Raw);
        Assert.Contains("UBND HUYỆN GIỒNG TRÔM", page.Text);
        Assert.Contains("UBND XÃ MỸ THẠNH", page.Text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", page.Text);
        Assert.Contains(formNo + " – Thông tư 01/2018/TT-VPCP", page.Text);
        Assert.Contains($"<h1>{title}</h1>", page.Text);
        Assert.Contains($"Mã hồ sơ: {receiptNo}", page.Text);
        // The applicant's "name" is printed, never run.
        Assert.DoesNotContain(Script, page.Raw);
        Assert.DoesNotContain("<script", page.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(EncodedScript, page.Raw);
        Assert.Contains(Script, page.Text);
    }

    private async Task<(string Id, string ReceiptNo)> ReceiveAsync()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var dossier = await host.ReceiveAsync(name: Script);
        return (dossier.Str("id"), dossier.Str("receiptNo"));
    }

    [Fact]
    public async Task The_receipt_form_01_gives_the_receipt_number_components_and_appointment()
    {
        var (id, receiptNo) = await ReceiveAsync();

        var page = await FormAsync(id, "receipt");

        AssertPage(page, "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receiptNo);
        Assert.Contains("Nội dung yêu cầu giải quyết: <b>Đăng ký kết hôn</b>", page.Text);
        Assert.Contains("<li>Tờ khai đăng ký kết hôn</li>", page.Text);
        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 06/10/2025", page.Text);
        Assert.Contains("Thời hạn giải quyết: 5 ngày làm việc", page.Text);
        Assert.Contains("Thời gian trả kết quả giải quyết hồ sơ: ngày 13/10/2025", page.Text);
        Assert.Contains("Mỹ Thạnh, ngày 06 tháng 10 năm 2025", page.Text);
        Assert.Contains($"<b>{receiptNo}</b> và số điện thoại", page.Text);
    }

    [Fact]
    public async Task The_receipt_of_an_interconnected_dossier_lists_its_steps_and_agencies()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var dossier = await host.ReceiveAsync("lien-thong-khai-sinh-thuong-tru-bhyt", "Lê Thị Mẹ");

        var page = await FormAsync(dossier.Str("id"), "receipt");

        Assert.Contains("<li>Đăng ký thường trú – Công an xã – hạn 15/10/2025</li>", page.Text);
        Assert.Contains("<li>Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi – Bảo hiểm xã hội huyện – hạn 20/10/2025</li>", page.Text);
        Assert.Contains("ngày 20/10/2025", page.Text);
    }

    [Fact]
    public async Task The_supplement_form_02_exists_once_a_supplement_is_requested()
    {
        var (id, receiptNo) = await ReceiveAsync();
        await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/supplement", host.Desk).ProblemAsync(HttpStatusCode.Conflict, "form-not-applicable");

        host.Clock.SetLocal(2025, 10, 7, 14, 0);
        await host.DoAsync(id, "request-supplement", new { reason = "Thiếu <b>giấy xác nhận</b> tình trạng hôn nhân" });
        var page = await FormAsync(id, "supplement");

        AssertPage(page, "Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", receiptNo);
        Assert.DoesNotContain("<b>giấy xác nhận</b>", page.Raw);
        Assert.Contains("Thiếu <b>giấy xác nhận</b> tình trạng hôn nhân", page.Text);
        Assert.Contains("ngày 07 tháng 10 năm 2025", page.Text);
    }

    [Fact]
    public async Task The_refusal_form_03_exists_for_a_refused_dossier_only()
    {
        var (id, receiptNo) = await ReceiveAsync();
        await host.AssignAsync(id);
        await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/refusal", host.Desk).ProblemAsync(HttpStatusCode.Conflict, "form-not-applicable");

        host.Clock.SetLocal(2025, 10, 9, 10, 0);
        await host.DoAsync(id, "resolve", new { outcome = "refused", note = "Vi phạm điều kiện <kết hôn>" });
        var page = await FormAsync(id, "refusal");

        AssertPage(page, "Mẫu số 03", "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ", receiptNo);
        Assert.Contains("Vi phạm điều kiện <kết hôn>", page.Text);
        Assert.DoesNotContain("<kết hôn>", page.Raw);
    }

    [Fact]
    public async Task An_approved_dossier_has_no_refusal_form()
    {
        var (id, _) = await ReceiveAsync();
        await host.AssignAsync(id);
        await host.ApproveAsync(id);

        var problem = await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/refusal", host.Desk).ProblemAsync(HttpStatusCode.Conflict, "form-not-applicable");

        Assert.Contains("Đã có kết quả", problem.Str("detail"));
    }

    [Fact]
    public async Task The_apology_form_04_gives_the_old_and_new_appointment()
    {
        var (id, receiptNo) = await ReceiveAsync();
        await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/apology", host.Desk).ProblemAsync(HttpStatusCode.Conflict, "form-not-applicable");

        host.Clock.SetLocal(2025, 10, 10, 15, 30);
        await host.DoAsync(id, "apologize", new { reason = "Chờ UBND huyện <xác minh>", newDueDate = "2025-10-17" });
        var page = await FormAsync(id, "apology");

        AssertPage(page, "Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", receiptNo);
        Assert.Contains("Ngày hẹn trả kết quả: 13/10/2025", page.Text);
        Assert.Contains("hẹn trả kết quả vào ngày <b>17/10/2025</b>", page.Text);
        Assert.Contains("Lý do: Chờ UBND huyện <xác minh>", page.Text);
        Assert.DoesNotContain("<xác minh>", page.Raw);
        Assert.Contains("ngày 10 tháng 10 năm 2025", page.Text);
    }

    [Fact]
    public async Task The_result_slip_exists_once_the_result_is_returned_and_carries_the_survey_code()
    {
        var (id, receiptNo) = await ReceiveAsync();
        await host.AssignAsync(id);
        await host.ApproveAsync(id);
        await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/result", host.Desk).ProblemAsync(HttpStatusCode.Conflict, "form-not-applicable");

        host.Clock.SetLocal(2025, 10, 13, 14, 5);
        var surveyCode = (await host.DoAsync(id, "return")).Str("surveyCode");
        var page = await FormAsync(id, "result");

        Assert.Contains("<h1>PHIẾU TRẢ KẾT QUẢ VÀ ĐÁNH GIÁ SỰ HÀI LÒNG</h1>", page.Text);
        Assert.Contains($"Mã hồ sơ: {receiptNo}", page.Text);
        Assert.Contains($"<p class=\"survey\">{surveyCode}</p>", page.Text);
        Assert.Contains("Thời gian trả kết quả: 14 giờ 05 phút, ngày 13/10/2025", page.Text);
        Assert.DoesNotContain("Thông tư 01/2018", page.Text); // the commune's own slip, not a form of the circular
        Assert.DoesNotContain(Script, page.Raw);
    }

    [Fact]
    public async Task An_unknown_form_or_dossier_is_404()
    {
        var (id, _) = await ReceiveAsync();

        await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/mau-05", host.Desk).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.GetAsync($"{Desk.Dossiers()}/khong-co/forms/receipt", host.Desk).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_office_and_the_leader_may_print_and_the_district_may_not()
    {
        var (id, _) = await ReceiveAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/receipt", host.Office)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/receipt", host.Leader)).StatusCode);
        await host.Client.GetAsync($"{Desk.Dossiers()}/{id}/forms/receipt", host.DistrictOfficer).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
