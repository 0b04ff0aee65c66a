using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>docker-bake.json: one build entry per image, all from <see cref="Dockerfile.RepositoryPath"/> with their own arguments.</summary>
public static partial class Bake
{
    public const string RepositoryPath = "docker-bake.json";

    /// <summary>A target with what it inherits resolved and the variables' defaults substituted.</summary>
    public sealed record Target(string Name, string? Context, string? Dockerfile, string? Stage, IReadOnlyDictionary<string, string> Args, IReadOnlyList<string> Tags);

    private static readonly JsonObject File = JsonNode.Parse(Repo.Read(RepositoryPath))!.AsObject();

    public static IReadOnlyList<string> DefaultGroup =>
        File["group"]!["default"]!["targets"]!.AsArray().Select(t => (string)t!).ToList();

    /// <summary>The targets meant to be built (a leading underscore marks one only inherited from).</summary>
    public static IReadOnlyList<Target> Images =>
        File["target"]!.AsObject().Select(t => t.Key).Where(n => !n.StartsWith('_')).Select(Resolve).ToList();

    public static Target? Find(string name) => File["target"]![name] is null ? null : Resolve(name);

    private static Target Resolve(string name)
    {
        var node = File["target"]![name]!.AsObject();
        var parents = node["inherits"]?.AsArray().Select(p => Resolve((string)p!)).ToList() ?? [];
        string? Value(string key, Func<Target, string?> inherited) =>
            node[key] is { } v ? Substitute((string)v!) : parents.Select(inherited).LastOrDefault(p => p is not null);
        var args = parents.SelectMany(p => p.Args).Concat(
                node["args"]?.AsObject().Select(a => KeyValuePair.Create(a.Key, Substitute((string)a.Value!))) ?? [])
            .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var tags = node["tags"]?.AsArray().Select(t => Substitute((string)t!)).ToList() ?? parents.LastOrDefault()?.Tags.ToList() ?? [];
        return new Target(name, Value("context", p => p.Context), Value("dockerfile", p => p.Dockerfile), Value("target", p => p.Stage), args, tags);
    }

    private static string Substitute(string value) =>
        Variable().Replace(value, m => (string?)File["variable"]?[m.Groups[1].Value]?["default"]
            ?? throw new Xunit.Sdk.XunitException($"{RepositoryPath}: ${{{m.Groups[1].Value}}} has no default"));

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex Variable();
}

/// <summary>.dockerignore at the root of the build context: which paths never reach the build.</summary>
public static class DockerIgnore
{
    private static readonly IReadOnlyList<(bool Negated, Regex Pattern)> Patterns =
        Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l.StartsWith('!'), new Regex("^" + Glob(l.TrimStart('!').Trim('/')) + "$"))).ToList();

    /// <summary>True when the path, or a folder above it, matches the last applicable pattern that excludes.</summary>
    public static bool Excludes(string path)
    {
        var segments = path.Trim('/').Split('/');
        var excluded = false;
        foreach (var (negated, pattern) in Patterns)
            for (var n = 1; n <= segments.Length; n++)
                if (pattern.IsMatch(string.Join('/', segments[..n]))) excluded = !negated;
        return excluded;
    }

    private static string Glob(string pattern) =>
        Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]");
}
