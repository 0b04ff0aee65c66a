using System.Reflection;
using NetArchTest.Rules;

namespace Platform.Architecture.Tests;

/// <summary>
/// The walk a reader takes through a behaviour (route → Apis → Domain → Platform.Contracts → Consumers → their Domain) has no
/// step back: the domain knows nothing of HTTP, storage, the bus, caches or markup, and nothing of its own service's edges.
/// </summary>
public sealed class LayerTests
{
    public static TheoryData<string> Services => ["Procedures", "Personnel", "Feedback", "Awards"];

    private static Assembly AssemblyOf(string service) => Assembly.Load($"{service}.Api");

    private static readonly string[] Infrastructure =
    [
        "Microsoft.AspNetCore", "Microsoft.Extensions.Caching", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
        "MassTransit", "MongoDB", "Microsoft.Data.Sqlite", "System.Net.Http", "System.Xml", "System.Text.Json",
        "Platform.ServiceDefaults.Storage", "Platform.ServiceDefaults.Caching", "Platform.ServiceDefaults.Messaging",
        "Platform.ServiceDefaults.Hosting", "Platform.ServiceDefaults.Security", "Platform.ServiceDefaults.Tenancy",
    ];

    [Theory]
    [MemberData(nameof(Services))]
    public void The_domain_references_no_http_storage_bus_cache_or_markup(string service)
    {
        var result = Types.InAssembly(AssemblyOf(service)).That().ResideInNamespace($"{service}.Api.Domain")
            .ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_domain_never_steps_back_to_its_service_edges(string service)
    {
        var result = Types.InAssembly(AssemblyOf(service)).That().ResideInNamespace($"{service}.Api.Domain")
            .ShouldNot().HaveDependencyOnAny($"{service}.Api.Apis", $"{service}.Api.Consumers", $"{service}.Api.Infrastructure", $"{service}.Api.Extensions")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Consumers_do_not_call_the_http_edge(string service)
    {
        var result = Types.InAssembly(AssemblyOf(service)).That().ResideInNamespace($"{service}.Api.Consumers")
            .ShouldNot().HaveDependencyOnAny($"{service}.Api.Apis", "Microsoft.AspNetCore").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Contracts_are_plain_records_that_depend_on_nothing_of_the_platform()
    {
        var contracts = typeof(Platform.Contracts.Procedures.DossierResolved).Assembly;
        var result = Types.InAssembly(contracts).ShouldNot()
            .HaveDependencyOnAny("Platform.ServiceDefaults", "MassTransit", "Microsoft.AspNetCore", "System.Text.Json").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.Equal(["Platform.Contracts"], contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Platform", StringComparison.Ordinal)).Append("Platform.Contracts").Distinct());
    }

    private static string Failing(NetArchTest.Rules.TestResult result) =>
        "Types that break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
