using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Awards.Api.Consumers;
using Awards.Api.Infrastructure;

namespace Awards.Api.Extensions;

public static class AwardsModule
{
    public const string Name = "awards";

    public static IHostApplicationBuilder AddAwards(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<AwardsData>(Name);
        builder.AddConsumer<CommuneOnboardedConsumer>(Name);
        builder.Services.AddOpenApi(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapAwardsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("").WithGroupName(Name);
        return routes;
    }
}
