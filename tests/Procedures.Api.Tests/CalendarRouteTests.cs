using System.Net;
using System.Text.Json;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>The public calendar routes: a year's holidays (lunar ones included) and working-day arithmetic.</summary>
public sealed class CalendarRouteTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private async Task<IReadOnlyList<JsonElement>> HolidaysAsync(int year) =>
        (await host.Client.GetAsync($"/api/calendar/{year}/holidays", null).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private static (string Name, string Kind) On(IReadOnlyList<JsonElement> holidays, string date)
    {
        var holiday = holidays.SingleOrDefault(h => h.Str("date") == date);
        Assert.True(holiday.ValueKind == JsonValueKind.Object, $"{date} is not listed");
        return (holiday.Str("name"), holiday.Str("kind"));
    }

    [Fact]
    public async Task The_2026_holidays_include_Tet_and_Hung_Kings_day_with_their_Vietnamese_names()
    {
        var holidays = await HolidaysAsync(2026);

        Assert.Equal(("Tết Nguyên đán", "lunar"), On(holidays, "2026-02-17"));
        Assert.Equal(("Giỗ Tổ Hùng Vương", "lunar"), On(holidays, "2026-04-26"));
        Assert.Equal(("Giỗ Tổ Hùng Vương (nghỉ bù)", "official"), On(holidays, "2026-04-27"));
        Assert.Equal("Tết Dương lịch", On(holidays, "2026-01-01").Name);
        Assert.Equal("Ngày Chiến thắng", On(holidays, "2026-04-30").Name);
        Assert.Equal("Ngày Quốc tế Lao động", On(holidays, "2026-05-01").Name);
        Assert.Equal("Quốc khánh", On(holidays, "2026-09-02").Name);
        // Every weekday of the Tết break (14–22 February) is a day off.
        foreach (var day in new[] { 16, 17, 18, 19, 20 })
            Assert.Contains("Tết Nguyên đán", On(holidays, $"2026-02-{day}").Name);
        var dates = holidays.Select(h => h.Str("date")).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(holidays, h => Assert.Equal(["date", "kind", "name"], h.Names()));
    }

    [Fact]
    public async Task Tet_of_other_years_falls_on_the_Vietnamese_lunar_new_year()
    {
        Assert.Equal(("Tết Nguyên đán", "lunar"), On(await HolidaysAsync(2025), "2025-01-29"));
        Assert.Equal(("Tết Nguyên đán", "lunar"), On(await HolidaysAsync(2024), "2024-02-10"));
        Assert.Equal(("Giỗ Tổ Hùng Vương", "lunar"), On(await HolidaysAsync(2025), "2025-04-07"));
        // Vietnam's Tết 2007 is 17 February (China's is the 18th).
        Assert.Equal(("Tết Nguyên đán", "lunar"), On(await HolidaysAsync(2007), "2007-02-17"));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public async Task A_year_outside_1900_2100_is_400(int year)
    {
        var problem = await host.Client.GetAsync($"/api/calendar/{year}/holidays", null).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["year"], TestApi.ErrorFields(problem));
    }

    [Theory]
    [InlineData("2026-02-13", 3, "2026-02-25")] // Friday before Tết: 23, 24, 25
    [InlineData("2026-02-13", 0, "2026-02-13")]
    [InlineData("2026-02-14", 0, "2026-02-23")] // a day of the break counts from the first working day after it
    [InlineData("2026-02-16", 1, "2026-02-24")]
    [InlineData("2025-04-29", 1, "2025-05-05")] // 30/4–4/5/2025
    [InlineData("2025-04-25", 1, "2025-04-26")] // the Saturday worked in exchange
    [InlineData("2025-08-29", 1, "2025-09-03")] // Quốc khánh 30/8–2/9/2025
    [InlineData("2025-12-31", 1, "2026-01-05")] // Tết Dương lịch 1–4/1/2026
    public async Task The_due_date_route_counts_working_days(string from, int workingDays, string dueDate)
    {
        var answer = await host.Client.GetAsync($"/api/calendar/due-date?from={from}&workingDays={workingDays}", null).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(dueDate, answer.Str("dueDate"));
    }

    [Theory]
    [InlineData("", new[] { "from", "workingDays" })]
    [InlineData("?from=2026-02-13", new[] { "workingDays" })]
    [InlineData("?workingDays=3", new[] { "from" })]
    [InlineData("?from=2026-02-13&workingDays=-1", new[] { "workingDays" })]
    [InlineData("?from=2026-02-13&workingDays=366", new[] { "workingDays" })]
    [InlineData("?from=1899-12-31&workingDays=1", new[] { "from" })]
    [InlineData("?from=2100-12-01&workingDays=100", new[] { "workingDays" })]
    public async Task Missing_or_out_of_range_parameters_are_400(string query, string[] fields)
    {
        var problem = await host.Client.GetAsync($"/api/calendar/due-date{query}", null).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(fields, TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task Without_a_configured_notice_2027_follows_the_rules()
    {
        // Tết 2027 is Saturday 6 February; by the rules the break starts on Friday 5, so Thursday 4 is a working day.
        var due = await host.Client.GetAsync("/api/calendar/due-date?from=2027-02-03&workingDays=1", null).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("2027-02-04", due.Str("dueDate"));
    }

    [Fact]
    public async Task A_parameter_that_is_not_a_date_or_a_number_is_400()
    {
        await host.Client.GetAsync("/api/calendar/due-date?from=13/02/2026&workingDays=3", null).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await host.Client.GetAsync("/api/calendar/due-date?from=2026-02-13&workingDays=ba", null).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }
}

/// <summary>A host whose calendar takes an official schedule for 2027 from a file (Calendar:ScheduleFiles).</summary>
public sealed class ScheduleOverrideHost() : ProceduresHost(Settings())
{
    private static readonly string ScheduleFile = Path.Combine(Path.GetTempPath(), $"procedures-tests-schedule-2027-{Guid.NewGuid():N}.json");

    private static Dictionary<string, string?> Settings()
    {
        File.WriteAllText(ScheduleFile, """
            {
              "year": 2027,
              "sources": ["Thông báo thử nghiệm"],
              "daysOff": [ { "name": "Tết Nguyên đán", "from": "2027-02-04", "to": "2027-02-12" } ],
              "swappedWorkingDays": [ "2027-01-30" ]
            }
            """);
        return new() { ["Calendar:ScheduleFiles:0"] = ScheduleFile };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(ScheduleFile);
    }
}

public sealed class ScheduleOverrideTests(ScheduleOverrideHost host) : IClassFixture<ScheduleOverrideHost>
{
    [Fact]
    public async Task A_configured_schedule_replaces_the_rules_of_its_year_for_routes_and_dossiers()
    {
        // By the rules Tết 2027 (Saturday 6 February) starts on Friday 5; the configured notice gives 4–12 February.
        var due = await host.Client.GetAsync("/api/calendar/due-date?from=2027-02-03&workingDays=1", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2027-02-15", due.Str("dueDate"));
        var swapped = await host.Client.GetAsync("/api/calendar/due-date?from=2027-01-29&workingDays=1", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2027-01-30", swapped.Str("dueDate"));

        host.Clock.SetLocal(2027, 2, 3, 9, 0);
        var dossier = await host.ReceiveAsync("cu-tru-xoa-thuong-tru");
        Assert.Equal("2027-02-15", dossier.Str("dueDate"));
    }
}
