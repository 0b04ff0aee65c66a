using System.Net;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>The list the desk chooses a handler from is the roster that assigning checks.</summary>
public sealed class DeskHandlersTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    [Fact]
    public async Task Lists_the_staff_on_the_desk_today_by_name_and_not_the_others()
    {
        var handlers = await host.Client.GetAsync("/api/communes/my-thanh/desk-handlers", host.Desk).JsonAsync(HttpStatusCode.OK);
        var ids = handlers.EnumerateArray().Select(h => h.Str("staffId")).ToList();
        Assert.Equal([Seed.SecondDeskOfficer, Seed.DeskOfficer], ids); // Lê Thị Hộ before Trần Văn Tư
        Assert.DoesNotContain(Seed.NotOnDesk, ids);
        Assert.Equal(Seed.DeskOfficerName, handlers.EnumerateArray().Single(h => h.Str("staffId") == Seed.DeskOfficer).Str("fullName"));
    }

    [Fact]
    public async Task Every_listed_handler_can_be_assigned()
    {
        var handlers = await host.Client.GetAsync("/api/communes/my-thanh/desk-handlers", host.Desk).JsonAsync(HttpStatusCode.OK);
        foreach (var handler in handlers.EnumerateArray())
        {
            var dossier = await host.ReceiveAsync();
            var assigned = await host.AssignAsync(dossier.Str("id"), handler.Str("staffId"));
            Assert.Equal(handler.Str("staffId"), assigned.Str("handlerId"));
        }
    }
}

/// <summary>The applicant's address (house number, group) is kept as given, and bounded.</summary>
public sealed class ApplicantAddressTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    [Fact]
    public async Task The_address_is_kept_with_the_dossier()
    {
        var response = await host.TryReceiveAsync(new { procedureCode = "ho-tich-ket-hon", applicant = new { name = "Nguyễn Văn An", phone = Seed.Phone, hamlet = "ap-1", address = "  Số 12, tổ 3 " } });
        var dossier = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("Số 12, tổ 3", dossier.GetProperty("applicant").Str("address"));
        Assert.Equal("Số 12, tổ 3", (await host.GetDossierAsync(dossier.Str("id"))).GetProperty("applicant").Str("address"));
    }

    [Fact]
    public async Task An_address_longer_than_300_characters_is_refused_by_name()
    {
        var response = await host.TryReceiveAsync(new { procedureCode = "ho-tich-ket-hon", applicant = new { name = "Nguyễn Văn An", phone = Seed.Phone, address = new string('x', 301) } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.address", out _));
    }
}
