using System.Diagnostics;
using System.Net;
using Platform.Gateway.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway refuses a token whose security stamp personnel lists as revoked (an account disabled, its password reset,
/// its staff member gone) without forwarding it, within its refresh period; other tokens, an API client's among them, pass.
/// </summary>
public sealed class SessionRevocationTests(Upstreams upstreams) : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new(upstreams, new Dictionary<string, string?> { ["Auth:RevokedSessionsRefreshSeconds"] = "1" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private string TokenWithStamp(string stamp, params string[] roles) =>
        upstreams.Tokens.Create(new Dictionary<string, object> { [ClaimNames.Commune] = "my-thanh", [ClaimNames.SecurityStamp] = stamp },
            roles.Length == 0 ? [Roles.DeskOfficer] : roles);

    [Theory]
    [InlineData("disabled")]
    [InlineData("password-reset")]
    [InlineData("staff-left")]
    public async Task A_token_with_a_revoked_stamp_is_401_and_not_forwarded_within_seconds(string cause)
    {
        using var client = _factory.CreateClient();
        var stamp = cause + "-" + Guid.NewGuid().ToString("N");
        var token = TokenWithStamp(stamp);
        var radio = TokenWithStamp(Guid.NewGuid().ToString("N"), Roles.Radio);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/communes/my-thanh/dossiers", token)).StatusCode);

        upstreams.Personnel.RevokedStamps[stamp] = DateTime.UtcNow.AddHours(8);
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        string marker;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            marker = "probe-" + Guid.NewGuid().ToString("N");
            response = await client.GetAsync("/api/communes/my-thanh/dossiers?probe=" + marker, token);
        } while (response.StatusCode != HttpStatusCode.Unauthorized && watch.Elapsed < TimeSpan.FromSeconds(30));

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("urn:cchc:problem:unauthenticated", problem.GetProperty("type").GetString());
        Assert.Empty(upstreams.ReceivedWith(marker));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"refused only after {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/communes/my-thanh/radio/items", radio)).StatusCode);
    }

    [Fact]
    public async Task A_stamp_revoked_until_a_past_time_no_longer_matters()
    {
        using var client = _factory.CreateClient();
        var stamp = Guid.NewGuid().ToString("N");
        var control = Guid.NewGuid().ToString("N");
        upstreams.Personnel.RevokedStamps[stamp] = DateTime.UtcNow.AddMinutes(-1);
        upstreams.Personnel.RevokedStamps[control] = DateTime.UtcNow.AddHours(8);
        // The control stamp's refusal shows the gateway has read the list that holds both.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/api/communes/my-thanh/dossiers", TokenWithStamp(control))).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "the gateway never read the list of revoked sessions");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/communes/my-thanh/dossiers", TokenWithStamp(stamp))).StatusCode);
    }
}
