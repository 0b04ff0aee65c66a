using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The foundation's end-to-end scenario, the same against the standalone process and the distributed processes:
/// a district admin signs in, onboards a commune through the front door, and every service records it.
/// </summary>
public abstract class OnboardingScenario<TPlatform>(TPlatform platform) where TPlatform : RunningPlatform
{
    private HttpClient? _client;

    private HttpClient _http
    {
        get
        {
            if (platform.SkipReason is { } reason) Assert.Skip(reason);
            return _client ??= new HttpClient { BaseAddress = new Uri(platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    private async Task<string> TokenAsync(string username, string password)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/token", new { username, password }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {username}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{platform.Diagnostics}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string token, object? body = null) => new(method, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        Content = body is null ? null : JsonContent.Create(body),
    };

    [Fact]
    public async Task A_commune_onboarded_through_the_front_door_is_prepared_by_all_four_services()
    {
        var ct = TestContext.Current.CancellationToken;
        var (username, password) = platform.DistrictAdmin;
        var admin = await TokenAsync(username, password);
        var code = "xa-" + Guid.NewGuid().ToString("N")[..8];

        var created = await _http.SendAsync(Request(HttpMethod.Post, "/api/districts/giong-trom/communes", admin, new
        {
            code, name = "Xã Thử Nghiệm", hamlets = new[] { new { code = "ap-1", name = "Ấp 1" }, new { code = "ap-2", name = "Ấp 2" } },
        }), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(45);
        JsonElement services;
        while (true)
        {
            var commune = await _http.SendAsync(Request(HttpMethod.Get, $"/api/communes/{code}", admin), ct);
            Assert.Equal(HttpStatusCode.OK, commune.StatusCode);
            services = (await commune.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("services");
            if (new[] { "personnel", "procedures", "feedback", "awards" }.All(s => services.GetProperty(s).GetString() == "ready")) break;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not every service prepared {code}: {services}\n{platform.Diagnostics}");
            await Task.Delay(250, ct);
        }

        var listed = await _http.SendAsync(Request(HttpMethod.Get, "/api/districts/giong-trom/communes", admin), ct);
        Assert.Contains(code, await listed.Content.ReadAsStringAsync(ct));
        var again = await _http.SendAsync(Request(HttpMethod.Post, "/api/districts/giong-trom/communes", admin, new { code, name = "Lần hai", hamlets = Array.Empty<object>() }), ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Bad_input_and_missing_tokens_get_problems_not_500s()
    {
        var ct = TestContext.Current.CancellationToken;
        var malformed = await _http.PostAsync("/api/auth/token", new StringContent("{\"username\":", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        var anonymous = await _http.GetAsync("/api/districts/giong-trom/communes", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var wrong = await _http.PostAsJsonAsync("/api/auth/token", new { username = platform.DistrictAdmin.Username, password = "not-the-password" }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task The_front_door_serves_health_and_every_api_document()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready", ct)).StatusCode);
        foreach (var service in new[] { "personnel", "procedures", "feedback", "awards" })
        {
            var document = await _http.GetAsync($"/openapi/{service}.json", ct);
            Assert.True(document.IsSuccessStatusCode, $"/openapi/{service}.json: {document.StatusCode}");
            Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync(ct));
        }
    }
}

public sealed class StandaloneOnboardingTests(StandaloneFixture fixture) : OnboardingScenario<StandalonePlatform>(fixture.Platform), IClassFixture<StandaloneFixture>
{
    [Fact]
    public async Task Demo_accounts_work_and_a_desk_officer_stays_in_their_commune()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Platform.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/token", new { username = "motcua.mythanh", password = "Demo@2015" }, ct);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/communes/my-thanh", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/communes/luong-hoa", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/districts/giong-trom/communes", ct)).StatusCode);
    }
}

public sealed class DistributedOnboardingTests(DistributedFixture fixture) : OnboardingScenario<DistributedPlatform>(fixture.Platform), IClassFixture<DistributedFixture>;

public sealed class StandaloneFixture : IAsyncLifetime
{
    public StandalonePlatform Platform { get; } = new();
    public ValueTask InitializeAsync() => Platform.InitializeAsync();
    public ValueTask DisposeAsync() => Platform.DisposeAsync();
}

public sealed class DistributedFixture(Platform.Testing.RabbitMqServer rabbit, Platform.Testing.RedisServer redis) : IAsyncLifetime
{
    public DistributedPlatform Platform { get; } = new(rabbit, redis);
    public ValueTask InitializeAsync() => Platform.InitializeAsync();
    public ValueTask DisposeAsync() => Platform.DisposeAsync();
}
