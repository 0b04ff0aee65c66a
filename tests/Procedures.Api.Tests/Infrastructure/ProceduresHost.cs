using System.Net;
using System.Text.Json;
using MassTransit;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Domain;

namespace Procedures.Api.Tests.Infrastructure;

/// <summary>What every host is prepared with, through the bus, as personnel would announce it.</summary>
public static class Seed
{
    public const string District = "giong-trom";
    public const string MyThanh = "my-thanh";
    public const string LuongHoa = "luong-hoa";
    /// <summary>Desk officer of my-thanh (Tư pháp – Hộ tịch), on the desk since the plan's day.</summary>
    public const string DeskOfficer = "mt-tu-phap";
    public const string DeskOfficerName = "Trần Văn Tư";
    /// <summary>A second my-thanh desk officer, for figures per handler.</summary>
    public const string SecondDeskOfficer = "mt-ho-tich";
    public const string SecondDeskOfficerName = "Lê Thị Hộ";
    /// <summary>Registered in my-thanh but never put on the desk.</summary>
    public const string NotOnDesk = "mt-van-phong";
    public const string LuongHoaDeskOfficer = "lh-mot-cua";
    public static readonly DateOnly OnDeskFrom = new(2015, 7, 9);
    public const string Phone = "0909123456";
    public const int StarterProcedures = 15;
}

/// <summary>
/// One started procedures service shared by the tests of a class, prepared with my-thanh (6 hamlets) and luong-hoa,
/// both in giong-trom, and the my-thanh and luong-hoa desk rosters. Tests in a class run one after another and each
/// sets the clock it needs.
/// </summary>
public class ProceduresHost : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ProceduresHost() : this(null) { }

    protected ProceduresHost(IReadOnlyDictionary<string, string?>? settings) => Factory = new ProceduresFactory(settings);

    public ProceduresFactory Factory { get; }
    public HttpClient Client { get; private set; } = null!;
    public ManualTimeProvider Clock => Factory.Clock;
    public Tokens Tokens => Factory.Tokens;

    public string Desk => Tokens.ForCommune(Seed.MyThanh, Roles.DeskOfficer);
    public string Office => Tokens.ForCommune(Seed.MyThanh, Roles.CommuneOffice);
    public string Leader => Tokens.ForCommune(Seed.MyThanh, Roles.CommuneLeader);
    public string LuongHoaDesk => Tokens.ForCommune(Seed.LuongHoa, Roles.DeskOfficer);
    public string DistrictOfficer => Tokens.ForDistrict(Seed.District, Roles.DistrictOfficer);

    public virtual async ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        var bus = (IBusControl)Factory.Services.GetService(typeof(IBusControl))!;
        // The in-memory transport drops what is published before the receive endpoints are bound.
        await Eventually.TrueAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), "the bus to start");

        var onboardedAt = new DateTime(2015, 7, 9, 1, 0, 0, DateTimeKind.Utc);
        await Factory.ConsumeAsync(new CommuneOnboarded
        {
            Commune = Seed.MyThanh, Name = "Xã Mỹ Thạnh", District = Seed.District, DistrictName = "Huyện Giồng Trôm", DistrictKind = DistrictKind.District,
            Hamlets = [.. Enumerable.Range(1, 6).Select(i => new Hamlet { Code = $"ap-{i}", Name = $"Ấp {i}" })],
            OnboardedAt = onboardedAt,
        });
        await Factory.ConsumeAsync(new CommuneOnboarded
        {
            Commune = Seed.LuongHoa, Name = "Xã Lương Hòa", District = Seed.District, DistrictName = "Huyện Giồng Trôm", DistrictKind = DistrictKind.District,
            Hamlets = [.. Enumerable.Range(1, 4).Select(i => new Hamlet { Code = $"ap-{i}", Name = $"Ấp {i}" })],
            OnboardedAt = onboardedAt,
        });
        await RegisterAsync(Seed.MyThanh, Seed.DeskOfficer, Seed.DeskOfficerName, "Công chức Tư pháp – Hộ tịch");
        await RegisterAsync(Seed.MyThanh, Seed.SecondDeskOfficer, Seed.SecondDeskOfficerName, "Công chức Văn hóa – Xã hội");
        await RegisterAsync(Seed.MyThanh, Seed.NotOnDesk, "Phạm Văn Phòng", "Công chức Văn phòng – Thống kê");
        await RegisterAsync(Seed.LuongHoa, Seed.LuongHoaDeskOfficer, "Võ Thị Lương", "Công chức Tư pháp – Hộ tịch");
        foreach (var (commune, staffId) in new[] { (Seed.MyThanh, Seed.DeskOfficer), (Seed.MyThanh, Seed.SecondDeskOfficer), (Seed.LuongHoa, Seed.LuongHoaDeskOfficer) })
            await Factory.ConsumeAsync(new DeskAssignmentChanged { Commune = commune, StaffId = staffId, OnDesk = true, From = Seed.OnDeskFrom });

        foreach (var commune in new[] { Seed.MyThanh, Seed.LuongHoa })
            Assert.Equal(Seed.StarterProcedures, (await Client.GetAsync($"/api/communes/{commune}/procedures", Ct).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        await AssertOnRosterAsync(Seed.MyThanh, Seed.DeskOfficer, onDesk: true);
        await AssertOnRosterAsync(Seed.MyThanh, Seed.SecondDeskOfficer, onDesk: true);
        await AssertOnRosterAsync(Seed.MyThanh, Seed.NotOnDesk, onDesk: false);
        await AssertOnRosterAsync(Seed.LuongHoa, Seed.LuongHoaDeskOfficer, onDesk: true);
    }

    private Task RegisterAsync(string commune, string staffId, string fullName, string position) =>
        Factory.ConsumeAsync(new StaffRegistered { Commune = commune, StaffId = staffId, FullName = fullName, Kind = StaffKind.CivilServant, Position = position });

    private async Task AssertOnRosterAsync(string commune, string staffId, bool onDesk)
    {
        var staff = (await Factory.Store.FindAsync<DeskStaff>(commune, staffId, Ct))?.Document;
        Assert.True(staff is { FullName: not null } && staff.OnDesk == onDesk, $"{staffId} on the roster of {commune}");
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
