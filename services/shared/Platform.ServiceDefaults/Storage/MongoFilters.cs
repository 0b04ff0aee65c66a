using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Platform.ServiceDefaults.Storage;

/// <summary>Translates the filter vocabulary into MongoDB query documents over the envelope's <c>body</c>.</summary>
public static class MongoFilters
{
    internal static readonly JsonWriterSettings RelaxedJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public static string Path(string field) => field == "id" ? "id" : $"body.{field}";

    public static BsonDocument Scoped(string commune, Filter? filter)
    {
        var scoped = new BsonDocument("commune", commune);
        return filter is null ? scoped : new BsonDocument("$and", new BsonArray { scoped, Translate(filter) });
    }

    public static BsonDocument Translate(Filter filter) => filter switch
    {
        Filter.Comparison { Op: Filter.Operator.Eq } c => new BsonDocument(Path(c.Field), new BsonDocument("$eq", Value(c.Value))),
        Filter.Comparison c => new BsonDocument(Path(c.Field), new BsonDocument(Operator(c.Op), Value(c.Value))),
        Filter.Membership m => new BsonDocument(Path(m.Field), new BsonDocument("$in", new BsonArray(m.Values.Select(Value)))),
        Filter.All { Filters.Count: 0 } => [],
        Filter.All a => new BsonDocument("$and", new BsonArray(a.Filters.Select(Translate))),
        Filter.Any { Filters.Count: 0 } => new BsonDocument("_id", new BsonDocument("$exists", false)),
        Filter.Any o => new BsonDocument("$or", new BsonArray(o.Filters.Select(Translate))),
        Filter.Substring t => new BsonDocument(Path(t.Field), new BsonRegularExpression(System.Text.RegularExpressions.Regex.Escape(t.Text))),
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    public static BsonDocument Sort(IReadOnlyList<Sort>? orderBy)
    {
        var sort = new BsonDocument();
        foreach (var s in orderBy ?? []) sort[Path(s.Field)] = s.Descending ? -1 : 1;
        sort["id"] = 1;
        return sort;
    }

    private static string Operator(Filter.Operator op) => op switch
    {
        Filter.Operator.Gt => "$gt",
        Filter.Operator.Gte => "$gte",
        Filter.Operator.Lt => "$lt",
        Filter.Operator.Lte => "$lte",
        _ => "$eq",
    };

    /// <summary>Matches how <see cref="BsonDocument.Parse(string)"/> stores the serialized document.</summary>
    private static BsonValue Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new BsonString(value.GetString()),
        JsonValueKind.Number when value.TryGetInt32(out var small) => new BsonInt32(small),
        JsonValueKind.Number when value.TryGetInt64(out var whole) => new BsonInt64(whole),
        JsonValueKind.Number => new BsonDouble(value.GetDouble()),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        JsonValueKind.Null => BsonNull.Value,
        _ => throw new NotSupportedException($"Filter values must be scalars, not {value.ValueKind}."),
    };
}
