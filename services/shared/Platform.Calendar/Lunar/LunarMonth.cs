namespace Platform.Calendar.Lunar;

/// <summary>One lunar month: its first civil day and its place in the lunar year.</summary>
internal readonly record struct LunarMonth(int Year, int Number, bool IsLeap, int FirstDayNumber, int Length);
