using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Personnel.Api.Domain;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>
/// Failed sign-ins slow down by name (known or not, alike) and by client address, never a long lock a stranger can set.
/// The service listens on loopback and trusts it as a proxy, so each test's X-Forwarded-For plays a client's address.
/// </summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const string Wrong = "Demo@2016";
    private const string Stranger = "203.0.113.7";
    private const string Officer = "198.51.100.20";
    private PersonnelFactory _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new PersonnelFactory(manualClock: true, kestrel: true, settings: new Dictionary<string, string?> { ["Edge:TrustedProxies:0"] = "127.0.0.1/32" });
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> SignInAsync(string username, string password, string from) =>
        _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { username, password }),
            Headers = { { "X-Forwarded-For", from } },
        }, Ct);

    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        // The correlation id differs per request, by design; everything else must be the same.
        body = System.Text.RegularExpressions.Regex.Replace(body, "\"(correlationId|traceId)\":\"[^\"]*\"", "\"$1\":\"-\"");
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? string.Join(",", values) : "-";
        return $"{(int)response.StatusCode} retry-after={retryAfter} {body}";
    }

    [Fact]
    public async Task An_unknown_name_is_answered_exactly_as_a_known_one_through_and_after_a_run_of_failures()
    {
        const string unknown = "khongco.mythanh";
        for (var i = 1; i <= 8; i++)
        {
            var known = await AnswerAsync(await SignInAsync(Demo.DeskOfficer, Wrong, "192.0.2." + i));
            var missing = await AnswerAsync(await SignInAsync(unknown, Wrong, "192.0.2." + (100 + i)));
            Assert.Equal(known, missing);
            if (i <= SignInThrottle.FreeFailures) Assert.StartsWith("401", known);
            else Assert.StartsWith("429", known); // slowed down, known or not: no account-locked that only real accounts say
        }
        // The right password while the name is slowed down is refused like any other try.
        Assert.StartsWith("429", await AnswerAsync(await SignInAsync(Demo.DeskOfficer, Demo.Password, "192.0.2.50")));
    }

    [Fact]
    public async Task An_unknown_name_costs_a_password_hash_like_a_known_one()
    {
        async Task<TimeSpan> TimeAsync(string username, int i)
        {
            var watch = Stopwatch.StartNew();
            await SignInAsync(username, Wrong, "192.0.2." + i);
            return watch.Elapsed;
        }
        await TimeAsync(Demo.Leader, 1); // warm up
        var known = new List<TimeSpan>();
        var missing = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            known.Add(await TimeAsync(Demo.Leader, 10 + i));
            missing.Add(await TimeAsync("khongco" + i, 20 + i));
        }
        var (k, m) = (known.Order().ElementAt(1).TotalMilliseconds, missing.Order().ElementAt(1).TotalMilliseconds);
        Assert.True(m > k / 3, $"an unknown name answered in {m:F1} ms, a known one in {k:F1} ms: the miss skips the hash");
    }

    [Fact]
    public async Task A_strangers_address_is_throttled_whatever_names_it_tries()
    {
        for (var i = 0; i < SignInThrottle.AddressFailures; i++)
            await (await SignInAsync("ten" + i + ".mythanh", Wrong, Stranger)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        var next = await SignInAsync("moi.mythanh", Wrong, Stranger);

        await next.ProblemAsync(HttpStatusCode.TooManyRequests, "sign-in-throttled");
        Assert.True(int.Parse(next.Headers.GetValues("Retry-After").Single()) > 60, "the address waits for its window, minutes");
        await (await SignInAsync(Demo.Leader, Demo.Password, Stranger)).ProblemAsync(HttpStatusCode.TooManyRequests, "sign-in-throttled");
        // Another address is not slowed by the stranger's.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Demo.Leader, Demo.Password, Officer)).StatusCode);
        _factory.Clock.Advance(SignInThrottle.AddressWindow + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Demo.Leader, Demo.Password, Stranger)).StatusCode);
    }

    [Fact]
    public async Task The_desk_officer_signs_in_from_another_address_within_seconds_of_a_strangers_attack()
    {
        // A stranger hammers the desk officer's name from one address until that address is throttled.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            answers.Add((await SignInAsync(Demo.DeskOfficer, Wrong + i, Stranger)).StatusCode);
            _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.True(answers.Count(s => s == HttpStatusCode.Unauthorized) <= SignInThrottle.AddressFailures, string.Join(",", answers));

        var first = await SignInAsync(Demo.DeskOfficer, Demo.Password, Officer);
        if (first.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = int.Parse(first.Headers.GetValues("Retry-After").Single());
            Assert.InRange(wait, 1, (int)SignInThrottle.MaxBackoff.TotalSeconds);
            _factory.Clock.Advance(TimeSpan.FromSeconds(wait));
            first = await SignInAsync(Demo.DeskOfficer, Demo.Password, Officer);
        }
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task The_slow_down_grows_by_doubling_and_is_capped_at_seconds()
    {
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            await (await SignInAsync(Demo.DeskOfficer, Wrong, "192.0.2.1")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var waits = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var slowed = await SignInAsync(Demo.DeskOfficer, Wrong, "192.0.2." + (2 + i));
            await slowed.ProblemAsync(HttpStatusCode.TooManyRequests, "sign-in-throttled");
            var wait = int.Parse(slowed.Headers.GetValues("Retry-After").Single());
            waits.Add(wait);
            _factory.Clock.Advance(TimeSpan.FromSeconds(wait));
            await (await SignInAsync(Demo.DeskOfficer, Wrong, "192.0.2." + (2 + i))).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        }
        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits);
    }

    [Fact]
    public async Task A_success_and_a_password_reset_clear_the_slow_down()
    {
        for (var i = 0; i < 4; i++) await SignInAsync(Demo.DeskOfficer, Wrong, Officer);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Demo.DeskOfficer, Demo.Password, Officer)).StatusCode);
        for (var i = 0; i < 4; i++)
            await (await SignInAsync(Demo.DeskOfficer, Wrong, Officer)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Demo.DeskOfficer, Demo.Password, Officer)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_are_each_refused_as_401_or_429_never_a_conflict()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SignInAsync(Demo.DeskOfficer, Wrong, "192.0.2." + i)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { 401, 429 }));
        Assert.True(statuses.Count(s => s == 401) <= SignInThrottle.FreeFailures, string.Join(",", statuses));
    }

    [Fact]
    public async Task The_radio_client_is_slowed_like_a_user_and_a_users_name_as_a_client_does_not_slow_the_user()
    {
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++) await _client.SignInClientAsync(Demo.RadioClient, Wrong);
        await (await _client.SignInClientAsync(Demo.RadioClient)).ProblemAsync(HttpStatusCode.TooManyRequests, "sign-in-throttled");
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++) await _client.SignInClientAsync(Demo.Leader, Wrong);
        await _client.TokenAsync(Demo.Leader);
    }
}
