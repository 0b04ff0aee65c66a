using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// A generated October 2025 in my-thanh, every outcome known by construction. All received Monday 6 October at 09:00:
/// <list type="bullet">
/// <item>A marriage (tư pháp – hộ tịch, 5 days, due 13/10), mt-tu-phap, resolved Thursday 9: early, 3 days used.</item>
/// <item>B marriage, mt-ho-tich, resolved Monday 13: on time, 5 days.</item>
/// <item>C temporary residence (cư trú, 3 days, due 9/10), mt-tu-phap, resolved Friday 10: late, 4 days, no apology.</item>
/// <item>D permanent residence (cư trú, 7 days, due 15/10), mt-ho-tich, open: within its deadline on the 14th.</item>
/// <item>E health insurance (bảo hiểm y tế, 5 days, due 13/10), mt-tu-phap, open: overdue on the 14th.</item>
/// <item>F marriage, mt-ho-tich, withdrawn.</item>
/// </list>
/// The figures are read on Tuesday 14 October 2025.
/// </summary>
public sealed class StatisticsHost : ProceduresHost
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetLocal(2025, 10, 6, 9, 0);
        var a = await NewAsync("ho-tich-ket-hon", Seed.DeskOfficer);
        var b = await NewAsync("ho-tich-ket-hon", Seed.SecondDeskOfficer);
        var c = await NewAsync("cu-tru-tam-tru", Seed.DeskOfficer);
        await NewAsync("cu-tru-thuong-tru", Seed.SecondDeskOfficer);
        await NewAsync("bhyt-tre-em-duoi-6-tuoi", Seed.DeskOfficer);
        var f = await NewAsync("ho-tich-ket-hon", Seed.SecondDeskOfficer);
        await this.DoAsync(f, "withdraw");
        Clock.SetLocal(2025, 10, 9, 10, 0);
        await this.ApproveAsync(a);
        Clock.SetLocal(2025, 10, 10, 10, 0);
        await this.ApproveAsync(c);
        Clock.SetLocal(2025, 10, 13, 10, 0);
        await this.ApproveAsync(b);
        Clock.SetLocal(2025, 10, 14, 9, 0);
    }

    private async Task<string> NewAsync(string procedure, string handler)
    {
        var id = (await this.ReceiveAsync(procedure)).Str("id");
        await this.AssignAsync(id, handler);
        return id;
    }
}

public sealed class StatisticsTests(StatisticsHost host) : IClassFixture<StatisticsHost>
{
    private async Task<JsonElement> StatsAsync(string query = "?year=2025", string? token = null) =>
        await host.Client.GetAsync($"/api/communes/my-thanh/procedure-stats{query}", token ?? host.Office).JsonAsync(HttpStatusCode.OK);

    private static void AssertFigures(JsonElement f, int received, int early, int onTime, int late, int within, int overdue, int withdrawn,
        double rate, double average, int lateWithoutApology)
    {
        Assert.Equal((received, early, onTime, late, within, overdue, withdrawn, lateWithoutApology),
            (f.Int("received"), f.Int("resolvedEarly"), f.Int("resolvedOnTime"), f.Int("resolvedLate"), f.Int("inProgressWithinDeadline"),
                f.Int("inProgressOverdue"), f.Int("withdrawn"), f.Int("lateWithoutApology")));
        Assert.Equal(rate, f.GetProperty("onTimeRate").GetDouble(), 4);
        Assert.Equal(average, f.GetProperty("averageWorkingDays").GetDouble(), 2);
    }

    [Fact]
    public async Task The_year_figures_count_each_outcome_and_the_on_time_rate_leaves_out_withdrawn_dossiers()
    {
        host.Clock.SetLocal(2025, 10, 14, 9, 0);

        var stats = await StatsAsync();

        Assert.Equal(2025, stats.Int("year"));
        // received = the 5 dossiers counted (withdrawn ones count in neither side of the rate); withdrawn = 1.
        // on-time rate = (early 1 + on time 1 + within 1) / 5 = 0.6; average days = (3 + 5 + 4) / 3 = 4.
        AssertFigures(stats, received: 5, early: 1, onTime: 1, late: 1, within: 1, overdue: 1, withdrawn: 1, rate: 0.6, average: 4.0, lateWithoutApology: 1);
        Assert.Equal(6, stats.Int("received") + stats.Int("withdrawn"));
    }

    [Fact]
    public async Task The_figures_are_also_given_by_field()
    {
        host.Clock.SetLocal(2025, 10, 14, 9, 0);

        var byField = (await StatsAsync()).GetProperty("byField").EnumerateArray().ToList();

        Assert.Equal(["bao-hiem-y-te", "cu-tru", "tu-phap-ho-tich"], byField.Select(f => f.Str("field")));
        AssertFigures(byField[0].GetProperty("figures"), 1, 0, 0, 0, 0, 1, 0, rate: 0.0, average: 0, lateWithoutApology: 0);
        AssertFigures(byField[1].GetProperty("figures"), 2, 0, 0, 1, 1, 0, 0, rate: 0.5, average: 4.0, lateWithoutApology: 1);
        AssertFigures(byField[2].GetProperty("figures"), 2, 1, 1, 0, 0, 0, 1, rate: 1.0, average: 4.0, lateWithoutApology: 0);
    }

    [Fact]
    public async Task The_figures_are_also_given_by_handler()
    {
        host.Clock.SetLocal(2025, 10, 14, 9, 0);

        var byHandler = (await StatsAsync()).GetProperty("byHandler").EnumerateArray().ToList();

        Assert.Equal([(Seed.SecondDeskOfficer, Seed.SecondDeskOfficerName), (Seed.DeskOfficer, Seed.DeskOfficerName)],
            byHandler.Select(h => (h.Str("handlerId"), h.Str("handlerName"))));
        // mt-ho-tich: B on time, D within, F withdrawn → 2/2; mt-tu-phap: A early, C late, E overdue → 1/3.
        AssertFigures(byHandler[0].GetProperty("figures"), 2, 0, 1, 0, 1, 0, 1, rate: 1.0, average: 5.0, lateWithoutApology: 0);
        AssertFigures(byHandler[1].GetProperty("figures"), 3, 1, 0, 1, 0, 1, 0, rate: 0.3333, average: 3.5, lateWithoutApology: 1);
    }

    [Fact]
    public async Task Without_a_year_the_current_year_is_given()
    {
        host.Clock.SetLocal(2025, 10, 14, 9, 0);

        var stats = await StatsAsync("");

        Assert.Equal(2025, stats.Int("year"));
        Assert.Equal(5, stats.Int("received"));
    }

    [Fact]
    public async Task A_year_without_dossiers_has_zero_figures()
    {
        var stats = await StatsAsync("?year=2010");

        AssertFigures(stats, 0, 0, 0, 0, 0, 0, 0, rate: 1.0, average: 0, lateWithoutApology: 0);
        Assert.Empty(stats.GetProperty("byField").EnumerateArray());
    }

    [Fact]
    public async Task A_new_dossier_or_a_resolution_changes_the_figures_at_once()
    {
        host.Clock.SetLocal(2022, 6, 6, 9, 0); // Monday
        AssertFigures(await StatsAsync("?year=2022"), 0, 0, 0, 0, 0, 0, 0, 1.0, 0, 0);

        var id = (await host.ReceiveAsync()).Str("id");
        AssertFigures(await StatsAsync("?year=2022"), 1, 0, 0, 0, 1, 0, 0, 1.0, 0, 0);

        await host.AssignAsync(id);
        host.Clock.SetLocal(2022, 6, 15, 9, 0); // due Monday 13 June
        await host.ApproveAsync(id);
        AssertFigures(await StatsAsync("?year=2022"), 1, 0, 0, 1, 0, 0, 0, 0.0, 7, 1);

        var second = (await host.ReceiveAsync()).Str("id");
        AssertFigures(await StatsAsync("?year=2022"), 2, 0, 0, 1, 1, 0, 0, 0.5, 7, 1);
        await host.DoAsync(second, "withdraw");
        AssertFigures(await StatsAsync("?year=2022"), 1, 0, 0, 1, 0, 0, 1, 0.0, 7, 1);
    }

    [Fact]
    public async Task A_dossier_belongs_to_the_year_of_its_receipt_in_Vietnam()
    {
        host.Clock.SetLocal(2024, 3, 1, 9, 0);
        await host.ReceiveAsync(receivedAt: new DateTimeOffset(2023, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 23:30 on 31/12/2023
        await host.ReceiveAsync(receivedAt: new DateTimeOffset(2023, 12, 31, 17, 30, 0, TimeSpan.Zero)); // 00:30 on 1/1/2024

        Assert.Equal(1, (await StatsAsync("?year=2023")).Int("received"));
        Assert.Equal(1, (await StatsAsync("?year=2024")).Int("received"));
    }

    [Fact]
    public async Task The_year_must_be_plausible()
    {
        var problem = await host.Client.GetAsync("/api/communes/my-thanh/procedure-stats?year=1999", host.Office).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["year"], TestApi.ErrorFields(problem));
    }

    [Theory]
    [InlineData(Roles.DeskOfficer)]
    [InlineData(Roles.CommuneLeader)]
    [InlineData(Roles.EmulationCouncil)]
    [InlineData(Roles.Front)]
    public async Task Commune_roles_that_follow_the_reform_read_the_figures(string role)
    {
        host.Clock.SetLocal(2025, 10, 14, 9, 0);

        Assert.Equal(5, (await StatsAsync(token: host.Tokens.ForCommune(Seed.MyThanh, role))).Int("received"));
    }

    [Fact]
    public async Task The_radio_does_not_read_the_figures()
    {
        await host.Client.GetAsync("/api/communes/my-thanh/procedure-stats", host.Tokens.ForCommune(Seed.MyThanh, Roles.Radio))
            .ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
