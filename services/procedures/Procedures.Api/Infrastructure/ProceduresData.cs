using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;

namespace Procedures.Api.Infrastructure;

/// <summary>Marks procedures's own document store.</summary>
public sealed class ProceduresData
{
    /// <summary>Where each stored type lives; a name, once data exists under it, never changes.</summary>
    public static CollectionNames Collections { get; } = CollectionNames.Platform()
        .Add<DeskStaff>("deskStaff")
        .Add<Dossier>("dossier")
        .Add<Procedure>("procedure")
        .Add<ReceiptCounter>("receiptCounter")
        .Add<SimplificationProposal>("simplificationProposal");
}
