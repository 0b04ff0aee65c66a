using System.Net;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>
/// Anonymous routes are limited per client address, staff routes per commune (or district). Each test has its own
/// gateway, so its limiter starts empty. Under TestServer the client address is null, so every anonymous request of a
/// test falls into the same bucket, which is what these tests need.
/// </summary>
public sealed class RateLimitTests(Upstreams upstreams)
{
    private GatewayFactory Gateway(int anonymousPerMinute, int staffPerMinute, int accountPerMinute = 100) => new(upstreams, new Dictionary<string, string?>
    {
        ["RateLimits:AnonymousPerMinute"] = anonymousPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:StaffPerMinute"] = staffPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:AccountPerMinute"] = accountPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("urn:cchc:problem:rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.Equal("Có quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.", problem.GetProperty("detail").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        var delta = response.Headers.RetryAfter.Delta;
        Assert.NotNull(delta);
        Assert.InRange(delta.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_fourth_anonymous_request_in_a_minute_is_429_with_retry_after_and_not_forwarded()
    {
        await using var factory = Gateway(anonymousPerMinute: 3, staffPerMinute: 100);
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
        var marker = "probe-" + Guid.NewGuid().ToString("N");
        var fourth = await client.GetAsync("/api/communes/my-thanh/procedures?probe=" + marker, token: null);

        await AssertRateLimitedAsync(fourth);
        Assert.Empty(upstreams.ReceivedWith(marker));
        // The budget is per client, not per route: another public page is limited too (citizens' submissions have a budget
        // of their own: CitizenSubmissionLimitTests).
        await AssertRateLimitedAsync(await client.GetAsync("/api/public/communes/my-thanh/feedback/answers", token: null));
    }

    [Fact]
    public async Task Staff_of_one_commune_share_a_budget_that_does_not_touch_other_communes()
    {
        await using var factory = Gateway(anonymousPerMinute: 100, staffPerMinute: 3);
        var client = factory.CreateClient();
        var tokens = upstreams.Tokens;

        // Three different staff members of my-thanh (different sub) share the commune's budget.
        for (var i = 0; i < 3; i++)
            await (await client.GetAsync("/api/communes/my-thanh/dossiers", tokens.ForCommune("my-thanh"))).EchoAsync();
        await AssertRateLimitedAsync(await client.GetAsync("/api/communes/my-thanh/dossiers", tokens.ForCommune("my-thanh")));
        await AssertRateLimitedAsync(await client.GetAsync("/api/communes/my-thanh/staff", tokens.ForCommune("my-thanh", "commune-leader")));

        await (await client.GetAsync("/api/communes/luong-hoa/dossiers", tokens.ForCommune("luong-hoa"))).EchoAsync();
        await (await client.GetAsync("/api/districts/giong-trom/scoreboard", tokens.ForDistrict("giong-trom"))).EchoAsync();
        // Public routes are still open to everyone, staff of my-thanh included (they count against the client's address).
        await (await client.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
    }

    [Fact]
    public async Task One_account_reaches_its_own_limit_and_leaves_the_rest_of_its_communes_budget_to_colleagues()
    {
        await using var factory = Gateway(anonymousPerMinute: 100, staffPerMinute: 6, accountPerMinute: 2);
        var client = factory.CreateClient();
        var runaway = upstreams.Tokens.ForCommune("my-thanh"); // one account: the same subject on every request

        for (var i = 0; i < 2; i++)
            await (await client.GetAsync("/api/communes/my-thanh/dossiers", runaway)).EchoAsync();
        var marker = "probe-" + Guid.NewGuid().ToString("N");
        await AssertRateLimitedAsync(await client.GetAsync("/api/communes/my-thanh/dossiers?probe=" + marker, runaway));
        await AssertRateLimitedAsync(await client.GetAsync("/api/communes/my-thanh/staff", runaway));
        Assert.Empty(upstreams.ReceivedWith(marker));

        // Colleagues of the same commune still have the commune's budget: 6 in all, 2 of them spent by the runaway account.
        for (var i = 0; i < 4; i++)
            await (await client.GetAsync("/api/communes/my-thanh/dossiers", upstreams.Tokens.ForCommune("my-thanh", "commune-leader"))).EchoAsync();
        // ... and the commune's limit still holds above the accounts'.
        await AssertRateLimitedAsync(await client.GetAsync("/api/communes/my-thanh/dossiers", upstreams.Tokens.ForCommune("my-thanh")));
    }

    [Fact]
    public async Task Anonymous_flooding_does_not_consume_the_staff_budget()
    {
        await using var factory = Gateway(anonymousPerMinute: 3, staffPerMinute: 3);
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync("/api/calendar/2025/holidays", token: null)).EchoAsync();
        await AssertRateLimitedAsync(await client.GetAsync("/api/calendar/2025/holidays", token: null));

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync("/api/communes/my-thanh/dossiers", upstreams.Tokens.ForCommune("my-thanh"))).EchoAsync();
        await AssertRateLimitedAsync(await client.GetAsync("/api/communes/my-thanh/dossiers", upstreams.Tokens.ForCommune("my-thanh")));
    }

    [Fact]
    public async Task Requests_refused_for_want_of_a_token_do_not_consume_the_anonymous_budget()
    {
        await using var factory = Gateway(anonymousPerMinute: 3, staffPerMinute: 3);
        var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
            await (await client.GetAsync("/api/communes/my-thanh/dossiers", token: null)).ProblemAsync(HttpStatusCode.Unauthorized);

        for (var i = 0; i < 3; i++)
            await (await client.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
    }

    [Fact]
    public async Task Health_probes_are_never_rate_limited()
    {
        await using var factory = Gateway(anonymousPerMinute: 2, staffPerMinute: 2);
        var client = factory.CreateClient();

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", token: null)).StatusCode);
        await (await client.GetAsync("/api/communes/my-thanh/procedures", token: null)).EchoAsync();
    }
}
