using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// The desk on Thursday 14 November 2019, 9:00 (no holiday that month), with nine my-thanh dossiers of that month in every
/// kind of state and urgency (no other test uses it). Due dates in the comments.
/// </summary>
public sealed class DeskQueueHost : ProceduresHost
{
    public Dictionary<string, JsonElement> Dossiers { get; } = [];

    public string Id(string name) => Dossiers[name].Str("id");

    public string Receipt(string name) => Dossiers[name].Str("receiptNo");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Now();
        async Task Receive(string name, string procedure, string phone, DateTimeOffset at) =>
            Dossiers[name] = await this.ReceiveAsync(procedure, name, phone, receivedAt: at);
        await Receive("Nguyễn Văn An", "ho-tich-ket-hon", "0909111222", Vn.At(2019, 11, 4, 9, 0));       // 11 Nov: overdue, in progress
        await Receive("Đỗ Thị Đào", "ho-tich-ket-hon", "0909333444", Vn.At(2019, 11, 7, 9, 0));          // 14 Nov: due today
        await Receive("Trần Văn Bình", "cu-tru-tam-tru", "0909555666", Vn.At(2019, 11, 12, 9, 0));       // 15 Nov: due soon
        await Receive("Lê Thị Cúc", "bhyt-ho-can-ngheo", "0909777888", Vn.At(2019, 11, 13, 9, 0));       // 27 Nov
        await Receive("Phạm Văn Dũng", "cu-tru-xoa-thuong-tru", "0909000001", Vn.At(2019, 11, 4, 10, 0)); // 5 Nov: resolved late
        await Receive("Võ Văn Em", "ho-tich-ket-hon", "0909000002", Vn.At(2019, 11, 5, 9, 0));           // withdrawn
        await Receive("Ngô Thị Phương", "ho-tich-ket-hon", "0909000003", Vn.At(2019, 11, 6, 9, 0));      // 13 Nov: paused
        await Receive("Hoàng Văn Giang", "ho-tich-khai-sinh", "0909000004", Vn.At(2019, 11, 14, 8, 0));  // 14 Nov: received today
        await Receive("Bùi Văn Cũ", "ho-tich-ket-hon", "0909000005", Vn.At(2019, 11, 4, 11, 0));         // withdrawn, stored before SearchText
        await this.AssignAsync(Id("Nguyễn Văn An"));
        await this.AssignAsync(Id("Phạm Văn Dũng"));
        await this.ApproveAsync(Id("Phạm Văn Dũng"));
        await this.DoAsync(Id("Võ Văn Em"), "withdraw");
        await this.AssignAsync(Id("Ngô Thị Phương"));
        await this.DoAsync(Id("Ngô Thị Phương"), "request-supplement", new { reason = "Thiếu giấy tờ" });
        await this.DoAsync(Id("Bùi Văn Cũ"), "withdraw");
        var old = (await Factory.Store.FindAsync<Dossier>(Seed.MyThanh, Id("Bùi Văn Cũ")))!;
        await Factory.Store.CommitAsync(new ChangeSet().Update(old, old.Document with { SearchText = null }));
    }

    public void Now() => Clock.SetLocal(2019, 11, 14, 9, 0);

    public async Task<(IReadOnlyList<JsonElement> Dossiers, long Total)> PageAsync(string query)
    {
        Now();
        var response = await Client.GetAsync($"{Infrastructure.Desk.Dossiers()}?from=2019-11-01&to=2019-11-30&{query}", Desk);
        var list = await response.JsonAsync(HttpStatusCode.OK);
        return (list.EnumerateArray().ToList(), long.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<string>> NamesAsync(string query) =>
        (await PageAsync(query)).Dossiers.Select(d => d.GetProperty("applicant").Str("name")).ToList();
}

/// <summary>GET /dossiers?q=&amp;field=&amp;handler=&amp;open=&amp;sort=&amp;page=&amp;pageSize=, urgency and allowed actions, /dossiers/summary.</summary>
public sealed class DeskQueueTests(DeskQueueHost host) : IClassFixture<DeskQueueHost>
{
    [Theory]
    [InlineData("nguyen van", new[] { "Nguyễn Văn An" })]
    [InlineData("NGUYỄN  văn an", new[] { "Nguyễn Văn An" })]
    [InlineData("dao", new[] { "Đỗ Thị Đào" })]
    [InlineData("Đỗ thi", new[] { "Đỗ Thị Đào" })]
    [InlineData("0909 111 222", new[] { "Nguyễn Văn An" })]
    [InlineData("+84 909-111-222", new[] { "Nguyễn Văn An" })]
    [InlineData("111222", new[] { "Nguyễn Văn An" })]
    [InlineData("van", new[] { "Hoàng Văn Giang", "Trần Văn Bình", "Võ Văn Em", "Phạm Văn Dũng", "Nguyễn Văn An" })]
    [InlineData("khong ai", new string[0])]
    public async Task Q_finds_by_name_without_case_or_accents_and_by_phone(string q, string[] expected)
    {
        Assert.Equal(expected, await host.NamesAsync($"q={Uri.EscapeDataString(q)}"));
    }

    [Fact]
    public async Task Q_finds_an_exact_receipt_number_even_on_a_dossier_stored_before_the_search_text()
    {
        Assert.Equal(["Đỗ Thị Đào"], await host.NamesAsync($"q={host.Receipt("Đỗ Thị Đào")}"));
        Assert.Equal(["Bùi Văn Cũ"], await host.NamesAsync($"q={host.Receipt("Bùi Văn Cũ")}"));
        Assert.Equal(["Bùi Văn Cũ"], await host.NamesAsync("q=0909000005")); // and by its phone
        Assert.Empty(await host.NamesAsync("q=bui van cu"));
    }

    [Fact]
    public async Task Field_handler_and_open_filter_in_the_store()
    {
        Assert.Equal(["Lê Thị Cúc"], await host.NamesAsync("field=bao-hiem-y-te"));
        Assert.Equal(["Trần Văn Bình", "Phạm Văn Dũng"], await host.NamesAsync("field=cu-tru"));
        Assert.Equal(["Ngô Thị Phương", "Phạm Văn Dũng", "Nguyễn Văn An"], await host.NamesAsync($"handler={Seed.DeskOfficer}"));
        Assert.Empty(await host.NamesAsync($"handler={Seed.SecondDeskOfficer}"));
        Assert.Equal(["Võ Văn Em", "Bùi Văn Cũ"], await host.NamesAsync("open=false"));
        Assert.Equal(["Nguyễn Văn An"], await host.NamesAsync("open=true&q=nguyen&field=tu-phap-ho-tich"));
    }

    [Fact]
    public async Task The_queue_is_open_dossiers_by_due_date_then_receipt_paged_with_the_total()
    {
        string[] queue = ["Phạm Văn Dũng", "Nguyễn Văn An", "Ngô Thị Phương", "Đỗ Thị Đào", "Hoàng Văn Giang", "Trần Văn Bình", "Lê Thị Cúc"];

        Assert.Equal(queue, await host.NamesAsync("open=true&sort=dueDate"));
        var (first, total) = await host.PageAsync("open=true&sort=dueDate&page=1&pageSize=3");
        Assert.Equal(7, total);
        Assert.Equal(queue[..3], first.Select(d => d.GetProperty("applicant").Str("name")));
        var (second, _) = await host.PageAsync("open=true&sort=dueDate&page=2&pageSize=3");
        Assert.Equal(queue[3..6], second.Select(d => d.GetProperty("applicant").Str("name")));
        var (last, lastTotal) = await host.PageAsync("open=true&sort=dueDate&page=3&pageSize=3");
        Assert.Equal(queue[6..], last.Select(d => d.GetProperty("applicant").Str("name")));
        Assert.Equal(7, lastTotal);
        var (beyond, beyondTotal) = await host.PageAsync("open=true&sort=dueDate&page=4&pageSize=3");
        Assert.Empty(beyond);
        Assert.Equal(7, beyondTotal);
    }

    [Fact]
    public async Task The_default_order_is_newest_first_and_the_total_counts_every_match()
    {
        var (all, total) = await host.PageAsync("");
        Assert.Equal(9, total);
        Assert.Equal("Hoàng Văn Giang", all[0].GetProperty("applicant").Str("name"));
        Assert.Equal(all.Select(d => d.Str("receivedAt")).OrderDescending(StringComparer.Ordinal), all.Select(d => d.Str("receivedAt")));
        Assert.Equal(9, (await host.PageAsync("sort=-receivedAt")).Total);
        var (two, twoTotal) = await host.PageAsync("pageSize=2");
        Assert.Equal(2, two.Count);
        Assert.Equal(9, twoTotal);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "overdue", new[] { "assign", "request-supplement", "resolve", "withdraw" })] // past the appointment: no apology
    [InlineData("Đỗ Thị Đào", "due-today", new[] { "assign", "request-supplement", "apologize", "withdraw" })]
    [InlineData("Hoàng Văn Giang", "due-today", new[] { "assign", "request-supplement", "apologize", "withdraw" })]
    [InlineData("Trần Văn Bình", "due-soon", new[] { "assign", "request-supplement", "apologize", "withdraw" })]
    [InlineData("Lê Thị Cúc", null, new[] { "assign", "request-supplement", "apologize", "withdraw" })]
    [InlineData("Ngô Thị Phương", null, new[] { "supplement-received", "withdraw" })] // paused: no urgency
    [InlineData("Phạm Văn Dũng", null, new[] { "return" })]
    [InlineData("Võ Văn Em", null, new string[0])]
    public async Task Each_dossier_carries_its_urgency_and_allowed_actions_in_the_list_and_alone(string name, string? urgency, string[] actions)
    {
        host.Now();
        var alone = await host.GetDossierAsync(host.Id(name));
        var listed = (await host.PageAsync("pageSize=200")).Dossiers.Single(d => d.Str("id") == host.Id(name));

        foreach (var dossier in new[] { alone, listed })
        {
            Assert.Equal(urgency, dossier.GetProperty("urgency").GetString()); // present, null when none
            Assert.Equal(actions, dossier.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        }
    }

    [Fact]
    public async Task Urgency_follows_the_working_calendar()
    {
        // Friday 15 November 2019: Bình (due that day) is due today, Cúc (27 November) not yet due soon;
        // on Monday 25 November, two working days before, Cúc is due soon.
        host.Clock.SetLocal(2019, 11, 15, 9, 0);
        Assert.Equal("due-today", (await host.GetDossierAsync(host.Id("Trần Văn Bình"))).Str("urgency"));
        Assert.Equal(JsonValueKind.Null, (await host.GetDossierAsync(host.Id("Lê Thị Cúc"))).GetProperty("urgency").ValueKind);
        host.Clock.SetLocal(2019, 11, 25, 9, 0);
        Assert.Equal("due-soon", (await host.GetDossierAsync(host.Id("Lê Thị Cúc"))).Str("urgency"));
        Assert.Equal("overdue", (await host.GetDossierAsync(host.Id("Trần Văn Bình"))).Str("urgency"));
    }

    [Fact]
    public async Task The_stored_dossier_keeps_no_computed_field()
    {
        var stored = (await host.Factory.Store.FindAsync<Dossier>(Seed.MyThanh, host.Id("Nguyễn Văn An")))!.Document;

        Assert.Equal("nguyen van an 0909111222 " + host.Receipt("Nguyễn Văn An"), stored.SearchText);
        Assert.IsType<Dossier>(stored);
    }

    [Fact]
    public async Task The_summary_counts_the_commune_in_the_store_today_in_Vietnam()
    {
        host.Now();
        var summary = await host.Client.GetAsync($"{Desk.Dossiers()}/summary", host.Desk).JsonAsync(HttpStatusCode.OK);

        var byStatus = summary.GetProperty("byStatus");
        Assert.Equal(4, byStatus.Int("received"));
        Assert.Equal(1, byStatus.Int("in-progress"));
        Assert.Equal(1, byStatus.Int("supplement-requested"));
        Assert.Equal(1, byStatus.Int("resolved"));
        Assert.Equal(0, byStatus.Int("returned"));
        Assert.Equal(2, byStatus.Int("withdrawn"));
        Assert.Equal(7, summary.Int("open"));
        Assert.Equal(1, summary.Int("receivedToday"));
        Assert.Equal(2, summary.Int("dueToday"));
        Assert.Equal(1, summary.Int("dueSoon"));
        Assert.Equal(1, summary.Int("overdue"));

        // 14 November 23:30 in Vietnam is still the 14th; 00:30 on the 15th is the next day.
        host.Clock.SetLocal(2019, 11, 14, 23, 30);
        Assert.Equal(1, (await host.Client.GetAsync($"{Desk.Dossiers()}/summary", host.Desk).JsonAsync(HttpStatusCode.OK)).Int("receivedToday"));
        host.Clock.SetLocal(2019, 11, 15, 0, 30);
        var tomorrow = await host.Client.GetAsync($"{Desk.Dossiers()}/summary", host.Leader).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, tomorrow.Int("receivedToday"));
        Assert.Equal(3, tomorrow.Int("overdue")); // An, Đào, Giang
        Assert.Equal(1, tomorrow.Int("dueToday")); // Bình
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("sort=foo", "sort")]
    [InlineData("sort=receivedAt", "sort")]
    [InlineData("field=thue", "field")]
    [InlineData("status=open", "status")]
    [InlineData("from=2019-11-30&to=2019-11-01", "to")]
    public async Task Bad_list_parameters_are_400_naming_the_field(string query, string field)
    {
        host.Now();
        var problem = await host.Client.GetAsync($"{Desk.Dossiers()}?{query}", host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([field], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task A_search_longer_than_100_characters_is_400()
    {
        var problem = await host.Client.GetAsync($"{Desk.Dossiers()}?q={new string('a', 101)}", host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["q"], TestApi.ErrorFields(problem));
        await host.Client.GetAsync($"{Desk.Dossiers()}?q={new string('a', 100)}", host.Desk).JsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("pageSize=9999999999999")]
    [InlineData("open=maybe")]
    public async Task Unreadable_list_parameters_are_400_not_500(string query)
    {
        var problem = await host.Client.GetAsync($"{Desk.Dossiers()}?{query}", host.Desk).ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Contains(query.Split('=')[0], problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_summary_is_for_the_desks_readers_only()
    {
        await host.Client.GetAsync($"{Desk.Dossiers()}/summary", host.Office).JsonAsync(HttpStatusCode.OK);
        await host.Client.GetAsync($"{Desk.Dossiers()}/summary", host.Tokens.ForCommune(Seed.MyThanh, Roles.EmulationCouncil)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.GetAsync($"{Desk.Dossiers()}/summary", null).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
