using System.Net;
using MassTransit;
using Feedback.Api.Domain;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Security;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>What every host is prepared with, through the bus, as personnel and procedures would announce it.</summary>
public static class Seed
{
    public const string District = "giong-trom";
    public const string OtherDistrict = "cho-lach";
    public const string MyThanh = "my-thanh";
    public const string LuongHoa = "luong-hoa";
    public const int MyThanhHamlets = 6;
    /// <summary>Desk officer of my-thanh: the officer conduct complaints are about.</summary>
    public const string DeskOfficer = "mt-tu-phap";
    public const string DeskOfficerName = "Trần Văn Tư";
    public const string OfficeClerk = "mt-van-phong";
    public const string OfficeClerkName = "Lê Văn Tâm";
    public const string Chairman = "mt-chu-tich";
    public const string LuongHoaDeskOfficer = "lh-mot-cua";
    public const string Marriage = "ho-tich-ket-hon";
    public const string MarriageName = "Đăng ký kết hôn";
    public const string Birth = "ho-tich-khai-sinh";
    public const string BirthName = "Đăng ký khai sinh";
    public const string Residence = "cu-tru-thuong-tru";
    public const string ResidenceName = "Đăng ký thường trú";
}

/// <summary>
/// One started feedback service shared by the tests of a class, prepared with my-thanh (6 hamlets) and luong-hoa
/// (4 hamlets), both in giong-trom, their staff and procedures: the events the service consumes, published on its bus.
/// Tests in a class run one after another and each sets the clock it needs.
/// </summary>
public class FeedbackHost : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FeedbackHost() : this(null) { }

    protected FeedbackHost(IReadOnlyDictionary<string, string?>? settings, bool kestrel = false) => Factory = new FeedbackFactory(settings, kestrel);

    public FeedbackFactory Factory { get; }
    public HttpClient Client { get; private set; } = null!;
    public ManualTimeProvider Clock => Factory.Clock;
    public Tokens Tokens => Factory.Tokens;

    public string Desk => Tokens.ForCommune(Seed.MyThanh, Roles.DeskOfficer);
    public string Office => Tokens.Named(Seed.OfficeClerkName, Seed.MyThanh, Roles.CommuneOffice);
    public string Leader => Tokens.ForCommune(Seed.MyThanh, Roles.CommuneLeader);
    public string LuongHoaOffice => Tokens.ForCommune(Seed.LuongHoa, Roles.CommuneOffice);
    public string DistrictOfficer => Tokens.ForDistrict(Seed.District, Roles.DistrictOfficer);

    public virtual async ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        var bus = (IBusControl)Factory.Services.GetService(typeof(IBusControl))!;
        // The in-memory transport drops what is published before the receive endpoints are bound.
        await Eventually.TrueAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), "the bus to start", TimeSpan.FromSeconds(60));

        await OnboardAsync(Seed.MyThanh, "Xã Mỹ Thạnh", Seed.MyThanhHamlets);
        await OnboardAsync(Seed.LuongHoa, "Xã Lương Hòa", 4);
        await RegisterAsync(Seed.MyThanh, Seed.DeskOfficer, Seed.DeskOfficerName);
        await RegisterAsync(Seed.MyThanh, Seed.OfficeClerk, Seed.OfficeClerkName);
        await RegisterAsync(Seed.MyThanh, Seed.Chairman, "Phạm Thanh Diễn");
        await RegisterAsync(Seed.LuongHoa, Seed.LuongHoaDeskOfficer, "Võ Thị Lương");
        await AnnounceAsync(Seed.MyThanh, Seed.Marriage, Seed.MarriageName);
        await AnnounceAsync(Seed.MyThanh, Seed.Birth, Seed.BirthName);
        await AnnounceAsync(Seed.MyThanh, Seed.Residence, Seed.ResidenceName);
        await AnnounceAsync(Seed.LuongHoa, Seed.Marriage, Seed.MarriageName);

        foreach (var (commune, hamlets) in new[] { (Seed.MyThanh, Seed.MyThanhHamlets), (Seed.LuongHoa, 4) })
            Assert.Equal(hamlets + 5, (await Client.GetAsync($"/api/public/communes/{commune}/feedback/channels", Ct).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    private Task OnboardAsync(string commune, string name, int hamlets) =>
        Factory.ConsumeAsync(new CommuneOnboarded
        {
            Commune = commune, Name = name, District = Seed.District, DistrictName = "Huyện Giồng Trôm", DistrictKind = DistrictKind.District,
            Hamlets = [.. Enumerable.Range(1, hamlets).Select(i => new Hamlet { Code = $"ap-{i}", Name = $"Ấp {i}" })],
            OnboardedAt = new DateTime(2015, 7, 9, 1, 0, 0, DateTimeKind.Utc),
        });

    private Task RegisterAsync(string commune, string staffId, string fullName) =>
        Factory.ConsumeAsync(new StaffRegistered { Commune = commune, StaffId = staffId, FullName = fullName, Kind = StaffKind.CivilServant, Position = "van-phong-thong-ke" });

    private Task AnnounceAsync(string commune, string code, string name) =>
        Factory.ConsumeAsync(new ProcedureChanged
        {
            Commune = commune, ProcedureCode = code, Name = name, Field = "tu-phap-ho-tich", Revision = 1, EffectiveFrom = new DateOnly(2015, 7, 9),
            ProcessingDays = 5, ComponentCount = 2, Posted = true,
        });

    /// <summary>Announces a returned dossier, as procedures does, and waits until it is consumed: its survey code can be used.</summary>
    public async Task<string> ReturnDossierAsync(string commune = Seed.MyThanh, string procedureCode = Seed.Marriage, string? handlerId = Seed.DeskOfficer,
        string? surveyCode = null)
    {
        var code = surveyCode ?? TrackingCodes.New();
        await Factory.ConsumeAsync(new DossierReturned
        {
            Commune = commune, DossierId = Guid.NewGuid().ToString("N")[..12], ProcedureCode = procedureCode, HandlerId = handlerId, SurveyCode = code,
            ReturnedAt = Clock.GetUtcNow().UtcDateTime,
        });
        return code;
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
