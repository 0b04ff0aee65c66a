using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Apis;

/// <summary>What personnel's handlers share, bound as one parameter (<c>[AsParameters]</c>), as eShop's CatalogServices.</summary>
public sealed record PersonnelServices(IDocumentStore<PersonnelData> Store, TimeProvider Time)
{
    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}
