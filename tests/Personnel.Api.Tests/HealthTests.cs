using System.Net;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

public sealed class HealthTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_a_token(string path)
    {
        var health = await (await host.Client.GetAsync(path, token: null)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_includes_the_store()
    {
        var health = await (await host.Client.GetAsync("/health/ready", token: null)).JsonAsync(HttpStatusCode.OK);

        Assert.Contains(health.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "personnel-store");
    }
}
