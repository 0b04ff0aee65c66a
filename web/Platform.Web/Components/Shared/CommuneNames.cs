using Microsoft.Extensions.Caching.Memory;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>The communes as the Vietnamese write them ("UBND xã Mỹ Thạnh"), from the public communes list.</summary>
public sealed class CommuneNames(PlatformApi api, IMemoryCache cache)
{
    public async Task<IReadOnlyList<PublicCommune>> AllAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync("web:communes", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return await api.GetAsync<List<PublicCommune>>("/api/public/communes", ct);
        }) ?? [];

    public async Task<PublicCommune?> FindAsync(string code, CancellationToken ct = default)
    {
        try
        {
            return (await AllAsync(ct)).FirstOrDefault(c => c.Code == code);
        }
        catch (ApiProblemException)
        {
            return null;
        }
    }

    /// <summary>"Huyện Giồng Trôm": the name its communes carry; the code itself when the list cannot be read.</summary>
    public async Task<string> DistrictNameAsync(string code)
    {
        try
        {
            return (await AllAsync()).FirstOrDefault(c => c.District?.Code == code)?.District?.Name ?? code;
        }
        catch (ApiProblemException)
        {
            return code;
        }
    }

    /// <summary>"UBND xã Mỹ Thạnh"; the code itself when the list cannot be read.</summary>
    public async Task<string> DisplayNameAsync(string code) => (await FindAsync(code)) is { } commune ? commune.DisplayName ?? "UBND " + commune.Name : code;
}

public sealed record PublicCommune(string Code, string Name, string? DisplayName, PublicDistrict? District, IReadOnlyList<PublicHamlet>? Hamlets);

public sealed record PublicDistrict(string Code, string Name, string? Kind);

public sealed record PublicHamlet(string Code, string Name);
