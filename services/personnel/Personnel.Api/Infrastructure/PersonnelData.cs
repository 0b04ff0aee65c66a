using Personnel.Api.Apis;
using Personnel.Api.Domain;
using Platform.ServiceDefaults.Storage;

namespace Personnel.Api.Infrastructure;

/// <summary>Marks personnel's own document store.</summary>
public sealed class PersonnelData
{
    /// <summary>Where each stored type lives; a name, once data exists under it, never changes.</summary>
    public static CollectionNames Collections { get; } = CollectionNames.Platform()
        .Add<Account>("account")
        .Add<AccountAudit>("accountAudit")
        .Add<CommuneReadiness>("communeReadiness")
        .Add<DeskAssignment>("deskAssignment")
        .Add<District>("district")
        .Add<EvaluationSheet>("evaluationSheet")
        .Add<Hotline>("hotline")
        .Add<RevokedStamp>("revokedStamp")
        .Add<StaffMember>("staffMember");
}
