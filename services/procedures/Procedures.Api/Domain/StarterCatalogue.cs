using Platform.ServiceDefaults.Domain;

namespace Procedures.Api.Domain;

/// <summary>
/// The catalogue a newly onboarded commune starts from: commune-level procedures of the fields the seed names
/// (tư pháp – hộ tịch, chứng thực, bảo hiểm y tế, cư trú) with their usual time limits, components and fees.
/// The commune office adjusts it to its province's published list; it is a starting point, not law.
/// </summary>
public static class StarterCatalogue
{
    public const string BirthResidenceInsuranceGroup = "lien-thong-khai-sinh-thuong-tru-bhyt";

    private const string CivilStatusLaw = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP";
    private const string CertificationLaw = "Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC";
    private const string ResidenceLaw = "Luật Cư trú 2020; Nghị định 62/2021/NĐ-CP; Thông tư 75/2022/TT-BTC";
    private const string InsuranceLaw = "Luật Bảo hiểm y tế 2008 (sửa đổi 2014); Nghị định 146/2018/NĐ-CP";

    private sealed record Entry(string Code, string Name, string Field, int Days, long Fee, string Law, string[] Components, ProcedureStep[]? Steps = null);

    private static readonly Entry[] Entries =
    [
        new("ho-tich-khai-sinh", "Đăng ký khai sinh", "tu-phap-ho-tich", 0, 0, CivilStatusLaw,
            ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh (hoặc văn bản của người làm chứng)", "Giấy tờ tùy thân của người đi đăng ký (xuất trình)"]),
        new("ho-tich-khai-tu", "Đăng ký khai tử", "tu-phap-ho-tich", 0, 0, CivilStatusLaw,
            ["Tờ khai đăng ký khai tử", "Giấy báo tử hoặc giấy tờ thay giấy báo tử"]),
        new("ho-tich-ket-hon", "Đăng ký kết hôn", "tu-phap-ho-tich", 5, 0, CivilStatusLaw,
            ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)", "Giấy tờ tùy thân của hai bên (xuất trình)"]),
        new("ho-tich-nhan-cha-me-con", "Đăng ký nhận cha, mẹ, con", "tu-phap-ho-tich", 3, 0, CivilStatusLaw,
            ["Tờ khai đăng ký nhận cha, mẹ, con", "Chứng cứ chứng minh quan hệ cha, mẹ, con"]),
        new("ho-tich-xac-nhan-tinh-trang-hon-nhan", "Cấp Giấy xác nhận tình trạng hôn nhân", "tu-phap-ho-tich", 3, 0, CivilStatusLaw,
            ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"]),
        new("ho-tich-trich-luc-ban-sao", "Cấp bản sao trích lục hộ tịch", "tu-phap-ho-tich", 0, 8_000, CivilStatusLaw,
            ["Tờ khai cấp bản sao trích lục hộ tịch"]),
        new("chung-thuc-ban-sao", "Chứng thực bản sao từ bản chính", "chung-thuc", 0, 2_000, CertificationLaw,
            ["Bản chính giấy tờ, văn bản", "Bản sao cần chứng thực"]),
        new("chung-thuc-chu-ky", "Chứng thực chữ ký trong giấy tờ, văn bản", "chung-thuc", 0, 10_000, CertificationLaw,
            ["Giấy tờ tùy thân (xuất trình)", "Giấy tờ, văn bản cần chứng thực chữ ký"]),
        new("chung-thuc-hop-dong", "Chứng thực hợp đồng, giao dịch", "chung-thuc", 2, 50_000, CertificationLaw,
            ["Dự thảo hợp đồng, giao dịch", "Giấy tờ tùy thân của người yêu cầu", "Giấy tờ chứng minh quyền sở hữu, sử dụng tài sản"]),
        new("bhyt-tre-em-duoi-6-tuoi", "Lập danh sách cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "bao-hiem-y-te", 5, 0, InsuranceLaw,
            ["Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế (mẫu TK1-TS)", "Bản sao giấy khai sinh hoặc giấy chứng sinh"]),
        new("bhyt-ho-can-ngheo", "Lập danh sách đề nghị cấp thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo", "bao-hiem-y-te", 10, 0, InsuranceLaw,
            ["Tờ khai tham gia bảo hiểm y tế", "Quyết định công nhận hộ cận nghèo"]),
        new("cu-tru-thuong-tru", "Đăng ký thường trú", "cu-tru", 7, 20_000, ResidenceLaw,
            ["Tờ khai thay đổi thông tin cư trú (CT01)", "Giấy tờ chứng minh chỗ ở hợp pháp"]),
        new("cu-tru-tam-tru", "Đăng ký tạm trú", "cu-tru", 3, 15_000, ResidenceLaw,
            ["Tờ khai thay đổi thông tin cư trú (CT01)", "Giấy tờ chứng minh chỗ ở hợp pháp"]),
        new("cu-tru-xoa-thuong-tru", "Xóa đăng ký thường trú", "cu-tru", 1, 0, ResidenceLaw,
            ["Tờ khai thay đổi thông tin cư trú (CT01)", "Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú"]),
        // Seed plan 369, II.1: the interconnected group for a newborn, one receipt and one appointment.
        new(BirthResidenceInsuranceGroup, "Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
            "lien-thong", 10, 0, $"{CivilStatusLaw}; {ResidenceLaw}; {InsuranceLaw}; Nghị định 63/2024/NĐ-CP",
            ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Tờ khai thay đổi thông tin cư trú (CT01)", "Tờ khai tham gia bảo hiểm y tế (TK1-TS)"],
            [
                new ProcedureStep("Đăng ký khai sinh", "UBND xã (công chức Tư pháp – Hộ tịch)", 0),
                new ProcedureStep("Đăng ký thường trú", "Công an xã", 7),
                new ProcedureStep("Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Bảo hiểm xã hội huyện", 3),
            ]),
    ];

    /// <summary>The starter catalogue of <paramref name="commune"/>, each procedure announced as a new one is.</summary>
    public static IEnumerable<Changed<Procedure>> For(string commune, DateOnly postedSince, DateTime now) => Entries.Select(e => Procedure.Create(commune, e.Code, e.Steps ?? [],
        new ProcedureRevision
        {
            Number = 1, EffectiveFrom = postedSince, Name = e.Name, Field = e.Field, ProcessingDays = e.Days, Components = e.Components,
            Fee = e.Fee, LegalBasis = e.Law, PostedSince = postedSince, ChangedAt = now, Reason = "Danh mục khởi tạo khi tiếp nhận xã",
        }));
}
