using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Feedback.Api.Infrastructure;

namespace Feedback.Api.Apis;

/// <summary>What feedback's handlers use, taken as one <c>[AsParameters]</c> argument (as eShop's CatalogServices).</summary>
public sealed record FeedbackServices(
    IDocumentStore<FeedbackData> Store, ICommuneDirectory Communes, IDistributedCache Cache, FeedbackIntake Intake, TimeProvider Time)
{
    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}

