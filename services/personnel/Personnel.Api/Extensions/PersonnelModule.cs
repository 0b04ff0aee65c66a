using Personnel.Api.Apis;
using Personnel.Api.Consumers;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Platform.ServiceDefaults.Problems;
using Personnel.Api.Localization;

namespace Personnel.Api.Extensions;

public static class PersonnelModule
{
    public const string Name = "personnel";

    /// <summary>Personnel's services: its store, identity (accounts, tokens, keys), onboarding and bootstrap.</summary>
    public static IHostApplicationBuilder AddPersonnel(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore<PersonnelData>(Name, PersonnelData.Collections);
        builder.AddConsumer<CommunePreparedConsumer>(Name);
        builder.AddConsumer<DossierResolvedConsumer>(Name);
        builder.AddConsumer<SatisfactionRatedConsumer>(Name);
        builder.AddConsumer<FeedbackAnsweredConsumer>(Name);
        builder.AddConsumer<SimplificationApprovedConsumer>(Name);
        builder.Services.AddPlatformOpenApi(Name);
        builder.Services.AddMessages(typeof(PersonnelMessages));
        builder.Services.Configure<TokenOptions>(o =>
        {
            o.Issuer = builder.Configuration["Auth:Issuer"] ?? o.Issuer;
            o.Audience = builder.Configuration["Auth:Audience"] ?? o.Audience;
            o.LifetimeMinutes = builder.Configuration.GetValue("Auth:TokenLifetimeMinutes", o.LifetimeMinutes);
        });
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<Credentials>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISessionRevocationSource, StoredSessionRevocations>());
        builder.Services.AddSingleton<PersonnelBootstrap>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PersonnelBootstrap>());
        builder.AddStoreIndexes<PersonnelData>(i => i.On<CommuneRecord>("district").On<Account>("commune").On<DeskAssignment>("staffId")
            .On<EvaluationSheet>("year").On<RevokedStamp>("until"));
        return builder;
    }

    public static IEndpointRouteBuilder MapPersonnelApi(this IEndpointRouteBuilder routes)
    {
        var personnel = routes.MapGroup("").WithGroupName(Name);
        personnel.MapAuthApi();
        personnel.MapCommunesApi();
        personnel.MapStaffApi();
        personnel.MapDeskAssignmentsApi();
        personnel.MapHotlineApi();
        personnel.MapAccountsApi();
        personnel.MapEvaluationsApi();
        return routes;
    }
}
