using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>The instructions of a Dockerfile that the checks read (continuation lines joined, comments dropped).</summary>
public sealed partial class Dockerfile
{
    public Dockerfile(string path)
    {
        Path = path;
        var text = ContinuedLine().Replace(Repo.Read(path), " ");
        Instructions = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2) is [var op, var rest] ? (op.ToUpperInvariant(), rest.Trim()) : (l.ToUpperInvariant(), ""))
            .ToList();
    }

    public string Path { get; }
    public IReadOnlyList<(string Op, string Arguments)> Instructions { get; }

    public IEnumerable<string> All(string op) => Instructions.Where(i => i.Op == op).Select(i => i.Arguments);

    /// <summary>The image of each stage, e.g. mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled-extra.</summary>
    public IReadOnlyList<string> BaseImages => All("FROM").Select(a => a.Split(' ')[0]).ToList();

    /// <summary>COPY sources from the build context (not --from another stage).</summary>
    public IEnumerable<string> ContextSources =>
        All("COPY").Where(a => !a.StartsWith("--from", StringComparison.Ordinal))
            .Select(a => Regex.Replace(a, @"--\S+\s+", "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(parts => parts[..^1]);

    public IEnumerable<string> PublishedProjects =>
        All("RUN").SelectMany(r => Publish().Matches(r)).Select(m => m.Groups[1].Value);

    /// <summary>ENV values, in either form (KEY=VALUE ... or KEY VALUE).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        All("ENV").SelectMany(e => e.Contains('=')
                ? EnvPair().Matches(e).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim('"')))
                : [(e.Split(' ', 2)[0], e.Split(' ', 2)[1])])
            .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Last().Item2);

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();

    [GeneratedRegex(@"dotnet publish (\S+)")]
    private static partial Regex Publish();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
