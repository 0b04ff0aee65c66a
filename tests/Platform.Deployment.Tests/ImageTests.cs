using System.Text.RegularExpressions;
using Platform.Deployment.Tests.Infrastructure;

namespace Platform.Deployment.Tests;

/// <summary>
/// One Dockerfile builds every image; docker-bake.json gives each deployable its project (and the standalone host its
/// stage). The images build what exists, run as non-root on the port the manifests use, and pin their bases.
/// </summary>
public sealed partial class ImageTests
{
    public static TheoryData<string> Deployables() => new(Deployable.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Deployables))]
    public void The_deployable_has_a_build_entry_for_its_existing_project(string name)
    {
        var deployable = Deployable.Named(name);
        var build = deployable.Build ?? throw new Xunit.Sdk.XunitException($"{Bake.RepositoryPath} has no target {name}");

        Assert.Equal((".", Dockerfile.RepositoryPath), (build.Context, build.Dockerfile));
        Assert.Equal(deployable.ProjectDirectory, Assert.Contains("PROJECT", build.Args));
        // The Dockerfile finds the project, and the app host it renames, by the folder's last segment.
        Assert.True(File.Exists(Repo.PathOf(deployable.Project)), $"{name}: {deployable.Project} does not exist");
        Assert.Equal(deployable.Assembly, deployable.ProjectDirectory.Split('/')[^1]);
        Assert.DoesNotContain("<AssemblyName>", Repo.Read(deployable.Project));
        Assert.Equal(new[] { $"{deployable.Image}:0.1.0" }, build.Tags); // the name the manifests run (kustomize sets the tag)
        Assert.Contains(name, Bake.DefaultGroup);
        _ = Dockerfile.Platform.Target(build.Stage); // a stage the Dockerfile has (none: the default, last one)
    }

    [Fact]
    public void Every_build_entry_is_a_known_deployable()
    {
        Assert.Equal(Deployable.All.Select(d => d.Name).Order(), Bake.Images.Select(t => t.Name).Order());
        Assert.Equal(Deployable.All.Select(d => d.Name).Order(), Bake.DefaultGroup.Order());
    }

    [Fact]
    public void The_build_sees_every_project_a_deployable_needs_and_publishes_the_one_it_is_given()
    {
        var dockerfile = Dockerfile.Platform;
        var build = dockerfile.Target("build").ToList();

        Assert.Contains(build, i => i.Op == "COPY" && i.Arguments == ". .");
        foreach (var needed in Deployable.All.SelectMany(d => d.ProjectDirectories()).Append("deploy/HealthProbe")
                     .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"]).Distinct())
            Assert.False(DockerIgnore.Excludes(needed), $".dockerignore keeps {needed} out of the build");
        Assert.True(DockerIgnore.Excludes("tests/Platform.Testing"));
        Assert.True(DockerIgnore.Excludes("services/personnel/Personnel.Api/bin/Release"));

        var run = Assert.Single(build, i => i.Op == "RUN").Arguments;
        Assert.Contains("""dotnet publish "$PROJECT" -c Release""", run);
        Assert.Contains("dotnet publish deploy/HealthProbe -c Release -o /out/probe", run);
        Assert.Contains("""mv "/out/app/${PROJECT##*/}" /out/app/entrypoint""", run);
        Assert.Contains("ARG PROJECT", build.Select(i => $"{i.Op} {i.Arguments}"));
        foreach (var deployable in Deployable.All)
            Assert.Equal("""["/app/entrypoint"]""", dockerfile.Last(deployable.Build!.Stage, "ENTRYPOINT"));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void The_image_is_pinned_non_root_and_health_checked_on_8080(string name)
    {
        var dockerfile = Dockerfile.Platform;
        var target = Deployable.Named(name).Build!.Stage;

        Assert.Collection(dockerfile.BaseImages,
            sdk => Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d{3}-[a-z-]+$", sdk),
            runtime => Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0\.\d+-[a-z-]+$", runtime));
        Assert.Equal(dockerfile.BaseImages[1], dockerfile.BaseOf(target)); // the runtime, never the SDK
        var user = dockerfile.Last(target, "USER");
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user}: numeric and not root, so that runAsNonRoot can verify it");
        Assert.Equal(ImagePort.ToString(), dockerfile.Last(target, "EXPOSE"));
        Assert.Equal(ImagePort.ToString(), dockerfile.Environment(target)["ASPNETCORE_HTTP_PORTS"]);
        Assert.Contains("/probe/HealthProbe.dll", dockerfile.Last(target, "HEALTHCHECK"));
    }

    [Fact]
    public void Only_the_standalone_image_keeps_data_on_a_volume_and_leaves_demo_mode()
    {
        var dockerfile = Dockerfile.Platform;
        var standalone = Deployable.Named("standalone").Build!.Stage;

        Assert.Equal("standalone", standalone);
        Assert.Equal("/data", dockerfile.Last(standalone, "VOLUME"));
        var environment = dockerfile.Environment(standalone);
        Assert.Equal(("false", "/data", $"http://+:{ImagePort}"), (environment["Demo__Enabled"], environment["Storage__DataDirectory"], environment["urls"]));
        // The others build the default target, which has neither.
        Assert.All(Deployable.Kubernetes, d => Assert.Null(d.Build!.Stage));
        Assert.Null(dockerfile.Last(null, "VOLUME"));
        Assert.DoesNotContain("Storage__DataDirectory", dockerfile.Environment(null).Keys);
        Assert.DoesNotContain("Demo__Enabled", dockerfile.Environment(null).Keys);
    }

    [Fact]
    public void The_services_serve_the_probed_health_paths()
    {
        var defaults = Repo.Read("services/shared/Platform.ServiceDefaults/Hosting/ServiceDefaultsExtensions.cs");
        Assert.Contains("""MapHealthChecks("/health/live""", defaults);
        Assert.Contains("""MapHealthChecks("/health/ready""", defaults);
        foreach (var deployable in Deployable.All.Where(d => d.Name != "standalone"))
            Assert.Contains("UseServiceDefaults(", Repo.Read($"{deployable.ProjectDirectory}/Program.cs"));
    }

    [Theory]
    [MemberData(nameof(Manifests.OverlayDeployables), MemberType = typeof(Manifests))]
    public void The_deployment_runs_the_image_on_its_port_with_the_health_probes(string overlay, string name)
    {
        var manifests = Manifests.Render(overlay);
        var deployable = Deployable.Named(name);
        var dockerfile = Dockerfile.Platform;
        var target = deployable.Build!.Stage;
        var deployment = manifests.Find("Deployment", name) ?? throw new Xunit.Sdk.XunitException($"no Deployment {name}");
        var container = Assert.Single(Manifests.Containers(deployment));
        var pod = Manifests.PodSpec(deployment);

        Assert.Matches($"^{Regex.Escape(deployable.Image)}:[0-9A-Za-z._-]+$", Manifests.Str(container["image"]));
        var port = Assert.Single(container["ports"]!.AsArray());
        Assert.Equal(("http", dockerfile.Last(target, "EXPOSE")), (Manifests.Str(port!["name"]), Manifests.Str(port["containerPort"])));
        Assert.Equal("/health/live", Manifests.Str(container["livenessProbe"]!["httpGet"]!["path"]));
        Assert.Equal("/health/ready", Manifests.Str(container["readinessProbe"]!["httpGet"]!["path"]));
        Assert.Equal("/health/live", Manifests.Str(container["startupProbe"]!["httpGet"]!["path"]));
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            Assert.Equal("http", Manifests.Str(container[probe]!["httpGet"]!["port"]));

        Assert.Equal("true", Manifests.Str(pod["securityContext"]!["runAsNonRoot"]));
        Assert.Equal(dockerfile.Last(target, "USER"), Manifests.Str(pod["securityContext"]!["runAsUser"]));
        Assert.Equal("true", Manifests.Str(container["securityContext"]!["readOnlyRootFilesystem"]));
        Assert.Contains(container["volumeMounts"]!.AsArray(), m => Manifests.Str(m!["mountPath"]) == "/tmp");
        foreach (var bound in new[] { "requests", "limits" })
            foreach (var resource in new[] { "cpu", "memory" })
                Assert.NotNull(container["resources"]?[bound]?[resource]);

        Assert.Null(CrossCheck.Resolve(manifests, name, 80)); // its Service reaches the container's port
        Assert.Contains(manifests.OfKind("PodDisruptionBudget"), p => Manifests.Str(p["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/name"]) == name);
    }

    [Theory]
    [MemberData(nameof(OverlaysData))]
    public void The_ingress_leads_to_the_gateway_and_the_busiest_deployables_autoscale(string overlay)
    {
        var manifests = Manifests.Render(overlay);
        var backend = Assert.Single(manifests.OfKind("Ingress"))["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!;
        Assert.Equal("gateway", Manifests.Str(backend["name"]));
        Assert.Null(CrossCheck.Resolve(manifests, "gateway", 80));
        var scaled = manifests.OfKind("HorizontalPodAutoscaler").Select(h => Manifests.Str(h["spec"]!["scaleTargetRef"]!["name"])).ToList();
        Assert.Superset(new HashSet<string?> { "gateway", "procedures" }, scaled.ToHashSet());
        foreach (var target in scaled) Assert.NotNull(manifests.Find("Deployment", target!));
    }

    [Fact]
    public void Prod_spreads_three_replicas_and_runs_three_member_replica_set_and_broker_cluster()
    {
        var manifests = Manifests.Render("prod");
        foreach (var name in new[] { "gateway", "personnel", "procedures" })
            Assert.True(Manifests.Replicas(manifests.Find("Deployment", name)!) >= 3, $"{name} runs fewer than 3 replicas in prod");
        foreach (var deployment in manifests.OfKind("Deployment"))
            Assert.NotNull(Manifests.PodSpec(deployment)["affinity"]?["podAntiAffinity"]);
        foreach (var name in new[] { "mongodb", "rabbitmq" })
        {
            var set = manifests.Find("StatefulSet", name)!;
            Assert.Equal(3, Manifests.Replicas(set));
            Assert.NotNull(Manifests.PodSpec(set)["affinity"]?["podAntiAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]);
        }
    }

    [Theory]
    [MemberData(nameof(OverlaysData))]
    public void The_replica_set_and_the_broker_cluster_list_exactly_their_statefulset_members(string overlay)
    {
        var manifests = Manifests.Render(overlay);
        var mongodb = Manifests.Replicas(manifests.Find("StatefulSet", "mongodb")!);
        var rabbitmq = Manifests.Replicas(manifests.Find("StatefulSet", "rabbitmq")!);

        // Initiated with, and connected to, every member (the cross-check resolves each host to a member).
        var init = Manifests.Containers(manifests.Find("Job", "mongodb-init")!).Single()["env"]!.AsArray();
        Assert.Equal(mongodb.ToString(), Manifests.Str(init.Single(e => Manifests.Str(e!["name"]) == "MONGODB_MEMBERS")!["value"]));
        var mongo = manifests.Entries("Secret", "platform-connections")!["mongo"];
        Assert.Equal(mongodb, CrossCheck.Endpoints("ConnectionStrings__mongo", mongo).Count());
        Assert.Contains("replicaSet=rs0", mongo);
        // The nightly backup dumps that same replica set.
        var backup = manifests.Find("CronJob", "mongodb-backup")!["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        var problems = new List<string>();
        Assert.Equal(mongo, manifests.Environment(backup, problems)["MONGO_URI"]);
        Assert.Empty(problems);
        var conf = manifests.OfKind("ConfigMap").Single(c => Manifests.Str(c["metadata"]!["name"])!.StartsWith("rabbitmq-config", StringComparison.Ordinal));
        var rabbitConf = Manifests.Str(conf["data"]!["rabbitmq.conf"])!;
        Assert.Equal(rabbitmq, Regex.Matches(rabbitConf, @"^cluster_formation\.classic_config\.nodes\.\d+ =", RegexOptions.Multiline).Count);
        Assert.Contains("default_queue_type = quorum", rabbitConf);
    }

    public static TheoryData<string> OverlaysData() => new(Manifests.Overlays);

    private const int ImagePort = 8080;
}
