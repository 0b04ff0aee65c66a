using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Calendar;

/// <summary>
/// A year's official schedule of days off for the public sector, as published by the Prime Minister
/// (Văn phòng Chính phủ) and announced by the Ministry of Labour (until 2025) or of Home Affairs (since).
/// For every holiday whose statutory date falls inside one of <see cref="DaysOff"/>, the schedule replaces
/// the rules (including their weekend compensation); holidays it does not mention follow the rules.
/// </summary>
public sealed class OfficialSchedule
{
    /// <summary>The year the schedule is for. Periods may spill into the adjacent years (e.g. 31/12 before Tết Dương lịch).</summary>
    public int Year { get; init; }

    /// <summary>Continuous periods off, weekends included, e.g. 25/01–02/02/2025 "Tết Nguyên đán".</summary>
    public IReadOnlyList<ScheduledDaysOff> DaysOff { get => _daysOff; init => _daysOff = value ?? []; }

    /// <summary>Saturdays (or Sundays) worked in exchange for a weekday given off (ngày làm bù).</summary>
    public IReadOnlyList<DateOnly> SwappedWorkingDays { get => _swappedWorkingDays; init => _swappedWorkingDays = value ?? []; }

    /// <summary>The documents the schedule comes from (number, date, issuer).</summary>
    public IReadOnlyList<string> Sources { get => _sources; init => _sources = value ?? []; }

    // Missing JSON members arrive as null through the init accessors; they mean "none".
    private readonly IReadOnlyList<ScheduledDaysOff> _daysOff = [];
    private readonly IReadOnlyList<DateOnly> _swappedWorkingDays = [];
    private readonly IReadOnlyList<string> _sources = [];

    /// <summary>Reads a schedule from JSON (camelCase members: year, daysOff[{name, from, to}], swappedWorkingDays, sources).</summary>
    /// <exception cref="ArgumentException">The JSON is malformed or the schedule is inconsistent.</exception>
    public static OfficialSchedule Parse(string json)
    {
        OfficialSchedule? schedule;
        try
        {
            schedule = JsonSerializer.Deserialize(json, ScheduleJsonContext.Default.OfficialSchedule);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Not a valid schedule: {e.Message}", nameof(json), e);
        }
        if (schedule is null) throw new ArgumentException("Not a valid schedule: null.", nameof(json));
        schedule.Validate();
        return schedule;
    }

    /// <summary>Checks the schedule is usable: a supported year, short periods near that year, swaps on weekends outside the periods.</summary>
    /// <exception cref="ArgumentException">Describes the first problem found.</exception>
    public void Validate()
    {
        if (Year is < CalendarRange.MinYear or > CalendarRange.MaxYear)
            throw Invalid($"year {Year} is outside {CalendarRange.MinYear}–{CalendarRange.MaxYear}");
        foreach (var period in DaysOff)
        {
            if (period is null || string.IsNullOrWhiteSpace(period.Name)) throw Invalid("a period has no name");
            if (period.To < period.From) throw Invalid($"'{period.Name}' ends before it starts");
            if (period.To.DayNumber - period.From.DayNumber > 15) throw Invalid($"'{period.Name}' is longer than 16 days");
            if (Math.Abs(period.From.Year - Year) > 1 || Math.Abs(period.To.Year - Year) > 1)
                throw Invalid($"'{period.Name}' is not near {Year}");
        }
        foreach (var day in SwappedWorkingDays)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw Invalid($"swapped working day {day:yyyy-MM-dd} is not a Saturday or Sunday");
            if (Math.Abs(day.Year - Year) > 1) throw Invalid($"swapped working day {day:yyyy-MM-dd} is not near {Year}");
            if (DaysOff.Any(p => p.Contains(day))) throw Invalid($"swapped working day {day:yyyy-MM-dd} is inside a period off");
        }
    }

    private ArgumentException Invalid(string problem) => new($"Schedule {Year}: {problem}.");
}

/// <summary>A continuous period off in an <see cref="OfficialSchedule"/>, both ends included.</summary>
/// <param name="Name">Name given to the period's non-statutory weekdays (bridge and compensatory days).</param>
public sealed record ScheduledDaysOff(string Name, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(OfficialSchedule))]
internal sealed partial class ScheduleJsonContext : JsonSerializerContext;
