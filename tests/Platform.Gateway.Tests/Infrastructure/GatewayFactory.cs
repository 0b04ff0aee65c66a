using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway.Edge;

namespace Platform.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (its Program and appsettings.json) under TestServer, with every cluster pointed at its fake, JWKS
/// from the personnel fake, a 2 s activity timeout on procedures, and generous rate limits unless a test says otherwise.
/// Under TestServer <c>Connection.RemoteIpAddress</c> is null, so all anonymous requests share one client bucket.
/// </summary>
public sealed class GatewayFactory(Upstreams upstreams, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<RateLimitOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Auth:JwksUrl", upstreams.JwksUrl.ToString());
        foreach (var (name, upstream) in upstreams.ByCluster)
            builder.UseSetting($"ReverseProxy:Clusters:{name}:Destinations:primary:Address", upstream.BaseAddress.ToString());
        builder.UseSetting("ReverseProxy:Clusters:procedures:HttpRequest:ActivityTimeout", "00:00:02");
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        builder.UseSetting("RateLimits:StaffPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
        // The gateway's appsettings.json logs at Information; keep the test output to warnings and errors.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }
}

/// <summary>One gateway with the default test settings, shared by the tests of a class.</summary>
public sealed class DefaultGateway(Upstreams upstreams) : IAsyncLifetime
{
    public GatewayFactory Factory { get; } = new(upstreams);
    public Upstreams Upstreams { get; } = upstreams;

    public ValueTask InitializeAsync()
    {
        Factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
