using Personnel.Api.Apis;
using Personnel.Api.Domain;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Infrastructure;

/// <summary>
/// Demo mode only (the standalone host's default, loopback only): Giồng Trôm district with Mỹ Thạnh, the commune
/// of Plan 369/KH-UBND, and Lương Hòa; a handful of Mỹ Thạnh staff and one account per role.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo@2015";
    public const string Commune = "my-thanh";
    public const string DeskOfficerStaffId = "mt-tu-phap";

    public sealed record DemoAccount(string Username, string Roles, string Who);

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("noivu.giongtrom", "district-admin, district-officer", "Phòng Nội vụ huyện Giồng Trôm"),
        new("chutich.mythanh", "commune-leader", "Chủ tịch UBND xã Mỹ Thạnh"),
        new("motcua.mythanh", "desk-officer", "Công chức Bộ phận một cửa"),
        new("vanphong.mythanh", "commune-office", "Công chức Văn phòng – Thống kê"),
        new("hdtdkt.mythanh", "emulation-council", "Hội đồng Thi đua – Khen thưởng xã (Nguyễn Thị Lan)"),
        new("hdtdkt2.mythanh", "emulation-council", "Hội đồng Thi đua – Khen thưởng xã (Nguyễn Văn Hùng)"),
        new("hdtdkt3.mythanh", "emulation-council", "Hội đồng Thi đua – Khen thưởng xã (Võ Thị Hoa)"),
        new("mttq.mythanh", "front", "Ủy ban MTTQ xã"),
        new("radio-mythanh", "radio (API client: clientId/clientSecret)", "Đài truyền thanh xã"),
    ];

    internal static async Task SeedAsync(PersonnelBootstrap bootstrap, District district, CancellationToken ct)
    {
        var store = bootstrap.Store;
        foreach (var (code, name, hamlets) in new[] { (Commune, "Xã Mỹ Thạnh", 6), ("luong-hoa", "Xã Lương Hòa", 5) })
        {
            if (await store.FindAsync<Platform.ServiceDefaults.Tenancy.CommuneRecord>(Scopes.Platform, code, ct) is not null) continue;
            var onboarded = CommuneOnboarding.Onboard(district, code, name, Enumerable.Range(1, hamlets).Select(i => ((string?)$"ap-{i}", (string?)$"Ấp {i}")).ToList(), bootstrap.Now);
            await bootstrap.CommitIgnoringRaceAsync(CommunesApi.Record(onboarded), ct);
        }

        StaffMember[] staff =
        [
            new() { Id = "mt-chu-tich", FullName = "Phạm Thanh Diễn", Kind = StaffKind.Cadre, Position = "chu-tich-ubnd", Phone = "0275 3861 001" },
            new() { Id = "mt-pho-chu-tich", FullName = "Nguyễn Văn Hùng", Kind = StaffKind.Cadre, Position = "pho-chu-tich-ubnd", Phone = "0275 3861 002" },
            new()
            {
                Id = "mt-tu-phap", FullName = "Trần Thị Mai", Kind = StaffKind.CivilServant, Position = "tu-phap-ho-tich", Phone = "0275 3861 010",
                Qualifications = [Positions.IntermediateDegree],
                Trainings =
                [
                    new Training(Positions.StateManagementCourse, new DateOnly(2014, 10, 17), 240, bootstrap.Now, null),
                    new Training(Positions.OneStopCourse, new DateOnly(2015, 6, 12), 24, bootstrap.Now, null),
                ],
            },
            new() { Id = "mt-van-phong", FullName = "Lê Văn Tâm", Kind = StaffKind.CivilServant, Position = "van-phong-thong-ke", Phone = "0275 3861 011" },
            new() { Id = "mt-van-hoa", FullName = "Nguyễn Thị Lan", Kind = StaffKind.CivilServant, Position = "van-hoa-xa-hoi", Phone = "0275 3861 012" },
            new() { Id = "mt-mttq", FullName = "Võ Thị Hoa", Kind = StaffKind.Cadre, Position = "chu-tich-mttq", Phone = "0275 3861 020" },
            new() { Id = "mt-ap-3", FullName = "Huỳnh Văn Bé", Kind = StaffKind.NonSpecialized, Position = "truong-ap", Hamlet = "ap-3" },
        ];
        foreach (var member in staff)
        {
            if (await store.FindAsync<StaffMember>(Commune, member.Id, ct) is not null) continue;
            var changes = new ChangeSet().Insert(Commune, member.Id, StaffMember.Register(Commune, member));
            // The civil servant for justice and civil status staffs the one-stop desk (seed, II.1).
            if (member.Id == DeskOfficerStaffId)
            {
                var from = new DateOnly(2015, 7, 9);
                changes.Insert(Commune, DeskAssignment.Key(member.Id, from), DeskAssignment.Begin(Commune, member.Id, from, bootstrap.Now, null));
            }
            await bootstrap.CommitIgnoringRaceAsync(changes, ct);
        }

        var hotline = Hotline.Publish(Commune,
        [
            new HotlineContact { Name = "Phạm Thanh Diễn", Title = "Chủ tịch UBND xã", Phone = "0275 3861 001" },
            new HotlineContact { Name = "Nguyễn Văn Hùng", Title = "Phó Chủ tịch UBND xã", Phone = "0275 3861 002" },
        ], bootstrap.Now);
        if (await store.FindAsync<Hotline>(Commune, Hotline.Id, ct) is null)
            await bootstrap.CommitIgnoringRaceAsync(new ChangeSet().Insert(Commune, Hotline.Id, hotline), ct);

        (string User, string Name, string Role, string? Staff)[] accounts =
        [
            ("chutich.mythanh", "Phạm Thanh Diễn", Roles.CommuneLeader, "mt-chu-tich"),
            ("motcua.mythanh", "Trần Thị Mai", Roles.DeskOfficer, "mt-tu-phap"),
            ("vanphong.mythanh", "Lê Văn Tâm", Roles.CommuneOffice, "mt-van-phong"),
            // Three council members, each a staff member: the office names them as the year's council in awards
            // (PUT .../campaigns/{id}/years/{year}/council), and each has one vote whichever account they use.
            ("hdtdkt.mythanh", "Nguyễn Thị Lan", Roles.EmulationCouncil, "mt-van-hoa"),
            ("hdtdkt2.mythanh", "Nguyễn Văn Hùng", Roles.EmulationCouncil, "mt-pho-chu-tich"),
            ("hdtdkt3.mythanh", "Võ Thị Hoa", Roles.EmulationCouncil, "mt-mttq"),
            ("mttq.mythanh", "Võ Thị Hoa", Roles.Front, "mt-mttq"),
        ];
        foreach (var (user, name, role, staffId) in accounts)
            await bootstrap.InsertIfMissingAsync(Scopes.Platform, user, bootstrap.NewAccount(user, name, Password, [role], commune: Commune, staffId: staffId), ct);
        await bootstrap.InsertIfMissingAsync(Scopes.Platform, "radio-mythanh",
            bootstrap.NewAccount("radio-mythanh", "Đài truyền thanh xã Mỹ Thạnh", Password, [Roles.Radio], commune: Commune, isClient: true), ct);
    }
}
