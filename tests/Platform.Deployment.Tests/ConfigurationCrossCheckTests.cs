using System.Text.Json.Nodes;
using Platform.Deployment.Tests.Infrastructure;

namespace Platform.Deployment.Tests;

/// <summary>Every configuration key a deployable reads has a value in each overlay, and every address in it leads somewhere.</summary>
public sealed class ConfigurationCrossCheckTests
{
    [Theory]
    [MemberData(nameof(Manifests.OverlayDeployables), MemberType = typeof(Manifests))]
    public void Every_key_read_has_a_value_and_every_address_resolves(string overlay, string deployable)
    {
        var problems = CrossCheck.Check(Manifests.Render(overlay), Deployable.Named(deployable));
        Assert.True(problems.Count == 0, $"k8s/overlays/{overlay}, {deployable}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_source_scan_finds_the_keys_the_platform_documents()
    {
        var unreadable = new List<string>();
        var procedures = ConfigurationReads.Of(Deployable.Named("procedures"), unreadable).Select(r => r.Key).ToHashSet();
        var gateway = ConfigurationReads.Of(Deployable.Named("gateway"), unreadable).Select(r => r.Key).ToHashSet();
        var personnel = ConfigurationReads.Of(Deployable.Named("personnel"), unreadable).Select(r => r.Key).ToHashSet();

        Assert.Empty(unreadable);
        Assert.Superset(new HashSet<string> { "ConnectionStrings:mongo", "ConnectionStrings:rabbitmq", "ConnectionStrings:redis", "Auth:JwksUrl", "Procedures:SameDayCutOff", "Calendar:ScheduleFiles" }, procedures);
        Assert.Superset(new HashSet<string> { "ReverseProxy", "RateLimits", "Edge:TrustedProxies", "ConnectionStrings:redis", "Auth:JwksUrl" }, gateway);
        Assert.Superset(new HashSet<string> { "Auth:SigningKeyPem", "Bootstrap:District:Code", "Bootstrap:Admin:Password", "Auth:TokenLifetimeMinutes" }, personnel);
        // The gateway runs no store and no bus: their keys are not required of it.
        Assert.DoesNotContain("ConnectionStrings:mongo", gateway);
        Assert.DoesNotContain("ConnectionStrings:rabbitmq", gateway);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("standalone")]
    public void The_web_app_sources_are_scanned_for_the_hosts_that_serve_it(string host)
    {
        var unreadable = new List<string>();
        var deployable = Deployable.Named(host);
        var reads = ConfigurationReads.Of(deployable, unreadable);

        Assert.Empty(unreadable);
        Assert.Contains("web/Platform.Web", deployable.ProjectDirectories());
        Assert.Contains(ConfigurationReads.SourceFiles("web/Platform.Web"), f => f.EndsWith(".razor", StringComparison.Ordinal));
        Assert.Superset(new HashSet<string> { "Web:ApiBaseUrl", "Web:DataProtectionKeysDirectory", "Storage:DataDirectory", "Auth:JwksUrl", "Edge:TrustedProxies" },
            reads.Select(r => r.Key).ToHashSet());
        Assert.Contains(reads, r => r.Key == "Web:ApiBaseUrl" && r.File.StartsWith("web/Platform.Web/", StringComparison.Ordinal));
        if (host == "web")
        {
            // The web host runs no store and no bus.
            Assert.DoesNotContain(reads, r => r.Key is "ConnectionStrings:mongo" or "ConnectionStrings:rabbitmq");
        }
    }

    [Fact]
    public void Every_safe_default_is_a_key_that_is_really_read()
    {
        var unreadable = new List<string>();
        var read = Deployable.Kubernetes.SelectMany(d => ConfigurationReads.Of(d, unreadable).Select(r => (d.Name, r.Key))).ToHashSet();
        foreach (var safe in CrossCheck.SafeDefaults)
        {
            var readers = Deployable.Kubernetes.Where(safe.AppliesTo).Where(d => read.Contains((d.Name, safe.Key))).ToList();
            Assert.True(readers.Count > 0, $"{safe.Key} is listed as a safe default but no deployable it names reads it: remove it");
            Assert.False(string.IsNullOrWhiteSpace(safe.Reason));
        }
    }

    [Fact]
    public void A_key_read_in_the_source_is_found_and_a_computed_key_is_reported()
    {
        var unreadable = new List<string>();
        var reads = ConfigurationReads.InFile("x.cs",
        [
            """var a = builder.Configuration["Fresh:Key"];""",
            """var b = configuration.GetValue<int>("Fresh:Number", 3);""",
            """var c = builder.Configuration.GetSection("Fresh:Section").Get<string[]>();""",
            """var d = builder.Configuration.GetConnectionString("postgres");""",
            """var e = configuration[name];""",
        ], unreadable).ToList();

        Assert.Equal(["Fresh:Key", "Fresh:Number", "Fresh:Section", "ConnectionStrings:postgres"], reads.Select(r => r.Key));
        Assert.True(reads.Single(r => r.Key == "Fresh:Section").Section);
        Assert.Single(unreadable);
    }

    [Fact]
    public void The_check_fails_when_a_key_is_missing_from_the_manifests()
    {
        var manifests = Manifests.Render("prod").With(objects =>
        {
            var env = Container(objects, "procedures")["env"]!.AsArray();
            env.Remove(env.First(e => e!["name"]!.ToString() == "ConnectionStrings__mongo"));
        });

        var problems = CrossCheck.Check(manifests, Deployable.Named("procedures"));

        Assert.Contains(problems, p => p.Contains("ConnectionStrings:mongo", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_fails_when_a_loopback_default_survives_or_an_address_leads_nowhere()
    {
        var manifests = Manifests.Render("prod").With(objects =>
        {
            var gateway = objects.First(o => o["kind"]!.ToString() == "ConfigMap" && o["metadata"]!["name"]!.ToString().StartsWith("gateway-config", StringComparison.Ordinal));
            gateway["data"]!.AsObject().Remove("ReverseProxy__Clusters__awards__Destinations__primary__Address");
            gateway["data"]!["ReverseProxy__Clusters__feedback__Destinations__primary__Address"] = "http://feedbak";
            var connections = objects.First(o => o["kind"]!.ToString() == "Secret" && o["metadata"]!["name"]!.ToString() == "platform-connections");
            connections["stringData"]!["redis"] = "redis:6380,password=x";
        });

        var problems = CrossCheck.Check(manifests, Deployable.Named("gateway"));

        Assert.Contains(problems, p => p.Contains("ReverseProxy:Clusters:awards:Destinations:primary:Address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no Service feedbak", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no port 6380", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replica_set_member_beyond_the_statefulset_is_reported()
    {
        var manifests = Manifests.Render("dev");
        Assert.Null(CrossCheck.Resolve(manifests, "mongodb-0.mongodb", 27017));
        Assert.NotNull(CrossCheck.Resolve(manifests, "mongodb-2.mongodb", 27017)); // dev runs one member
    }

    private static JsonObject Container(IReadOnlyList<JsonObject> objects, string deployment) =>
        objects.First(o => o["kind"]!.ToString() == "Deployment" && o["metadata"]!["name"]!.ToString() == deployment)
            ["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
}
