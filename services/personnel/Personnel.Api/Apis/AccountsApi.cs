using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Personnel.Api.Domain;
using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Personnel.Api.Localization;
using Platform.Contracts.Personnel;

namespace Personnel.Api.Apis;

public sealed record CreateAccountRequest(string? StaffId, string? Username, string? Password, IReadOnlyList<string>? Roles);
public sealed record PasswordRequest(string? Password);
public sealed record AccountView(string Username, string DisplayName, IReadOnlyList<string> Roles, string? StaffId, bool Disabled, bool Locked, DateTime CreatedAt);

/// <summary>An audit line for every account change: who did what to which account, when.</summary>
public sealed record AccountAudit(string Username, string Action, string? By, DateTime At);

/// <summary>Accounts of a commune's staff: a district admin manages any commune's, a commune office its own.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/communes/{commune}/accounts").WithTags("Accounts").RequireRoles(Roles.DistrictAdmin, Roles.CommuneOffice);
        accounts.MapGet("/", List);
        accounts.MapGet("/audit", Audit).WithSummary("Every account change of the commune: who did what, when.");
        accounts.MapPost("/", Create).WithSummary("Create a staff member's account with commune roles.");
        accounts.MapPost("/{username}/disable", Disable).WithSummary("Disable the account; its tokens stop working within seconds.");
        accounts.MapPost("/{username}/enable", Enable);
        accounts.MapPost("/{username}/reset-password", ResetPassword)
            .WithSummary("Set a new password, end the account's sessions and lift any sign-in slow-down.");
        return routes;
    }

    /// <summary>
    /// The roles that decide rather than prepare: the chairman's, and the council's vote on the nominations the commune
    /// office files. An office that could create, re-enable or reset such accounts would know their passwords and could
    /// approve its own nominations under the council members' names; the district admin grants and manages them.
    /// </summary>
    private static readonly string[] DecidingRoles = [Roles.CommuneLeader, Roles.EmulationCouncil];

    private static string? DecidingRole(IEnumerable<string> roles) => DecidingRoles.FirstOrDefault(roles.Contains);

    private static AccountView View(Account a, Credentials credentials) =>
        new(a.Username, a.DisplayName, a.Roles, a.StaffId, a.Disabled, credentials.IsSlowed(a), a.CreatedAt);

    private static void RequirePassword(InputValidation validation, string? password, string field) =>
        validation.Require(password is { Length: >= 8 and <= 128 } && password.Any(char.IsLetter) && password.Any(char.IsDigit), field,
            PersonnelMessages.Password);

    public static async Task<Ok<IReadOnlyList<AccountView>>> List(string commune, [AsParameters] PersonnelServices services, Credentials credentials, CancellationToken ct)
    {
        var accounts = await services.Store.QueryAsync<Account>(Scopes.Platform, new Query(Filter.Eq("commune", commune), [new Sort("username")]), ct);
        return TypedResults.Ok<IReadOnlyList<AccountView>>(accounts.Select(a => View(a.Document, credentials)).ToList());
    }

    public static async Task<Ok<IReadOnlyList<AccountAudit>>> Audit(string commune, [AsParameters] PersonnelServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AccountAudit>>((await services.Store.QueryAsync<AccountAudit>(commune, new Query(OrderBy: [new Sort("at", Descending: true)], Take: 500), ct))
            .Select(a => a.Document).ToList());

    public static async Task<Created<AccountView>> Create(string commune, CreateAccountRequest request, [AsParameters] PersonnelServices services,
        Credentials credentials, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new InputValidation()
            .RequireText(request.StaffId, "staffId", 64)
            .Require(request.Username is { Length: >= 3 and <= 64 } && request.Username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'), "username",
                PersonnelMessages.Username)
            .Require(request.Roles is { Count: > 0 } && request.Roles.All(Roles.CommuneRoles.Contains) && !request.Roles.Contains(Roles.Radio), "roles",
                PersonnelMessages.CommuneRoles, string.Join(", ", Roles.CommuneRoles.Where(r => r != Roles.Radio)));
        RequirePassword(validation, request.Password, "password");
        validation.ThrowIfInvalid();
        if (DecidingRole(request.Roles!) is { } deciding && !user.IsInRole(Roles.DistrictAdmin))
            throw new BusinessRuleException("leader-account-by-district", Wording.Of(PersonnelMessages.LeaderAccountCreate, deciding));
        var store = services.Store;
        var member = (await store.GetAsync<StaffMember>(commune, request.StaffId!, PersonnelMessages.StaffMember, ct)).Document;
        if (member.Status == "left") throw new BusinessRuleException("staff-left", Wording.Of(PersonnelMessages.StaffLeft, member.FullName));
        var now = services.Now;
        var by = user.Actor();
        var account = new Account
        {
            Username = Credentials.Normalize(request.Username!), DisplayName = member.FullName, SecretHash = Credentials.Hash(request.Password!),
            Roles = request.Roles!.Distinct().ToList(), Commune = commune, StaffId = member.Id, CreatedAt = now,
            SecurityStamp = Account.NewStamp(),
        };
        try
        {
            await store.CommitAsync(new ChangeSet().Insert(Scopes.Platform, account.Username, account)
                .Insert(commune, Guid.NewGuid().ToString("N"), new AccountAudit(account.Username, $"created with roles {string.Join(", ", account.Roles)}", by, now)), ct);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("username-taken", Wording.Of(PersonnelMessages.UsernameTaken, account.Username));
        }
        return TypedResults.Created($"/api/communes/{commune}/accounts/{account.Username}", View(account, credentials));
    }

    public static Task<Ok<AccountView>> Disable(string commune, string username, [AsParameters] PersonnelServices services, AccountSessions sessions,
        Credentials credentials, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(services, credentials, commune, username, "disabled",
            // Disabling twice revokes nothing more: no token carries the stamp the first disable drew.
            (changes, a, now) => a.Disabled ? a : sessions.Revoke(changes, a, SessionRevocationReason.Disabled, now) with { Disabled = true }, user, ct);

    public static Task<Ok<AccountView>> Enable(string commune, string username, [AsParameters] PersonnelServices services,
        Credentials credentials, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(services, credentials, commune, username, "enabled", (_, a, _) => a with { Disabled = false }, user, ct);

    public static async Task<Ok<AccountView>> ResetPassword(string commune, string username, PasswordRequest request, [AsParameters] PersonnelServices services,
        AccountSessions sessions, Credentials credentials, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new InputValidation();
        RequirePassword(validation, request.Password, "password");
        validation.ThrowIfInvalid();
        return await ChangeAsync(services, credentials, commune, username, "password reset",
            (changes, a, now) => sessions.Revoke(changes, a, SessionRevocationReason.PasswordReset, now) with { SecretHash = Credentials.Hash(request.Password!) },
            user, ct, after: credentials.ForgetFailures);
    }

    internal static async Task DisableAccountsOfAsync(IDocumentStore<PersonnelData> store, AccountSessions sessions, ChangeSet changes, string commune,
        string staffId, DateTime now, string? by, CancellationToken ct)
    {
        var accounts = await store.QueryAsync<Account>(Scopes.Platform, new Query(Filter.And(Filter.Eq("commune", commune), Filter.Eq("staffId", staffId))), ct);
        foreach (var account in accounts.Where(a => !a.Document.Disabled))
            changes.Update(account, sessions.Revoke(changes, account.Document, SessionRevocationReason.StaffLeft, now) with { Disabled = true })
                .Insert(commune, Guid.NewGuid().ToString("N"), new AccountAudit(account.Document.Username, "disabled: the staff member left", by, now));
    }

    private static async Task<Ok<AccountView>> ChangeAsync(PersonnelServices services, Credentials credentials, string commune, string username,
        string action, Func<ChangeSet, Account, DateTime, Account> change, ClaimsPrincipal user, CancellationToken ct, Action<Account>? after = null)
    {
        var store = services.Store;
        var stored = await store.FindAsync<Account>(Scopes.Platform, Credentials.Normalize(username), ct);
        // Another commune's account (or a district account) is not found from this commune's route.
        if (stored is null || stored.Document.Commune != commune) throw new NotFoundException(PersonnelMessages.Account, username);
        if (DecidingRole(stored.Document.Roles) is { } deciding && !user.IsInRole(Roles.DistrictAdmin))
            throw new BusinessRuleException("leader-account-by-district", Wording.Of(PersonnelMessages.LeaderAccountManage, deciding));
        var now = services.Now;
        var changes = new ChangeSet();
        var updated = change(changes, stored.Document, now);
        await store.CommitAsync(changes.Update(stored, updated)
            .Insert(commune, Guid.NewGuid().ToString("N"), new AccountAudit(updated.Username, action, user.Actor(), now)), ct);
        after?.Invoke(updated);
        return TypedResults.Ok(View(updated, credentials));
    }
}
