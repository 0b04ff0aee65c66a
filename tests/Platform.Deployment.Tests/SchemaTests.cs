using System.Text.RegularExpressions;
using Platform.Deployment.Tests.Infrastructure;

namespace Platform.Deployment.Tests;

/// <summary>
/// Every overlay builds with kubectl, and every object it produces validates against the Kubernetes schemas offline
/// (k8s/validate: kubernetes-models); kinds it has no schema for are failures, not passes.
/// </summary>
public sealed partial class SchemaTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    [Fact]
    public void Every_overlay_folder_is_checked()
    {
        var folders = Directory.GetDirectories(Repo.PathOf("k8s/overlays")).Select(Path.GetFileName).Order();
        Assert.Equal(Manifests.Overlays.Order(), folders);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_overlay_builds_and_every_object_is_schema_valid(string overlay)
    {
        var manifests = Manifests.Render(overlay);
        var result = Validate(manifests.Yaml);

        Assert.True(result.ExitCode == 0, $"k8s/overlays/{overlay}:\n{string.Join("\n", result.Output.Split('\n').Where(l => !l.StartsWith("ok ", StringComparison.Ordinal)))}\n{result.Error}");
        var summary = Summary().Match(result.Output);
        Assert.True(summary.Success, result.Output);
        Assert.Equal(manifests.Objects.Count, int.Parse(summary.Groups[1].Value));
        Assert.Equal((manifests.Objects.Count, 0, 0), (int.Parse(summary.Groups[2].Value), int.Parse(summary.Groups[3].Value), int.Parse(summary.Groups[4].Value)));
        Assert.True(manifests.Objects.Count >= 30, $"only {manifests.Objects.Count} objects");
    }

    [Fact]
    public void The_validator_rejects_an_invalid_object_and_reports_an_unknown_kind()
    {
        var result = Validate("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: broken }
            spec:
              replicas: three
              selector: { matchLabels: { app: x } }
              template: { metadata: { labels: { app: x } }, spec: { containers: [ { name: x, image: x } ] } }
            ---
            apiVersion: rabbitmq.com/v1beta1
            kind: RabbitmqCluster
            metadata: { name: operator-made }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: fine }
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("INVALID Deployment/broken", result.Output);
        Assert.Contains("UNKNOWN RabbitmqCluster/operator-made", result.Output);
        Assert.Contains("3 objects: 1 valid, 1 invalid, 1 unknown", result.Output);
    }

    private static Repo.Result Validate(string yaml)
    {
        var node = Repo.Require("node", "the schemas are checked by k8s/validate/validate.mjs");
        if (!Directory.Exists(Repo.PathOf("k8s/validate/node_modules/kubernetes-models")))
            Assert.Skip("k8s/validate/node_modules is missing: run `npm ci` in k8s/validate (scripts/test.sh does)");
        return Repo.Run(node, [Repo.PathOf("k8s/validate/validate.mjs")], input: yaml);
    }

    [GeneratedRegex(@"^(\d+) objects: (\d+) valid, (\d+) invalid, (\d+) unknown$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
