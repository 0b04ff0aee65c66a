using System.Net;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>The gateway's own endpoints: liveness and the API documentation page.</summary>
public sealed class HostingTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Fact]
    public async Task Liveness_answers_without_a_token()
    {
        var response = await _client.GetAsync("/health/live", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_docs_page_lists_the_four_service_documents()
    {
        var response = await _client.GetAsync("/docs", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        foreach (var service in new[] { "personnel", "procedures", "feedback", "awards" })
            Assert.Contains(service, html);
    }
}
