using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Problems;
using Personnel.Api.Localization;

namespace Personnel.Api.Domain;

/// <summary>Onboarding a commune is data, never a redeploy: a record here and an event every service acts on.</summary>
public static class CommuneOnboarding
{
    public const int MaxHamlets = 60;

    /// <summary>The commune of <paramref name="district"/> as every service will know it; each field at fault is a 400.</summary>
    public static CommuneOnboarded Onboard(District district, string? code, string? name, IReadOnlyList<(string? Code, string? Name)>? hamlets, DateTime now)
    {
        var validation = new InputValidation()
            .RequireSlug(code, "code")
            .RequireText(name, "name", 200)
            .Require(hamlets is { Count: <= MaxHamlets }, "hamlets", PersonnelMessages.HamletCount, MaxHamlets);
        hamlets ??= [];
        for (var i = 0; i < hamlets.Count; i++)
        {
            validation.RequireSlug(hamlets[i].Code, $"hamlets[{i}].code").RequireText(hamlets[i].Name, $"hamlets[{i}].name", 200);
        }
        foreach (var twice in hamlets.Where(h => h.Code is not null).GroupBy(h => h.Code).Where(g => g.Count() > 1).Select(g => g.Key))
            validation.Add("hamlets", Wording.Of(PersonnelMessages.HamletTwice, twice));
        validation.ThrowIfInvalid();

        return new CommuneOnboarded
        {
            Commune = code!,
            Name = name!.Trim(),
            District = district.Code,
            DistrictName = district.Name,
            DistrictKind = district.Kind,
            Hamlets = hamlets.Select(h => new Hamlet { Code = h.Code!, Name = h.Name!.Trim() }).ToList(),
            OnboardedAt = now,
        };
    }
}
