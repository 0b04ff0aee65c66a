using System.Diagnostics;
using System.Net;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>
/// Disabling an account, resetting its password or its staff member leaving ends the tokens issued before: personnel's
/// own check (403 for a role that may not read the probe still proves the token was accepted; 401 is the refusal) (the token's stamp against the revoked list, fed by the event and by the store), within seconds.
/// </summary>
public sealed class SessionRevocationTests : IAsyncLifetime
{
    private const string Probe = "/api/communes/my-thanh/staff";
    private PersonnelFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new PersonnelFactory();
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<TimeSpan> RefusedWithinAsync(string token, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var response = await _client.GetAsync(Probe, token);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
                return watch.Elapsed;
            }
            Assert.True(watch.Elapsed < within, $"the revoked token still answered {(int)response.StatusCode} after {watch.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<string> AcceptedTokenAsync(string username, string password = Demo.Password)
    {
        var token = await _client.TokenAsync(username, password);
        // The desk officer may not read the registry (403), but the token is taken: not 401.
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await _client.GetAsync(Probe, token)).StatusCode);
        return token;
    }

    [Fact]
    public async Task A_disabled_accounts_token_is_refused_at_once_and_a_new_one_after_enabling_works()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        var officer = await AcceptedTokenAsync(Demo.DeskOfficer);
        var radio = await _client.ClientTokenAsync(Demo.RadioClient);

        await (await _client.PostJsonAsync($"/api/communes/my-thanh/accounts/{Demo.DeskOfficer}/disable", admin, new { })).JsonAsync(HttpStatusCode.OK);

        await RefusedWithinAsync(officer, TimeSpan.FromSeconds(20));
        await (await _client.PostJsonAsync($"/api/communes/my-thanh/accounts/{Demo.DeskOfficer}/enable", admin, new { })).JsonAsync(HttpStatusCode.OK);
        await AcceptedTokenAsync(Demo.DeskOfficer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(Probe, officer)).StatusCode); // enabling does not revive it
        // Other accounts' tokens, the radio client's among them, keep working.
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/communes/my-thanh/staff", admin)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await _client.GetAsync(Probe, radio)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_tokens_issued_with_the_old_password()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        var officer = await AcceptedTokenAsync(Demo.DeskOfficer);

        await (await _client.PostJsonAsync($"/api/communes/my-thanh/accounts/{Demo.DeskOfficer}/reset-password", admin, new { password = "MoiHon2027" }))
            .JsonAsync(HttpStatusCode.OK);

        await RefusedWithinAsync(officer, TimeSpan.FromSeconds(20));
        await AcceptedTokenAsync(Demo.DeskOfficer, "MoiHon2027");
    }

    [Fact]
    public async Task A_staff_member_who_leaves_loses_the_sessions_of_every_account()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        var officer = await AcceptedTokenAsync(Demo.DeskOfficer);

        await (await _client.PostJsonAsync($"/api/communes/my-thanh/staff/{PersonnelSteps.DeskStaff}/status", admin, new { status = "left" }))
            .JsonAsync(HttpStatusCode.OK);

        await RefusedWithinAsync(officer, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_revoked_list_names_stamps_and_no_account()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        var stamp = PersonnelApi.JwtPayload(await _client.TokenAsync(Demo.DeskOfficer)).GetProperty("sst").GetString()!;
        await (await _client.PostJsonAsync($"/api/communes/my-thanh/accounts/{Demo.DeskOfficer}/disable", admin, new { })).JsonAsync(HttpStatusCode.OK);

        var list = await (await _client.GetAsync("/api/auth/revoked-sessions")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(stamp, list);
        Assert.DoesNotContain(Demo.DeskOfficer, list);
    }
}
