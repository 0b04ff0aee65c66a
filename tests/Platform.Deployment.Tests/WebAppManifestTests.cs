using Platform.Deployment.Tests.Infrastructure;

namespace Platform.Deployment.Tests;

/// <summary>
/// The web app in the cluster: reached through the gateway's cluster "web", calling the API through the gateway's Service,
/// its Data Protection keys on a claim mounted where it keeps them; in prod, shared by its replicas and each browser kept
/// on one pod (its circuit).
/// </summary>
public sealed class WebAppManifestTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_gateway_leads_to_the_web_app_and_the_web_app_to_the_gateway(string overlay)
    {
        var manifests = Manifests.Render(overlay);
        var problems = new List<string>();
        var gateway = manifests.Environment(Manifests.Containers(manifests.Find("Deployment", "gateway")!).Single(), problems);
        var web = manifests.Environment(Manifests.Containers(manifests.Find("Deployment", "web")!).Single(), problems);

        Assert.Empty(problems);
        Assert.Equal("http://web", gateway["ReverseProxy__Clusters__web__Destinations__primary__Address"]);
        Assert.Equal("http://gateway", web["Web__ApiBaseUrl"]);
        Assert.StartsWith("https://", web["Web__PublicBaseUrl"]);
        Assert.Equal(new Uri(web["Web__PublicBaseUrl"]!).Host,
            Manifests.Str(Assert.Single(manifests.OfKind("Ingress"))["spec"]!["rules"]![0]!["host"]));
        // Each trusts the other's X-Forwarded-For: the citizen's address survives the round trip.
        Assert.NotNull(gateway["Edge__TrustedProxies__0"]);
        Assert.NotNull(web["Edge__TrustedProxies__0"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_key_ring_is_on_a_claim_mounted_where_the_web_app_keeps_it(string overlay)
    {
        var manifests = Manifests.Render(overlay);
        var deployment = manifests.Find("Deployment", "web")!;
        var container = Manifests.Containers(deployment).Single();
        var environment = manifests.Environment(container, []);

        var directory = environment["Web__DataProtectionKeysDirectory"];
        var mount = Assert.Single(container["volumeMounts"]!.AsArray(), m => Manifests.Str(m!["mountPath"]) == directory)!;
        Assert.Null(Manifests.Str(mount["readOnly"]));
        var volume = Assert.Single(Manifests.PodSpec(deployment)["volumes"]!.AsArray(), v => Manifests.Str(v!["name"]) == Manifests.Str(mount["name"]))!;
        var claim = manifests.Find("PersistentVolumeClaim", Manifests.Str(volume["persistentVolumeClaim"]!["claimName"])!);
        Assert.NotNull(claim);
        var modes = claim["spec"]!["accessModes"]!.AsArray().Select(Manifests.Str).ToList();
        if (Manifests.Replicas(deployment) > 1)
        {
            Assert.Contains("ReadWriteMany", modes);
            Assert.NotEqual("Recreate", Manifests.Str(deployment["spec"]!["strategy"]?["type"]));
        }
        else Assert.Equal("Recreate", Manifests.Str(deployment["spec"]!["strategy"]!["type"]));
    }

    [Fact]
    public void Prod_keeps_each_browser_on_one_web_pod()
    {
        var manifests = Manifests.Render("prod");
        var gateway = manifests.Environment(Manifests.Containers(manifests.Find("Deployment", "gateway")!).Single(), []);

        Assert.True(Manifests.Replicas(manifests.Find("Deployment", "web")!) >= 2);
        Assert.Equal("true", gateway["ReverseProxy__Clusters__web__SessionAffinity__Enabled"]);
        Assert.Equal("HashCookie", gateway["ReverseProxy__Clusters__web__SessionAffinity__Policy"]);
        Assert.Equal("ClientIP", Manifests.Str(manifests.Find("Service", "web")!["spec"]!["sessionAffinity"]));
        Assert.Equal("cookie", Manifests.Str(Assert.Single(manifests.OfKind("Ingress"))["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/affinity"]));
    }
}
