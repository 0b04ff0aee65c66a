using Awards.Api.Apis;
using Awards.Api.Consumers;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Problems;
using Awards.Api.Localization;

namespace Awards.Api.Extensions;

public static class AwardsModule
{
    public const string Name = "awards";

    public static IHostApplicationBuilder AddAwards(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<AwardsData>(Name, AwardsData.Collections);
        builder.AddConsumer<CommuneOnboardedConsumer>(Name);
        builder.AddConsumer<StaffRegisteredConsumer>(Name);
        builder.AddConsumer<EvaluationFinalizedConsumer>(Name);
        builder.AddConsumer<TrainingCompletedConsumer>(Name);
        builder.AddConsumer<DossierReceivedConsumer>(Name);
        builder.AddConsumer<DossierResolvedConsumer>(Name);
        builder.AddConsumer<SatisfactionRatedConsumer>(Name);
        builder.AddConsumer<FeedbackReceivedConsumer>(Name);
        builder.AddConsumer<FeedbackAnsweredConsumer>(Name);
        builder.AddConsumer<SimplificationApprovedConsumer>(Name);
        builder.AddConsumer<ProcedureChangedConsumer>(Name);
        builder.AddConsumer<HotlineChangedConsumer>(Name);
        builder.AddConsumer<AwardGrantedConsumer>(Name);
        builder.Services.AddPlatformOpenApi(Name);
        builder.Services.AddMessages(typeof(AwardsMessages));
        builder.Services.AddSingleton<RadioAudio>();
        // The radio consumers forget the cached feed. A host composing the consumers without the service defaults (as the
        // delivery tests do) gets an in-memory cache; where a cache is configured (Redis), it stays (these are TryAdd).
        builder.Services.AddDistributedMemoryCache();
        builder.AddStoreIndexes<AwardsData>(i => i.On<CampaignPlan>("year").On<Nomination>("year").On<DistrictNomination>("year")
            .On<Achievement>("year").On<StaffYear>("year").On<RadioItem>("seq", "publishedAt"));
        return builder;
    }

    public static IEndpointRouteBuilder MapAwardsApi(this IEndpointRouteBuilder routes)
    {
        var awards = routes.MapGroup("").WithGroupName(Name);
        awards.MapCampaignsApi();
        awards.MapAchievementsApi();
        awards.MapNominationsApi();
        awards.MapScoreboardApi();
        awards.MapRadioApi();
        return routes;
    }
}
