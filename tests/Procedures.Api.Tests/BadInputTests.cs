using System.Net;
using System.Text.Json;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>Refused receipts and steps: the right status and problem, and nothing written (no dossier, no receipt number used).</summary>
public sealed class BadInputTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private static object Application(object? applicant, string? procedureCode = "ho-tich-ket-hon", string? receivedAt = null) =>
        new { procedureCode, applicant, receivedAt };

    private static object Applicant(string? name = "Nguyễn Văn An", string? phone = Seed.Phone, string? hamlet = "ap-2") => new { name, phone, hamlet };

    public static TheoryData<string, string, string[]> InvalidApplications() => new()
    {
        { "missing applicant", JsonSerializer.Serialize(Application(null)), ["applicant"] },
        { "empty name", JsonSerializer.Serialize(Application(Applicant(name: " "))), ["applicant.name"] },
        { "no phone", JsonSerializer.Serialize(Application(Applicant(phone: null))), ["applicant.phone"] },
        { "short phone", JsonSerializer.Serialize(Application(Applicant(phone: "12345"))), ["applicant.phone"] },
        { "letters for a phone", JsonSerializer.Serialize(Application(Applicant(phone: "không có số"))), ["applicant.phone"] },
        { "unknown hamlet", JsonSerializer.Serialize(Application(Applicant(hamlet: "ap-9"))), ["applicant.hamlet"] },
        { "another commune's style of hamlet", JsonSerializer.Serialize(Application(Applicant(hamlet: "Ấp 1"))), ["applicant.hamlet"] },
        { "no procedure", JsonSerializer.Serialize(Application(Applicant(), procedureCode: null)), ["procedureCode"] },
        { "procedure code not a slug", JsonSerializer.Serialize(Application(Applicant(), procedureCode: "Đăng ký kết hôn")), ["procedureCode"] },
        { "in the future", JsonSerializer.Serialize(Application(Applicant(), receivedAt: "2025-10-06T03:00:00Z")), ["receivedAt"] },
        { "before 2000", JsonSerializer.Serialize(Application(Applicant(), receivedAt: "1999-12-31T00:00:00Z")), ["receivedAt"] },
        { "everything wrong", JsonSerializer.Serialize(Application(Applicant(name: "", phone: "1"), procedureCode: "", receivedAt: "2030-01-01T00:00:00Z")),
            ["applicant.name", "applicant.phone", "procedureCode", "receivedAt"] },
    };

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "truncated JSON", """{ "procedureCode": "ho-tich-ket-hon", "applicant": { "name": """ },
        { "not JSON", "procedureCode=ho-tich-ket-hon" },
        { "applicant of the wrong type", """{ "procedureCode": "ho-tich-ket-hon", "applicant": "Nguyễn Văn An" }""" },
        { "receivedAt not a date", """{ "procedureCode": "ho-tich-ket-hon", "applicant": { "name": "A", "phone": "0909123456" }, "receivedAt": "hôm qua" }""" },
        { "an empty body", "" },
    };

    /// <summary>Runs a refused request between two good receipts and checks nothing was written in between.</summary>
    private async Task NothingWrittenAsync(Func<Task> refused)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var before = await host.ReceiveAsync();
        var count = (await host.ListDossiersAsync()).Count;

        await refused();

        Assert.Equal(count, (await host.ListDossiersAsync()).Count);
        var after = await host.ReceiveAsync();
        var number = int.Parse(before.Str("receiptNo")[5..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"2025-{number + 1:D6}", after.Str("receiptNo"));
    }

    [Theory]
    [MemberData(nameof(InvalidApplications))]
    public Task An_invalid_application_is_400_naming_its_fields_and_writes_nothing(string why, string json, string[] fields) =>
        NothingWrittenAsync(async () =>
        {
            var problem = await host.Client.PostRawAsync(Desk.Dossiers(), host.Desk, json).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
            Assert.True(fields.Order(StringComparer.Ordinal).SequenceEqual(TestApi.ErrorFields(problem)), $"{why}: {problem}");
        });

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public Task A_malformed_body_is_400_and_writes_nothing(string why, string json) =>
        NothingWrittenAsync(async () =>
        {
            var response = await host.Client.PostRawAsync(Desk.Dossiers(), host.Desk, json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        });

    [Fact]
    public Task An_unknown_procedure_is_422_and_writes_nothing() =>
        NothingWrittenAsync(async () =>
        {
            var problem = await host.TryReceiveAsync(Desk.Application("thu-tuc-khong-co")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-procedure");
            Assert.Contains("thu-tuc-khong-co", problem.Str("detail"));
        });

    [Fact]
    public async Task A_receipt_a_few_minutes_ahead_of_the_clock_is_tolerated()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);

        var dossier = await host.ReceiveAsync(receivedAt: Vn.At(2025, 10, 6, 9, 4));

        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 6, 9, 4)), dossier.Str("receivedAt"));
    }

    [Fact]
    public async Task The_phone_is_stored_normalised_and_the_hamlet_is_optional()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);

        var dossier = await host.ReceiveAsync(phone: "+84 909 123 456", hamlet: null);

        Assert.Equal("0909123456", dossier.GetProperty("applicant").Str("phone"));
        Assert.False(dossier.GetProperty("applicant").TryGetProperty("hamlet", out _));
    }

    [Fact]
    public async Task A_malformed_step_request_changes_nothing()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = (await host.ReceiveAsync()).Str("id");
        await host.AssignAsync(id);
        var before = await host.GetDossierAsync(id);

        await host.Client.PostRawAsync($"{Desk.Dossiers()}/{id}/resolve", host.Desk, """{ "outcome": """).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await host.Client.PostRawAsync($"{Desk.Dossiers()}/{id}/apologize", host.Desk, """{ "reason": "x", "newDueDate": "13/10/2025" }""")
            .ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await host.Client.PostRawAsync($"{Desk.Dossiers()}/{id}/assign", host.Desk, """{ "staffId": 42 }""").ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal(before.GetRawText(), (await host.GetDossierAsync(id)).GetRawText());
    }
}
