using System.Net;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// Receipt numbers run per commune and per year ({year}-000001, -000002 …). Each test uses years no other test of the
/// class touches, receiving back-dated dossiers (receivedAt) while the clock stands in November 2026.
/// </summary>
public sealed class ReceiptNumberTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private async Task<string> ReceiptAsync(DateTimeOffset receivedAt, string commune = Seed.MyThanh) =>
        (await host.ReceiveAsync(receivedAt: receivedAt, commune: commune)).Str("receiptNo");

    [Fact]
    public async Task Numbers_run_per_commune_and_per_year_independently()
    {
        host.Clock.SetLocal(2026, 11, 20);

        Assert.Equal("2019-000001", await ReceiptAsync(Vn.At(2019, 3, 4)));
        Assert.Equal("2019-000002", await ReceiptAsync(Vn.At(2019, 3, 5)));
        Assert.Equal("2019-000001", await ReceiptAsync(Vn.At(2019, 3, 5), Seed.LuongHoa));
        Assert.Equal("2020-000001", await ReceiptAsync(Vn.At(2020, 6, 1)));
        Assert.Equal("2019-000003", await ReceiptAsync(Vn.At(2019, 12, 2)));
        Assert.Equal("2019-000002", await ReceiptAsync(Vn.At(2019, 12, 3), Seed.LuongHoa));
        Assert.Equal("2020-000002", await ReceiptAsync(Vn.At(2020, 1, 2)));
    }

    [Fact]
    public async Task The_year_of_a_receipt_is_the_year_in_Vietnam()
    {
        host.Clock.SetLocal(2026, 11, 20);

        // 31 December 2017 at 23:30 in Vietnam (16:30 UTC), then 1 January 2018 at 00:30 (still 31 December in UTC).
        Assert.Equal("2017-000001", await ReceiptAsync(new DateTimeOffset(2017, 12, 31, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2018-000001", await ReceiptAsync(new DateTimeOffset(2017, 12, 31, 17, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Without_receivedAt_the_dossier_is_received_now_by_the_service_clock()
    {
        host.Clock.SetLocal(2016, 2, 5, 10, 15);

        var dossier = await host.ReceiveAsync();

        Assert.Equal("2016-000001", dossier.Str("receiptNo"));
        Assert.Equal(Vn.Iso(Vn.At(2016, 2, 5, 10, 15)), dossier.Str("receivedAt"));
    }

    [Fact]
    public async Task Twenty_dossiers_received_at_once_get_twenty_distinct_consecutive_numbers()
    {
        host.Clock.SetLocal(2026, 11, 20);
        var desk = host.Tokens.ForCommune(Seed.MyThanh, Roles.DeskOfficer);
        using var start = new SemaphoreSlim(0, 20);

        var receipts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            var response = await host.Client.PostJsonAsync(Desk.Dossiers(), desk,
                Desk.Application(name: $"Người nộp {i}", receivedAt: Vn.At(2021, 5, 10, 8, i)));
            return (await response.JsonAsync(HttpStatusCode.Created)).Str("receiptNo");
        }).ToList();
        start.Release(20);
        var numbers = await Task.WhenAll(receipts);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"2021-{n:D6}"), numbers.Order(StringComparer.Ordinal));
        var stored = await host.ListDossiersAsync("?from=2021-01-01&to=2021-12-31");
        Assert.Equal(20, stored.Count);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), stored.Select(d => d.Str("receiptNo")).Order(StringComparer.Ordinal));
    }
}
