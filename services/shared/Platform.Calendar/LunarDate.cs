namespace Platform.Calendar;

/// <summary>A date of Vietnam's lunisolar calendar (âm lịch).</summary>
/// <param name="Year">Lunar year, named by the Gregorian year in which its first day (Tết) falls.</param>
/// <param name="Month">1–12; a leap month repeats the number of the month before it.</param>
/// <param name="Day">1–29 or 1–30.</param>
/// <param name="IsLeapMonth">True in a leap month (tháng nhuận).</param>
public sealed record LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    public override string ToString() => $"{Day:00}/{Month:00}{(IsLeapMonth ? " (nhuận)" : "")}/{Year}";
}
