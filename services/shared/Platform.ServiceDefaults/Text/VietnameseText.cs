using System.Globalization;
using System.Text;

namespace Platform.ServiceDefaults.Text;

/// <summary>Vietnamese text as people search and sort it.</summary>
public static class VietnameseText
{
    /// <summary>Vietnamese alphabetical order (a ă â b c d đ e ê …), for lists shown to people.</summary>
    public static StringComparer Order { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>
    /// Search form: lowercase, without tone marks or diacritics, đ as d, runs of white space as one space, trimmed
    /// ("Nguyễn  Văn Đức" → "nguyen van duc"). Fold both the stored text and the query.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }
            if (space) folded.Append(' ');
            space = false;
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether the folded <paramref name="text"/> holds the folded <paramref name="query"/>.</summary>
    public static bool Matches(string? text, string query) => Fold(text).Contains(Fold(query), StringComparison.Ordinal);
}
