using System.Diagnostics;

namespace Awards.Api.Infrastructure;

/// <summary>
/// The bulletin read aloud by espeak-ng's Vietnamese voice (<c>espeak-ng -v vi</c>), where it is installed
/// (<c>Radio:Espeak</c> names the program; default <c>espeak-ng</c> on the PATH). Without it, no audio and no enclosure.
/// </summary>
public sealed class RadioAudio(IConfiguration configuration, ILogger<RadioAudio> logger)
{
    public const string MediaType = "audio/wav";
    private readonly Lazy<string?> _program = new(() => Locate(configuration["Radio:Espeak"] ?? "espeak-ng"));
    private readonly SemaphoreSlim _one = new(1, 1); // two cores: one synthesis at a time

    public bool Available => _program.Value is not null;

    private static string? Locate(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public async Task<byte[]?> SpeakAsync(string script, CancellationToken ct)
    {
        if (_program.Value is not { } program) return null;
        var text = Path.GetTempFileName();
        var wav = Path.ChangeExtension(text, ".wav");
        await _one.WaitAsync(ct);
        try
        {
            await File.WriteAllTextAsync(text, script, ct);
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "-v", "vi", "-s", "150", "-b", "1", "-f", text, "-w", wav }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0 || !File.Exists(wav))
            {
                logger.LogWarning("espeak-ng failed ({Code}): {Error}", process.ExitCode, await stderr);
                return null;
            }
            return await File.ReadAllBytesAsync(wav, ct);
        }
        finally
        {
            _one.Release();
            File.Delete(text);
            if (File.Exists(wav)) File.Delete(wav);
        }
    }
}
