using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults;

/// <summary>The one JSON shape of the platform: camelCase, kebab-case enums, ISO dates.</summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<UtcDateTimeConverter>().Any()) options.Converters.Add(new UtcDateTimeConverter());
        if (!options.Converters.OfType<KebabCaseEnumConverter>().Any()) options.Converters.Add(new KebabCaseEnumConverter());
        return options;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says that a request's JSON could not be read: not JSON, the wrong shape, or text
    /// that is not text (invalid UTF-8, a lone surrogate): the last surface as System.Text.Json's InvalidOperationException
    /// when a string is read from a <see cref="JsonElement"/>, or as a decoder's fallback exception. All are the caller's 400.
    /// </summary>
    public static bool IsMalformedJson(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is JsonException or System.Text.DecoderFallbackException
                || (exception is InvalidOperationException && exception.Source == StjRethrowable))
                return true;
        return false;
    }

    // System.Text.Json marks the reader's InvalidOperationExceptions (invalid UTF-8 or UTF-16, a token of another type) so
    // that its serializer can rethrow them as JsonException; read outside the serializer they arrive unconverted.
    private const string StjRethrowable = "System.Text.Json.Rethrowable";
}

/// <summary>
/// Enums as kebab-case words (<c>on-time</c>), never numbers. A word outside the vocabulary fails as
/// <see cref="UnknownWordException"/>, which names the words allowed, so a typed request field refuses a bad value
/// with the same field error a hand-written check would give.
/// </summary>
public sealed class KebabCaseEnumConverter : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter Words = new(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), Words.CreateConverter(typeToConvert, options))!;

    private sealed class Converter<TEnum>(JsonConverter inner) : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        private readonly JsonConverter<TEnum> _words = (JsonConverter<TEnum>)inner;
        private static readonly Dictionary<string, TEnum> Members = Enum.GetValues<TEnum>().ToDictionary(Vocabulary.Word, StringComparer.Ordinal);

        /// <summary>Exactly a word of the vocabulary: System.Text.Json's own reader would also take C# names, any case and numbers.</summary>
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Members.TryGetValue(reader.GetString()!, out var member)
                ? member
                : throw new UnknownWordException(Vocabulary.Words<TEnum>());

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => _words.Write(writer, value, options);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _words.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            _words.WriteAsPropertyName(writer, value, options);
    }
}

/// <summary>A JSON word outside a closed vocabulary; System.Text.Json adds the path of the field it was read for.</summary>
public sealed class UnknownWordException(IReadOnlyList<string> allowed) : JsonException($"Expected one of: {string.Join(", ", allowed)}.")
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}

/// <summary>
/// Instants as UTC with a fixed seven-digit fraction (<c>2016-02-05T01:30:00.0000000Z</c>), so that stored instants
/// sort and compare as text exactly as they do as times (the stores' range filters rely on it).
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetDateTime();
        return value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
