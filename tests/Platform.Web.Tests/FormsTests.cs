using Bunit;
using Platform.Web.Components.Pages.Print;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Platform.Web.Tests;

/// <summary>
/// The printed forms (01–04 of Circular 01/2018/TT-VPCP and the result slip): the fields of each, the commune's header,
/// the lookup QR code, and everything the citizen or the desk typed printed as text, never as markup.
/// </summary>
public sealed class FormsTests : BunitContext
{
    /// <summary>The text a reader sees: tags dropped, entities decoded, white space collapsed.</summary>
    private static string Text(string markup) =>
        System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(markup, "<[^>]*>", "")), "\\s+", " ");

    private static void AssertHeader(string text, string title, string date)
    {
        Assert.Contains("UBND HUYỆN GIỒNG TRÔM", text);
        Assert.Contains("UBND XÃ MỸ THẠNH", text);
        Assert.Contains("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", text);
        Assert.Contains("Số: 2025-000123", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains($"Mỹ Thạnh, {date}", text);
        Assert.Contains(title, text);
    }

    /// <summary>What a QR code in the page says, read back from the PNG in its <c>img</c>.</summary>
    internal static string DecodeQr(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUri);
        var (pixels, width, height) = PngLuminance.Decode(Convert.FromBase64String(dataUri[prefix.Length..]));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new QRCodeReader().decode(bitmap);
        Assert.NotNull(result);
        return result.Text;
    }

    [Fact]
    public void Form_01_gives_the_applicant_the_components_the_received_time_and_the_appointment()
    {
        var form = Render<ReceiptForm>(p => p.Add(x => x.Dossier, Samples.Received()).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl));
        var text = Text(form.Markup);

        AssertHeader(text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "ngày 06 tháng 10 năm 2025");
        Assert.Equal("Mẫu số 01 – Thông tư 01/2018/TT-VPCP", form.Find(".form-no").TextContent);
        Assert.Equal("Nguyễn Thị Hồng Nhung", form.Find(".applicant").TextContent);
        Assert.Contains("Địa chỉ: Ấp 3, xã Mỹ Thạnh.", text);
        Assert.Contains("Số điện thoại: 0912345678", text);
        Assert.Equal("Đăng ký kết hôn", form.Find(".procedure").TextContent);
        Assert.Equal(["Tờ khai đăng ký kết hôn", "Giấy tờ số 2", "Giấy tờ số 3"], form.FindAll("ul.components > li").Select(li => li.TextContent));
        Assert.Contains("5 ngày làm việc", text);
        Assert.Contains("Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 06/10/2025.", text);
        Assert.Contains("Thời gian trả kết quả giải quyết hồ sơ: ngày 13/10/2025", form.Find(".due").TextContent);
        Assert.Contains("NGƯỜI NỘP HỒ SƠ", text);
        Assert.Contains("Trần Thị Mai", form.Find(".signatures .right .signer").TextContent);
        Assert.Equal("Quét mã để tra cứu hồ sơ", form.Find(".qr figcaption").TextContent);
    }

    [Fact]
    public void Form_01_of_an_interconnected_dossier_lists_its_steps()
    {
        var dossier = Samples.Received() with { Steps = [new PrintStep("Đăng ký thường trú", "Công an xã", new DateOnly(2025, 10, 15))] };

        var form = Render<ReceiptForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl));

        Assert.Equal("Đăng ký thường trú – Công an xã – hạn 15/10/2025", form.Find("ul.steps > li").TextContent);
    }

    [Fact]
    public void The_QR_code_of_form_01_opens_the_citizens_lookup_with_the_receipt_number()
    {
        var form = Render<ReceiptForm>(p => p.Add(x => x.Dossier, Samples.Received()).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl + "/"));

        var payload = DecodeQr(form.Find(".qr img").GetAttribute("src")!);

        Assert.Equal("https://dichvucong.giongtrom.example.vn/xa/my-thanh/tra-cuu?so=2025-000123", payload);
        Assert.Contains(payload, form.Find(".lookup .url").TextContent);
    }

    [Fact]
    public void A_malicious_applicant_name_is_printed_as_text()
    {
        var name = Samples.Script + " <img src=x onerror=alert(2)>";
        var dossier = Samples.Returned(Samples.WithApology(Samples.Refused(Samples.WithSupplement(Samples.Received(name), "Thiếu <b>giấy xác nhận</b>"), "Vi phạm <i>điều kiện</i>"), "Chờ <u>xác minh</u>"));

        foreach (var markup in new[]
                 {
                     Render<ReceiptForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl)).Markup,
                     Render<SupplementForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh)).Markup,
                     Render<RefusalForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh)).Markup,
                     Render<ApologyForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh)).Markup,
                     Render<ResultSlip>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl)).Markup,
                 })
        {
            Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=\"x\"", markup);
            Assert.DoesNotContain("<img src=x", markup);
            Assert.DoesNotContain("<b>giấy", markup);
            Assert.DoesNotContain("<i>điều", markup);
            Assert.DoesNotContain("<u>xác", markup);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", markup);
            Assert.Contains(name, Text(markup));
        }
    }

    [Fact]
    public void Form_02_gives_the_latest_request_and_its_date()
    {
        var dossier = Samples.WithSupplement(Samples.Received(), "Thiếu giấy xác nhận tình trạng hôn nhân.\nBản sao CCCD chưa rõ.");

        var form = Render<SupplementForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh));
        var text = Text(form.Markup);

        AssertHeader(text, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "ngày 07 tháng 10 năm 2025");
        Assert.Equal("Mẫu số 02 – Thông tư 01/2018/TT-VPCP", form.Find(".form-no").TextContent);
        Assert.Equal("Thiếu giấy xác nhận tình trạng hôn nhân.\nBản sao CCCD chưa rõ.", form.Find(".reason").TextContent);
        Assert.Contains("NGƯỜI HƯỚNG DẪN", text);
        Assert.Empty(form.FindAll(".qr"));
    }

    [Fact]
    public void Form_03_gives_the_reason_of_the_refusal()
    {
        var dossier = Samples.Refused(Samples.Received(), "Bên nam chưa đủ tuổi kết hôn.");

        var form = Render<RefusalForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh));
        var text = Text(form.Markup);

        AssertHeader(text, "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "ngày 09 tháng 10 năm 2025");
        Assert.Equal("Mẫu số 03 – Thông tư 01/2018/TT-VPCP", form.Find(".form-no").TextContent);
        Assert.Equal("Bên nam chưa đủ tuổi kết hôn.", form.Find(".reason").TextContent);
    }

    [Fact]
    public void Form_04_gives_the_reason_the_new_date_and_the_leaders_signature()
    {
        var dossier = Samples.WithApology(Samples.Received(), "Chờ UBND huyện xác minh.");

        var form = Render<ApologyForm>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh).Add(x => x.Chairman, "Phạm Thanh Diễn"));
        var text = Text(form.Markup);

        AssertHeader(text, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "ngày 10 tháng 10 năm 2025");
        Assert.Equal("Mẫu số 04 – Thông tư 01/2018/TT-VPCP", form.Find(".form-no").TextContent);
        Assert.Contains("Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung", text);
        Assert.Contains("mã hồ sơ 2025-000123", text);
        Assert.Contains("ngày 13/10/2025", form.Find(".previous").TextContent);
        Assert.Equal("Chờ UBND huyện xác minh.", form.Find(".reason").TextContent);
        Assert.Equal("ngày 17/10/2025", form.Find(".new-date").TextContent);
        var signature = Text(form.Find(".signatures .right").InnerHtml);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", signature);
        Assert.Contains("CHỦ TỊCH", signature);
        Assert.Contains("(Ký, ghi rõ họ tên và đóng dấu)", signature);
        Assert.Equal("Phạm Thanh Diễn", form.Find(".signatures .right .signer").TextContent);
    }

    [Fact]
    public void The_result_slip_gives_the_outcome_the_survey_code_and_its_link_and_the_lookup_QR()
    {
        var dossier = Samples.Returned(Samples.Received());

        var form = Render<ResultSlip>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl));
        var text = Text(form.Markup);

        AssertHeader(text, "PHIẾU TRẢ KẾT QUẢ VÀ ĐÁNH GIÁ SỰ HÀI LÒNG", "ngày 13 tháng 10 năm 2025");
        Assert.Empty(form.FindAll(".form-no")); // the commune's own slip, not a form of the circular
        Assert.Equal("Kết quả: Đã giải quyết", form.Find(".outcome").TextContent);
        Assert.Contains("Thời gian trả kết quả: 14 giờ 05 phút, ngày 13/10/2025.", text);
        Assert.Equal("KS7Q2M9X", form.Find(".survey-code").TextContent);
        Assert.Equal("https://dichvucong.giongtrom.example.vn/xa/my-thanh/danh-gia/KS7Q2M9X", form.Find(".survey-link").TextContent);
        Assert.Equal("https://dichvucong.giongtrom.example.vn/xa/my-thanh/tra-cuu?so=2025-000123", DecodeQr(form.Find(".qr img").GetAttribute("src")!));
    }

    [Fact]
    public void A_refused_result_says_so_on_the_slip()
    {
        var dossier = Samples.Returned(Samples.Refused(Samples.Received(), "Không đủ điều kiện.")) with { Outcome = "refused" };

        var form = Render<ResultSlip>(p => p.Add(x => x.Dossier, dossier).Add(x => x.Commune, Samples.MyThanh).Add(x => x.PublicBaseUrl, Samples.PublicBaseUrl));

        Assert.Contains("Từ chối giải quyết", form.Find(".outcome").TextContent);
    }

    [Theory]
    [InlineData(2026, 12, 1, "ngày 01 tháng 12 năm 2026")]
    [InlineData(2026, 2, 5, "ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 3, 15, "ngày 15 tháng 3 năm 2026")]
    public void Dates_are_written_as_administrative_documents_write_them(int year, int month, int day, string expected) =>
        Assert.Equal(expected, PrintForms.LongDate(new DateOnly(year, month, day)));

    [Fact]
    public void The_issuing_body_is_named_as_the_Vietnamese_write_it()
    {
        Assert.Equal("UBND xã Mỹ Thạnh", Samples.MyThanh.DisplayName);
        Assert.Equal("Mỹ Thạnh", Samples.MyThanh.Place);
        Assert.Equal("UBND HUYỆN GIỒNG TRÔM", Samples.MyThanh.ParentHeading);
        Assert.Equal("UBND TỈNH VĨNH LONG", (Samples.MyThanh with { DistrictName = "Tỉnh Vĩnh Long", DistrictKind = "province" }).ParentHeading);
    }
}
