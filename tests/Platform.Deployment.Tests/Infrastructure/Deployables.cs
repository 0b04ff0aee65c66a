using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>A deployable: its project, its image (an entry of docker-bake.json, built from deploy/Dockerfile) and, in Kubernetes, its Deployment.</summary>
public sealed partial record Deployable(string Name, string ProjectDirectory, string Assembly, bool InKubernetes = true)
{
    public static readonly IReadOnlyList<Deployable> All =
    [
        new("gateway", "gateway/Platform.Gateway", "Platform.Gateway"),
        new("personnel", "services/personnel/Personnel.Api", "Personnel.Api"),
        new("procedures", "services/procedures/Procedures.Api", "Procedures.Api"),
        new("feedback", "services/feedback/Feedback.Api", "Feedback.Api"),
        new("awards", "services/awards/Awards.Api", "Awards.Api"),
        new("web", "web/Platform.Web.Host", "Platform.Web.Host"),
        new("standalone", "standalone/Platform.Standalone", "Platform.Standalone", InKubernetes: false),
    ];

    public static IEnumerable<Deployable> Kubernetes => All.Where(d => d.InKubernetes);

    public static Deployable Named(string name) => All.Single(d => d.Name == name);

    /// <summary>Its image's build entry in docker-bake.json, or null when it has none.</summary>
    public Bake.Target? Build => Bake.Find(Name);
    public string Image => $"cchc/{Name}";
    public string Project => $"{ProjectDirectory}/{Assembly}.csproj";

    /// <summary>This project's directory and those of every project it references, transitively.</summary>
    public IReadOnlyList<string> ProjectDirectories()
    {
        var found = new List<string>();
        Walk(ProjectDirectory);
        return found;

        void Walk(string directory)
        {
            if (found.Contains(directory)) return;
            found.Add(directory);
            var csproj = Directory.GetFiles(Repo.PathOf(directory), "*.csproj").Single();
            foreach (Match reference in ProjectReference().Matches(File.ReadAllText(csproj)))
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, reference.Groups[1].Value.Replace('\\', '/')));
                Walk(Path.GetRelativePath(Repo.Root, Path.GetDirectoryName(full)!).Replace('\\', '/'));
            }
        }
    }

    public override string ToString() => Name;

    [GeneratedRegex("""<ProjectReference\s+Include="([^"]+)"\s*""")]
    private static partial Regex ProjectReference();
}
