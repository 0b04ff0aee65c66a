using System.Text.Json;

namespace Platform.ServiceDefaults;

/// <summary>
/// The words of a closed vocabulary (an enum of Platform.Contracts) as the wire and the stores spell them: kebab-case,
/// as <see cref="PlatformJson"/> writes them (<c>OnTime</c> is <c>on-time</c>).
/// </summary>
public static class Vocabulary
{
    public static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => Words(typeof(T));

    public static IReadOnlyList<string> Words(Type enumType) => Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToList();

    /// <summary>The member spelled exactly <paramref name="word"/>, or null: neither a member's C# name nor a number is one.</summary>
    public static T? Parse<T>(string? word) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (Word(value) == word) return value;
        return null;
    }
}
