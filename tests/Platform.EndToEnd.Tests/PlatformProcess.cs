using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.EndToEnd.Tests;

/// <summary>One deployable started as its own process from its build output, as a newcomer's machine runs it.</summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly bool _terminateFirst;

    private PlatformProcess(string name, string url, Process process, bool terminateFirst = false)
    {
        Name = name;
        Url = url;
        _process = process;
        _terminateFirst = terminateFirst;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public string Url { get; }
    public string Output => string.Join('\n', _output.TakeLast(200));

    /// <summary>Every line the process printed so far, oldest first.</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    /// <summary>Starts <c>{project}.dll</c> from its bin folder (same configuration as these tests) with settings as environment variables.</summary>
    public static PlatformProcess Start(string projectDirectory, string assemblyName, string url, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepositoryRoot, projectDirectory, "bin", BuildConfiguration, "net10.0", assemblyName + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build {projectDirectory} first.", dll);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll), // the content root, where appsettings.json is
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["urls"] = url;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        return new PlatformProcess(assemblyName, url, Process.Start(start)!);
    }

    /// <summary>
    /// Runs a script of the repository with bash (its settings as environment variables), e.g. scripts/run-distributed.sh,
    /// which serves <paramref name="url"/> once ready. Disposing sends it TERM first, so that it stops what it started.
    /// </summary>
    public static PlatformProcess StartScript(string script, string url, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, script)])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new PlatformProcess(Path.GetFileName(script), url, Process.Start(start)!, terminateFirst: true);
    }

    /// <summary>Waits until the process prints a line containing <paramref name="text"/>, or fails with its output.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal))) return;
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not print '{text}' within {timeout}:\n{Output}");
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, or fails with the process's output.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(Url + "/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself; null when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_terminateFirst && !_process.HasExited)
        {
            // A script stops its children on TERM (a kill would orphan them); the tree kill below is the fallback.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Release under scripts/test.sh, Debug in an IDE: the deployables were built alongside these tests.</summary>
    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln"))) return directory.FullName;
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
