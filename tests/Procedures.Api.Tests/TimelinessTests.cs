using Platform.Contracts.Procedures;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// Timeliness measured at resolution against the due date: early, on time, late; working days used; late without an
/// apology letter (a breach to report). Also what DossierResolved carries, seen on the in-memory bus.
/// Dossiers: 5-day marriage registrations received Monday 6 October 2025 at 09:00, due Monday 13 October.
/// </summary>
public sealed class TimelinessTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private async Task<string> InProgressAsync(int year = 2025, int month = 10, int day = 6)
    {
        host.Clock.SetLocal(year, month, day, 9, 0);
        var id = (await host.ReceiveAsync()).Str("id");
        await host.AssignAsync(id);
        return id;
    }

    [Theory]
    [InlineData(9, 10, "early", 3)]     // Thursday 9: 7, 8, 9 used
    [InlineData(10, 16, "early", 4)]
    [InlineData(13, 8, "on-time", 5)]   // the due date itself, at any hour
    [InlineData(13, 16, "on-time", 5)]
    [InlineData(14, 9, "late", 6)]
    [InlineData(15, 10, "late", 7)]
    public async Task Resolution_day_against_the_due_date_gives_the_timeliness_and_working_days_used(int day, int hour, string timeliness, int used)
    {
        var id = await InProgressAsync();

        host.Clock.SetLocal(2025, 10, day, hour, 0);
        var resolved = await host.ApproveAsync(id);

        Assert.Equal(timeliness, resolved.Str("timeliness"));
        Assert.Equal(used, resolved.Int("workingDaysUsed"));
        Assert.Equal(timeliness == "late", resolved.GetProperty("lateWithoutApology").GetBoolean());
    }

    [Fact]
    public async Task Late_after_an_apology_issued_before_the_due_date_is_late_but_not_a_breach()
    {
        var id = await InProgressAsync();
        host.Clock.SetLocal(2025, 10, 10, 9, 0);
        await host.DoAsync(id, "apologize", new { reason = "Chờ xác minh", newDueDate = "2025-10-17" });

        host.Clock.SetLocal(2025, 10, 15, 10, 0);
        var resolved = await host.ApproveAsync(id);

        Assert.Equal("late", resolved.Str("timeliness"));
        Assert.Equal(7, resolved.Int("workingDaysUsed"));
        Assert.False(resolved.GetProperty("lateWithoutApology").GetBoolean());
    }

    [Fact]
    public async Task A_refusal_is_measured_like_an_approval()
    {
        var id = await InProgressAsync();

        host.Clock.SetLocal(2025, 10, 16, 9, 0);
        var refused = await host.DoAsync(id, "resolve", new { outcome = "refused", note = "Hồ sơ không hợp lệ" });

        Assert.Equal("late", refused.Str("timeliness"));
        Assert.Equal(8, refused.Int("workingDaysUsed"));
        Assert.True(refused.GetProperty("lateWithoutApology").GetBoolean());
    }

    [Fact]
    public async Task Working_days_used_skip_the_holidays()
    {
        // Thursday 12 February 2026, due Thursday 26 (Tết in between); resolved Tuesday 24: 13, 23, 24.
        var id = await InProgressAsync(2026, 2, 12);

        host.Clock.SetLocal(2026, 2, 24, 11, 0);
        var resolved = await host.ApproveAsync(id);

        Assert.Equal("early", resolved.Str("timeliness"));
        Assert.Equal(3, resolved.Int("workingDaysUsed"));
    }

    [Fact]
    public async Task Working_days_used_leave_out_the_days_paused_for_a_supplement()
    {
        var id = await InProgressAsync();
        host.Clock.SetLocal(2025, 10, 7, 10, 0);
        await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy tờ" });
        host.Clock.SetLocal(2025, 10, 9, 10, 0); // 8 and 9 paused
        var resumed = await host.DoAsync(id, "supplement-received");
        Assert.Equal("2025-10-15", resumed.Str("dueDate"));

        host.Clock.SetLocal(2025, 10, 15, 10, 0);
        var resolved = await host.ApproveAsync(id);

        Assert.Equal("on-time", resolved.Str("timeliness"));
        Assert.Equal(5, resolved.Int("workingDaysUsed")); // 7, 10, 13, 14, 15
    }

    [Fact]
    public async Task DossierResolved_is_published_with_the_timeliness_the_handler_and_the_breach_flag()
    {
        await using var probe = await EventProbe<DossierResolved>.StartAsync(host.Factory.Bus);
        var onTime = await InProgressAsync();
        var late = await InProgressAsync();
        var apologized = await InProgressAsync();
        host.Clock.SetLocal(2025, 10, 10, 9, 0);
        await host.DoAsync(apologized, "apologize", new { reason = "Chờ xác minh", newDueDate = "2025-10-20" });

        host.Clock.SetLocal(2025, 10, 13, 9, 0);
        await host.ApproveAsync(onTime);
        host.Clock.SetLocal(2025, 10, 15, 9, 0);
        await host.ApproveAsync(late);
        await host.DoAsync(apologized, "resolve", new { outcome = "refused", note = "Không đủ điều kiện" });

        var first = await probe.WaitForAsync(e => e.DossierId == onTime, "DossierResolved of the on-time dossier");
        Assert.Equal(("my-thanh", "ho-tich-ket-hon", "tu-phap-ho-tich", DossierOutcome.Approved, Timeliness.OnTime, 5, false, "mt-tu-phap"),
            (first.Commune, first.ProcedureCode, first.Field, first.Outcome, first.Timeliness, first.WorkingDaysUsed, first.LateWithoutApology, first.HandlerId));
        Assert.Equal(Vn.At(2025, 10, 13, 9, 0).UtcDateTime, first.ResolvedAt);
        var second = await probe.WaitForAsync(e => e.DossierId == late, "DossierResolved of the late dossier");
        Assert.Equal((Timeliness.Late, 7, true), (second.Timeliness, second.WorkingDaysUsed, second.LateWithoutApology));
        var third = await probe.WaitForAsync(e => e.DossierId == apologized, "DossierResolved of the apologized dossier");
        Assert.Equal((DossierOutcome.Refused, Timeliness.Late, false), (third.Outcome, third.Timeliness, third.LateWithoutApology));
    }
}
