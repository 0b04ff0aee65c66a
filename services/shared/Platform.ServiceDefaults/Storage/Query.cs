using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// The small filter vocabulary both stores translate: equality, ranges, membership, substring, conjunction, disjunction.
/// Fields are JSON property paths of the document (<c>status</c>, <c>applicant.phone</c>).
/// </summary>
public abstract partial record Filter
{
    public static Filter Eq(string field, object? value) => new Comparison(CheckField(field), Operator.Eq, ToValue(value));
    public static Filter Gt(string field, object value) => new Comparison(CheckField(field), Operator.Gt, ToValue(value));
    public static Filter Gte(string field, object value) => new Comparison(CheckField(field), Operator.Gte, ToValue(value));
    public static Filter Lt(string field, object value) => new Comparison(CheckField(field), Operator.Lt, ToValue(value));
    public static Filter Lte(string field, object value) => new Comparison(CheckField(field), Operator.Lte, ToValue(value));
    public static Filter In(string field, IEnumerable<object?> values) => new Membership(CheckField(field), values.Select(ToValue).ToArray());
    public static Filter And(params Filter?[] filters) => new All(filters.OfType<Filter>().ToArray());
    /// <summary>Any of the filters holds; none given matches nothing.</summary>
    public static Filter Or(params Filter?[] filters) => new Any(filters.OfType<Filter>().ToArray());

    /// <summary>
    /// The text field holds <paramref name="text"/> as it is (case- and accent-sensitive: store a folded copy to search,
    /// and fold the text the same way). No pattern characters: the text is matched literally.
    /// </summary>
    public static Filter Contains(string field, string text) =>
        new Substring(CheckField(field), string.IsNullOrEmpty(text) ? throw new ArgumentException("The text to look for is empty.", nameof(text)) : text);

    public sealed record Comparison(string Field, Operator Op, JsonElement Value) : Filter;
    public sealed record Membership(string Field, IReadOnlyList<JsonElement> Values) : Filter;
    public sealed record All(IReadOnlyList<Filter> Filters) : Filter;
    public sealed record Any(IReadOnlyList<Filter> Filters) : Filter;
    public sealed record Substring(string Field, string Text) : Filter;

    public enum Operator { Eq, Gt, Gte, Lt, Lte }

    /// <summary>Values are normalised through the document serializer, so a date compares as it is stored.</summary>
    private static JsonElement ToValue(object? value) => JsonSerializer.SerializeToElement(value, PlatformJson.Options);

    internal static string CheckField(string field) =>
        FieldPattern().IsMatch(field) ? field : throw new ArgumentException($"'{field}' is not a document field path.", nameof(field));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex FieldPattern();
}

public sealed record Sort(string Field, bool Descending = false)
{
    public string Field { get; } = Filter.CheckField(Field);
}

public sealed record Query(Filter? Where = null, IReadOnlyList<Sort>? OrderBy = null, int Skip = 0, int? Take = null)
{
    public static Query All { get; } = new();
}
