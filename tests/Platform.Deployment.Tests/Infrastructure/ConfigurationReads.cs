using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>One configuration read in the C# source: the key (<c>:</c>-separated) and whether it reads a whole section.</summary>
public sealed record ConfigurationRead(string Key, bool Section, string File, int Line)
{
    public string EnvironmentName => Key.Replace(":", "__");
    public override string ToString() => $"{Key}{(Section ? " (section)" : "")} at {File}:{Line}";
}

/// <summary>
/// Finds every configuration key a deployable reads, from its source (.cs and .razor) and that of the projects it references:
/// <c>configuration["A:B"]</c>, <c>GetValue("A:B")</c>, <c>GetSection("A")</c>, <c>GetConnectionString("x")</c>.
/// A read whose key is not a literal is reported (the cross-check could not see it).
/// </summary>
public static partial class ConfigurationReads
{
    /// <summary>
    /// Shared code that only some deployables run: its folder in Platform.ServiceDefaults → the call a deployable's own
    /// source makes to run it. Every other shared folder counts for every deployable that references it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SharedFolderEntryPoints = new Dictionary<string, string>
    {
        ["services/shared/Platform.ServiceDefaults/Storage/"] = "AddDocumentStore",
        ["services/shared/Platform.ServiceDefaults/Messaging/"] = "AddPlatformBus",
    };

    public static IReadOnlyList<ConfigurationRead> Of(Deployable deployable, List<string> unreadable)
    {
        var own = SourceFiles(deployable.ProjectDirectory).Select(File.ReadAllText).ToList();
        var reads = new List<ConfigurationRead>();
        foreach (var directory in deployable.ProjectDirectories())
            foreach (var file in SourceFiles(directory))
            {
                var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
                var entry = SharedFolderEntryPoints.FirstOrDefault(e => relative.StartsWith(e.Key, StringComparison.Ordinal)).Value;
                if (entry is not null && !own.Any(source => Regex.IsMatch(source, $@"\b{entry}\s*[<(]"))) continue;
                reads.AddRange(InFile(relative, File.ReadAllLines(file), unreadable));
            }
        return reads;
    }

    public static IEnumerable<ConfigurationRead> InFile(string file, string[] lines, List<string> unreadable)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (Match m in Indexer().Matches(line)) yield return new(m.Groups[1].Value, false, file, i + 1);
            foreach (Match m in GetValue().Matches(line)) yield return new(m.Groups[1].Value, false, file, i + 1);
            foreach (Match m in GetSection().Matches(line)) yield return new(m.Groups[1].Value, true, file, i + 1);
            foreach (Match m in ConnectionString().Matches(line)) yield return new("ConnectionStrings:" + m.Groups[1].Value, false, file, i + 1);
            if (NonLiteral().IsMatch(line)) unreadable.Add($"{file}:{i + 1}: {line.Trim()}");
        }
    }

    /// <summary>The C# of a project: its .cs files and the code of its Razor components (the web app reads settings there too).</summary>
    public static IEnumerable<string> SourceFiles(string projectDirectory) =>
        Directory.EnumerateFiles(Repo.PathOf(projectDirectory), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    [GeneratedRegex("""[Cc]onfiguration\s*\[\s*"([^"]+)"\s*\]""")]
    private static partial Regex Indexer();

    [GeneratedRegex("""[Cc]onfiguration\s*\.\s*GetValue(?:<[^>]+>)?\(\s*"([^"]+)"\s*[,)]""")]
    private static partial Regex GetValue();

    [GeneratedRegex("""[Cc]onfiguration\s*\.\s*GetSection\(\s*"([^"]+)"\s*\)""")]
    private static partial Regex GetSection();

    [GeneratedRegex("""[Cc]onfiguration\s*\.\s*GetConnectionString\(\s*"([^"]+)"\s*\)""")]
    private static partial Regex ConnectionString();

    /// <summary>A configuration read whose key is not a string literal.</summary>
    [GeneratedRegex("""[Cc]onfiguration\s*(?:\[\s*[^"\s]|\.\s*(?:GetValue(?:<[^>]+>)?|GetSection|GetConnectionString|GetRequiredSection)\(\s*[^"\s])""")]
    private static partial Regex NonLiteral();
}
