using System.Net;
using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>The gateway serves the web pages itself (embedded files), with headers that keep citizens' text inert.</summary>
public sealed class WebPagesTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Theory]
    [InlineData("/", "text/html", "<script src=\"/app.js\"")]
    [InlineData("/can-bo", "text/html", "<script src=\"/staff.js\"")]
    [InlineData("/common.js", "text/javascript", "textContent")]
    [InlineData("/app.js", "text/javascript", "showSection")]
    [InlineData("/staff.js", "text/javascript", "sessionStorage")]
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

    [Theory]
    [InlineData("/common.js")]
    [InlineData("/app.js")]
    [InlineData("/staff.js")]
    public async Task The_scripts_never_turn_data_into_markup(string path)
    {
        var script = await _client.GetStringAsync(path, TestContext.Current.CancellationToken);

        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(" })
            Assert.DoesNotContain(sink, script);
    }
}
