using Awards.Api.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;

namespace Awards.Api.Apis;

/// <summary>What awards' handlers use, bound as one <c>[AsParameters]</c> argument (as eShop's CatalogServices).</summary>
public sealed record AwardsServices(IDocumentStore<AwardsData> Store, ICommuneDirectory Directory, IDistributedCache Cache, TimeProvider Time);
