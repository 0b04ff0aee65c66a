using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>The due-date preview, the catalogue's search and the public lookup's outcome and lateness.</summary>
public sealed class DeskScreensTests(DeskQueueHost host) : IClassFixture<DeskQueueHost>
{
    private static string Preview(string procedure, string? receivedAt = null, string commune = Seed.MyThanh) =>
        $"/api/communes/{commune}/procedures/{procedure}/due-date" + (receivedAt is null ? "" : $"?receivedAt={Uri.EscapeDataString(receivedAt)}");

    [Fact]
    public async Task The_preview_says_what_the_receipt_said()
    {
        host.Now();
        foreach (var name in new[] { "Nguyễn Văn An", "Đỗ Thị Đào", "Trần Văn Bình", "Hoàng Văn Giang" })
        {
            var dossier = host.Dossiers[name];
            var preview = await host.Client.GetAsync(Preview(dossier.Str("procedureCode"), dossier.Str("receivedAt")), host.Desk).JsonAsync(HttpStatusCode.OK);

            Assert.Equal(dossier.Str("receivedAt"), preview.Str("receivedAt"));
            Assert.Equal(dossier.Str("countsFrom"), preview.Str("countsFrom"));
            Assert.Equal(dossier.Str("dueDate"), preview.Str("dueDate"));
        }
    }

    [Fact]
    public async Task Without_receivedAt_it_is_now_and_after_the_cut_off_it_counts_from_the_next_working_day()
    {
        host.Now(); // Thursday 14 November 2019, 9:00
        var now = await host.Client.GetAsync(Preview("ho-tich-ket-hon"), host.Desk).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Vn.Iso(Vn.At(2019, 11, 14, 9, 0)), now.Str("receivedAt"));
        Assert.Equal("2019-11-14", now.Str("countsFrom"));
        Assert.Equal("2019-11-21", now.Str("dueDate"));

        var late = await host.Client.GetAsync(Preview("ho-tich-ket-hon", "2019-11-15T15:30:00+07:00"), host.Desk).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2019-11-18", late.Str("countsFrom")); // Friday after 15:00: Monday
        Assert.Equal("2019-11-25", late.Str("dueDate"));
        Assert.Empty(late.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task An_interconnected_procedure_previews_each_steps_due_date()
    {
        host.Now();
        var preview = await host.Client.GetAsync(Preview("lien-thong-khai-sinh-thuong-tru-bhyt"), host.Desk).JsonAsync(HttpStatusCode.OK);
        var procedure = await host.Client.GetAsync("/api/communes/my-thanh/procedures/lien-thong-khai-sinh-thuong-tru-bhyt", null).JsonAsync(HttpStatusCode.OK);

        var steps = preview.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(procedure.GetProperty("current").GetProperty("steps").GetArrayLength(), steps.Count);
        Assert.True(steps.Count > 1);
        Assert.Equal(steps.Select(s => s.Str("dueDate")).Order(StringComparer.Ordinal), steps.Select(s => s.Str("dueDate")));
        Assert.Equal(preview.Str("dueDate"), steps[^1].Str("dueDate"));
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty(s.Str("name") + s.Str("agency"))));
    }

    [Fact]
    public async Task The_preview_refuses_bad_input_unknown_procedures_and_others_than_the_desk()
    {
        host.Now();
        Assert.Equal(["receivedAt"], TestApi.ErrorFields(await host.Client.GetAsync(Preview("ho-tich-ket-hon", "1999-12-31T00:00:00Z"), host.Desk)
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input")));
        Assert.Equal(["receivedAt"], TestApi.ErrorFields(await host.Client.GetAsync(Preview("ho-tich-ket-hon", "2099-01-01T00:00:00Z"), host.Desk)
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input")));
        await host.Client.GetAsync(Preview("ho-tich-ket-hon", "hôm qua"), host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await host.Client.GetAsync(Preview("khong-co"), host.Desk).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.GetAsync(Preview("ho-tich-ket-hon"), host.Office).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.GetAsync(Preview("ho-tich-ket-hon"), null).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private async Task<IReadOnlyList<string>> CatalogueAsync(string? q) =>
        (await host.Client.GetAsync("/api/communes/my-thanh/procedures" + (q is null ? "" : $"?q={Uri.EscapeDataString(q)}"), null).JsonAsync(HttpStatusCode.OK))
        .EnumerateArray().Select(p => p.Str("code")).ToList();

    [Theory]
    [InlineData("dang ky ket hon", new[] { "ho-tich-ket-hon" })]
    [InlineData("ĐĂNG KÝ KẾT HÔN", new[] { "ho-tich-ket-hon" })]
    [InlineData("ho-tich-ket", new[] { "ho-tich-ket-hon" })]
    [InlineData("tam tru", new[] { "cu-tru-tam-tru" })]
    [InlineData("chung thuc", new[] { "chung-thuc-ban-sao", "chung-thuc-chu-ky", "chung-thuc-hop-dong" })]
    [InlineData("khong co thu tuc nay", new string[0])]
    public async Task The_catalogue_search_matches_name_code_or_field_without_case_or_accents(string q, string[] expected)
    {
        host.Now();
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await CatalogueAsync(q)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_catalogue_without_q_is_unchanged_and_a_long_q_is_400()
    {
        host.Now();
        Assert.Equal(Seed.StarterProcedures, (await CatalogueAsync(null)).Count);
        Assert.Equal(Seed.StarterProcedures, (await CatalogueAsync(" ")).Count);
        Assert.Equal(6, (await CatalogueAsync("tu phap ho tich")).Count); // the field
        var problem = await host.Client.GetAsync($"/api/communes/my-thanh/procedures?q={new string('x', 101)}", null).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["q"], TestApi.ErrorFields(problem));
    }

    private Task<JsonElement> LookupAsync(string name) =>
        host.Client.GetAsync($"/api/public/communes/my-thanh/dossiers/{host.Receipt(name)}?phone={host.Dossiers[name].GetProperty("applicant").Str("phone")}", null)
            .JsonAsync(HttpStatusCode.OK);

    [Theory]
    [InlineData("Phạm Văn Dũng", "approved", true)]  // resolved a week after its due date
    [InlineData("Nguyễn Văn An", null, true)]        // still in progress past its appointment
    [InlineData("Đỗ Thị Đào", null, false)]          // due today: not late yet
    [InlineData("Ngô Thị Phương", null, false)]      // paused for a supplement: the clock stands still
    [InlineData("Lê Thị Cúc", null, false)]
    public async Task The_public_lookup_tells_the_outcome_and_whether_it_is_late(string name, string? outcome, bool late)
    {
        host.Now();
        var view = await LookupAsync(name);

        Assert.Equal(outcome, view.GetProperty("outcome").GetString());
        Assert.Equal(late, view.GetProperty("late").GetBoolean());
        Assert.False(view.TryGetProperty("applicant", out _));
        Assert.False(view.TryGetProperty("outcomeNote", out _));
        Assert.False(view.TryGetProperty("handlerName", out _));
        Assert.False(view.TryGetProperty("searchText", out _));
    }

    [Fact]
    public async Task A_refusal_is_told_without_its_reason()
    {
        host.Now();
        var id = (await host.ReceiveAsync("ho-tich-ket-hon", "Đặng Thị Từ Chối", "0909000009", receivedAt: Vn.At(2019, 11, 14, 8, 30))).Str("id");
        await host.AssignAsync(id);
        var refused = await host.DoAsync(id, "resolve", new { outcome = "refused", note = "Chưa đủ tuổi kết hôn" });

        var view = await host.Client.GetAsync($"/api/public/communes/my-thanh/dossiers/{refused.Str("receiptNo")}?phone=0909000009", host.Tokens.ForCommune(Seed.LuongHoa, Roles.DeskOfficer))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("refused", view.Str("outcome"));
        Assert.False(view.GetProperty("late").GetBoolean());
        Assert.DoesNotContain("tuổi", view.GetRawText());
    }
}
