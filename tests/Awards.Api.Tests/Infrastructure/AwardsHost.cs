using System.Net;
using System.Text.Json;
using Awards.Api.Domain;
using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;

namespace Awards.Api.Tests.Infrastructure;

public static class Seed
{
    public const string District = "giong-trom";
    public const string OtherDistrict = "cho-lach";
    public const string MyThanh = "my-thanh";
    public const string LuongHoa = "luong-hoa";
    public const string SonDinh = "son-dinh";
    public const string Desk = "mt-tu-phap";
    public const string DeskName = "Trần Thị Mai";
    public const string Culture = "mt-van-hoa";
    public const string CultureName = "Nguyễn Thị Lan";
    public const string Office = "mt-van-phong";
    public const string OfficeName = "Lê Văn Tâm";
    public const string LuongHoaStaff = "lh-mot-cua";

    /// <summary>The five staff members <see cref="CouncilHost"/> registers and seats on the council of 2015–2020.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Council =
    [
        ("council-1", "Phạm Thanh Diễn"), ("council-2", "Nguyễn Văn Hùng"), ("council-3", "Võ Thị Hoa"), ("council-4", "Huỳnh Văn Bé"), ("council-5", "Đặng Thị Hạnh"),
    ];

    public static string CouncilStaff(int n) => Council[n - 1].Id;
    public static string CouncilName(int n) => Council[n - 1].Name;
}

/// <summary>
/// One started awards service shared by the tests of a class: my-thanh and luong-hoa (giong-trom) and son-dinh
/// (cho-lach) onboarded through the bus, a few my-thanh staff registered. Tests set the clock they need and use
/// their own year so that quotas of one test never touch another's.
/// </summary>
public class AwardsHost : IAsyncLifetime
{
    public AwardsHost() : this(null) { }

    protected AwardsHost(IReadOnlyDictionary<string, string?>? settings) => Factory = new AwardsFactory(settings);

    public AwardsFactory Factory { get; }
    public HttpClient Client { get; private set; } = null!;
    public ManualTimeProvider Clock => Factory.Clock;
    public Tokens Tokens => Factory.Tokens;

    public string Office => Tokens.ForCommune(Seed.MyThanh, Roles.CommuneOffice);
    public string Leader => Tokens.ForCommune(Seed.MyThanh, Roles.CommuneLeader);
    public string Radio => Tokens.ForCommune(Seed.MyThanh, Roles.Radio);
    public string DistrictOfficer => Tokens.ForDistrict(Seed.District, Roles.DistrictOfficer);
    /// <summary>Council member n's account (<c>hdtdkt{n}</c>) of staff member <c>council-{n}</c>.</summary>
    public string Member(int n, string commune = Seed.MyThanh) => Tokens.Staff($"hdtdkt{n}", Seed.CouncilStaff(n), commune, Roles.EmulationCouncil);

    public virtual async ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        var bus = (IBusControl)Factory.Services.GetService(typeof(IBusControl))!;
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        foreach (var (commune, name, district) in new[]
                 {
                     (Seed.MyThanh, "Xã Mỹ Thạnh", Seed.District), (Seed.LuongHoa, "Xã Lương Hòa", Seed.District), (Seed.SonDinh, "Xã Sơn Định", Seed.OtherDistrict),
                 })
            await Factory.ConsumeAsync(new CommuneOnboarded
            {
                Commune = commune, Name = name, District = district, DistrictName = "Huyện", DistrictKind = DistrictKind.District,
                Hamlets = [new Hamlet { Code = "ap-1", Name = "Ấp 1" }], OnboardedAt = new DateTime(2015, 7, 9, 1, 0, 0, DateTimeKind.Utc),
            });
        foreach (var (commune, id, name) in new[]
                 {
                     (Seed.MyThanh, Seed.Desk, Seed.DeskName), (Seed.MyThanh, Seed.Culture, Seed.CultureName), (Seed.MyThanh, Seed.Office, Seed.OfficeName),
                     (Seed.LuongHoa, Seed.LuongHoaStaff, "Võ Thị Lương"),
                 })
            await Factory.ConsumeAsync(new StaffRegistered { Commune = commune, StaffId = id, FullName = name, Kind = StaffKind.CivilServant, Position = "van-hoa-xa-hoi" });
    }

    public static string CouncilPath(int year, string campaign = Movement.Id, string commune = Seed.MyThanh) =>
        $"/api/communes/{commune}/campaigns/{campaign}/years/{year}/council";

    /// <summary>Names the council of a year through the API: staff ids in order, seats as many as named unless <paramref name="size"/> says.</summary>
    public async Task<JsonElement> SeatCouncilAsync(int year, IEnumerable<string> staffIds, int? size = null, string campaign = Movement.Id) =>
        await Client.PutJsonAsync(CouncilPath(year, campaign), Office, new { size, members = staffIds.Select(id => new { staffId = id }).ToArray() })
            .JsonAsync(HttpStatusCode.OK);

    public async Task<JsonElement> GetAsync(string path, string token) => await Client.GetAsync(path, token).JsonAsync(HttpStatusCode.OK);

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// An <see cref="AwardsHost"/> whose Mỹ Thạnh has a council: five more staff members (<see cref="Seed.Council"/>) registered
/// and named as the council of each year of the movement (2015–2020), five seats.
/// </summary>
public sealed class CouncilHost : AwardsHost
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (id, name) in Seed.Council)
            await Factory.ConsumeAsync(new StaffRegistered { Commune = Seed.MyThanh, StaffId = id, FullName = name, Kind = StaffKind.Cadre, Position = "pho-chu-tich-ubnd" });
        for (var year = Movement.FromYear; year <= Movement.ToYear; year++) await SeatCouncilAsync(year, Seed.Council.Select(c => c.Id));
    }
}
