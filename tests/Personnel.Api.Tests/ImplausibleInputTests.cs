using System.Net;
using Personnel.Api.Tests.Infrastructure;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>Issue 12, faults 5 and 6 for personnel: implausible lists, texts and dates are refused and nothing is stored; a malformed field is named, not typed.</summary>
public sealed class ImplausibleInputTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task Ten_thousand_qualifications_are_400_and_no_one_is_registered()
    {
        var office = await _client.TokenAsync(Office);
        var before = (await (await _client.GetAsync(StaffPath(), office)).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

        var problem = await (await _client.PostJsonAsync(StaffPath(), office, new
        {
            fullName = "Nguyễn Văn Nhiều", kind = "civil-servant", position = "van-hoa-xa-hoi", phone = "0275 3861 099",
            qualifications = Enumerable.Range(0, 10_000).Select(i => $"Chứng chỉ {i}").ToArray(),
        })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["qualifications"], TestApi.ErrorFields(problem));
        Assert.Equal(before, (await (await _client.GetAsync(StaffPath(), office)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Theory]
    [InlineData("0001-01-01", "2026-01-01", null, "from")]
    [InlineData("2026-01-01", "9999-12-31", null, "until")]
    [InlineData("2026-01-01", "2026-06-30", 100_000, "reason")]
    public async Task A_discipline_dated_0001_or_9999_or_with_a_100000_character_reason_is_400_and_not_stored(string from, string until, int? reasonLength, string field)
    {
        var leader = await _client.TokenAsync(Demo.Leader);
        var path = $"{StaffPath()}/{CultureCivilServant}";
        var before = (await (await _client.GetAsync(path, leader)).JsonAsync(HttpStatusCode.OK)).GetRawText();

        var problem = await (await _client.PostJsonAsync($"{path}/disciplines", leader, new
        {
            measure = "Khiển trách", decisionNo = "12/QĐ-UBND", from, until, reason = reasonLength is { } n ? new string('x', n) : null,
        })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([field], TestApi.ErrorFields(problem));
        Assert.Equal(before, (await (await _client.GetAsync(path, leader)).JsonAsync(HttpStatusCode.OK)).GetRawText());
    }

    [Fact]
    public async Task A_training_completed_in_year_1_is_400()
    {
        var office = await _client.TokenAsync(Office);
        var problem = await (await _client.PostJsonAsync($"{StaffPath()}/{CultureCivilServant}/trainings", office, new { course = "Bồi dưỡng", completedOn = "0001-01-01", hours = 8 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["completedOn"], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task A_malformed_field_is_named_by_its_json_path_never_by_a_server_type()
    {
        var office = await _client.TokenAsync(Office);
        var problem = await (await _client.PostRawAsync(StaffPath(), office, """{ "fullName": "A", "qualifications": [1, 2] }""")).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal(["qualifications[0]"], TestApi.ErrorFields(problem));
        Assert.DoesNotContain("Personnel.Api", problem.GetRawText());
        Assert.DoesNotContain("Request", problem.GetRawText());
    }
}
