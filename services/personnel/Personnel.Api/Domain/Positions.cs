using Platform.Contracts.Personnel;

namespace Personnel.Api.Domain;

/// <summary>A job position (vị trí việc làm) with its competency framework (khung năng lực).</summary>
public sealed record Position(string Code, string Title, StaffKind Kind, IReadOnlyList<string> RequiredQualifications, IReadOnlyList<string> RequiredTrainings);

/// <summary>
/// The commune positions of Decree 33/2023/NĐ-CP (cadres, the civil-servant titles) and the usual non-specialised posts,
/// and the one-stop desk's own framework. The requirements are a commune's usual ones, to be adjusted to the province's.
/// </summary>
public static class Positions
{
    public const string StateManagementCourse = "Bồi dưỡng kiến thức quản lý nhà nước";
    public const string OneStopCourse = "Bồi dưỡng nghiệp vụ tiếp nhận và trả kết quả theo cơ chế một cửa";
    public const string IntermediateDegree = "Trung cấp trở lên phù hợp chuyên ngành";

    /// <summary>What a civil servant must have to staff the one-stop desk (seed, II.1: qualified people at the desk).</summary>
    public static readonly Position Desk = new("mot-cua", "Công chức Bộ phận tiếp nhận và trả kết quả", StaffKind.CivilServant,
        [IntermediateDegree], [StateManagementCourse, OneStopCourse]);

    public static readonly IReadOnlyList<Position> All =
    [
        new("bi-thu-dang-uy", "Bí thư Đảng ủy", StaffKind.Cadre, [], []),
        new("chu-tich-hdnd", "Chủ tịch Hội đồng nhân dân", StaffKind.Cadre, [], []),
        new("chu-tich-ubnd", "Chủ tịch Ủy ban nhân dân", StaffKind.Cadre, [], [StateManagementCourse]),
        new("pho-chu-tich-ubnd", "Phó Chủ tịch Ủy ban nhân dân", StaffKind.Cadre, [], [StateManagementCourse]),
        new("chu-tich-mttq", "Chủ tịch Ủy ban Mặt trận Tổ quốc", StaffKind.Cadre, [], []),
        new("chi-huy-truong-quan-su", "Chỉ huy trưởng Ban Chỉ huy Quân sự", StaffKind.CivilServant, [IntermediateDegree], []),
        new("van-phong-thong-ke", "Văn phòng – thống kê", StaffKind.CivilServant, [IntermediateDegree], [StateManagementCourse]),
        new("dia-chinh-xay-dung", "Địa chính – xây dựng – đô thị và môi trường", StaffKind.CivilServant, [IntermediateDegree], [StateManagementCourse]),
        new("tai-chinh-ke-toan", "Tài chính – kế toán", StaffKind.CivilServant, [IntermediateDegree], [StateManagementCourse]),
        new("tu-phap-ho-tich", "Tư pháp – hộ tịch", StaffKind.CivilServant, [IntermediateDegree], [StateManagementCourse]),
        new("van-hoa-xa-hoi", "Văn hóa – xã hội", StaffKind.CivilServant, [IntermediateDegree], [StateManagementCourse]),
        new("truong-ap", "Trưởng ấp", StaffKind.NonSpecialized, [], []),
        new("khong-chuyen-trach", "Người hoạt động không chuyên trách", StaffKind.NonSpecialized, [], []),
    ];

    public static Position? Find(string? code) => All.FirstOrDefault(p => p.Code == code);

    /// <summary>The requirements of a framework a person does not meet.</summary>
    public static IReadOnlyList<string> Gaps(Position position, StaffMember member) =>
        MissingQualifications(position, member).Select(q => $"thiếu trình độ: {q}")
            .Concat(MissingTrainings(position, member).Select(t => $"chưa hoàn thành: {t}"))
            .ToList();

    public static IEnumerable<string> MissingQualifications(Position position, StaffMember member) =>
        position.RequiredQualifications.Where(q => !member.Qualifications.Contains(q));

    public static IEnumerable<string> MissingTrainings(Position position, StaffMember member) =>
        position.RequiredTrainings.Where(t => member.Trainings.All(done => done.Course != t));
}
