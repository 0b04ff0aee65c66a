using Platform.Gateway.Tests.Infrastructure;

namespace Platform.Gateway.Tests;

/// <summary>One correlation id from the gateway to the service: the client's, or the trace the gateway started.</summary>
public sealed class CorrelationTests(DefaultGateway gateway) : IClassFixture<DefaultGateway>
{
    private readonly HttpClient _client = gateway.Factory.CreateClient();

    [Fact]
    public async Task A_client_correlation_id_reaches_the_upstream_and_comes_back()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/communes/my-thanh/procedures",
            headers: [new("X-Correlation-Id", "desk-7.req_42")]);

        var echo = await response.EchoAsync();
        Assert.Equal("desk-7.req_42", echo.Header("X-Correlation-Id"));
        Assert.Equal("desk-7.req_42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Without_one_the_upstream_joins_the_gateway_trace_whose_id_is_the_correlation_id()
    {
        var response = await _client.GetAsync("/api/communes/my-thanh/dossiers", gateway.Upstreams.Tokens.ForCommune("my-thanh"));

        var echo = await response.EchoAsync();
        var correlation = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        var traceparent = echo.Header("traceparent");
        Assert.NotNull(traceparent);
        Assert.Equal(correlation, traceparent.Split('-')[1]);
    }
}
