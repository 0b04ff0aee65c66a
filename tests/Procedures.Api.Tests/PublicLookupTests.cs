using System.Net;
using System.Text.Json;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// GET /api/public/communes/{commune}/dossiers/{receiptNo}?phone=: anyone with the receipt and the phone sees the status
/// and dates, nothing personal; a wrong phone and an unknown receipt give one and the same answer.
/// </summary>
public sealed class PublicLookupTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Name = "Phạm Thị Bích Ngọc";
    private const string Phone = "0912345678";

    private static string Lookup(string receiptNo, string? phone, string commune = "my-thanh") =>
        $"/api/public/communes/{commune}/dossiers/{Uri.EscapeDataString(receiptNo)}" + (phone is null ? "" : $"?phone={Uri.EscapeDataString(phone)}");

    private async Task<JsonElement> ReceiveAsync()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        return await host.ReceiveAsync(name: Name, phone: Phone, hamlet: "ap-5");
    }

    [Fact]
    public async Task The_right_phone_shows_the_status_and_dates_only()
    {
        var dossier = await ReceiveAsync();

        var response = await host.Client.GetAsync(Lookup(dossier.Str("receiptNo"), Phone), null);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var view = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["appointmentDate", "dueDate", "late", "nationalStatusCode", "outcome", "procedureName", "receiptNo", "receivedAt", "status", "statusText", "steps"], view.Names());
        Assert.Equal(dossier.Str("receiptNo"), view.Str("receiptNo"));
        Assert.Equal("Đăng ký kết hôn", view.Str("procedureName"));
        Assert.Equal("received", view.Str("status"));
        Assert.Equal(2, view.Int("nationalStatusCode"));
        Assert.Equal("Đã tiếp nhận", view.Str("statusText"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 6, 9, 0)), view.Str("receivedAt"));
        Assert.Equal("2025-10-13", view.Str("dueDate"));
        Assert.Equal("2025-10-13", view.Str("appointmentDate"));
        Assert.DoesNotContain(Name, body);
        Assert.DoesNotContain("Ngọc", body);
        Assert.DoesNotContain(Phone, body);
        Assert.DoesNotContain("912345678", body);
        Assert.DoesNotContain("ap-5", body);
        Assert.DoesNotContain(dossier.Str("id"), body);
    }

    [Theory]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    public async Task The_phone_may_be_written_in_any_usual_way(string phone)
    {
        var dossier = await ReceiveAsync();

        var view = await host.Client.GetAsync(Lookup(dossier.Str("receiptNo"), phone), null).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(dossier.Str("receiptNo"), view.Str("receiptNo"));
    }

    [Fact]
    public async Task The_view_follows_the_dossier_through_its_lifecycle()
    {
        var dossier = await ReceiveAsync();
        var id = dossier.Str("id");
        var path = Lookup(dossier.Str("receiptNo"), Phone);

        await host.AssignAsync(id);
        host.Clock.SetLocal(2025, 10, 10, 9, 0);
        await host.DoAsync(id, "apologize", new { reason = "Chờ xác minh", newDueDate = "2025-10-17" });
        var apologized = await host.Client.GetAsync(path, null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("in-progress", 4, "Đang giải quyết"), (apologized.Str("status"), apologized.Int("nationalStatusCode"), apologized.Str("statusText")));
        Assert.Equal("2025-10-13", apologized.Str("dueDate"));
        Assert.Equal("2025-10-17", apologized.Str("appointmentDate"));

        host.Clock.SetLocal(2025, 10, 15, 9, 0);
        await host.ApproveAsync(id);
        host.Clock.SetLocal(2025, 10, 16, 9, 0);
        await host.DoAsync(id, "return");
        var returned = await host.Client.GetAsync(path, null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("returned", 10, "Đã trả kết quả"), (returned.Str("status"), returned.Int("nationalStatusCode"), returned.Str("statusText")));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 15, 9, 0)), returned.Str("resolvedAt"));
        Assert.Equal(Vn.Iso(Vn.At(2025, 10, 16, 9, 0)), returned.Str("returnedAt"));
        var text = JsonSerializer.Serialize(returned);
        Assert.DoesNotContain("surveyCode", text);
    }

    [Fact]
    public async Task A_wrong_phone_and_an_unknown_receipt_give_the_same_404()
    {
        var dossier = await ReceiveAsync();
        var receiptNo = dossier.Str("receiptNo");
        const string unknown = "2025-999999";

        var wrongPhone = await host.Client.GetAsync(Lookup(receiptNo, "0999999999"), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var unknownReceipt = await host.Client.GetAsync(Lookup(unknown, Phone), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var noPhone = await host.Client.GetAsync(Lookup(receiptNo, null), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var badPhone = await host.Client.GetAsync(Lookup(receiptNo, "abc"), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        // Receipt numbers are per commune: the same number in luong-hoa is another dossier (or none).
        var otherCommune = await host.Client.GetAsync(Lookup(receiptNo, Phone, "luong-hoa"), null).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        foreach (var problem in new[] { unknownReceipt, noPhone, badPhone, otherCommune })
        {
            Assert.Equal(wrongPhone.Names(), problem.Names());
            Assert.Equal(wrongPhone.Str("title"), problem.Str("title"));
        }
        // The detail only echoes the receipt number that was asked for.
        Assert.Equal(wrongPhone.Str("detail"), unknownReceipt.Str("detail").Replace(unknown, receiptNo, StringComparison.Ordinal));
        Assert.Equal(wrongPhone.Str("detail"), noPhone.Str("detail"));
        Assert.DoesNotContain(Name, wrongPhone.GetRawText());
    }
}
