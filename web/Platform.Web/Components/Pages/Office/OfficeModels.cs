using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Office;

// The shapes the personnel API answers with (services/personnel/Personnel.Api/Apis: StaffApi, DeskAssignmentsApi,
// HotlineApi), as the office's pages read them. Enumerations arrive as kebab-case strings and stay strings here.

/// <summary>One person of the registry with their gaps, in words: to their position's framework and to the desk's.</summary>
public sealed record StaffRecordDto(StaffMemberDto Staff, string PositionTitle, IReadOnlyList<string> PositionGaps, IReadOnlyList<string> DeskGaps);

public sealed record StaffMemberDto
{
    public required string Id { get; init; }
    public required string FullName { get; init; }
    public required string Kind { get; init; }
    public required string Position { get; init; }
    public string? Phone { get; init; }
    public string? Hamlet { get; init; }
    public string Status { get; init; } = OfficeText.Active;
    public IReadOnlyList<string> Qualifications { get; init; } = [];
    public IReadOnlyList<TrainingDto> Trainings { get; init; } = [];
    public IReadOnlyList<DisciplineDto> Disciplines { get; init; } = [];
}

public sealed record TrainingDto(string Course, DateOnly CompletedOn, double Hours);

public sealed record DisciplineDto(string Measure, string DecisionNo, DateOnly From, DateOnly Until);

/// <summary>A position and its competency framework (<c>GET /api/positions</c>).</summary>
public sealed record PositionDto(string Code, string Title, string Kind, IReadOnlyList<string> RequiredQualifications, IReadOnlyList<string> RequiredTrainings);

public sealed record HamletDto(string Code, string Name);

public sealed record CommuneDto(string Code, string Name, IReadOnlyList<HamletDto> Hamlets);

/// <summary>A period on the one-stop desk; open while <see cref="Until"/> is null.</summary>
public sealed record DeskPeriodDto(string StaffId, DateOnly From, DateOnly? Until)
{
    public bool IsOpen => Until is null;

    /// <summary>The period as it stands on <paramref name="today"/>, in words (a period cancelled before it began ends the day before).</summary>
    public string StateOn(DateOnly today) => this switch
    {
        { Until: { } until } when until < From => "Đã hủy",
        { Until: { } until } when until < today => "Đã kết thúc",
        _ when From > today => "Sắp bắt đầu",
        { Until: { } until } => $"Làm việc đến hết ngày {VnFormat.Date(until)}",
        _ => "Đang làm việc",
    };
}

/// <summary>The registry's filters; <see cref="All"/> leaves a facet open.</summary>
public sealed record RegistryFilter(string Kind = RegistryFilter.All, string Position = RegistryFilter.All, string Status = RegistryFilter.All,
    string Hamlet = RegistryFilter.All)
{
    public const string All = "all";

    public bool Matches(StaffMemberDto s) =>
        (Kind == All || s.Kind == Kind) && (Position == All || s.Position == Position) && (Status == All || s.Status == Status)
        && (Hamlet == All || s.Hamlet == Hamlet);
}

public sealed record HotlineDto(IReadOnlyList<HotlineContactDto> Contacts, DateTime? ChangedAt);

public sealed record HotlineContactDto(string Name, string Title, string Phone);

/// <summary>The office's words for the registry's closed vocabularies.</summary>
public static class OfficeText
{
    public const string Active = "active";
    public const string CivilServant = "civil-servant";

    /// <summary>The degree the desk's framework and most civil-servant positions ask for (personnel's Positions.IntermediateDegree).</summary>
    public const string IntermediateDegree = "Trung cấp trở lên phù hợp chuyên ngành";

    public static readonly IReadOnlyList<(string Code, string Name)> Kinds =
        [("cadre", "Cán bộ"), (CivilServant, "Công chức"), ("non-specialized", "Người hoạt động không chuyên trách")];

    public static readonly IReadOnlyList<(string Code, string Name)> Statuses =
        [(Active, "Đang công tác"), ("on-leave", "Tạm nghỉ"), ("left", "Đã nghỉ việc")];

    public static string Kind(string code) => NameOf(Kinds, code);

    public static string Status(string code) => NameOf(Statuses, code);

    private static string NameOf(IReadOnlyList<(string Code, string Name)> words, string code) =>
        words.FirstOrDefault(w => w.Code == code).Name ?? code;
}

/// <summary>What the register and edit forms say of a person, as the API's request reads it.</summary>
public sealed class StaffFacts
{
    public string? FullName { get; set; }
    public string? Kind { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Hamlet { get; set; }

    public static StaffFacts Of(StaffMemberDto member) =>
        new() { FullName = member.FullName, Kind = member.Kind, Position = member.Position, Phone = member.Phone, Hamlet = member.Hamlet };

    public object Body(IReadOnlyList<string>? qualifications = null) => new
    {
        fullName = FullName, kind = Kind, position = Position, phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(), hamlet = Hamlet, qualifications,
    };
}
