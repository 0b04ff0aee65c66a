using System.Net;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// Issue 12, faults 4–6 for procedures: dates at the ends of the calendar are a 400, never a 500; over-long and implausible
/// values are refused and nothing is stored; a malformed field is named as the client wrote it (camelCase path), never by a server type.
/// </summary>
public sealed class ImplausibleInputTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Proposals = "/api/communes/my-thanh/simplifications";

    [Theory]
    [InlineData("?from=0001-01-01", "from")]
    [InlineData("?to=9999-12-31", "to")]
    [InlineData("?from=0001-01-01&to=9999-12-31", "from")]
    [InlineData("?from=1989-12-31", "from")]
    public async Task Dates_outside_any_plausible_year_on_the_dossier_list_are_400(string query, string field)
    {
        var problem = await host.Client.GetAsync($"{Desk.Dossiers()}{query}", host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Contains(field, TestApi.ErrorFields(problem));
    }

    [Theory]
    [InlineData("2101-01-03")]
    [InlineData("9999-12-31")]
    [InlineData("2027-10-20")] // more than a year ahead
    public async Task An_apology_with_a_new_date_years_ahead_is_400_and_changes_nothing(string newDueDate)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = (await host.ReceiveAsync()).Str("id");
        await host.AssignAsync(id);
        var before = await host.GetDossierAsync(id);

        var problem = await host.TryAsync(id, "apologize", new { reason = "Chờ xác minh", newDueDate }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["newDueDate"], TestApi.ErrorFields(problem));
        Assert.Equal(before.GetRawText(), (await host.GetDossierAsync(id)).GetRawText());
    }

    [Theory]
    [InlineData("request-supplement", "reason")]
    [InlineData("apologize", "reason")]
    [InlineData("resolve", "note")]
    public async Task A_100000_character_reason_or_note_is_400_and_changes_nothing(string action, string field)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = (await host.ReceiveAsync()).Str("id");
        await host.AssignAsync(id);
        var before = await host.GetDossierAsync(id);
        var text = new string('x', 100_000);

        var problem = await host.TryAsync(id, action, new { reason = text, note = text, outcome = "refused", newDueDate = "2025-10-20" })
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Contains(field, TestApi.ErrorFields(problem));
        Assert.Equal(before.GetRawText(), (await host.GetDossierAsync(id)).GetRawText());
    }

    [Fact]
    public async Task A_proposal_by_someone_who_is_not_staff_of_the_commune_is_400_and_not_stored()
    {
        var before = (await host.Client.GetAsync(Proposals, host.Desk).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

        foreach (var author in new[] { "nobody-at-all", Seed.LuongHoaDeskOfficer })
        {
            var problem = await host.Client.PostJsonAsync(Proposals, host.Desk, new
            {
                procedureCode = "cu-tru-thuong-tru", proposedProcessingDays = 5, rationale = "Rút ngắn thời gian", authorStaffIds = new[] { Seed.DeskOfficer, author },
            }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
            Assert.Equal(["authorStaffIds"], TestApi.ErrorFields(problem));
            Assert.Contains(author, problem.GetProperty("errors").GetProperty("authorStaffIds")[0].GetString());
        }

        Assert.Equal(before, (await host.Client.GetAsync(Proposals, host.Desk).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_procedure_dated_0001_or_9999_is_400_and_not_stored()
    {
        foreach (var (postedSince, effectiveFrom, field) in new[] { ("0001-01-01", "2026-01-01", "postedSince"), ("2020-01-01", "9999-12-31", "effectiveFrom") })
        {
            var problem = await host.Client.PostJsonAsync("/api/communes/my-thanh/procedures", host.Office, new
            {
                code = "thu-tuc-ngay-la", name = "Thủ tục ngày lạ", field = "khac", processingDays = 5, components = new[] { "Tờ khai" }, fee = 0,
                legalBasis = "Luật", postedSince, effectiveFrom,
            }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
            Assert.Equal([field], TestApi.ErrorFields(problem));
        }
        await host.Client.GetAsync("/api/communes/my-thanh/procedures/thu-tuc-ngay-la", null).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_field_is_named_by_its_camel_case_path_never_by_a_server_type()
    {
        var problem = await host.Client.PostRawAsync(Desk.Dossiers(), host.Desk,
            """{ "procedureCode": "ho-tich-ket-hon", "applicant": { "name": "A", "phone": 909123456 } }""").ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(["applicant.phone"], TestApi.ErrorFields(problem));

        var empty = await host.Client.PostRawAsync(Desk.Dossiers(), host.Desk, "null").ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(["body"], TestApi.ErrorFields(empty));
        foreach (var text in new[] { problem.GetRawText(), empty.GetRawText() })
        {
            Assert.DoesNotContain("Procedures.Api", text);
            Assert.DoesNotContain("Request", text);
            Assert.DoesNotContain("'request'", text);
        }
    }
}
