using Personnel.Api.Domain;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults;

namespace Personnel.Api.Infrastructure;

/// <summary>
/// The first district and its first admin come from configuration (<c>Bootstrap:District:*</c>,
/// <c>Bootstrap:Admin:*</c>); with <c>Demo:Enabled</c> the demo communes, staff and accounts follow.
/// Idempotent: what exists is left as it is.
/// </summary>
public sealed class PersonnelBootstrap(IDocumentStore<PersonnelData> store, IConfiguration configuration, TimeProvider time, ILogger<PersonnelBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var districtCode = configuration["Bootstrap:District:Code"];
        if (string.IsNullOrWhiteSpace(districtCode)) return;
        var kind = Vocabulary.Parse<DistrictKind>(configuration["Bootstrap:District:Kind"] ?? "district");
        if (!InputValidation.IsSlug(districtCode) || kind is null)
            throw new InvalidOperationException("Bootstrap:District:Code must be a slug and Bootstrap:District:Kind 'district' or 'province'.");
        var district = new District(districtCode, configuration["Bootstrap:District:Name"] ?? districtCode, kind.Value);
        await InsertIfMissingAsync(Scopes.Platform, district.Code, district, ct);

        var admin = configuration["Bootstrap:Admin:Username"];
        if (!string.IsNullOrWhiteSpace(admin))
        {
            var password = configuration["Bootstrap:Admin:Password"];
            if (await store.FindAsync<Account>(Scopes.Platform, Credentials.Normalize(admin), ct) is null)
            {
                if (string.IsNullOrWhiteSpace(password) || password.Length < 8)
                    throw new InvalidOperationException("Bootstrap:Admin:Password (8 characters or more) is needed to create the first district admin.");
                await InsertIfMissingAsync(Scopes.Platform, Credentials.Normalize(admin), NewAccount(admin,
                    configuration["Bootstrap:Admin:DisplayName"] ?? "Quản trị hệ thống", password,
                    [Roles.DistrictAdmin, Roles.DistrictOfficer], district: district.Code), ct);
                logger.LogInformation("Created the first district admin {Username} for {District}", admin, district.Code);
            }
        }
        if (configuration.GetValue<bool>("Demo:Enabled")) await DemoData.SeedAsync(this, district, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    internal IDocumentStore<PersonnelData> Store => store;
    internal DateTime Now => time.GetUtcNow().UtcDateTime;

    internal async Task InsertIfMissingAsync<T>(string scope, string id, T document, CancellationToken ct)
    {
        if (await store.FindAsync<T>(scope, id, ct) is not null) return;
        await CommitIgnoringRaceAsync(new ChangeSet().Insert(scope, id, document), ct);
    }

    internal async Task CommitIgnoringRaceAsync(ChangeSet changes, CancellationToken ct)
    {
        try
        {
            await store.CommitAsync(changes, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Another replica created it at the same moment.
        }
    }

    internal Account NewAccount(string username, string displayName, string secret, IReadOnlyList<string> roles,
        string? commune = null, string? district = null, string? staffId = null, bool isClient = false) => new()
    {
        Username = Credentials.Normalize(username),
        DisplayName = displayName,
        SecretHash = Credentials.Hash(secret),
        Roles = roles,
        Commune = commune,
        District = district,
        StaffId = staffId,
        IsClient = isClient,
        CreatedAt = Now,
    };

    /// <summary>Accounts whose secret is still <paramref name="password"/>: a network-facing host refuses to start with any.</summary>
    public async Task<IReadOnlyList<string>> AccountsWithSecretAsync(string password, CancellationToken ct)
    {
        var accounts = await store.QueryAsync<Account>(Scopes.Platform, Query.All, ct);
        return accounts.Where(a => Credentials.Matches(a.Document, password)).Select(a => a.Id).ToList();
    }
}
