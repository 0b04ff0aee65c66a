using System.Net;
using System.Text.Json;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// The yearly review (rà soát): staff propose to simplify a procedure, submit it, and the competent authority's approval
/// changes the catalogue from its effective date (or its rejection is recorded). Today is Monday 6 October 2025.
/// The public list is cached per day; since the fake clock visits days "ahead" of the approvals, each test that reads the
/// list of a later day uses days no other test of the class reads.
/// </summary>
public sealed class YearlyReviewTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Proposals = "/api/communes/my-thanh/simplifications";
    private const string Marriage = "ho-tich-ket-hon";
    private const string StatusComponent = "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)";

    private static object Proposal(string procedureCode, int? proposedProcessingDays = null, string[]? removeComponents = null,
        string? rationale = "Khai thác Cơ sở dữ liệu quốc gia về dân cư thay cho giấy tờ", string[]? authorStaffIds = null) =>
        new { procedureCode, proposedProcessingDays, removeComponents, rationale, authorStaffIds = authorStaffIds ?? [Seed.DeskOfficer, Seed.SecondDeskOfficer] };

    private async Task<string> ProposeAsync(object proposal)
    {
        var response = await host.Client.PostJsonAsync(Proposals, host.Desk, proposal);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Proposals}/{created.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("draft", created.Str("status"));
        return created.Str("id");
    }

    private async Task<string> SubmittedAsync(object proposal)
    {
        var id = await ProposeAsync(proposal);
        var submitted = await host.Client.PostJsonAsync($"{Proposals}/{id}/submit", host.Office, null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.Str("status"));
        return id;
    }

    private static object Approval(string effectiveFrom) => new { authority = "Chủ tịch UBND tỉnh Bến Tre", decisionNo = "1234/QĐ-UBND", effectiveFrom };

    private async Task<JsonElement> ProcedureAsync(string code) =>
        await host.Client.GetAsync($"/api/communes/my-thanh/procedures/{code}", null).JsonAsync(HttpStatusCode.OK);

    private async Task<JsonElement> ListedAsync(string code) =>
        (await host.Client.GetAsync("/api/communes/my-thanh/procedures", null).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(p => p.Str("code") == code);

    [Fact]
    public async Task An_approved_proposal_changes_the_catalogue_from_its_effective_date_only()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        Assert.Equal(5, (await ListedAsync(Marriage)).Int("processingDays")); // cached for today
        var id = await SubmittedAsync(Proposal(Marriage, proposedProcessingDays: 3, removeComponents: [StatusComponent]));

        await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Office, Approval("2025-11-03")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Desk, Approval("2025-11-03")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var approved = await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-11-03")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("approved", approved.Str("status"));
        var decision = approved.GetProperty("decision");
        Assert.Equal(("Chủ tịch UBND tỉnh Bến Tre", "1234/QĐ-UBND", "2025-11-03"), (decision.Str("authority"), decision.Str("decisionNo"), decision.Str("effectiveFrom")));
        Assert.Equal([Seed.DeskOfficer, Seed.SecondDeskOfficer], approved.Strings("authorStaffIds"));

        // Before the effective date nothing changes.
        var detail = await ProcedureAsync(Marriage);
        Assert.Equal(5, detail.GetProperty("current").Int("processingDays"));
        Assert.Equal(3, detail.GetProperty("current").GetProperty("components").GetArrayLength());
        var revision = detail.GetProperty("revisions").EnumerateArray().Last();
        Assert.Equal(("2025-11-03", 3, 2), (revision.Str("effectiveFrom"), revision.Int("processingDays"), revision.GetProperty("components").GetArrayLength()));
        Assert.DoesNotContain(StatusComponent, revision.Strings("components"));
        Assert.Contains("1234/QĐ-UBND", revision.Str("reason"));
        Assert.Equal(5, (await ListedAsync(Marriage)).Int("processingDays"));
        host.Clock.SetLocal(2025, 10, 31, 9, 0); // Friday: still the old 5 days, due 7 November
        var before = await host.ReceiveAsync(Marriage);
        Assert.Equal((5, "2025-11-07", 3), (before.Int("processingDays"), before.Str("dueDate"), before.GetProperty("components").GetArrayLength()));

        // From it, the catalogue and new dossiers follow the simplified procedure.
        host.Clock.SetLocal(2025, 11, 3, 9, 0);
        var listed = await ListedAsync(Marriage);
        Assert.Equal(3, listed.Int("processingDays"));
        Assert.Equal(["Tờ khai đăng ký kết hôn", "Giấy tờ tùy thân của hai bên (xuất trình)"], listed.Strings("components"));
        var after = await host.ReceiveAsync(Marriage);
        Assert.Equal((3, "2025-11-06", 2), (after.Int("processingDays"), after.Str("dueDate"), after.GetProperty("components").GetArrayLength()));

        await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-12-01")).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        await host.Client.PostJsonAsync($"{Proposals}/{id}/reject", host.Leader, new { reason = "Đổi ý" }).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        Assert.Equal(2, (await ProcedureAsync(Marriage)).GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task An_approval_effective_today_shows_in_the_public_list_at_once()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        Assert.Equal(10, (await ListedAsync("bhyt-ho-can-ngheo")).Int("processingDays"));
        var id = await SubmittedAsync(Proposal("bhyt-ho-can-ngheo", proposedProcessingDays: 7));

        await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-10-06")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(7, (await ListedAsync("bhyt-ho-can-ngheo")).Int("processingDays"));
        Assert.Equal(2, (await ListedAsync("bhyt-ho-can-ngheo")).GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task A_rejection_needs_its_reason_and_leaves_the_catalogue_alone()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = await SubmittedAsync(Proposal("cu-tru-tam-tru", proposedProcessingDays: 1));

        var noReason = await host.Client.PostJsonAsync($"{Proposals}/{id}/reject", host.Leader, new { }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["reason"], TestApi.ErrorFields(noReason));
        await host.Client.PostJsonAsync($"{Proposals}/{id}/reject", host.Office, new { reason = "Không" }).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var rejected = await host.Client.PostJsonAsync($"{Proposals}/{id}/reject", host.Leader, new { reason = "Luật Cư trú quy định thời hạn 3 ngày" })
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Equal("Luật Cư trú quy định thời hạn 3 ngày", rejected.Str("rejectionReason"));
        Assert.Equal("rejected", (await host.Client.GetAsync($"{Proposals}/{id}", host.Office).JsonAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Single((await ProcedureAsync("cu-tru-tam-tru")).GetProperty("revisions").EnumerateArray());
        await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-11-03")).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
    }

    [Fact]
    public async Task A_draft_is_submitted_once_and_only_a_submitted_proposal_is_decided()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = await ProposeAsync(Proposal("chung-thuc-hop-dong", proposedProcessingDays: 1));

        var notSubmitted = await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-11-03"))
            .ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        Assert.Contains("Dự thảo", notSubmitted.Str("detail"));
        await host.Client.PostJsonAsync($"{Proposals}/{id}/reject", host.Leader, new { reason = "Chưa trình" }).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        await host.Client.PostJsonAsync($"{Proposals}/{id}/submit", host.Desk, null).JsonAsync(HttpStatusCode.OK);
        await host.Client.PostJsonAsync($"{Proposals}/{id}/submit", host.Desk, null).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");

        var listed = await host.Client.GetAsync(Proposals, host.Leader).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", listed.EnumerateArray().Single(p => p.Str("id") == id).Str("status"));
    }

    [Fact]
    public async Task An_approval_needs_its_authority_decision_and_a_date_not_in_the_past()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = await SubmittedAsync(Proposal("chung-thuc-chu-ky", removeComponents: ["Giấy tờ tùy thân (xuất trình)"]));

        var missing = await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, new { }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["authority", "decisionNo", "effectiveFrom"], TestApi.ErrorFields(missing));
        var past = await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-10-05")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["effectiveFrom"], TestApi.ErrorFields(past));

        Assert.Equal("submitted", (await host.Client.GetAsync($"{Proposals}/{id}", host.Leader).JsonAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Single((await ProcedureAsync("chung-thuc-chu-ky")).GetProperty("revisions").EnumerateArray());
    }

    public static TheoryData<string, object, string[]> BadProposals() => new()
    {
        { "cuts nothing", Proposal("cu-tru-thuong-tru"), ["proposedProcessingDays"] },
        { "cuts nothing (empty list)", Proposal("cu-tru-thuong-tru", removeComponents: []), ["proposedProcessingDays"] },
        { "removes a component that is not there", Proposal("cu-tru-thuong-tru", removeComponents: ["Sổ hộ khẩu"]), ["removeComponents"] },
        { "the same days", Proposal("cu-tru-thuong-tru", proposedProcessingDays: 7), ["proposedProcessingDays"] },
        { "more days", Proposal("cu-tru-thuong-tru", proposedProcessingDays: 9), ["proposedProcessingDays"] },
        { "negative days", Proposal("cu-tru-thuong-tru", proposedProcessingDays: -1), ["proposedProcessingDays"] },
        { "removes every component", Proposal("cu-tru-thuong-tru",
            removeComponents: ["Tờ khai thay đổi thông tin cư trú (CT01)", "Giấy tờ chứng minh chỗ ở hợp pháp"]), ["removeComponents"] },
        { "no rationale", Proposal("cu-tru-thuong-tru", proposedProcessingDays: 5, rationale: " "), ["rationale"] },
        { "no authors", Proposal("cu-tru-thuong-tru", proposedProcessingDays: 5, authorStaffIds: []), ["authorStaffIds"] },
        { "no procedure", new { proposedProcessingDays = 5, rationale = "x", authorStaffIds = new[] { "a" } }, ["procedureCode"] },
    };

    [Theory]
    [MemberData(nameof(BadProposals))]
    public async Task A_proposal_that_does_not_simplify_is_400(string why, object proposal, string[] fields)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var before = (await host.Client.GetAsync(Proposals, host.Office).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

        var problem = await host.Client.PostJsonAsync(Proposals, host.Office, proposal).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.True(fields.SequenceEqual(TestApi.ErrorFields(problem)), $"{why}: {problem}");
        Assert.Equal(before, (await host.Client.GetAsync(Proposals, host.Office).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_proposal_for_a_procedure_not_in_the_catalogue_is_422()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);

        await host.Client.PostJsonAsync(Proposals, host.Office, Proposal("khong-co", proposedProcessingDays: 1))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-procedure");
    }

    [Fact]
    public async Task An_unknown_proposal_is_404()
    {
        await host.Client.GetAsync($"{Proposals}/khong-co", host.Office).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.PostJsonAsync($"{Proposals}/khong-co/submit", host.Office, null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await host.Client.PostJsonAsync($"{Proposals}/khong-co/approve", host.Leader, Approval("2030-01-01")).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Shortening_an_interconnected_procedure_never_puts_the_appointment_before_its_last_step()
    {
        // The group's 10 days are its steps' 0 + 7 + 3. Either the proposal is refused, or once approved a dossier's
        // appointment must not fall before the last agency's own deadline.
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        const string group = "lien-thong-khai-sinh-thuong-tru-bhyt";

        var response = await host.Client.PostJsonAsync(Proposals, host.Desk, Proposal(group, proposedProcessingDays: 8));
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["proposedProcessingDays"], TestApi.ErrorFields(problem));
            Assert.Equal(["Thời hạn của thủ tục liên thông là tổng thời hạn các bước; hãy đề xuất rút ngắn thủ tục của từng bước."],
                problem.GetProperty("errors").Strings("proposedProcessingDays"));
            return;
        }

        var id = (await response.JsonAsync(HttpStatusCode.Created)).Str("id");
        await host.Client.PostJsonAsync($"{Proposals}/{id}/submit", host.Desk, null).JsonAsync(HttpStatusCode.OK);
        await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-10-06")).JsonAsync(HttpStatusCode.OK);
        var dossier = await host.ReceiveAsync(group);
        var lastStep = dossier.GetProperty("steps").EnumerateArray().Last().Str("dueDate");
        Assert.True(string.CompareOrdinal(dossier.Str("dueDate"), lastStep) >= 0,
            $"appointment {dossier.Str("dueDate")} ({dossier.Int("processingDays")} days) falls before the last step's due date {lastStep}");
    }

    [Fact]
    public async Task An_approval_never_lengthens_the_time_limit_when_the_catalogue_changed_after_the_proposal()
    {
        // Proposed when the procedure took 7 days: 6. Before the decision, the office revises it to 4 days (from 20 October).
        // Approving "6 days" from 10 November would then lengthen the time limit: it must be refused, or cut no less.
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        const string code = "cu-tru-thuong-tru";
        var id = await SubmittedAsync(Proposal(code, proposedProcessingDays: 6));
        await host.Client.PutJsonAsync($"/api/communes/my-thanh/procedures/{code}", host.Office, new
        {
            name = "Đăng ký thường trú", field = "cu-tru", processingDays = 4,
            components = new[] { "Tờ khai thay đổi thông tin cư trú (CT01)", "Giấy tờ chứng minh chỗ ở hợp pháp" },
            fee = 20_000, legalBasis = "Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP", effectiveFrom = "2025-10-20",
        }).JsonAsync(HttpStatusCode.OK);

        var response = await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-11-10"));
        if ((int)response.StatusCode is >= 400 and < 500) return; // refused: fine

        await response.JsonAsync(HttpStatusCode.OK);
        host.Clock.SetLocal(2025, 11, 10, 9, 0);
        var listed = await ListedAsync(code);
        Assert.True(listed.Int("processingDays") <= 4,
            $"the approved simplification put {listed.Int("processingDays")} working days in force from 10 November, longer than the 4 in force before it");
    }

    [Fact]
    public async Task An_approved_simplification_is_not_undone_by_a_revision_already_dated_after_it()
    {
        // The office has scheduled a fee change from 1 December (same 5 days). The authority then approves "3 days" from
        // 17 November: from 1 December the procedure must still take 3 days, not silently fall back to 5.
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        const string code = "bhyt-tre-em-duoi-6-tuoi";
        await host.Client.PutJsonAsync($"/api/communes/my-thanh/procedures/{code}", host.Office, new
        {
            name = "Lập danh sách cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", field = "bao-hiem-y-te", processingDays = 5,
            components = new[] { "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế (mẫu TK1-TS)", "Bản sao giấy khai sinh hoặc giấy chứng sinh" },
            fee = 0, legalBasis = "Luật Bảo hiểm y tế 2008 (sửa đổi 2024)", effectiveFrom = "2025-12-01",
        }).JsonAsync(HttpStatusCode.OK);
        var id = await SubmittedAsync(Proposal(code, proposedProcessingDays: 3));

        var response = await host.Client.PostJsonAsync($"{Proposals}/{id}/approve", host.Leader, Approval("2025-11-17"));
        if ((int)response.StatusCode is >= 400 and < 500) return; // refused as conflicting with the scheduled revision: fine

        await response.JsonAsync(HttpStatusCode.OK);
        host.Clock.SetLocal(2025, 11, 17, 9, 0);
        Assert.Equal(3, (await ListedAsync(code)).Int("processingDays"));
        host.Clock.SetLocal(2025, 12, 1, 9, 0);
        var listed = await ListedAsync(code);
        Assert.True(listed.Int("processingDays") == 3,
            $"from 1 December the procedure takes {listed.Int("processingDays")} working days again (revision {listed.Int("revision")}): the simplification approved from 17 November was lost");
    }
}
