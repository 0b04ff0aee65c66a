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

public static class CommuneDirectoryExtensions
{
    /// <summary>The commune, or the 404 that names what was looked for: the directory's get-or-404, as the store's GetAsync.</summary>
    public static async Task<CommuneRecord> GetAsync(this ICommuneDirectory communes, string commune, string whatKey, CancellationToken ct) =>
        await communes.FindAsync(commune, ct) ?? throw new NotFoundException(whatKey, commune);
}
