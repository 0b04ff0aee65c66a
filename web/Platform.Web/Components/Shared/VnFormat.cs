using System.Globalization;

namespace Platform.Web.Components.Shared;

/// <summary>Dates, times and numbers as the Vietnamese write them (30/11/2026, 1.234,5), in Vietnam's time.</summary>
public static class VnFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static System.DateTime ToVietnam(System.DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Vietnam);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToVietnam(time.GetUtcNow().UtcDateTime));

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Vi);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Date(System.DateTime utc) => ToVietnam(utc).ToString("dd/MM/yyyy", Vi);

    public static string DateTime(System.DateTime utc) => ToVietnam(utc).ToString("HH:mm dd/MM/yyyy", Vi);

    public static string DateTime(System.DateTime? utc) => utc is { } u ? DateTime(u) : "";

    public static string Number(double value, int decimals = 1) => value.ToString("N" + decimals, Vi);

    public static string Number(int value) => value.ToString("N0", Vi);

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", Vi) + "%" : "chưa có";

}
