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

    public InputValidation RequireText(string? value, string field, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Wording.Of(CommonMessages.Required));
        else if (value.Length > maxLength) Add(field, Wording.Of(CommonMessages.MaxLength, maxLength));
        return this;
    }

    /// <summary>Commune, district and hamlet codes are lowercase ASCII slugs (api.md).</summary>
    public InputValidation RequireSlug(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Wording.Of(CommonMessages.Required));
        else if (!IsSlug(value)) Add(field, Wording.Of(CommonMessages.Slug));
        return this;
    }

    public static bool IsSlug(string value) => value.Length <= 64 && SlugPattern().IsMatch(value);

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
