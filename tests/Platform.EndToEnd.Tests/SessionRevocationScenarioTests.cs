using System.Diagnostics;
using System.Net;
using static Platform.EndToEnd.Tests.DeskFlow;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Disabling an account, resetting its password, its staff member leaving: the token issued before is refused through the
/// front door (gateway and services, or the standalone host) within a minute, by personnel and by procedures alike.
/// </summary>
public static class RevocationFlow
{
    public enum Cause { Disabled, PasswordReset, StaffLeft }

    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Creates a commune-office account, takes its token, applies the cause and returns how long the token lived on.</summary>
    public static async Task<TimeSpan> RevokeAsync(HttpClient http, string admin, string commune, Cause cause, Func<string> diagnostics)
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = await JsonAsync(await http.SendAsync(Request(HttpMethod.Post, $"/api/communes/{commune}/staff", admin, new
        {
            fullName = "Nguyễn Văn Thử", kind = "civil-servant", position = "van-hoa-xa-hoi", phone = "0275 3861 099", qualifications = Array.Empty<string>(),
        }), ct), HttpStatusCode.Created, "register staff");
        var staffId = staff.GetProperty("staff").GetProperty("id").GetString()!;
        var username = "thu." + Guid.NewGuid().ToString("N")[..8];
        const string password = "MatKhau2025";
        await JsonAsync(await http.SendAsync(Request(HttpMethod.Post, $"/api/communes/{commune}/accounts", admin, new
        {
            staffId, username, password, roles = new[] { "commune-office" },
        }), ct), HttpStatusCode.Created, "create account");
        var token = await TokenAsync(http, username, password, diagnostics);
        string[] probes = [$"/api/communes/{commune}/staff", $"/api/communes/{commune}/dossiers"];
        foreach (var probe in probes)
            await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, probe, token), ct), HttpStatusCode.OK, "before: " + probe);

        var (path, body) = cause switch
        {
            Cause.Disabled => ($"/api/communes/{commune}/accounts/{username}/disable", (object)new { }),
            Cause.PasswordReset => ($"/api/communes/{commune}/accounts/{username}/reset-password", new { password = "MoiHon2027" }),
            _ => ($"/api/communes/{commune}/staff/{staffId}/status", new { status = "left" }),
        };
        await JsonAsync(await http.SendAsync(Request(HttpMethod.Post, path, admin, body), ct), HttpStatusCode.OK, cause.ToString());
        var watch = Stopwatch.StartNew();
        var pending = probes.ToList();
        while (pending.Count > 0)
        {
            foreach (var probe in pending.ToList())
            {
                var response = await http.SendAsync(Request(HttpMethod.Get, probe, token), ct);
                if (response.StatusCode != HttpStatusCode.Unauthorized) continue;
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("urn:cchc:problem:unauthenticated", await response.Content.ReadAsStringAsync(ct));
                pending.Remove(probe);
            }
            if (watch.Elapsed > Bound) Assert.Fail($"{cause}: {string.Join(", ", pending)} still took the token after {watch.Elapsed}\n{diagnostics()}");
            await Task.Delay(100, ct);
        }
        // The admin's own token is untouched.
        await JsonAsync(await http.SendAsync(Request(HttpMethod.Get, probes[1], admin), ct), HttpStatusCode.OK, "admin after");
        return watch.Elapsed;
    }
}

public sealed class StandaloneSessionRevocationTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(RevocationFlow.Cause.Disabled)]
    [InlineData(RevocationFlow.Cause.PasswordReset)]
    [InlineData(RevocationFlow.Cause.StaffLeft)]
    public async Task A_revoked_accounts_token_is_refused_within_a_minute(RevocationFlow.Cause cause)
    {
        var (admin, commune) = await OnboardAsync(_http, fixture.Platform.DistrictAdmin, "Xã Thu Hồi", () => fixture.Platform.Diagnostics);
        var delay = await RevocationFlow.RevokeAsync(_http, admin, commune, cause, () => fixture.Platform.Diagnostics);
        TestContext.Current.TestOutputHelper?.WriteLine($"standalone {cause}: refused after {delay.TotalMilliseconds:F0} ms");
    }
}

public sealed class DistributedSessionRevocationTests(DistributedFixture fixture) : DistributedScenario(fixture), IClassFixture<DistributedFixture>
{
    [Theory]
    [InlineData(RevocationFlow.Cause.Disabled)]
    [InlineData(RevocationFlow.Cause.PasswordReset)]
    [InlineData(RevocationFlow.Cause.StaffLeft)]
    public async Task A_revoked_accounts_token_is_refused_through_the_gateway_within_a_minute(RevocationFlow.Cause cause)
    {
        var (admin, commune) = await OnboardAsync(Http, Fixture.Platform.DistrictAdmin, "Xã Thu Hồi", Diagnostics);
        var delay = await RevocationFlow.RevokeAsync(Http, admin, commune, cause, Diagnostics);
        TestContext.Current.TestOutputHelper?.WriteLine($"distributed {cause}: refused after {delay.TotalMilliseconds:F0} ms");
    }
}
