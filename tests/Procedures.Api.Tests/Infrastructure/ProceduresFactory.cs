using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Tests.Infrastructure;

/// <summary>The procedures service with its store wrapped in a <see cref="GatedStore"/>, so that concurrency tests can line requests up.</summary>
public sealed class ProceduresFactory(IReadOnlyDictionary<string, string?>? settings = null) : ServiceFactory<ProceduresData>(settings)
{
    public new GatedStore Store => Services.GetRequiredService<GatedStore>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        var original = services.Single(d => d.ServiceType == typeof(IDocumentStore<ProceduresData>));
        services.Remove(original);
        services.AddSingleton(sp => new GatedStore(original.ImplementationFactory is { } create
            ? (IDocumentStore<ProceduresData>)create(sp)
            : (IDocumentStore<ProceduresData>)original.ImplementationInstance!));
        services.AddSingleton<IDocumentStore<ProceduresData>>(sp => sp.GetRequiredService<GatedStore>());
    }
}
