using Awards.Api.Domain;
using Platform.ServiceDefaults.Storage;

namespace Awards.Api.Infrastructure;

/// <summary>Marks awards's own document store.</summary>
public sealed class AwardsData
{
    /// <summary>Where each stored type lives; a name, once data exists under it, never changes.</summary>
    public static CollectionNames Collections { get; } = CollectionNames.Platform()
        .Add<Achievement>("achievement")
        .Add<Award>("award")
        .Add<Campaign>("campaign")
        .Add<CampaignPlan>("campaignPlan")
        .Add<CommuneIndicators>("communeIndicators")
        .Add<DistrictNomination>("districtNomination")
        .Add<EvaluationRecord>("evaluationRecord")
        .Add<Nomination>("nomination")
        .Add<ProcedurePosting>("procedurePosting")
        .Add<ProcedureYear>("procedureYear")
        .Add<QuotaLedger>("quotaLedger")
        .Add<RadioCounter>("radioCounter")
        .Add<RadioItem>("radioItem")
        .Add<StaffCard>("staffCard")
        .Add<StaffYear>("staffYear");
}
