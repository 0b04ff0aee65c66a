using System.Net;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>The gateway serves the citizens' page itself (embedded files), with headers that keep citizens' text inert.</summary>
public sealed class CitizenWebTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Theory]
    [InlineData("/", "text/html", "<script src=\"/app.js\"")]
    [InlineData("/app.js", "text/javascript", "textContent")]
    [InlineData("/app.css", "text/css", "--accent")]
    public async Task The_page_and_its_files_are_served_by_the_gateway_and_not_forwarded(string path, string mediaType, string excerpt)
    {
        var marker = "probe-" + Guid.NewGuid().ToString("N");

        var response = await _client.GetAsync(path + "?probe=" + marker, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(excerpt, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Empty(gateway.Upstreams.ReceivedWith(marker));
    }

    [Fact]
    public async Task The_page_never_turns_data_into_markup()
    {
        var script = await _client.GetStringAsync("/app.js", TestContext.Current.CancellationToken);

        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(" })
            Assert.DoesNotContain(sink, script);
    }
}
