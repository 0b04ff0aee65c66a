namespace Platform.ServiceDefaults.Security;

/// <summary>The roles of domain.md ("Who uses it"), as they appear in the token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string DeskOfficer = "desk-officer";
    public const string CommuneOffice = "commune-office";
    public const string CommuneLeader = "commune-leader";
    public const string EmulationCouncil = "emulation-council";
    public const string Front = "front";
    public const string DistrictOfficer = "district-officer";
    public const string DistrictAdmin = "district-admin";
    public const string Radio = "radio";

    public static IReadOnlyList<string> All { get; } =
        [DeskOfficer, CommuneOffice, CommuneLeader, EmulationCouncil, Front, DistrictOfficer, DistrictAdmin, Radio];

    public static IReadOnlyList<string> CommuneRoles { get; } = [DeskOfficer, CommuneOffice, CommuneLeader, EmulationCouncil, Front, Radio];
    public static IReadOnlyList<string> DistrictRoles { get; } = [DistrictOfficer, DistrictAdmin];
}

public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Commune = "commune";
    public const string District = "district";
    /// <summary>The staff member (registry id in the commune) an account belongs to; absent for API clients and district accounts.</summary>
    public const string Staff = "staff";
    /// <summary>The account's security stamp when the token was issued; a revoked stamp ends every token that carries it.</summary>
    public const string SecurityStamp = "sst";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>Who did it, as records and audits name them: the token's display name, or its subject.</summary>
    public static string? Actor(this System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(ClaimNames.Name)?.Value ?? user.FindFirst(ClaimNames.Subject)?.Value;

    /// <summary>The person behind the account (the token's <c>staff</c> claim): several accounts of one staff member are one person.</summary>
    public static string? StaffId(this System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(ClaimNames.Staff)?.Value is { Length: > 0 } staff ? staff : null;
}
