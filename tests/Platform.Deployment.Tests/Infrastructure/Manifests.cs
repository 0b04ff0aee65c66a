using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>The objects of one rendered overlay (<c>kubectl kustomize k8s/overlays/{name}</c>), as JSON trees.</summary>
public sealed class Manifests(string yaml, IReadOnlyList<JsonObject> objects)
{
    public static readonly string[] Overlays = ["dev", "prod"];
    private static readonly ConcurrentDictionary<string, Manifests> Rendered = new();

    /// <summary>Every overlay with every deployable that runs in Kubernetes, for theories.</summary>
    public static TheoryData<string, string> OverlayDeployables()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in Overlays)
            foreach (var deployable in Deployable.Kubernetes) data.Add(overlay, deployable.Name);
        return data;
    }

    public string Yaml { get; } = yaml;
    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    /// <summary>Renders an overlay with kubectl (once per test run); skips the test when kubectl is missing.</summary>
    public static Manifests Render(string overlay)
    {
        var kubectl = Repo.Require("kubectl", "the manifests are rendered with `kubectl kustomize`");
        return Rendered.GetOrAdd(overlay, o =>
        {
            var result = Repo.Run(kubectl, ["kustomize", Repo.PathOf($"k8s/overlays/{o}")]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"kubectl kustomize k8s/overlays/{o} failed: {result}");
            return Parse(result.Output);
        });
    }

    public static Manifests Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var objects = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
            if (ToJson(deserializer.Deserialize<object?>(parser)) is JsonObject o) objects.Add(o);
        return new Manifests(yaml, objects);
    }

    /// <summary>A copy with <paramref name="change"/> applied to its objects (for the tests that show a check fails).</summary>
    public Manifests With(Action<IReadOnlyList<JsonObject>> change)
    {
        var copy = Objects.Select(o => (JsonObject)o.DeepClone()).ToList();
        change(copy);
        return new Manifests(Yaml, copy);
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Str(o["kind"]) == kind);

    public JsonObject? Find(string kind, string name) => OfKind(kind).FirstOrDefault(o => Str(o["metadata"]?["name"]) == name);

    /// <summary>A Deployment or StatefulSet by name.</summary>
    public JsonObject? Workload(string name) => Find("Deployment", name) ?? Find("StatefulSet", name);

    public static int Replicas(JsonObject workload) => int.TryParse(Str(workload["spec"]?["replicas"]), out var n) ? n : 1;

    public static JsonObject PodSpec(JsonObject workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    public static IEnumerable<JsonObject> Containers(JsonObject workload) =>
        PodSpec(workload)["containers"]!.AsArray().Select(c => c!.AsObject());

    public static string? Str(JsonNode? node) => node is JsonValue v ? v.ToString() : null;

    /// <summary>A ConfigMap's or Secret's entries (data and stringData; Secret data is base64).</summary>
    public IReadOnlyDictionary<string, string>? Entries(string kind, string name)
    {
        var o = Find(kind, name);
        if (o is null) return null;
        var entries = new Dictionary<string, string>();
        foreach (var field in new[] { "data", "stringData" })
            if (o[field] is JsonObject data)
                foreach (var (key, value) in data)
                    entries[key] = kind == "Secret" && field == "data"
                        ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Str(value) ?? ""))
                        : Str(value) ?? "";
        return entries;
    }

    /// <summary>
    /// The environment a container gets from its manifest: name → value (null when the value is set but unknown, e.g.
    /// from a field reference). References to a missing ConfigMap, Secret or key are listed in <paramref name="problems"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment(JsonObject container, List<string> problems)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            var prefix = Str(source!["prefix"]) ?? "";
            foreach (var (kind, field) in new[] { ("ConfigMap", "configMapRef"), ("Secret", "secretRef") })
            {
                if (source[field] is not JsonObject reference) continue;
                var name = Str(reference["name"])!;
                var entries = Entries(kind, name);
                if (entries is null)
                {
                    if (Str(reference["optional"]) != "true") problems.Add($"envFrom {kind} {name} does not exist");
                    continue;
                }
                foreach (var (key, value) in entries) environment[prefix + key] = value;
            }
        }
        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            var name = Str(variable!["name"])!;
            if (variable["valueFrom"] is not JsonObject from)
            {
                environment[name] = Str(variable["value"]) ?? "";
                continue;
            }
            environment[name] = null;
            foreach (var (kind, field) in new[] { ("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef") })
            {
                if (from[field] is not JsonObject reference) continue;
                var entries = Entries(kind, Str(reference["name"])!);
                var key = Str(reference["key"])!;
                if (entries is not null && entries.TryGetValue(key, out var value)) environment[name] = value;
                else problems.Add($"{name}: {kind} {Str(reference["name"])} has no key {key}");
            }
        }
        return environment;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key.ToString()!, ToJson(e.Value)))),
        IEnumerable<object?> list when value is not string => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
