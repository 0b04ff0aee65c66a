using System.Diagnostics;
using Platform.Calendar;

// Cost of WorkingCalendar.DueDate: the very first call in a process, the first call in a year not yet
// cached, and warm calls. Stopwatch loops; figures vary with the machine, never asserted anywhere.
var calls = args.Length > 0 ? int.Parse(args[0]) : 5_000_000;
var cutOff = new TimeOnly(15, 0);

// 1. First call in the process: lunar table (≈2,500 new moons), embedded schedules, one year, JIT.
var start = Stopwatch.GetTimestamp();
LunarCalendar.NewYear(2025);
var lunarTable = Stopwatch.GetElapsedTime(start);
var firstDue = WorkingCalendar.Default.DueDate(new DateTime(2025, 3, 3, 10, 0, 0), 5, cutOff);
var firstCall = Stopwatch.GetElapsedTime(start);

// 2. First call in a new year, on a fresh calendar (lunar table already built, code already jitted).
var coldYears = new List<double>();
var fresh = new WorkingCalendar([]);
for (var year = 1900; year <= 2099; year += 2) // every other year, so each call meets an uncached year
{
    var received = new DateTime(year, 6, 10, 9, 0, 0);
    start = Stopwatch.GetTimestamp();
    fresh.DueDate(received, 5, cutOff);
    coldYears.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
}
coldYears.Sort();

// 3. Warm: receipt times spread over 2024–2026 (days off, swapped Saturdays, both sides of the cut-off).
var calendar = WorkingCalendar.Default;
var random = new Random(42);
var inputs = new (DateTime Received, int Days)[4096];
for (var i = 0; i < inputs.Length; i++)
    inputs[i] = (new DateTime(2024, 1, 1).AddMinutes(random.Next(0, 3 * 365 * 24 * 60)), random.Next(0, 31));

var checksum = 0L;
for (var i = 0; i < 500_000; i++) checksum += Due(i).DayNumber; // warm-up, tiered JIT
start = Stopwatch.GetTimestamp();
for (var i = 0; i < calls; i++) checksum += Due(i).DayNumber;
var warm = Stopwatch.GetElapsedTime(start);

Console.WriteLine($"DueDate, first call in the process:   {firstCall.TotalMilliseconds:F1} ms  (of which the lunar table 1900–2100 and its JIT: {lunarTable.TotalMilliseconds:F1} ms; due {firstDue:yyyy-MM-dd})");
Console.WriteLine($"DueDate, first call in a new year:    median {coldYears[coldYears.Count / 2]:F1} µs, max {coldYears[^1]:F1} µs  ({coldYears.Count} years)");
Console.WriteLine($"DueDate, warm cache:                  {warm.TotalNanoseconds / calls:F1} ns/op  ({calls:N0} calls, checksum {checksum % 997})");
return;

DateOnly Due(int i)
{
    var (received, days) = inputs[i & (inputs.Length - 1)];
    return calendar.DueDate(received, days, cutOff);
}
