using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Demo mode is not a back door: the standalone host refuses to expose demo accounts to a network.</summary>
public sealed class DemoModeTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("demo-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private PlatformProcess Standalone(string url, Dictionary<string, string> settings)
    {
        settings["Storage:DataDirectory"] = _data;
        return PlatformProcess.Start("standalone/Platform.Standalone", "Platform.Standalone", url, settings);
    }

    [Fact]
    public async Task Demo_mode_refuses_a_network_address()
    {
        await using var host = Standalone($"http://0.0.0.0:{TestPorts.GetFreeTcpPort()}", []);

        Assert.Equal(2, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("loopback only", host.Output);
    }

    [Fact]
    public async Task A_network_facing_host_refuses_to_start_while_demo_passwords_remain()
    {
        await using (var demo = Standalone($"http://127.0.0.1:{TestPorts.GetFreeTcpPort()}", []))
        {
            await demo.WaitReadyAsync(TimeSpan.FromSeconds(60));
        }

        await using var network = Standalone($"http://0.0.0.0:{TestPorts.GetFreeTcpPort()}", new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "false",
            ["Bootstrap:District:Code"] = "giong-trom",
            ["Bootstrap:Admin:Username"] = "noivu.giongtrom",
            ["Bootstrap:Admin:Password"] = "A-real-password-2026",
        });

        Assert.Equal(2, await network.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("motcua.mythanh", network.Output);
        Assert.Contains("demo password", network.Output);
    }
}
