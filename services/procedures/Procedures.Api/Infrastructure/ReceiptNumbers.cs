using System.Globalization;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;

namespace Procedures.Api.Infrastructure;

public sealed record ReceiptCounter(int Year, int Last);

/// <summary>Receipt numbers run per commune and year (2016-000001, …), counted in the store.</summary>
public static class ReceiptNumbers
{
    /// <summary>Stores the dossier <paramref name="receive"/> makes with the next number, and its events; a race for the number retries.</summary>
    public static async Task<Dossier> ReceiveAsync(IDocumentStore<ProceduresData> store, string commune, int year, Func<string, Changed<Dossier>> receive,
        CancellationToken ct)
    {
        var key = year.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var counter = await store.FindAsync<ReceiptCounter>(commune, key, ct);
            var next = (counter?.Document.Last ?? 0) + 1;
            var (dossier, events) = receive($"{year}-{next:D6}");
            var changes = counter is null
                ? new ChangeSet().Insert(commune, key, new ReceiptCounter(year, next))
                : new ChangeSet().Update(counter, counter.Document with { Last = next });
            try
            {
                await store.CommitAsync(changes.Insert(commune, dossier.Id, dossier).PublishAll(commune, events), ct);
                return dossier;
            }
            catch (ConcurrencyConflictException) when (attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(1, 10 + attempt), ct);
            }
        }
    }
}
