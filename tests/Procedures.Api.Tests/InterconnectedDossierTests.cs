using System.Net;
using System.Text.Json;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// The interconnected group of the seed (birth registration → permanent residence → health-insurance card for a child
/// under six): one dossier, one receipt, one appointment, three agencies in order with their own time limits (0, 7, 3).
/// Received Monday 6 October 2025 at 09:00: step 1 due that day, step 2 seven working days later (Wednesday 15),
/// step 3 three more (Monday 20), which is also the overall due date (10 working days).
/// </summary>
public sealed class InterconnectedDossierTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Group = "lien-thong-khai-sinh-thuong-tru-bhyt";
    private const string Phone = "0987654321";

    private async Task<JsonElement> ReceiveAsync()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        return await host.ReceiveAsync(Group, "Lê Thị Mẹ", Phone, "ap-3");
    }

    private static IReadOnlyList<string> StepStatuses(JsonElement dossier) =>
        dossier.GetProperty("steps").EnumerateArray().Select(s => s.Str("status")).ToList();

    private Task<HttpResponseMessage> CompleteAsync(string id, int step) => host.TryAsync(id, $"steps/{step}/complete");

    [Fact]
    public async Task One_receipt_with_three_steps_their_agencies_and_due_dates_and_one_overall_due_date()
    {
        var dossier = await ReceiveAsync();

        Assert.Matches(@"^2025-\d{6}$", dossier.Str("receiptNo"));
        Assert.Equal("lien-thong", dossier.Str("field"));
        Assert.Equal(10, dossier.Int("processingDays"));
        Assert.Equal("2025-10-20", dossier.Str("dueDate"));
        var steps = dossier.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("Đăng ký khai sinh", "UBND xã (công chức Tư pháp – Hộ tịch)", 0, "2025-10-06", "in-progress"),
                ("Đăng ký thường trú", "Công an xã", 7, "2025-10-15", "pending"),
                ("Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Bảo hiểm xã hội huyện", 3, "2025-10-20", "pending"),
            ],
            steps.Select(s => (s.Str("name"), s.Str("agency"), s.Int("processingDays"), s.Str("dueDate"), s.Str("status"))));
        // One receipt number for the whole group: the dossier list holds it once.
        Assert.Single(await host.ListDossiersAsync(), d => d.Str("receiptNo") == dossier.Str("receiptNo"));
    }

    [Fact]
    public async Task Steps_complete_in_order_only_and_approval_waits_for_all_of_them()
    {
        var id = (await ReceiveAsync()).Str("id");

        // Not yet in progress: no step can be completed.
        await CompleteAsync(id, 0).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        await host.AssignAsync(id);

        var outOfOrder = await CompleteAsync(id, 1).ProblemAsync(HttpStatusCode.Conflict, "step-out-of-order");
        Assert.Contains("Phải hoàn thành bước 0 (Đăng ký khai sinh) trước", outOfOrder.Str("detail"));
        await CompleteAsync(id, 3).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var pending = await host.TryAsync(id, "resolve", new { outcome = "approved" }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "steps-pending");
        Assert.Equal(
            ["Đăng ký khai sinh (UBND xã (công chức Tư pháp – Hộ tịch))", "Đăng ký thường trú (Công an xã)", "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (Bảo hiểm xã hội huyện)"],
            pending.Strings("reasons"));
        Assert.Equal(["in-progress", "pending", "pending"], StepStatuses(await host.GetDossierAsync(id)));

        host.Clock.SetLocal(2025, 10, 6, 10, 30);
        var first = await CompleteAsync(id, 0).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["done", "in-progress", "pending"], StepStatuses(first));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 6, 10, 30)), first.GetProperty("steps")[0].Str("completedAt"));
        await CompleteAsync(id, 0).ProblemAsync(HttpStatusCode.Conflict, "step-out-of-order");
        await CompleteAsync(id, 2).ProblemAsync(HttpStatusCode.Conflict, "step-out-of-order");

        host.Clock.SetLocal(2025, 10, 14, 9, 0);
        Assert.Equal(["done", "done", "in-progress"], StepStatuses(await CompleteAsync(id, 1).JsonAsync(HttpStatusCode.OK)));
        var stillPending = await host.TryAsync(id, "resolve", new { outcome = "approved" }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "steps-pending");
        Assert.Equal(["Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (Bảo hiểm xã hội huyện)"], stillPending.Strings("reasons"));

        host.Clock.SetLocal(2025, 10, 17, 9, 0);
        Assert.Equal(["done", "done", "done"], StepStatuses(await CompleteAsync(id, 2).JsonAsync(HttpStatusCode.OK)));
        var allDone = await CompleteAsync(id, 2).ProblemAsync(HttpStatusCode.Conflict, "step-out-of-order");
        Assert.Contains("Mọi bước đã hoàn thành", allDone.Str("detail"));

        var resolved = await host.ApproveAsync(id);
        Assert.Equal("resolved", resolved.Str("status"));
        Assert.Equal("early", resolved.Str("timeliness"));
        Assert.Equal(9, resolved.Int("workingDaysUsed"));
        Assert.Equal(3, resolved.GetProperty("history").EnumerateArray().Count(e => e.Str("action") == "step-completed"));
    }

    [Fact]
    public async Task A_refusal_does_not_wait_for_the_steps()
    {
        var id = (await ReceiveAsync()).Str("id");
        await host.AssignAsync(id);

        var refused = await host.DoAsync(id, "resolve", new { outcome = "refused", note = "Giấy chứng sinh không hợp lệ" });

        Assert.Equal("refused", refused.Str("outcome"));
        await CompleteAsync(id, 0).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
    }

    [Fact]
    public async Task The_public_lookup_shows_the_progress_of_each_step()
    {
        var dossier = await ReceiveAsync();
        var id = dossier.Str("id");
        await host.AssignAsync(id);
        await CompleteAsync(id, 0).JsonAsync(HttpStatusCode.OK);

        var view = await host.Client.GetAsync($"/api/public/communes/my-thanh/dossiers/{dossier.Str("receiptNo")}?phone={Phone}", null)
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("in-progress", view.Str("status"));
        Assert.Equal("2025-10-20", view.Str("dueDate"));
        Assert.Equal(
            [
                ("Đăng ký khai sinh", "UBND xã (công chức Tư pháp – Hộ tịch)", "done", "2025-10-06"),
                ("Đăng ký thường trú", "Công an xã", "in-progress", "2025-10-15"),
                ("Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Bảo hiểm xã hội huyện", "pending", "2025-10-20"),
            ],
            view.GetProperty("steps").EnumerateArray().Select(s => (s.Str("name"), s.Str("agency"), s.Str("status"), s.Str("dueDate"))));
    }

    [Fact]
    public async Task A_supplement_moves_the_due_dates_of_the_steps_not_yet_done()
    {
        var id = (await ReceiveAsync()).Str("id");
        await host.AssignAsync(id);
        await CompleteAsync(id, 0).JsonAsync(HttpStatusCode.OK);

        host.Clock.SetLocal(2025, 10, 8, 9, 0);
        await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy tờ chứng minh chỗ ở" });
        await CompleteAsync(id, 1).ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
        host.Clock.SetLocal(2025, 10, 10, 9, 0); // 9 and 10 paused
        var resumed = await host.DoAsync(id, "supplement-received");

        Assert.Equal("2025-10-22", resumed.Str("dueDate"));
        Assert.Equal(["2025-10-06", "2025-10-17", "2025-10-22"], resumed.GetProperty("steps").EnumerateArray().Select(s => s.Str("dueDate")));
    }
}
