using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests.Infrastructure;

/// <summary>A key a deployable reads that may stay unset in Kubernetes, and why that is safe.</summary>
public sealed record SafeDefault(string Key, string[] Deployables, string Reason)
{
    public bool AppliesTo(Deployable d) => Deployables.Length == 0 || Deployables.Contains(d.Name);
}

/// <summary>
/// Cross-checks a rendered overlay against what a deployable reads and serves: every configuration key it reads has a
/// value (its container's environment, or its appsettings.json) or is an explicit safe default; no loopback address
/// from appsettings.json survives; every address in its environment reaches a Service or StatefulSet member that
/// serves that port.
/// </summary>
public static partial class CrossCheck
{
    private static readonly string[] Validators = ["gateway", "procedures", "feedback", "awards", "web"];

    /// <summary>The keys that may stay unset in the cluster, each with its reason. Every entry must be read somewhere.</summary>
    public static readonly IReadOnlyList<SafeDefault> SafeDefaults =
    [
        new("Storage:DataDirectory", [], "the SQLite folder, used only without ConnectionStrings:mongo, which every service has here; the web app's key folder defaults under it, and the manifests set Web:DataProtectionKeysDirectory"),
        new("Messaging:QueuePrefix", [], "one broker virtual host per deployment (cchc); a prefix is for deployments or test runs sharing one"),
        new("Auth:Authority", [], "an external OIDC issuer instead of personnel; the manifests use personnel's keys (Auth:JwksUrl)"),
        new("Auth:RequireHttpsMetadata", [], "read only with Auth:Authority"),
        new("Auth:SigningKeyFile", [], "personnel gets its key as PEM text (Auth:SigningKeyPem) from a Secret; the others validate only"),
        new("Auth:CreateSigningKey", [], "read only with Auth:SigningKeyFile (the standalone host creates its key)"),
        new("Auth:RevokedSessionsUrl", [], "the issuer's list of revoked sessions sits next to Auth:JwksUrl (/api/auth/revoked-sessions), which the manifests set"),
        new("Auth:RevokedSessionsRefreshSeconds", [], "15 s: the bound on how late a revocation lands where no event reaches (the gateway has no bus)"),
        new("Auth:SigningKeyPem", Validators, "only the issuer (personnel) holds the private key; the others validate with Auth:JwksUrl"),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", [], "telemetry export is optional: set it when the cluster has an OTLP collector"),
        new("Radio:Espeak", ["awards"], "the espeak-ng program for the bulletin's audio; the chiseled image has none, so the feed has no enclosure there"),
        new("Calendar:ScheduleFiles", ["procedures", "feedback"], "the official schedules ship in the image; a file only replaces a year"),
    ];

    public static List<string> Check(Manifests manifests, Deployable deployable)
    {
        var problems = new List<string>();
        var workload = manifests.Find("Deployment", deployable.Name);
        if (workload is null) return [$"no Deployment {deployable.Name}"];
        var container = Manifests.Containers(workload).FirstOrDefault(c => Manifests.Str(c["name"]) == deployable.Name);
        if (container is null) return [$"Deployment {deployable.Name} has no container {deployable.Name}"];
        var environment = manifests.Environment(container, problems);
        var settings = AppSettings(deployable);

        var unreadable = new List<string>();
        foreach (var read in ConfigurationReads.Of(deployable, unreadable).DistinctBy(r => r.Key))
        {
            var name = read.EnvironmentName;
            var fromEnvironment = environment.Where(e => e.Key == name || (read.Section && e.Key.StartsWith(name + "__", StringComparison.Ordinal))).ToList();
            var fromSettings = settings.Keys.Any(k => k == read.Key || (read.Section && k.StartsWith(read.Key + ":", StringComparison.Ordinal)));
            if (fromEnvironment.Count > 0)
            {
                foreach (var (key, value) in fromEnvironment)
                    if (value is not null && value.Trim().Length == 0) problems.Add($"{key} is empty ({read})");
            }
            else if (!fromSettings && !SafeDefaults.Any(s => s.Key == read.Key && s.AppliesTo(deployable)))
                problems.Add($"reads {read}, which has no value in the manifests nor in appsettings.json, and is not a safe default");
        }
        problems.AddRange(unreadable.Select(u => "a configuration read the cross-check cannot follow (not a literal key): " + u));

        // A loopback address in appsettings.json (the local run's) must be replaced in the cluster.
        foreach (var (key, value) in settings)
            if (LoopbackValue().IsMatch(value) && !environment.ContainsKey(key.Replace(":", "__")))
                problems.Add($"appsettings.json's {key} = {value} is not overridden by the manifests");

        // Nothing may move the port away from the image's 8080.
        foreach (var key in new[] { "urls", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "Kestrel__Endpoints" })
            if (environment.Keys.Any(k => k == key || k.StartsWith(key + "__", StringComparison.Ordinal)))
                problems.Add($"{key} is set: the probes and the Service expect the image's port 8080");

        foreach (var (key, value) in environment)
            if (value is not null)
                foreach (var (host, port) in Endpoints(key, value))
                    if (Resolve(manifests, host, port) is { } problem) problems.Add($"{key}: {problem}");
        return problems;
    }

    /// <summary>The host:port pairs in a value: http(s) URLs, mongodb/amqp URIs, a StackExchange.Redis string.</summary>
    public static IEnumerable<(string Host, int Port)> Endpoints(string key, string value)
    {
        var uri = UriLike().Match(value);
        if (uri.Success)
        {
            var scheme = uri.Groups["scheme"].Value;
            var defaultPort = scheme switch { "https" => 443, "mongodb" => 27017, "amqp" => 5672, "amqps" => 5671, _ => 80 };
            foreach (var hostPort in uri.Groups["hosts"].Value.Split(','))
                yield return HostPort(hostPort, defaultPort);
            yield break;
        }
        if (key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && RedisLike().Match(value) is { Success: true } redis) yield return HostPort(redis.Groups[1].Value, 6379);
    }

    private static (string, int) HostPort(string hostPort, int defaultPort)
    {
        var parts = hostPort.Split(':');
        return (parts[0], parts.Length > 1 && int.TryParse(parts[1], out var p) ? p : defaultPort);
    }

    /// <summary>Null when <paramref name="host"/>:<paramref name="port"/> reaches a pod serving it; else why not.</summary>
    public static string? Resolve(Manifests manifests, string host, int port)
    {
        if (host.Contains('.') && host.Split('.') is [var member, var serviceName])
        {
            // A StatefulSet member through its headless Service: {statefulset}-{ordinal}.{service}
            var service = manifests.Find("Service", serviceName);
            if (service is null) return $"{host}: no Service {serviceName}";
            if (Manifests.Str(service["spec"]?["clusterIP"]) != "None") return $"{host}: Service {serviceName} is not headless";
            var set = manifests.OfKind("StatefulSet").FirstOrDefault(s =>
                Manifests.Str(s["spec"]?["serviceName"]) == serviceName && member.StartsWith(Manifests.Str(s["metadata"]!["name"]) + "-", StringComparison.Ordinal));
            if (set is null) return $"{host}: no StatefulSet governed by {serviceName} named like {member}";
            var ordinal = int.Parse(member[(Manifests.Str(set["metadata"]!["name"])!.Length + 1)..]);
            if (ordinal >= Manifests.Replicas(set)) return $"{host}: StatefulSet {set["metadata"]!["name"]} has {Manifests.Replicas(set)} replicas";
            return ContainerPorts(set).Any(p => p.Number == port) ? null : $"{host}: no container of {set["metadata"]!["name"]} listens on {port}";
        }
        if (host.Contains('.')) return null; // outside the cluster (or a full DNS name): not checked
        var target = manifests.Find("Service", host);
        if (target is null) return $"{host}:{port}: no Service {host}";
        var servicePort = target["spec"]!["ports"]!.AsArray().FirstOrDefault(p => Manifests.Str(p!["port"]) == port.ToString());
        if (servicePort is null) return $"{host}:{port}: Service {host} has no port {port}";
        var targetPort = Manifests.Str(servicePort["targetPort"]) ?? port.ToString();
        var selector = target["spec"]!["selector"]!.AsObject();
        var workloads = manifests.Objects.Where(o => Manifests.Str(o["kind"]) is "Deployment" or "StatefulSet")
            .Where(w => selector.All(s => Manifests.Str(w["spec"]!["template"]!["metadata"]!["labels"]![s.Key]) == Manifests.Str(s.Value))).ToList();
        if (workloads.Count == 0) return $"{host}:{port}: Service {host} selects no workload";
        foreach (var workload in workloads)
            if (!ContainerPorts(workload).Any(p => p.Name == targetPort || p.Number.ToString() == targetPort))
                return $"{host}:{port}: {workload["metadata"]!["name"]} has no container port {targetPort}";
        return null;
    }

    public static IEnumerable<(string? Name, int Number)> ContainerPorts(JsonObject workload) =>
        Manifests.Containers(workload).SelectMany(c => c["ports"]?.AsArray() ?? [])
            .Select(p => (Manifests.Str(p!["name"]), int.Parse(Manifests.Str(p["containerPort"])!)));

    /// <summary>The deployable's appsettings.json, flattened to <c>:</c>-separated keys.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(Deployable deployable)
    {
        var flat = new Dictionary<string, string>();
        var path = Repo.PathOf($"{deployable.ProjectDirectory}/appsettings.json");
        if (File.Exists(path)) Flatten(JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }), "", flat);
        return flat;
    }

    private static void Flatten(JsonNode? node, string prefix, Dictionary<string, string> flat)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o) Flatten(value, prefix.Length == 0 ? key : $"{prefix}:{key}", flat);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Flatten(a[i], $"{prefix}:{i}", flat);
                break;
            default:
                flat[prefix] = node?.ToString() ?? "";
                break;
        }
    }

    [GeneratedRegex(@"(127\.0\.0\.1|localhost|\[::1\])")]
    private static partial Regex LoopbackValue();

    [GeneratedRegex(@"^(?<scheme>https?|mongodb|amqps?)://(?:[^@/]*@)?(?<hosts>[^/?]+)")]
    private static partial Regex UriLike();

    [GeneratedRegex(@"^([A-Za-z0-9.-]+:\d+)(,|$)")]
    private static partial Regex RedisLike();
}
