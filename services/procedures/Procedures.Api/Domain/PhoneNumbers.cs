namespace Procedures.Api.Domain;

public static class PhoneNumbers
{
    /// <summary>Digits only, with +84 written as a leading 0 (0909 123 456 and +84 909 123 456 are one number).</summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (phone.TrimStart().StartsWith('+') && digits.StartsWith("84", StringComparison.Ordinal)) digits = "0" + digits[2..];
        return digits.Length is >= 9 and <= 12 ? digits : null;
    }
}
