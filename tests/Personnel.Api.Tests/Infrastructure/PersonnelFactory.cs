using Personnel.Api.Infrastructure;

namespace Personnel.Api.Tests.Infrastructure;

/// <summary>
/// The personnel service in demo mode: district giong-trom with communes my-thanh and luong-hoa, the district admin
/// noivu.giongtrom, the my-thanh accounts and the radio-mythanh client, all with <see cref="Demo.Password"/>. It keeps the
/// system clock unless <paramref name="manualClock"/> asks for the factory's <see cref="ManualTimeProvider"/>.
/// </summary>
public sealed class PersonnelFactory(bool manualClock = false, bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null)
    : ServiceFactory<PersonnelData>(Demo.Settings.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(), kestrel, manualClock);

/// <summary>One started service shared by the tests of a class (for tests that do not touch lockout counters).</summary>
public sealed class PersonnelHost : IAsyncLifetime
{
    public PersonnelFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>What demo mode seeds.</summary>
public static class Demo
{
    public const string Password = "Demo@2015";
    public const string District = "giong-trom";
    public const string MyThanh = "my-thanh";
    public const string LuongHoa = "luong-hoa";
    public const string DistrictAdmin = "noivu.giongtrom";
    public const string DeskOfficer = "motcua.mythanh";
    public const string Leader = "chutich.mythanh";
    public const string RadioClient = "radio-mythanh";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Bootstrap:District:Code"] = District,
        ["Bootstrap:District:Name"] = "Huyện Giồng Trôm",
        ["Bootstrap:Admin:Username"] = DistrictAdmin,
        ["Bootstrap:Admin:Password"] = Password,
        ["Demo:Enabled"] = "true",
    };
}
