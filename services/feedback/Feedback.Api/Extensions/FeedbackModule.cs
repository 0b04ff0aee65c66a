using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Feedback.Api.Consumers;
using Feedback.Api.Infrastructure;

namespace Feedback.Api.Extensions;

public static class FeedbackModule
{
    public const string Name = "feedback";

    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<FeedbackData>(Name);
        builder.AddConsumer<CommuneOnboardedConsumer>(Name);
        builder.Services.AddOpenApi(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("").WithGroupName(Name);
        return routes;
    }
}
