using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>The instructions of a Dockerfile that the checks read (continuation lines joined, comments dropped), by stage.</summary>
public sealed partial class Dockerfile
{
    /// <summary>The one Dockerfile every image is built from (docker-bake.json gives each its build arguments).</summary>
    public const string RepositoryPath = "deploy/Dockerfile";

    public static Dockerfile Platform { get; } = new(RepositoryPath);

    public Dockerfile(string path)
    {
        Path = path;
        var text = ContinuedLine().Replace(Repo.Read(path), " ");
        var stage = -1;
        Instructions = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2) is [var op, var rest] ? (Op: op.ToUpperInvariant(), Arguments: rest.Trim()) : (Op: l.ToUpperInvariant(), Arguments: ""))
            .Select(i => new Instruction(i.Op == "FROM" ? ++stage : stage, i.Op, i.Arguments))
            .ToList();
    }

    public sealed record Instruction(int Stage, string Op, string Arguments);

    public string Path { get; }
    public IReadOnlyList<Instruction> Instructions { get; }

    public IEnumerable<string> All(string op) => Instructions.Where(i => i.Op == op).Select(i => i.Arguments);

    /// <summary>The stages, each with its image or parent stage (FROM x [AS name]); the unnamed last one is the default target.</summary>
    public IReadOnlyList<(string From, string? Name)> Stages =>
        All("FROM").Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], p.Length == 3 && p[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? p[2] : (string?)null)).ToList();

    /// <summary>The images the stages start from (not the stages built on other stages).</summary>
    public IReadOnlyList<string> BaseImages => Stages.Select(s => s.From).Where(f => Stages.All(s => s.Name != f)).ToList();

    /// <summary>The instructions that make up a target: its stage and, for a stage built on another, that one's first.</summary>
    public IEnumerable<Instruction> Target(string? name)
    {
        var index = name is null ? Stages.Count - 1 : Stages.ToList().FindIndex(s => s.Name == name);
        if (index < 0) throw new Xunit.Sdk.XunitException($"{Path} has no stage {name}");
        var parent = Stages.ToList().FindIndex(s => s.Name == Stages[index].From);
        var inherited = parent >= 0 ? Target(Stages[parent].Name) : [];
        return inherited.Concat(Instructions.Where(i => i.Stage == index && i.Op != "FROM"));
    }

    /// <summary>The image a target is built on, through the stages it extends.</summary>
    public string BaseOf(string? target)
    {
        var stage = target is null ? Stages[^1] : Stages.Single(s => s.Name == target);
        return Stages.Any(s => s.Name == stage.From) ? BaseOf(stage.From) : stage.From;
    }

    /// <summary>ENV values of a target, in either form (KEY=VALUE ... or KEY VALUE).</summary>
    public IReadOnlyDictionary<string, string> Environment(string? target) =>
        Target(target).Where(i => i.Op == "ENV").Select(i => i.Arguments)
            .SelectMany(e => e.Contains('=')
                ? EnvPair().Matches(e).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim('"')))
                : [(e.Split(' ', 2)[0], e.Split(' ', 2)[1])])
            .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Last().Item2);

    /// <summary>The single value of an instruction in a target (USER, EXPOSE, ENTRYPOINT...), the last one winning.</summary>
    public string? Last(string? target, string op) => Target(target).LastOrDefault(i => i.Op == op)?.Arguments;

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
