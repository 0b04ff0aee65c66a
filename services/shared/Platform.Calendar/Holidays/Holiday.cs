namespace Platform.Calendar;

/// <summary>A public holiday or an official day off.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">Vietnamese name, e.g. "Tết Nguyên đán"; see <see cref="HolidayNames"/>.</param>
/// <param name="Kind">One of <see cref="HolidayKind"/>: how the date was determined.</param>
public sealed record Holiday(DateOnly Date, string Name, string Kind);

/// <summary>Values of <see cref="Holiday.Kind"/>.</summary>
public static class HolidayKind
{
    /// <summary>A statutory holiday on a fixed solar date (1/1, 30/4, 1/5, 2/9 and its adjacent day).</summary>
    public const string Fixed = "fixed";

    /// <summary>A statutory holiday on a lunar date (the Tết days, 10/3 Hùng Kings day).</summary>
    public const string Lunar = "lunar";

    /// <summary>
    /// A day off beyond the statutory dates: a bridge or compensatory day given by the year's official
    /// schedule, or, without a schedule, the compensatory day for a holiday that falls on a weekend
    /// (Labour Code 2019 art. 111(3)).
    /// </summary>
    public const string Official = "official";
}

/// <summary>The Vietnamese names used in <see cref="Holiday.Name"/>.</summary>
public static class HolidayNames
{
    public const string NewYear = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";
    public const string VictoryDay = "Ngày Chiến thắng";
    public const string LabourDay = "Ngày Quốc tế Lao động";
    public const string NationalDay = "Quốc khánh";

    /// <summary>Suffix of a compensatory day derived from the rules, e.g. "Giỗ Tổ Hùng Vương (nghỉ bù)".</summary>
    public const string CompensatorySuffix = " (nghỉ bù)";
}
