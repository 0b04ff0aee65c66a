using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Calendar;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Feedback.Api.Apis;
using Feedback.Api.Consumers;
using Feedback.Api.Domain;
using Feedback.Api.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Feedback.Api.Localization;

namespace Feedback.Api.Extensions;

public static class FeedbackModule
{
    public const string Name = "feedback";

    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<FeedbackData>(Name, FeedbackData.Collections);
        builder.AddConsumer<CommuneOnboardedConsumer>(Name);
        builder.AddConsumer<DossierReturnedConsumer>(Name);
        builder.AddConsumer<ProcedureChangedConsumer>(Name);
        builder.AddConsumer<StaffRegisteredConsumer>(Name);
        builder.Services.AddPlatformOpenApi(Name);
        builder.Services.AddMessages(typeof(FeedbackMessages));
        builder.Services.TryAddSingleton(_ => WorkingCalendar.FromScheduleFiles(builder.Configuration.GetSection("Calendar:ScheduleFiles").Get<string[]>()));
        builder.Services.AddSingleton(sp => new FeedbackDeadlines(sp.GetRequiredService<WorkingCalendar>(),
            builder.Configuration.GetValue("Feedback:AssignWorkingDays", 2), builder.Configuration.GetValue("Feedback:AnswerWorkingDays", 10)));
        builder.Services.AddSingleton<FeedbackIntake>();
        builder.AddStoreIndexes<FeedbackData>(i => i.On<FeedbackItem>("trackingCode", "status", "receivedAt", "dueDate", "published").On<SurveyResponse>("ratedAt"));
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder routes)
    {
        var feedback = routes.MapGroup("").WithGroupName(Name);
        feedback.MapPublicFeedbackApi();
        feedback.MapFeedbackStaffApi();
        feedback.MapSurveysApi();
        feedback.MapOpen311Api();
        return routes;
    }
}
