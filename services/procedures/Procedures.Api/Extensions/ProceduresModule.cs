using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Calendar;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Apis;
using Procedures.Api.Consumers;
using Procedures.Api.Domain;
using Procedures.Api.Infrastructure;
using Procedures.Api.Localization;

namespace Procedures.Api.Extensions;

public static class ProceduresModule
{
    public const string Name = "procedures";

    public static IHostApplicationBuilder AddProcedures(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<ProceduresData>(Name, ProceduresData.Collections);
        builder.AddConsumer<CommuneOnboardedConsumer>(Name);
        builder.AddConsumer<StaffRegisteredConsumer>(Name);
        builder.AddConsumer<DeskAssignmentChangedConsumer>(Name);
        builder.Services.AddPlatformOpenApi(Name);
        builder.Services.AddMessages(typeof(ProceduresMessages));
        builder.Services.TryAddSingleton(_ => WorkingCalendar.FromScheduleFiles(builder.Configuration.GetSection("Calendar:ScheduleFiles").Get<string[]>()));
        // Practice varies on a dossier received late in the day: from this local time it counts from the next working day.
        var cutOff = TimeOnly.Parse(builder.Configuration["Procedures:SameDayCutOff"] ?? "15:00", CultureInfo.InvariantCulture);
        builder.Services.AddSingleton(sp => new DossierWorkflow(sp.GetRequiredService<WorkingCalendar>(), cutOff));
        builder.AddStoreIndexes<ProceduresData>(i => i.On<Dossier>("receiptNo", "status", "receivedAt", "dueDate", "field", "handlerId", "searchText").On<SimplificationProposal>("createdAt"));
        return builder;
    }

    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder routes)
    {
        var procedures = routes.MapGroup("").WithGroupName(Name);
        procedures.MapCatalogueApi();
        procedures.MapDossiersApi();
        procedures.MapDeskHandlersApi();
        procedures.MapPublicProceduresApi();
        procedures.MapStatisticsApi();
        procedures.MapSimplificationsApi();
        return routes;
    }
}
