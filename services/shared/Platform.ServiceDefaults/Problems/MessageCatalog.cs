using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.ServiceDefaults.Problems;

/// <summary>A class of message keys (its <c>const string</c> fields) whose .resx files (Vietnamese neutral, English <c>.en</c>) sit beside it.</summary>
public sealed partial record MessageResources(Type Keys)
{
    public ResourceManager Manager { get; } = new(Keys);

    public IReadOnlyList<string> KeyNames() =>
        Keys.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary>
    /// What is wrong with the catalogue: a key without its Vietnamese or English text, a text without a key, placeholders
    /// that differ, a key outside <paramref name="keyPrefix"/> (each service's own, so that catalogues never share a key).
    /// </summary>
    public IReadOnlyList<string> Check(string keyPrefix = "")
    {
        var keys = KeyNames();
        var vietnamese = Texts(CultureInfo.InvariantCulture);
        var english = Texts(MessageCatalog.English);
        var issues = new List<string>();
        issues.AddRange(keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"{g.Key}: declared twice"));
        issues.AddRange(keys.Where(k => !k.StartsWith(keyPrefix, StringComparison.Ordinal)).Select(k => $"{k}: does not start with '{keyPrefix}'"));
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(vietnamese.GetValueOrDefault(key))) issues.Add($"{key}: no Vietnamese text");
            if (string.IsNullOrWhiteSpace(english.GetValueOrDefault(key))) issues.Add($"{key}: no English text");
            if (vietnamese.TryGetValue(key, out var vi) && english.TryGetValue(key, out var en) && !Placeholders(vi).SetEquals(Placeholders(en)))
                issues.Add($"{key}: the Vietnamese and English texts have different placeholders");
        }
        issues.AddRange(vietnamese.Keys.Concat(english.Keys).Distinct().Except(keys).Select(k => $"{k}: a text without a key in {Keys.Name}"));
        return issues;
    }

    private Dictionary<string, string> Texts(CultureInfo culture) =>
        Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "") ?? [];

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>Renders <see cref="Wording"/> in a culture from every registered catalogue; never throws on a bad key or pattern.</summary>
public sealed class MessageCatalog(IEnumerable<MessageResources> sources)
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly ResourceManager[] _managers = sources.DistinctBy(s => s.Keys).Select(s => s.Manager).ToArray();

    public string Render(Wording text, CultureInfo culture)
    {
        var pattern = Find(text.Key, culture) ?? text.Key;
        if (text.Args.Count == 0) return pattern;
        var args = text.Args.Select(a => Argument(a, culture)).ToArray();
        try
        {
            return string.Format(culture, pattern, args);
        }
        catch (FormatException)
        {
            return pattern;
        }
    }

    private string? Find(string key, CultureInfo culture)
    {
        foreach (var manager in _managers)
            if (manager.GetString(key, culture) is { } found) return found;
        return null;
    }

    private object? Argument(object? argument, CultureInfo culture) => argument switch
    {
        Wording text => Render(text, culture),
        WordingList list => string.Join(list.Separator, list.Items.Select(t => Render(t, culture))),
        IEnumerable<Wording> texts => string.Join(", ", texts.Select(t => Render(t, culture))),
        _ => argument,
    };
}

public static class MessageCatalogExtensions
{
    /// <summary>Registers a service's message keys (see <see cref="MessageResources"/>) for problem details.</summary>
    public static IServiceCollection AddMessages(this IServiceCollection services, Type keys)
    {
        services.TryAddSingleton<MessageCatalog>();
        services.AddSingleton(new MessageResources(keys));
        return services;
    }

    /// <summary>The text in the request's language (see <see cref="ProblemLanguage"/>).</summary>
    public static string Render(this HttpContext http, Wording text) =>
        http.RequestServices.GetRequiredService<MessageCatalog>().Render(text, ProblemLanguage.Of(http));
}
