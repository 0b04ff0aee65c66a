using System.Net;
using System.Text.Json;
using Platform.Calendar;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Storage;
using Procedures.Api.Domain;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// The year's figures stay right while dossiers are received and resolved: a figure computed from a snapshot that commits
/// overtook is never served after them (the cache is kept by generation, a new one after every commit).
/// </summary>
public sealed class StatisticsUnderWritesTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string Stats = "/api/communes/my-thanh/procedure-stats?year=2025";

    private async Task<JsonElement> StatsAsync() => await host.Client.GetAsync(Stats, host.Office).JsonAsync(HttpStatusCode.OK);

    /// <summary>The figures recounted from the store itself, as the endpoint computes them, with no cache in between.</summary>
    private async Task<JsonElement> RecountAsync()
    {
        var start = VietnamTime.StartOfDayUtc(new DateOnly(2025, 1, 1));
        var dossiers = await host.Factory.Store.Inner.QueryAsync<Dossier>(Seed.MyThanh,
            new Query(Filter.And(Filter.Gte("receivedAt", start), Filter.Lt("receivedAt", start.AddYears(1)))), TestContext.Current.CancellationToken);
        var view = ProcedureStatistics.For(2025, dossiers.Select(d => d.Document).ToList(), VietnamTime.Today(host.Clock.GetUtcNow().UtcDateTime));
        return JsonSerializer.SerializeToElement(view, PlatformJson.Options);
    }

    /// <summary>Every figure, by field and by handler too, written the same way for both sides.</summary>
    private static string Figures(JsonElement view) =>
        JsonSerializer.Serialize(view.Deserialize<ProcedureStatisticsView>(PlatformJson.Options), PlatformJson.Options);

    [Fact]
    public async Task A_figure_computed_before_a_commit_is_not_served_after_it()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        await host.ReceiveAsync();
        var before = (await StatsAsync()).Int("received");
        await host.ReceiveAsync(); // a miss for the next read

        // A read computes from its snapshot; a dossier is received (and the figures invalidated) before that read stores them.
        var hold = host.Factory.Store.HoldNextQuery<Dossier>();
        var slowRead = Task.Run(StatsAsync);
        await hold.Read;
        await host.ReceiveAsync();
        hold.Release();
        Assert.Equal(before + 1, (await slowRead).Int("received")); // it answered what it had read

        var after = await StatsAsync();
        Assert.Equal(before + 2, after.Int("received"));
        Assert.Equal(Figures(await RecountAsync()), Figures(after));
    }

    [Fact]
    public async Task Figures_read_while_four_desks_receive_and_resolve_match_a_recount_once_they_stop()
    {
        host.Clock.SetLocal(2025, 10, 7, 9, 0);
        var writing = new CancellationTokenSource();
        var reads = 0;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await StatsAsync();
                Interlocked.Increment(ref reads);
            }
        })).ToList();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var id = (await host.ReceiveAsync(name: $"Người nộp {w}-{i}")).Str("id");
                if (i % 2 == 1) continue;
                await host.AssignAsync(id);
                await host.ApproveAsync(id);
            }
        })).ToList();
        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(readers);

        var served = await StatsAsync();
        var recount = await RecountAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{reads} reads during 100 receipts and 52 resolutions; served received={served.Int("received")} resolved on time={served.Int("resolvedOnTime")}, " +
            $"early={served.Int("resolvedEarly")}, in progress={served.Int("inProgressWithinDeadline")}; recount received={recount.Int("received")}");
        Assert.True(reads > 0);
        Assert.Equal(Figures(recount), Figures(served));
    }
}
