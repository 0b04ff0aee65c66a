using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.Problems;

/// <summary>Collects field errors and throws one 400 listing them all.</summary>
public sealed partial class InputValidation
{
    private readonly Dictionary<string, List<Wording>> _errors = new(StringComparer.Ordinal);

    public InputValidation Require(bool condition, string field, Wording message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public InputValidation Require(bool condition, string field, string messageKey, params object?[] args) =>
        Require(condition, field, Wording.Of(messageKey, args));

    public InputValidation RequireText(string? value, string field, int maxLength = InputLimits.ShortText)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Wording.Of(CommonMessages.Required));
        else if (value.Length > maxLength) Add(field, Wording.Of(CommonMessages.MaxLength, maxLength));
        return this;
    }

    /// <summary>An optional text: absent is fine, present must fit <paramref name="maxLength"/>.</summary>
    public InputValidation OptionalText(string? value, string field, int maxLength = InputLimits.ShortText) =>
        Require(value is null || value.Length <= maxLength, field, CommonMessages.MaxLength, maxLength);

    /// <summary>A list's count only (its items are checked by the caller, field by field).</summary>
    public InputValidation MaxItems<T>(IReadOnlyCollection<T>? values, string field, int maxItems = InputLimits.ListItems) =>
        Require(values is null || values.Count <= maxItems, field, CommonMessages.MaxItems, maxItems);

    /// <summary>A date, when given, within <see cref="InputLimits.EarliestDate"/>..<see cref="InputLimits.LatestDate"/> or the narrower range given.</summary>
    public InputValidation PlausibleDate(DateOnly? value, string field, DateOnly? earliest = null, DateOnly? latest = null)
    {
        var from = earliest ?? InputLimits.EarliestDate;
        var to = latest ?? InputLimits.LatestDate;
        return Require(value is null || (value >= from && value <= to), field, CommonMessages.DateRange, from, to);
    }

    /// <summary>A list's from..to filter: each a plausible date, and to not before from.</summary>
    public InputValidation DateRange(DateOnly? from, DateOnly? to, string fromField = "from", string toField = "to") =>
        PlausibleDate(from, fromField).PlausibleDate(to, toField)
            .Require(from is null || to is null || to >= from, toField, CommonMessages.NotBeforeFrom, fromField);

    /// <summary>A word of a closed vocabulary (an enum of the contracts), required unless <paramref name="optional"/>; the error lists the words.</summary>
    public InputValidation OneOf<T>(string? word, string field, out T? value, bool optional = false) where T : struct, Enum
    {
        value = Vocabulary.Parse<T>(word);
        return Require(value is not null || (optional && word is null), field, CommonMessages.OneOf, string.Join(", ", Vocabulary.Words<T>()));
    }

    /// <summary>A typed vocabulary field that must be given: missing, it has the field error a wrong word gets from the JSON reader.</summary>
    public InputValidation RequireWord<T>(T? value, string field) where T : struct, Enum =>
        Require(value is not null, field, CommonMessages.OneOf, string.Join(", ", Vocabulary.Words<T>()));

    /// <summary>Commune, district and hamlet codes are lowercase ASCII slugs (api.md).</summary>
    public InputValidation RequireSlug(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Wording.Of(CommonMessages.Required));
        else if (!IsSlug(value)) Add(field, Wording.Of(CommonMessages.Slug));
        return this;
    }

    public static bool IsSlug(string value) => value.Length <= InputLimits.Code && SlugPattern().IsMatch(value);

    public void Add(string field, Wording message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new InvalidInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
