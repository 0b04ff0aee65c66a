using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>Quick TCP reachability check.</summary>
public static class TcpProbe
{
    /// <summary>True when a TCP connection to <paramref name="host"/>:<paramref name="port"/> succeeds within the timeout.</summary>
    public static async Task<bool> IsListeningAsync(string host, int port, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// Checks, quickly and without hanging, whether a Docker engine answers: <c>DOCKER_HOST</c>
/// (<c>unix://</c> or <c>tcp://</c>) or else <c>/var/run/docker.sock</c>, with an HTTP <c>GET /_ping</c>.
/// </summary>
public static class DockerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<Task<(bool Available, string Reason)>> Result = new(ProbeAsync);

    /// <summary>The cached result of the probe (it runs once per process).</summary>
    public static Task<(bool Available, string Reason)> CheckAsync() => Result.Value;

    private static async Task<(bool Available, string Reason)> ProbeAsync()
    {
        var dockerHost = System.Environment.GetEnvironmentVariable("DOCKER_HOST");
        EndPoint endPoint;
        string where;
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            where = "/var/run/docker.sock";
            if (!File.Exists(where))
            {
                return (false, $"{where} does not exist");
            }
            endPoint = new UnixDomainSocketEndPoint(where);
        }
        else if (dockerHost.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            where = dockerHost["unix://".Length..];
            if (!File.Exists(where))
            {
                return (false, $"{where} (DOCKER_HOST) does not exist");
            }
            endPoint = new UnixDomainSocketEndPoint(where);
        }
        else if (dockerHost.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)
                 && Uri.TryCreate("http://" + dockerHost["tcp://".Length..], UriKind.Absolute, out var uri))
        {
            where = dockerHost;
            endPoint = new DnsEndPoint(uri.Host, uri.Port);
        }
        else
        {
            return (false, $"DOCKER_HOST={dockerHost} is not a unix:// or tcp:// address");
        }

        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            using var socket = endPoint is UnixDomainSocketEndPoint
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, cts.Token).ConfigureAwait(false);
            var request = Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n");
            await socket.SendAsync(request, SocketFlags.None, cts.Token).ConfigureAwait(false);
            var buffer = new byte[512];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token).ConfigureAwait(false);
            var response = Encoding.ASCII.GetString(buffer, 0, read);
            return response.StartsWith("HTTP/1.", StringComparison.Ordinal) && response.Contains(" 200 ", StringComparison.Ordinal)
                ? (true, $"Docker engine at {where}")
                : (false, $"{where} did not answer the Docker ping");
        }
        catch (OperationCanceledException)
        {
            return (false, $"{where} did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (SocketException ex)
        {
            return (false, $"{where}: {ex.Message}");
        }
    }
}

/// <summary>Port helpers for tests that start their own listeners.</summary>
public static class TestPorts
{
    /// <summary>
    /// A TCP port on 127.0.0.1 that is free right now (the OS picks it; another process could take it
    /// before the caller binds it, so bind soon).
    /// </summary>
    public static int GetFreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
