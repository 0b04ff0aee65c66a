using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// Appointment dates of dossiers received "now" by the fake clock (Vietnam time), worked out by hand from the official
/// schedules (2025: 8726/VPCP-KGVX, 6150/TB-LĐTBXH; 2026: 9441/TB-BNV, 12729/VPCP-KGVX) and the Labour Code's rules.
/// A dossier counts from its day of receipt when that is a working day and it came before 15:00, else from the next
/// working day; the due date is that day plus the procedure's working days.
/// </summary>
public sealed class DueDateTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    [Theory]
    // Tết Bính Ngọ 2026: off Saturday 14 – Sunday 22 February. Thursday 12 + 5: 13, 23, 24, 25, 26.
    [InlineData("ho-tich-ket-hon", "2026-02-12 09:00", "2026-02-12", "2026-02-26")]
    // Friday 13, the last working day before Tết + 5: 23, 24, 25, 26, 27.
    [InlineData("ho-tich-ket-hon", "2026-02-13 09:00", "2026-02-13", "2026-02-27")]
    // Received during Tết (Wednesday 18): counts from Monday 23; + 5: 24, 25, 26, 27, 2 March.
    [InlineData("ho-tich-ket-hon", "2026-02-18 10:00", "2026-02-23", "2026-03-02")]
    // A same-day procedure received after the cut-off on the eve of Tết is due the first working day after it.
    [InlineData("ho-tich-khai-sinh", "2026-02-13 16:30", "2026-02-23", "2026-02-23")]
    // 30/4–1/5/2025: off Wednesday 30 April – Sunday 4 May. Monday 28 April + 5: 29, 5, 6, 7, 8 May.
    [InlineData("ho-tich-ket-hon", "2025-04-28 09:00", "2025-04-28", "2025-05-08")]
    // Saturday 26 April 2025 was worked in exchange: Friday 25 + 3: 26 (Saturday), 28, 29.
    [InlineData("ho-tich-nhan-cha-me-con", "2025-04-25 09:00", "2025-04-25", "2025-04-29")]
    // Received on that working Saturday counts from it: + 3: 28, 29, then 5 May.
    [InlineData("ho-tich-nhan-cha-me-con", "2025-04-26 09:00", "2025-04-26", "2025-05-05")]
    // Hùng Kings day 2025 is Monday 7 April (10/3 lunar). Friday 4 April + 3: 8, 9, 10.
    [InlineData("ho-tich-nhan-cha-me-con", "2025-04-04 09:00", "2025-04-04", "2025-04-10")]
    // Quốc khánh 2025: off Saturday 30 August – Tuesday 2 September. Thursday 28 August + 5: 29, 3, 4, 5, 8 September.
    [InlineData("ho-tich-ket-hon", "2025-08-28 09:00", "2025-08-28", "2025-09-08")]
    // Hùng Kings day 2026 is Sunday 26 April, off on Monday 27; then 30 April and 1 May. Friday 24 + 5: 28, 29, 4, 5, 6 May.
    [InlineData("ho-tich-ket-hon", "2026-04-24 09:00", "2026-04-24", "2026-05-06")]
    // Tết Dương lịch 2026: off Thursday 1 – Sunday 4 January, Saturday 10 worked. Wednesday 31 December 2025 + 3: 5, 6, 7.
    [InlineData("ho-tich-nhan-cha-me-con", "2025-12-31 09:00", "2025-12-31", "2026-01-07")]
    // Friday 9 January 2026 + 1: the swapped Saturday 10.
    [InlineData("cu-tru-xoa-thuong-tru", "2026-01-09 09:00", "2026-01-09", "2026-01-10")]
    // The cut-off (15:00 by default): before it the day counts, from it on the next working day does.
    [InlineData("ho-tich-ket-hon", "2025-09-09 14:59", "2025-09-09", "2025-09-16")]
    [InlineData("ho-tich-ket-hon", "2025-09-09 15:00", "2025-09-10", "2025-09-17")]
    [InlineData("ho-tich-ket-hon", "2025-09-09 16:00", "2025-09-10", "2025-09-17")]
    // On a Saturday: from Monday 15 September; + 5: 16, 17, 18, 19, 22.
    [InlineData("ho-tich-ket-hon", "2025-09-13 10:00", "2025-09-15", "2025-09-22")]
    // Friday after the cut-off: from Monday.
    [InlineData("ho-tich-ket-hon", "2025-09-12 16:00", "2025-09-15", "2025-09-22")]
    // A same-day procedure before the cut-off is due that very day.
    [InlineData("chung-thuc-ban-sao", "2025-09-12 08:00", "2025-09-12", "2025-09-12")]
    public async Task A_dossier_received_now_is_due_the_right_working_day(string procedure, string receivedLocal, string countsFrom, string dueDate)
    {
        var at = DateTime.ParseExact(receivedLocal, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        host.Clock.SetLocal(at.Year, at.Month, at.Day, at.Hour, at.Minute);

        var dossier = await host.ReceiveAsync(procedure);

        Assert.Equal(countsFrom, dossier.Str("countsFrom"));
        Assert.Equal(dueDate, dossier.Str("dueDate"));
        Assert.Equal(dueDate, dossier.Str("appointmentDate"));
    }

    [Fact]
    public async Task A_back_dated_receipt_counts_from_its_own_time_not_the_clock()
    {
        host.Clock.SetLocal(2026, 3, 2, 9, 0);

        var dossier = await host.ReceiveAsync(receivedAt: Vn.At(2026, 2, 12, 16, 0));

        Assert.Equal("2026-02-13", dossier.Str("countsFrom"));
        Assert.Equal("2026-02-27", dossier.Str("dueDate"));
    }
}

/// <summary>The cut-off is a setting (Procedures:SameDayCutOff); here 17:00.</summary>
public sealed class LateCutOffHost() : ProceduresHost(new Dictionary<string, string?> { ["Procedures:SameDayCutOff"] = "17:00" });

public sealed class CutOffSettingTests(LateCutOffHost host) : IClassFixture<LateCutOffHost>
{
    [Theory]
    [InlineData(16, 0, "2025-09-09", "2025-09-16")]
    [InlineData(16, 59, "2025-09-09", "2025-09-16")]
    [InlineData(17, 0, "2025-09-10", "2025-09-17")]
    public async Task With_a_17_00_cut_off_a_dossier_received_at_16_00_counts_from_the_same_day(int hour, int minute, string countsFrom, string dueDate)
    {
        host.Clock.SetLocal(2025, 9, 9, hour, minute);

        var dossier = await host.ReceiveAsync();

        Assert.Equal(countsFrom, dossier.Str("countsFrom"));
        Assert.Equal(dueDate, dossier.Str("dueDate"));
    }
}
