using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.WebApp;

/// <summary>
/// The desk flow of <see cref="DeskTests"/> (without the PDF) through the distributed platform's gateway: the web host
/// behind it, its circuit over the gateway's WebSocket, the API through the gateway. A commune onboarded for the run,
/// its desk and desk officer set up through the API (no demo data there).
/// </summary>
public sealed class DistributedDeskTests(DistributedFixture fixture) : DistributedScenario(fixture), IClassFixture<DistributedFixture>, IAsyncLifetime
{
    private WebBrowser? _browser;

    public async ValueTask InitializeAsync() => _browser = await WebBrowser.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Fact]
    public async Task The_desk_receives_prints_assigns_resolves_and_returns_a_dossier_through_the_gateway()
    {
        if (_browser is null) Assert.Skip(WebBrowser.SkipReason);
        var (admin, commune) = await DeskFlow.OnboardAsync(Http, Fixture.Platform.DistrictAdmin, "Xã Giao Diện", Diagnostics);
        var username = "motcua." + commune;
        var password = "Desk-" + Guid.NewGuid().ToString("N")[..12];
        var provisioned = await DeskFlow.ProvisionDeskAsync(Http, admin, commune, username, password, Diagnostics);
        var desk = await Web.TokenAsync(Http, username, password);
        // The roster reaches procedures by events: the handler list of the assign form is read from it.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while ((await Web.GetAsync(Http, $"/api/communes/{commune}/desk-handlers", desk)).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{provisioned.DeskStaffId} never reached procedures' desk roster.\n{Diagnostics()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        var page = await Web.SignedInDeskAsync(_browser!, Fixture.Platform.BaseUrl, username, password);
        Assert.Equal("/can-bo/mot-cua", new Uri(page.Url).AbsolutePath);
        var received = await DeskUi.ReceiveAsync(page, "Nguyễn Văn Bình", Web.Phone());
        Assert.Equal($"{DateTime.UtcNow.AddHours(7).Year}-000001", received.ReceiptNo); // the commune's first dossier of the year
        var qr = await DeskUi.ReceiptQrAsync(page);
        Assert.Equal($"{Fixture.Platform.BaseUrl}/xa/{commune}/tra-cuu?so={received.ReceiptNo}", qr); // the gateway's address, not the web host's

        var code = await DeskUi.AssignResolveReturnAsync(page, received.Id, "Trần Thị Mai");
        var returned = await Web.GetAsync(Http, $"/api/communes/{commune}/dossiers/{received.Id}", desk);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal(code, returned.GetProperty("surveyCode").GetString());
        Assert.Equal(provisioned.DeskStaffId, returned.GetProperty("handlerId").GetString());
        await page.Context.CloseAsync();
    }
}
