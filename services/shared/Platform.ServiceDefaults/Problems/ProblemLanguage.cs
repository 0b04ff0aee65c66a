using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>Vietnamese unless the request's Accept-Language prefers English over Vietnamese.</summary>
public static class ProblemLanguage
{
    public static CultureInfo Of(HttpContext http)
    {
        var accepted = http.Request.GetTypedHeaders().AcceptLanguage;
        var preferred = accepted
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1) // stable: equal weights keep the client's order
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => IsLanguage(l, "en") || IsLanguage(l, "vi"));
        return preferred is not null && IsLanguage(preferred, "en") ? MessageCatalog.English : MessageCatalog.Vietnamese;
    }

    private static bool IsLanguage(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
