using System.Net;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>Five dossiers received in March 2018 in my-thanh, in every kind of state (no other test uses that month).</summary>
public sealed class DossierListHost : ProceduresHost
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetLocal(2018, 4, 2, 9, 0);
        // Thursday 1 March 2018: the 5-day one is due Thursday 8 March; the 10-day one of 15 March is due 29 March.
        var openLate = (await this.ReceiveAsync("ho-tich-ket-hon", "open-late", receivedAt: Vn.At(2018, 3, 1, 9, 0))).Str("id");
        await this.ReceiveAsync("bhyt-ho-can-ngheo", "open-in-time", receivedAt: Vn.At(2018, 3, 15, 9, 0));
        var resolved = (await this.ReceiveAsync("cu-tru-xoa-thuong-tru", "resolved", receivedAt: Vn.At(2018, 3, 1, 10, 0))).Str("id");
        var withdrawn = (await this.ReceiveAsync("cu-tru-xoa-thuong-tru", "withdrawn", receivedAt: Vn.At(2018, 3, 31, 23, 0))).Str("id");
        var paused = (await this.ReceiveAsync("ho-tich-ket-hon", "paused", receivedAt: Vn.At(2018, 3, 2, 9, 0))).Str("id");
        await this.AssignAsync(openLate);
        await this.AssignAsync(resolved);
        await this.ApproveAsync(resolved);
        await this.DoAsync(withdrawn, "withdraw");
        await this.DoAsync(paused, "request-supplement", new { reason = "Thiếu giấy tờ" });
    }
}

/// <summary>GET /dossiers?status=&amp;from=&amp;to=&amp;overdue=.</summary>
public sealed class DossierListTests(DossierListHost host) : IClassFixture<DossierListHost>
{
    private async Task<IReadOnlyList<string>> NamesAsync(string query) =>
        (await host.ListDossiersAsync(query)).Select(d => d.GetProperty("applicant").Str("name")).ToList();

    [Fact]
    public async Task From_and_to_are_receipt_days_in_Vietnam_both_included_newest_first()
    {
        host.Clock.SetLocal(2018, 3, 20, 9, 0);

        Assert.Equal(["withdrawn", "open-in-time", "paused", "resolved", "open-late"], await NamesAsync("?from=2018-03-01&to=2018-03-31"));
        Assert.Equal(["paused", "resolved", "open-late"], await NamesAsync("?from=2018-03-01&to=2018-03-02"));
        // 31 March 23:00 in Vietnam is 16:00 UTC on the 31st: it belongs to 31 March, not to 1 April.
        Assert.Equal(["withdrawn"], await NamesAsync("?from=2018-03-31&to=2018-03-31"));
        Assert.Empty(await NamesAsync("?from=2018-04-01&to=2018-04-01"));
    }

    [Theory]
    [InlineData("received", new[] { "open-in-time" })]
    [InlineData("in-progress", new[] { "open-late" })]
    [InlineData("supplement-requested", new[] { "paused" })]
    [InlineData("resolved", new[] { "resolved" })]
    [InlineData("withdrawn", new[] { "withdrawn" })]
    public async Task Status_filters_by_the_lifecycle_state(string status, string[] expected)
    {
        host.Clock.SetLocal(2018, 3, 20, 9, 0);

        var names = await NamesAsync($"?status={status}&from=2018-03-01&to=2018-03-31");

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Overdue_lists_open_dossiers_past_their_due_date_but_not_paused_ones()
    {
        host.Clock.SetLocal(2018, 3, 20, 9, 0);

        Assert.Equal(["open-late"], await NamesAsync("?overdue=true&from=2018-03-01&to=2018-03-31"));
    }

    [Fact]
    public async Task An_unknown_status_or_an_inverted_range_is_400()
    {
        var status = await host.Client.GetAsync($"{Desk.Dossiers()}?status=lost", host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["status"], TestApi.ErrorFields(status));
        var range = await host.Client.GetAsync($"{Desk.Dossiers()}?from=2018-03-31&to=2018-03-01", host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["to"], TestApi.ErrorFields(range));
        await host.Client.GetAsync($"{Desk.Dossiers()}?from=31-03-2018", host.Desk).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
