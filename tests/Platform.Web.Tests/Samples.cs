using Platform.Web.Components.Pages.Print;

namespace Platform.Web.Tests;

/// <summary>Dossiers as the procedures API gives them, in the states the forms print.</summary>
internal static class Samples
{
    public const string PublicBaseUrl = "https://dichvucong.giongtrom.example.vn";
    public const string Script = "<script>alert(1)</script>";

    public static readonly PrintCommune MyThanh = new()
    {
        Code = "my-thanh", Name = "Xã Mỹ Thạnh", DistrictName = "Huyện Giồng Trôm", DistrictKind = "district",
        Hamlets = [new PrintHamlet("ap-3", "Ấp 3")],
    };

    /// <summary>Received at 09:00 on Monday 6 October 2025 (02:00 UTC), five working days: due 13 October.</summary>
    public static PrintDossier Received(string name = "Nguyễn Thị Hồng Nhung", int components = 3) => new()
    {
        Id = "d1", ReceiptNo = "2025-000123", ProcedureName = "Đăng ký kết hôn", ProcessingDays = 5,
        Components = Enumerable.Range(1, components).Select(i => i == 1 ? "Tờ khai đăng ký kết hôn" : $"Giấy tờ số {i}").ToList(),
        Applicant = new PrintApplicant { Name = name, Phone = "0912345678", Hamlet = "ap-3" },
        ReceivedAt = new DateTime(2025, 10, 6, 2, 0, 0, DateTimeKind.Utc),
        DueDate = new DateOnly(2025, 10, 13), AppointmentDate = new DateOnly(2025, 10, 13),
        Status = "received", ReceivedBy = "Trần Thị Mai",
    };

    public static PrintDossier WithSupplement(PrintDossier d, string reason) => d with
    {
        Status = "supplement-requested",
        Supplements = [new PrintSupplement(reason, new DateTime(2025, 10, 7, 7, 0, 0, DateTimeKind.Utc), null)],
    };

    public static PrintDossier Refused(PrintDossier d, string note) => d with
    {
        Status = "resolved", Outcome = "refused", OutcomeNote = note, ResolvedAt = new DateTime(2025, 10, 9, 3, 0, 0, DateTimeKind.Utc),
    };

    public static PrintDossier WithApology(PrintDossier d, string reason) => d with
    {
        Status = "in-progress", AppointmentDate = new DateOnly(2025, 10, 17),
        Apologies = [new PrintApology(reason, new DateOnly(2025, 10, 13), new DateOnly(2025, 10, 17), new DateTime(2025, 10, 10, 8, 30, 0, DateTimeKind.Utc), "Phạm Thanh Diễn")],
    };

    public static PrintDossier Returned(PrintDossier d) => d with
    {
        Status = "returned", Outcome = "approved", ResolvedAt = new DateTime(2025, 10, 10, 2, 0, 0, DateTimeKind.Utc),
        ReturnedAt = new DateTime(2025, 10, 13, 7, 5, 0, DateTimeKind.Utc), SurveyCode = "KS7Q2M9X",
    };
}
