using MongoDB.Bson;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Storage;

/// <summary>The MongoDB translation of the filter vocabulary, checked without a server.</summary>
public sealed class MongoFilterTests
{
    [Fact]
    public void Every_query_is_scoped_to_the_commune()
    {
        Assert.Equal(new BsonDocument("commune", "my-thanh"), MongoFilters.Scoped("my-thanh", null));

        var scoped = MongoFilters.Scoped("my-thanh", Filter.Eq("status", "received"));

        Assert.Equal(BsonDocument.Parse("""{ "$and": [ { "commune": "my-thanh" }, { "body.status": { "$eq": "received" } } ] }"""), scoped);
    }

    [Fact]
    public void Dates_are_compared_as_the_serializer_writes_them()
    {
        var filter = Filter.And(Filter.Gte("receivedOn", new DateOnly(2016, 2, 5)), Filter.Lt("receivedAt", new DateTime(2016, 2, 5, 8, 0, 0, DateTimeKind.Utc)));

        var translated = MongoFilters.Translate(filter);

        Assert.Equal(BsonDocument.Parse("""
            { "$and": [ { "body.receivedOn": { "$gte": "2016-02-05" } }, { "body.receivedAt": { "$lt": "2016-02-05T08:00:00.0000000Z" } } ] }
            """), translated);
    }

    [Fact]
    public void Membership_numbers_booleans_nulls_and_the_id_field()
    {
        Assert.Equal(BsonDocument.Parse("""{ "id": { "$in": ["a", "b"] } }"""), MongoFilters.Translate(Filter.In("id", ["a", "b"])));
        Assert.Equal(new BsonDocument("body.days", new BsonDocument("$lte", 15)), MongoFilters.Translate(Filter.Lte("days", 15)));
        Assert.Equal(new BsonDocument("body.big", new BsonDocument("$gt", new BsonInt64(5_000_000_000))), MongoFilters.Translate(Filter.Gt("big", 5_000_000_000)));
        Assert.Equal(new BsonDocument("body.rate", new BsonDocument("$gte", 0.95)), MongoFilters.Translate(Filter.Gte("rate", 0.95)));
        Assert.Equal(new BsonDocument("body.posted", new BsonDocument("$eq", true)), MongoFilters.Translate(Filter.Eq("posted", true)));
        Assert.Equal(new BsonDocument("body.note", new BsonDocument("$eq", BsonNull.Value)), MongoFilters.Translate(Filter.Eq("note", null)));
        Assert.Equal(BsonDocument.Parse("""{ "body.applicant.phone": { "$eq": "0909" } }"""), MongoFilters.Translate(Filter.Eq("applicant.phone", "0909")));
    }

    [Fact]
    public void Sort_ends_with_the_id_for_stable_pages()
    {
        var sort = MongoFilters.Sort([new Sort("receivedOn", Descending: true), new Sort("status")]);

        Assert.Equal(BsonDocument.Parse("""{ "body.receivedOn": -1, "body.status": 1, "id": 1 }"""), sort);
    }

    [Theory]
    [InlineData("status'); DROP TABLE x; --")]
    [InlineData("$where")]
    [InlineData("a..b")]
    [InlineData("")]
    public void Field_paths_that_are_not_plain_names_are_refused(string field)
    {
        Assert.Throws<ArgumentException>(() => Filter.Eq(field, "x"));
    }

    [Fact]
    public void Contains_is_an_escaped_regex_and_or_is_dollar_or()
    {
        Assert.Equal(new BsonDocument("body.searchText", new BsonRegularExpression(@"b%\ \(c\.d\)")), MongoFilters.Translate(Filter.Contains("searchText", "b% (c.d)")));
        Assert.Equal(BsonDocument.Parse("""{ "$or": [ { "body.receiptNo": { "$eq": "2016-000001" } }, { "body.note": { "$eq": "x" } } ] }"""),
            MongoFilters.Translate(Filter.Or(Filter.Eq("receiptNo", "2016-000001"), Filter.Eq("note", "x"))));
    }
}
