using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Personnel.Api.Localization;

namespace Personnel.Api.Domain;

public sealed record HamletInput(string? Code, string? Name);

public sealed record OnboardCommuneRequest(string? Code, string? Name, IReadOnlyList<HamletInput>? Hamlets);

/// <summary>Onboarding a commune is data, never a redeploy: a record here and an event every service acts on.</summary>
public static class CommuneOnboarding
{
    public const int MaxHamlets = 60;

    public static ChangeSet Plan(District district, OnboardCommuneRequest request, DateTime now)
    {
        var validation = new InputValidation()
            .RequireSlug(request.Code, "code")
            .RequireText(request.Name, "name", 200)
            .Require(request.Hamlets is { Count: <= MaxHamlets }, "hamlets", PersonnelMessages.HamletCount, MaxHamlets);
        var hamlets = request.Hamlets ?? [];
        for (var i = 0; i < hamlets.Count; i++)
        {
            validation.RequireSlug(hamlets[i]?.Code, $"hamlets[{i}].code").RequireText(hamlets[i]?.Name, $"hamlets[{i}].name", 200);
        }
        foreach (var code in hamlets.Where(h => h?.Code is not null).GroupBy(h => h.Code).Where(g => g.Count() > 1).Select(g => g.Key))
            validation.Add("hamlets", Wording.Of(PersonnelMessages.HamletTwice, code));
        validation.ThrowIfInvalid();

        var onboarded = new CommuneOnboarded
        {
            Commune = request.Code!,
            Name = request.Name!.Trim(),
            District = district.Code,
            DistrictName = district.Name,
            DistrictKind = district.Kind,
            Hamlets = hamlets.Select(h => new Hamlet { Code = h.Code!, Name = h.Name!.Trim() }).ToList(),
            OnboardedAt = now,
        };
        var changes = CommuneDirectory.Record(new ChangeSet(), onboarded);
        changes.Insert(Scopes.Platform, onboarded.Commune, new CommuneReadiness(onboarded.Commune, new Dictionary<string, DateTime> { ["personnel"] = now }));
        return changes.Publish(onboarded.Commune, onboarded);
    }
}
