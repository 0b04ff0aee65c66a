using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Deployment.Tests.Infrastructure;

namespace Platform.Deployment.Tests;

/// <summary>The images' HEALTHCHECK program (deploy/HealthProbe): exit 0 on a 2xx, 1 on anything else.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("200 OK", 0)]
    [InlineData("503 Service Unavailable", 1)]
    public async Task The_exit_code_follows_the_answer(string status, int expected)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var request = Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer));
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return request;
        });

        var result = Probe($"http://127.0.0.1:{port}/health/live");

        Assert.Equal(expected, result.ExitCode);
        Assert.StartsWith("GET /health/live ", await server);
    }

    [Fact]
    public void Nothing_listening_is_unhealthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Equal(1, Probe($"http://127.0.0.1:{port}/health/live").ExitCode);
    }

    private static Repo.Result Probe(string url)
    {
        var dll = Repo.PathOf($"deploy/HealthProbe/bin/{Repo.BuildConfiguration}/net10.0/HealthProbe.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first");
        return Repo.Run("dotnet", [dll, url], timeoutSeconds: 30);
    }
}
