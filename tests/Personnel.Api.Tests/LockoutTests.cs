using System.Net;
using Personnel.Api.Domain;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>Five failed sign-ins in a row lock an account for 15 minutes. Each test has its own service and a clock it moves.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private const string Wrong = "Demo@2016";
    private readonly ManualTimeProvider _time = new();
    private PersonnelFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new PersonnelFactory(_time);
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task LockAsync(string username)
    {
        for (var i = 1; i <= 4; i++)
            await (await _client.SignInAsync(username, Wrong)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var fifth = await _client.SignInAsync(username, Wrong);
        Assert.NotEqual(HttpStatusCode.OK, fifth.StatusCode);
    }

    private static int RetryAfterSeconds(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Retry-After", out var values), "a 429 must say when to retry (Retry-After)");
        return int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await LockAsync(Demo.DeskOfficer);

        var response = await _client.SignInAsync(Demo.DeskOfficer);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");
        var retryAfter = RetryAfterSeconds(response);
        Assert.InRange(retryAfter, 15 * 60 - 60, 15 * 60);
        // The same account under another spelling of its name is locked too.
        await (await _client.SignInAsync("MOTCUA.MYTHANH")).ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");
    }

    [Fact]
    public async Task Another_account_is_unaffected()
    {
        await LockAsync(Demo.DeskOfficer);

        await _client.TokenAsync(Demo.Leader);
        await _client.TokenAsync(Demo.DistrictAdmin);
        await _client.ClientTokenAsync(Demo.RadioClient);
        await (await _client.SignInAsync(Demo.DeskOfficer)).ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");
    }

    [Fact]
    public async Task The_lock_lifts_after_15_minutes_with_a_fresh_count()
    {
        await LockAsync(Demo.DeskOfficer);

        _time.Advance(TimeSpan.FromMinutes(14));
        await (await _client.SignInAsync(Demo.DeskOfficer)).ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await (await _client.SignInAsync(Demo.DeskOfficer, Wrong)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await _client.TokenAsync(Demo.DeskOfficer);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_count_of_failures()
    {
        for (var i = 0; i < 4; i++)
            await (await _client.SignInAsync(Demo.DeskOfficer, Wrong)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await _client.TokenAsync(Demo.DeskOfficer);

        for (var i = 0; i < 4; i++)
            await (await _client.SignInAsync(Demo.DeskOfficer, Wrong)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await _client.TokenAsync(Demo.DeskOfficer);
    }

    [Fact]
    public async Task The_radio_client_is_locked_out_like_a_user()
    {
        for (var i = 0; i < 5; i++) await _client.SignInClientAsync(Demo.RadioClient, Wrong);

        await (await _client.SignInClientAsync(Demo.RadioClient)).ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");
    }

    [Fact]
    public async Task Retry_after_counts_down_on_the_services_clock()
    {
        await LockAsync(Demo.DeskOfficer);
        _time.Advance(TimeSpan.FromMinutes(10));

        var response = await _client.SignInAsync(Demo.DeskOfficer);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");
        var retryAfter = RetryAfterSeconds(response);
        Assert.True(retryAfter is >= 240 and <= 300,
            $"5 of the 15 locked minutes remain on the service's TimeProvider, so Retry-After should be about 300 s, but it was {retryAfter} s " +
            "(AuthApi.IssueToken computes it from DateTime.UtcNow instead of the injected TimeProvider).");
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_are_each_refused_as_401_or_429_never_a_conflict()
    {
        // A burst of parallel guesses (a script, or a user double-clicking) must get the same answers as serial ones:
        // four 401s, then 429s. Each round is a fresh lock window; a correct service passes every round.
        for (var round = 1; round <= 3; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _client.SignInAsync(Demo.DeskOfficer, Wrong)));

            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            var summary = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}x{g.Key}"));
            var conflict = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.True(conflict is null,
                $"round {round}: parallel sign-ins answered {summary}; a 409 said: {(conflict is null ? "" : await conflict.Content.ReadAsStringAsync())}. " +
                "Credentials.SignInAsync retries an optimistic-concurrency conflict only 3 times, then the ConflictException escapes " +
                "as a 409 version-conflict naming the account, and that failed attempt is not counted towards the lockout.");
            Assert.All(statuses, s => Assert.Contains(s, new[] { 401, 429 }));
            Assert.True(statuses.Count(s => s == 401) <= Lockout.MaxFailures - 1, $"round {round}: more than four 401s before the lock: {summary}");
            await (await _client.SignInAsync(Demo.DeskOfficer)).ProblemAsync(HttpStatusCode.TooManyRequests, "account-locked");

            _time.Advance(Lockout.Duration + TimeSpan.FromSeconds(1));
        }
    }
}
