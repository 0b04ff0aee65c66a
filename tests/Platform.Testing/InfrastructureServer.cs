using System.Diagnostics;
using DotNet.Testcontainers.Containers;
using Xunit;

namespace Platform.Testing;

/// <summary>Where an <see cref="InfrastructureServer"/> found its server.</summary>
public enum ServerSource
{
    /// <summary>No server could be found; see <see cref="InfrastructureServer.UnavailableReason"/>.</summary>
    Unavailable,
    /// <summary>An explicit connection string in an environment variable (e.g. <c>TEST_RABBITMQ</c>).</summary>
    Environment,
    /// <summary>A throwaway container started through Testcontainers.</summary>
    Container,
    /// <summary>A server already listening on 127.0.0.1 at its default port.</summary>
    Local,
}

/// <summary>
/// Finds a server for integration tests, in this order:
/// (a) an explicit connection string in an environment variable;
/// (b) a Testcontainers container when a Docker engine answers;
/// (c) the local server on 127.0.0.1 at its default port when it answers;
/// (d) otherwise unavailable, with a reason.
/// Use it as an xunit v3 assembly fixture (<c>[assembly: AssemblyFixture(typeof(RabbitMqServer))]</c>)
/// or class fixture; tests call <see cref="Require"/> so that a missing server reports the test as
/// skipped (with the reason), never as passed.
/// </summary>
public abstract class InfrastructureServer : IAsyncLifetime
{
    private IContainer? _container;

    /// <summary>Human-readable server name used in messages, e.g. "RabbitMQ".</summary>
    protected abstract string Name { get; }

    /// <summary>The environment variable holding an explicit connection string.</summary>
    public abstract string EnvironmentVariable { get; }

    /// <summary>Default port of a local server on 127.0.0.1.</summary>
    protected abstract int LocalPort { get; }

    /// <summary>Connection string for the local server on 127.0.0.1.</summary>
    protected abstract string LocalConnectionString { get; }

    /// <summary>Builds (not starts) the Testcontainers container.</summary>
    protected abstract IContainer BuildContainer();

    /// <summary>Connection string of the started container.</summary>
    protected abstract string ContainerConnectionString(IContainer container);

    /// <summary>The connection string, or null when no server is available.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Why no server is available (null when one is).</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>Where the server came from.</summary>
    public ServerSource Source { get; private set; }

    /// <summary>True when a server was found.</summary>
    public bool IsAvailable => ConnectionString is not null;

    /// <summary>
    /// Returns the connection string, or skips the calling test (xunit v3 dynamic skip) with the
    /// reason the server is unavailable.
    /// </summary>
    public string Require()
    {
        if (ConnectionString is { } connectionString)
        {
            return connectionString;
        }

        Assert.Skip(UnavailableReason ?? $"{Name} is unavailable.");
        throw new UnreachableException();
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var tried = new List<string>();

        // (a) explicit connection string
        var fromEnvironment = System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            Use(fromEnvironment.Trim(), ServerSource.Environment);
            return;
        }
        tried.Add($"{EnvironmentVariable} is not set");

        // (b) Testcontainers, only when a Docker engine actually answers
        var docker = await DockerProbe.CheckAsync().ConfigureAwait(false);
        if (docker.Available)
        {
            IContainer? container = null;
            try
            {
                container = BuildContainer();
                using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await container.StartAsync(startTimeout.Token).ConfigureAwait(false);
                _container = container;
                Use(ContainerConnectionString(container), ServerSource.Container);
                return;
            }
            catch (Exception ex)
            {
                if (container is not null)
                {
                    await DisposeQuietlyAsync(container).ConfigureAwait(false);
                }
                tried.Add($"the {Name} container did not start ({ex.GetType().Name}: {FirstLine(ex.Message)})");
            }
        }
        else
        {
            tried.Add($"no Docker engine ({docker.Reason})");
        }

        // (c) a local server on its default port
        if (await TcpProbe.IsListeningAsync("127.0.0.1", LocalPort, TimeSpan.FromSeconds(1)).ConfigureAwait(false))
        {
            Use(LocalConnectionString, ServerSource.Local);
            return;
        }
        tried.Add($"nothing listens on 127.0.0.1:{LocalPort}");

        // (d) unavailable
        Source = ServerSource.Unavailable;
        UnavailableReason = $"{Name} unavailable: {string.Join("; ", tried)}.";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_container is { } container)
        {
            _container = null;
            await DisposeQuietlyAsync(container).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsAvailable ? $"{Name} ({Source}): {ConnectionString}" : UnavailableReason ?? $"{Name} (not initialized)";

    private void Use(string connectionString, ServerSource source)
    {
        ConnectionString = connectionString;
        Source = source;
        UnavailableReason = null;
    }

    private static async Task DisposeQuietlyAsync(IContainer container)
    {
        try
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: Testcontainers' resource reaper cleans up what is left.
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
