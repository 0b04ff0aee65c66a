using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Consumers;
using Procedures.Api.Infrastructure;

namespace Procedures.Api.Extensions;

public static class ProceduresModule
{
    public const string Name = "procedures";

    public static IHostApplicationBuilder AddProcedures(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<ProceduresData>(Name);
        builder.AddConsumer<CommuneOnboardedConsumer>(Name);
        builder.Services.AddOpenApi(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("").WithGroupName(Name);
        return routes;
    }
}
