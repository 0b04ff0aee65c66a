using System.Net;
using System.Text.Json;
using Feedback.Api.Tests.Infrastructure;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Security;

namespace Feedback.Api.Tests;

/// <summary>
/// Every step of an item (received → assigned → answered → closed), the refusals between them, and the events raised.
/// The clock is set to Monday 2 March 2026, 09:00 in Vietnam, unless a test says otherwise.
/// </summary>
public sealed class WorkflowTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private void Monday() => host.Clock.SetLocal(2026, 3, 2, 9, 0);

    [Fact]
    public async Task A_citizen_submits_without_an_account_and_follows_the_item_by_its_tracking_code()
    {
        Monday();
        var receipt = await host.SubmitAsync(FeedbackSteps.Item(procedureCode: Seed.Marriage, contact: "Chị Hoa 0909777888"));

        var code = receipt.Str("trackingCode");
        Assert.Matches("^[A-HJKMNP-Z2-9]{10}$", code);
        Assert.Equal("received", receipt.Str("status"));
        Assert.Equal("2026-03-16", receipt.Str("dueDate")); // 10 working days after Monday 2 March: 3..6, 9..13, 16
        var tracked = await host.TrackAsync(code);
        Assert.Equal(["category", "categoryName", "content", "dueDate", "receivedAt", "status", "statusText", "trackingCode"], tracked.Names());
        Assert.Equal(FeedbackSteps.Question, tracked.Str("content"));
        Assert.Equal("received", tracked.Str("status"));
        Assert.Equal("Đã tiếp nhận", tracked.Str("statusText"));
        Assert.Equal(Vn.Iso(Vn.At(2026, 3, 2, 9, 0)), tracked.Str("receivedAt"));
        Assert.DoesNotContain("0909777888", tracked.GetRawText());
        // Read aloud over the phone and typed in any case, with a dash: still the same item.
        Assert.Equal(code, (await host.TrackAsync(code[..5].ToLowerInvariant() + "-" + code[5..])).Str("trackingCode"));
        // The stored item keeps the online channel and the contact for the commune's staff.
        var item = await host.GetItemAsync(receipt.Str("id"));
        Assert.Equal("online", item.Str("channel"));
        Assert.Equal("Chị Hoa 0909777888", item.Str("contact"));
        Assert.False(item.TryGetProperty("recordedBy", out _));
    }

    [Theory]
    [InlineData("ABCDEFGHJK")] // well formed, issued to nobody
    [InlineData("not-a-code")]
    [InlineData("0000000000")]
    public async Task An_unknown_tracking_code_is_404(string code) =>
        await host.Client.GetAsync($"{FeedbackSteps.PublicPath()}/{code}", null).ProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Fact]
    public async Task The_desk_transcribes_a_hamlet_box_item_and_the_hamlet_comes_from_the_box()
    {
        Monday();
        var token = host.Tokens.Named("Trần Văn Tư", Seed.MyThanh, Roles.DeskOfficer);

        var item = await host.TranscribeAsync(FeedbackSteps.Item("other", "Đề nghị sửa đường vào ấp 3", channel: "hamlet-box-ap-3",
            receivedAt: Vn.Iso(Vn.At(2026, 2, 27, 16, 0))), token: token);

        Assert.Equal("hamlet-box-ap-3", item.Str("channel"));
        Assert.Equal("ap-3", item.Str("hamlet"));
        Assert.Equal("Trần Văn Tư", item.Str("recordedBy"));
        Assert.Equal("received", item.Str("status"));
        // Counted from the day the box was opened (Friday 27 February), not from the day it was typed in.
        Assert.Equal(Vn.Iso(Vn.At(2026, 2, 27, 16, 0)), item.Str("receivedAt"));
        Assert.Equal("2026-03-03", item.Str("assignBy")); // 27/2 + 2 working days: 2/3, 3/3
        Assert.Equal("2026-03-13", item.Str("dueDate")); // 27/2 + 10: 2..6, 9..13
        Assert.Contains(await host.ListAsync("?channel=hamlet-box-ap-3"), i => i.Str("id") == item.Str("id"));
        // A named hamlet other than the box's wins: the box at ap-3 may hold a letter about ap-5.
        var other = await host.TranscribeAsync(FeedbackSteps.Item("other", "Đèn đường ấp 5 hỏng", channel: "hamlet-box-ap-3", hamlet: "ap-5"));
        Assert.Equal("ap-5", other.Str("hamlet"));
    }

    [Fact]
    public async Task A_citizen_cannot_write_into_a_box_and_staff_cannot_backdate_beyond_a_year()
    {
        Monday();
        var box = await host.TrySubmitAsync(FeedbackSteps.Item(channel: "hamlet-box-ap-1")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["channel"], TestApi.ErrorFields(box));
        // A citizen cannot backdate: a receivedAt in the public form is not read, the item is received now.
        var backdated = await host.SubmitAsync(FeedbackSteps.Item(receivedAt: Vn.Iso(Vn.At(2026, 2, 13))));
        Assert.Equal(Vn.Iso(Vn.At(2026, 3, 2, 9, 0)), (await host.GetItemAsync(backdated.Str("id"))).Str("receivedAt"));
        var old = await host.TryTranscribeAsync(FeedbackSteps.Item(channel: "desk-box", receivedAt: Vn.Iso(Vn.At(2025, 2, 1))))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["receivedAt"], TestApi.ErrorFields(old));
        var future = await host.TryTranscribeAsync(FeedbackSteps.Item(channel: "desk-box", receivedAt: Vn.Iso(Vn.At(2026, 3, 3))))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["receivedAt"], TestApi.ErrorFields(future));
        var hamlet = await host.TryTranscribeAsync(FeedbackSteps.Item(channel: "desk-box", hamlet: "ap-9")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["hamlet"], TestApi.ErrorFields(hamlet));
        var procedure = await host.TryTranscribeAsync(FeedbackSteps.Item(channel: "desk-box", procedureCode: "khong-co")).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["procedureCode"], TestApi.ErrorFields(procedure));
    }

    [Fact]
    public async Task Assign_answer_and_close_move_the_item_and_raise_received_and_answered()
    {
        Monday();
        await using var received = await EventProbe<FeedbackReceived>.StartAsync(host.Factory.Bus);
        await using var answeredEvents = await EventProbe<FeedbackAnswered>.StartAsync(host.Factory.Bus);
        var receipt = await host.SubmitAsync(FeedbackSteps.Item(procedureCode: Seed.Birth));
        var id = receipt.Str("id");

        var raised = await received.WaitForAsync(e => e.FeedbackId == id, "FeedbackReceived");
        Assert.Equal((Seed.MyThanh, "online", FeedbackCategory.ProcedureRules, Seed.Birth, new DateOnly(2026, 3, 16)),
            (raised.Commune, raised.Channel, raised.Category, raised.ProcedureCode, raised.DueDate));
        Assert.Equal(Vn.At(2026, 3, 2, 9, 0).UtcDateTime, raised.ReceivedAt);

        host.Clock.SetLocal(2026, 3, 3, 8, 0);
        var assigned = await host.AssignAsync(id);
        Assert.Equal("assigned", assigned.Str("status"));
        Assert.Equal(Seed.OfficeClerk, assigned.Str("assigneeId"));
        Assert.Equal(Vn.Iso(Vn.At(2026, 3, 3, 8, 0)), assigned.Str("assignedAt"));
        Assert.Equal("assigned", (await host.TrackAsync(receipt.Str("trackingCode"))).Str("status"));
        // Reassigning an item in progress is allowed: the office changes its mind.
        Assert.Equal(Seed.Chairman, (await host.AssignAsync(id, Seed.Chairman)).Str("assigneeId"));

        host.Clock.SetLocal(2026, 3, 10, 15, 0);
        var answered = await host.DoAsync(id, "answer", new { answer = "Cần tờ khai và giấy chứng sinh.", publish = false }, token: host.Office);
        Assert.Equal("answered", answered.Str("status"));
        Assert.False(answered.GetProperty("published").GetBoolean());
        Assert.True(answered.GetProperty("answeredInTime").GetBoolean());
        Assert.Equal(Seed.OfficeClerkName, answered.Str("answeredBy"));
        var answeredEvent = await answeredEvents.WaitForAsync(e => e.FeedbackId == id, "FeedbackAnswered");
        Assert.True(answeredEvent.InTime);
        Assert.Null(answeredEvent.Upheld);
        Assert.Equal(FeedbackCategory.ProcedureRules, answeredEvent.Category);
        Assert.Equal(Vn.At(2026, 3, 10, 15, 0).UtcDateTime, answeredEvent.AnsweredAt);
        var tracked = await host.TrackAsync(receipt.Str("trackingCode"));
        Assert.Equal(("answered", "Cần tờ khai và giấy chứng sinh."), (tracked.Str("status"), tracked.Str("answer")));

        var closed = await host.DoAsync(id, "close", null);
        Assert.Equal("closed", closed.Str("status"));
        Assert.Equal(Vn.Iso(Vn.At(2026, 3, 10, 15, 0)), closed.Str("closedAt"));
        Assert.Equal("Đã kết thúc", (await host.TrackAsync(receipt.Str("trackingCode"))).Str("statusText"));
        Assert.Contains(await host.ListAsync("?status=closed"), i => i.Str("id") == id);
        Assert.DoesNotContain(await host.ListAsync("?status=answered"), i => i.Str("id") == id);
    }

    [Fact]
    public async Task An_answer_after_the_due_date_is_late_and_the_event_says_so()
    {
        Monday();
        await using var answeredEvents = await EventProbe<FeedbackAnswered>.StartAsync(host.Factory.Bus);
        var onTime = (await host.SubmitAsync()).Str("id");
        var late = (await host.SubmitAsync()).Str("id");
        await host.AssignAsync(onTime);
        await host.AssignAsync(late);

        host.Clock.SetLocal(2026, 3, 16, 16, 59); // the due date itself, before the office closes
        Assert.True((await host.AnswerAsync(onTime)).GetProperty("answeredInTime").GetBoolean());
        host.Clock.SetLocal(2026, 3, 17, 8, 0); // the next morning
        Assert.False((await host.AnswerAsync(late)).GetProperty("answeredInTime").GetBoolean());

        Assert.True((await answeredEvents.WaitForAsync(e => e.FeedbackId == onTime, "on time")).InTime);
        Assert.False((await answeredEvents.WaitForAsync(e => e.FeedbackId == late, "late")).InTime);
    }

    [Fact]
    public async Task Closing_an_unanswered_item_needs_a_note()
    {
        Monday();
        var received = (await host.SubmitAsync()).Str("id");
        var assigned = (await host.SubmitAsync()).Str("id");
        await host.AssignAsync(assigned);

        foreach (var id in new[] { received, assigned })
        {
            var problem = await host.TryAsync(id, "close", new { note = "  " }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
            Assert.Equal(["note"], TestApi.ErrorFields(problem));
            await host.TryAsync(id, "close", null).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
            var closed = await host.DoAsync(id, "close", new { note = "Trùng với phản ánh trước" });
            Assert.Equal(("closed", "Trùng với phản ánh trước"), (closed.Str("status"), closed.Str("closingNote")));
        }
    }

    [Fact]
    public async Task Illegal_transitions_are_409_naming_the_state()
    {
        Monday();
        var received = (await host.SubmitAsync()).Str("id");
        var answered = await host.AnsweredAsync();
        var closed = await host.AnsweredAsync();
        await host.DoAsync(closed, "close", null);
        var answer = new { answer = "Trả lời", publish = false };

        foreach (var (id, action, body, state) in new (string, string, object?, string)[]
                 {
                     (received, "answer", answer, "Đã tiếp nhận"),
                     (answered, "answer", answer, "Đã trả lời"),
                     (answered, "assign", new { staffId = Seed.OfficeClerk }, "Đã trả lời"),
                     (closed, "assign", new { staffId = Seed.OfficeClerk }, "Đã kết thúc"),
                     (closed, "answer", answer, "Đã kết thúc"),
                     (closed, "close", new { note = "Lần nữa" }, "Đã kết thúc"),
                 })
        {
            var before = (await host.GetItemAsync(id)).GetRawText();
            var problem = await host.TryAsync(id, action, body).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
            Assert.Contains($"phản ánh đang ở trạng thái {state};", problem.Str("detail"));
            Assert.Equal(before, (await host.GetItemAsync(id)).GetRawText());
        }
    }

    [Fact]
    public async Task A_conduct_complaint_is_found_upheld_or_not_and_its_officer_cannot_answer_it()
    {
        Monday();
        await using var answeredEvents = await EventProbe<FeedbackAnswered>.StartAsync(host.Factory.Bus);
        var id = (await host.SubmitAsync(FeedbackSteps.Item("staff-conduct", "Cán bộ một cửa hẹn nhiều lần", staffId: Seed.DeskOfficer))).Str("id");

        var conflict = await host.TryAsync(id, "assign", new { staffId = Seed.DeskOfficer }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "conflict-of-interest");
        Assert.Contains("Không thể giao cho chính cán bộ bị phản ánh", conflict.Str("detail"));
        Assert.Equal("received", (await host.GetItemAsync(id)).Str("status"));
        await host.AssignAsync(id, Seed.Chairman);
        // Nor can it be handed to them later on.
        await host.TryAsync(id, "assign", new { staffId = Seed.DeskOfficer }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "conflict-of-interest");

        var missing = await host.TryAsync(id, "answer", new { answer = "Đã nhắc nhở", publish = false }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["upheld"], TestApi.ErrorFields(missing));
        var answered = await host.AnswerAsync(id, "Phản ánh đúng; đã nhắc nhở cán bộ.", publish: false, upheld: true);
        Assert.True(answered.GetProperty("upheld").GetBoolean());
        var raised = await answeredEvents.WaitForAsync(e => e.FeedbackId == id, "FeedbackAnswered");
        Assert.Equal((true, Seed.DeskOfficer, FeedbackCategory.StaffConduct), (raised.Upheld, raised.StaffId, raised.Category));

        var notUpheld = (await host.SubmitAsync(FeedbackSteps.Item("staff-conduct", "Cán bộ không nghe điện thoại", staffId: Seed.DeskOfficer))).Str("id");
        await host.AssignAsync(notUpheld, Seed.Chairman);
        await host.AnswerAsync(notUpheld, "Không đúng: cán bộ đang trực tại bộ phận.", publish: false, upheld: false);
        Assert.False((await answeredEvents.WaitForAsync(e => e.FeedbackId == notUpheld, "FeedbackAnswered")).Upheld);
    }

    [Theory]
    [InlineData("procedure-rules", true)]
    [InlineData("other", false)]
    public async Task Upheld_is_refused_on_anything_but_a_conduct_complaint(string category, bool upheld)
    {
        Monday();
        var id = (await host.SubmitAsync(FeedbackSteps.Item(category))).Str("id");
        await host.AssignAsync(id);

        var problem = await host.TryAsync(id, "answer", new { answer = "Trả lời", publish = true, upheld }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["upheld"], TestApi.ErrorFields(problem));
        Assert.Equal("assigned", (await host.GetItemAsync(id)).Str("status"));
    }

    [Theory]
    [InlineData("khong-co-ai")]
    [InlineData(Seed.LuongHoaDeskOfficer)] // staff of another commune
    [InlineData("Not A Slug!")]
    [InlineData(null)]
    public async Task Assigning_to_someone_not_on_the_staff_is_400(string? staffId)
    {
        Monday();
        var id = (await host.SubmitAsync()).Str("id");

        var problem = await host.TryAsync(id, "assign", new { staffId }).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["staffId"], TestApi.ErrorFields(problem));
        Assert.Equal("received", (await host.GetItemAsync(id)).Str("status"));
    }

    [Fact]
    public async Task An_answer_needs_its_text_and_whether_to_publish_it()
    {
        Monday();
        var id = (await host.SubmitAsync()).Str("id");
        await host.AssignAsync(id);

        Assert.Equal(["answer", "publish"], TestApi.ErrorFields(await host.TryAsync(id, "answer", new { answer = " " }).ProblemAsync(HttpStatusCode.BadRequest)));
        Assert.Equal(["answer"], TestApi.ErrorFields(await host.TryAsync(id, "answer", new { answer = new string('a', 4001), publish = true })
            .ProblemAsync(HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Only_handlers_move_items_and_only_recorders_transcribe()
    {
        Monday();
        var id = (await host.SubmitAsync()).Str("id");

        // The desk records items but does not decide them; the radio and the emulation council do neither.
        await host.TryAsync(id, "assign", new { staffId = Seed.OfficeClerk }, token: host.Desk).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        foreach (var role in new[] { Roles.Radio, Roles.EmulationCouncil })
            await host.TryTranscribeAsync(FeedbackSteps.Item(channel: "desk-box"), token: host.Tokens.ForCommune(Seed.MyThanh, role))
                .ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("front-supervision", (await host.TranscribeAsync(FeedbackSteps.Item(channel: "front-supervision"),
            token: host.Tokens.ForCommune(Seed.MyThanh, Roles.Front))).Str("channel"));
        Assert.Equal(JsonValueKind.Array, (await host.Client.GetAsync("/api/communes/my-thanh/feedback-channels", host.Desk).JsonAsync(HttpStatusCode.OK)).ValueKind);
    }
}
