using System.Globalization;
using System.Net;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>
/// Citizens' submissions (anonymous writes under /api/public and /open311) have a budget per client address of their own
/// (RateLimits:CitizenSubmissionsPerMinute), apart from anonymous reads and from staff. On real Kestrel so that clients
/// have addresses; each client connects from its own loopback address.
/// </summary>
public sealed class CitizenSubmissionLimitTests(Upstreams upstreams)
{
    private static (GatewayFactory Factory, Uri Address) Start(Upstreams upstreams, int submissionsPerMinute, int anonymousPerMinute, int staffPerMinute = 100_000) =>
        KestrelGateway.Start(upstreams, new Dictionary<string, string?>
        {
            ["RateLimits:CitizenSubmissionsPerMinute"] = submissionsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:AnonymousPerMinute"] = anonymousPerMinute.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:StaffPerMinute"] = staffPerMinute.ToString(CultureInfo.InvariantCulture),
        });

    private static HttpClient ClientFrom(string localAddress, Uri gateway) => KestrelGateway.ClientFrom(localAddress, gateway);

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string marker = "") =>
        client.SendAsync(HttpMethod.Post, "/api/public/communes/my-thanh/feedback?probe=" + marker, content: Http.Json(new { category = "other", content = "Góp ý" }));

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("urn:cchc:problem:rate-limited", problem.GetProperty("type").GetString());
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.InRange(response.Headers.RetryAfter.Delta.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Past_the_submission_limit_an_address_gets_429_on_every_submission_route_but_still_reads_up_to_the_anonymous_limit()
    {
        var (factory, address) = Start(upstreams, submissionsPerMinute: 3, anonymousPerMinute: 4);
        await using var _ = factory;
        using var citizen = ClientFrom("127.0.0.11", address);

        for (var i = 0; i < 3; i++) Assert.Equal("feedback", (await (await SubmitAsync(citizen)).EchoAsync()).Upstream);
        var marker = "flood-" + Guid.NewGuid().ToString("N");
        await AssertRateLimitedAsync(await SubmitAsync(citizen, marker));
        await AssertRateLimitedAsync(await citizen.SendAsync(HttpMethod.Post, $"/api/public/surveys/ABCDEFGHJK?probe={marker}", content: Http.Json(new { level = "satisfied" })));
        await AssertRateLimitedAsync(await citizen.SendAsync(HttpMethod.Post, $"/open311/v2/requests.json?probe={marker}",
            content: new FormUrlEncodedContent([new("jurisdiction_id", "my-thanh"), new("service_code", "other"), new("description", "x")])));
        Assert.Empty(upstreams.ReceivedWith(marker));

        // Reading public pages is another budget: the anonymous one, which the submissions did not use.
        foreach (var path in new[] { "/api/public/communes/my-thanh/feedback/answers", "/open311/v2/services.json?jurisdiction_id=my-thanh",
                     "/api/public/surveys/ABCDEFGHJK", "/api/communes/my-thanh/procedures" })
            await (await citizen.GetAsync(path, token: null)).EchoAsync();
        await AssertRateLimitedAsync(await citizen.GetAsync("/api/public/communes/my-thanh/feedback/answers", token: null));
    }

    [Fact]
    public async Task A_flood_of_submissions_from_one_address_leaves_other_citizens_and_staff_answered()
    {
        var (factory, address) = Start(upstreams, submissionsPerMinute: 2, anonymousPerMinute: 100, staffPerMinute: 5);
        await using var _ = factory;
        using var flooder = ClientFrom("127.0.0.12", address);
        using var neighbour = ClientFrom("127.0.0.13", address);
        using var office = ClientFrom("127.0.0.12", address); // staff behind the same address (the commune's office network)

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++) responses.Add(await SubmitAsync(flooder));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(18, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));

        await (await SubmitAsync(neighbour)).EchoAsync();
        var staff = upstreams.Tokens.ForCommune("my-thanh", "commune-office");
        for (var i = 0; i < 4; i++)
            Assert.Equal("feedback", (await (await office.GetAsync("/api/communes/my-thanh/feedback", staff)).EchoAsync()).Upstream);
        // A staff transcription from the flooded address is a staff request, not a citizen submission.
        await (await office.SendAsync(HttpMethod.Post, "/api/communes/my-thanh/feedback", staff, content: Http.Json(new { channel = "desk-box" }))).EchoAsync();
        // Staff count against their commune's own budget (5 here), not the flood's.
        await AssertRateLimitedAsync(await office.GetAsync("/api/communes/my-thanh/feedback", staff));
    }
}
