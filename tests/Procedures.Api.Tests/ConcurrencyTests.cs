using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>Two officers acting on one dossier at the same moment: one wins, the other learns the dossier changed.</summary>
public sealed class ConcurrencyTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private async Task<string> InProgressAsync()
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = (await host.ReceiveAsync()).Str("id");
        await host.AssignAsync(id);
        host.Clock.SetLocal(2025, 10, 9, 9, 0);
        return id;
    }

    private async Task<HttpResponseMessage[]> ResolveTogetherAsync(string id, string firstNote = "Đồng ý", string secondNote = "Từ chối")
    {
        var desk = host.Tokens.Named("Trần Văn Tư", Seed.MyThanh, Roles.DeskOfficer);
        var leader = host.Tokens.Named("Huỳnh Văn Chủ Tịch", Seed.MyThanh, Roles.CommuneLeader);
        return await Task.WhenAll(
            Task.Run(() => host.TryAsync(id, "resolve", new { outcome = "approved", note = firstNote }, desk)),
            Task.Run(() => host.TryAsync(id, "resolve", new { outcome = "refused", note = secondNote }, leader)));
    }

    private static int Resolutions(JsonElement dossier) =>
        dossier.GetProperty("history").EnumerateArray().Count(e => e.Str("action") is "approved" or "refused");

    [Fact]
    public async Task Two_officers_resolving_from_the_same_version_get_one_200_and_one_409_version_conflict()
    {
        var id = await InProgressAsync();
        // Both requests read the dossier before either writes: the second write is stale.
        host.Factory.Store.HoldReads(id, 2);

        var responses = await ResolveTogetherAsync(id);

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        var problem = await loser.ProblemAsync(HttpStatusCode.Conflict, "version-conflict");
        Assert.Contains(id, problem.Str("detail"));
        var won = await winner.JsonAsync(HttpStatusCode.OK);
        var stored = await host.GetDossierAsync(id);
        Assert.Equal(1, Resolutions(stored));
        Assert.Equal("resolved", stored.Str("status"));
        Assert.Equal(won.Str("outcome"), stored.Str("outcome"));
        Assert.Equal(won.Str("outcomeNote"), stored.Str("outcomeNote"));
    }

    [Fact]
    public async Task Whatever_the_interleaving_one_resolution_wins_and_the_other_is_a_409()
    {
        for (var round = 0; round < 8; round++)
        {
            var id = await InProgressAsync();

            var responses = await ResolveTogetherAsync(id, $"Đồng ý {round}", $"Từ chối {round}");

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            var problem = await loser.ProblemAsync(HttpStatusCode.Conflict);
            // Read before the winner wrote: stale version; read after: the dossier is already resolved.
            Assert.Contains(problem.Str("type"), new[] { TestApi.ProblemPrefix + "version-conflict", TestApi.ProblemPrefix + "illegal-transition" });
            Assert.Equal(1, Resolutions(await host.GetDossierAsync(id)));
        }
    }

    [Fact]
    public async Task A_withdrawal_racing_a_resolution_leaves_exactly_one_of_them()
    {
        var id = await InProgressAsync();
        host.Factory.Store.HoldReads(id, 2);

        var responses = await Task.WhenAll(
            Task.Run(() => host.TryAsync(id, "withdraw")),
            Task.Run(() => host.TryAsync(id, "resolve", new { outcome = "approved" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        await Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(HttpStatusCode.Conflict, "version-conflict");
        var stored = await host.GetDossierAsync(id);
        var last = stored.GetProperty("history").EnumerateArray().Select(e => e.Str("action")).ToList();
        Assert.Equal(3, last.Count);
        Assert.Equal(stored.Str("status") == "withdrawn" ? "withdrawn" : "approved", last[^1]);
    }
}
