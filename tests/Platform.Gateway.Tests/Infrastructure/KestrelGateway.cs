using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway on real Kestrel, where clients have addresses (under TestServer they have none) and Kestrel's body limit
/// applies, and clients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3...).
/// </summary>
public static class KestrelGateway
{
    public static (GatewayFactory Factory, Uri Address) Start(Upstreams upstreams, IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new GatewayFactory(upstreams, settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var bound = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (factory, new Uri($"http://127.0.0.1:{new Uri(bound).Port}/"));
    }

    public static HttpClient ClientFrom(string localAddress, Uri gateway) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = gateway };
}
