using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Platform.Web.Api;

/// <summary>
/// Where the platform's HTTP API answers: <c>Web:ApiBaseUrl</c> (the gateway, in the distributed deployment), else this
/// host's own address (the standalone host serves the API itself), reached over loopback.
/// </summary>
public sealed class ApiAddress(IConfiguration configuration, IServer server)
{
    private Uri? _baseAddress;

    public Uri BaseAddress => _baseAddress ??= Resolve();

    private Uri Resolve()
    {
        if (configuration["Web:ApiBaseUrl"] is { Length: > 0 } configured) return new Uri(configured.TrimEnd('/') + "/");
        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? throw new InvalidOperationException("Set Web:ApiBaseUrl: this host serves no address the web app could call.");
        var uri = new UriBuilder(own.Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"));
        if (uri.Host == "localhost") uri.Host = "127.0.0.1";
        uri.Path = "/";
        return uri.Uri;
    }
}
