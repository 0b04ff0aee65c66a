using System.Net;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>
/// The request body limit (Limits:MaxRequestBodyBytes, default 256 KiB) is a Kestrel limit, so this class runs the service
/// on real Kestrel: TestServer does not enforce it.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const string DistrictCommunes = "/api/districts/giong-trom/communes";
    private readonly PersonnelFactory _factory = new(kestrel: true);
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<IReadOnlyList<string>> ListedCodesAsync(string admin)
    {
        var list = await (await _client.GetAsync(DistrictCommunes, admin)).JsonAsync(HttpStatusCode.OK);
        return list.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_stores_nothing()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);
        var before = await ListedCodesAsync(admin);

        var response = await _client.PostJsonAsync(DistrictCommunes, admin,
            new { code = "qua-lon", name = new string('x', 300 * 1024), hamlets = Array.Empty<object>() });

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(before, await ListedCodesAsync(admin));
    }

    [Fact]
    public async Task A_large_body_under_the_limit_reaches_validation()
    {
        var admin = await _client.TokenAsync(Demo.DistrictAdmin);

        var response = await _client.PostJsonAsync(DistrictCommunes, admin,
            new { code = "kha-lon", name = new string('x', 200 * 1024), hamlets = Array.Empty<object>() });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Contains("name", TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task A_sign_in_over_the_limit_is_a_413_problem()
    {
        var response = await _client.SignInAsync(Demo.DeskOfficer, new string('x', 300 * 1024));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }
}
