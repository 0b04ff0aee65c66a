namespace Personnel.Api.Localization;

/// <summary>The keys of personnel's messages; the texts are in PersonnelMessages.resx (Vietnamese, the default) and PersonnelMessages.en.resx.</summary>
public static class PersonnelMessages
{
    public const string District = "personnel.noun.district";
    public const string StaffMember = "personnel.noun.staff-member";
    public const string Account = "personnel.noun.account";
    public const string DeskAssignment = "personnel.noun.desk-assignment";
    public const string SignInThrottledTitle = "personnel.auth.throttled.title";
    public const string SignInThrottled = "personnel.auth.throttled.detail";
    public const string InvalidCredentialsTitle = "personnel.auth.invalid-credentials.title";
    public const string InvalidCredentials = "personnel.auth.invalid-credentials.detail";
    public const string CommuneExists = "personnel.commune.exists";
    public const string HamletCount = "personnel.field.hamlet-count";
    public const string HamletTwice = "personnel.field.hamlet-twice";
    public const string ContactCount = "personnel.field.contact-count";
    public const string PositionForKind = "personnel.field.position-for-kind";
    public const string KindCivilServant = "personnel.staff-kind.civil-servant";
    public const string KindCadre = "personnel.staff-kind.cadre";
    public const string KindNonSpecialized = "personnel.staff-kind.non-specialized";
    public const string NotEmpty = "personnel.field.not-empty";
    public const string CompletedOn = "personnel.field.completed-on";
    public const string HoursRange = "personnel.field.hours";
    public const string UntilAfterFrom = "personnel.field.until-after-from";
    public const string Password = "personnel.field.password";
    public const string Username = "personnel.field.username";
    public const string CommuneRoles = "personnel.field.commune-roles";
    public const string LeaderAccountCreate = "personnel.account.leader-create";
    public const string LeaderAccountManage = "personnel.account.leader-manage";
    public const string StaffLeft = "personnel.account.staff-left";
    public const string UsernameTaken = "personnel.account.username-taken";
    public const string NotEligibleForDesk = "personnel.desk.not-eligible";
    public const string AlreadyOnDesk = "personnel.desk.already-on-desk";
    public const string UntilBeforeBegin = "personnel.field.until-before-begin";
    public const string NotACivilServant = "personnel.desk.not-a-civil-servant";
    public const string HasLeft = "personnel.desk.has-left";
    public const string OnLeave = "personnel.desk.on-leave";
    public const string UnderDiscipline = "personnel.desk.under-discipline";
    public const string NotCompletedLastYear = "personnel.desk.not-completed-last-year";
    public const string MissingQualification = "personnel.desk.missing-qualification";
    public const string MissingTraining = "personnel.desk.missing-training";
    public const string ExcellentCap = "personnel.evaluation.excellent-cap";
    public const string ExcellentDecided = "personnel.evaluation.excellent-decided";
    public const string ExcellentAllowed = "personnel.evaluation.excellent-allowed";
}
