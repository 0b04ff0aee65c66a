using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Platform.Testing.Service;

/// <summary>HTTP helpers: call with a bearer token, read JSON and problem details.</summary>
public static class TestApi
{
    public const string ProblemPrefix = "urn:cchc:problem:";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token = null, HttpContent? content = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token) => client.SendAsync(HttpMethod.Get, path, token);

    /// <summary>A request with <c>Accept-Language: <paramref name="language"/></c>, or none when null (problems then answer in Vietnamese); a body is sent as JSON.</summary>
    public static async Task<HttpResponseMessage> SendInAsync(this HttpClient client, string? language, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string? token, object? body) =>
        client.SendAsync(HttpMethod.Post, path, token, body is null ? null : JsonContent.Create(body));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string? token, object body) =>
        client.SendAsync(HttpMethod.Put, path, token, JsonContent.Create(body));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string? token, string json) =>
        client.SendAsync(HttpMethod.Post, path, token, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await response).JsonAsync(expected);

    /// <summary>
    /// Asserts an RFC 9457 answer of the platform: the status code, application/problem+json, a <c>status</c> member equal
    /// to it and a <c>type</c> in the platform's namespace (exactly <paramref name="type"/> when given).
    /// </summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? type = null)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"expected application/problem+json but got '{response.Content.Headers.ContentType}' with body: {body}");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        var actualType = problem.GetProperty("type").GetString();
        Assert.StartsWith(ProblemPrefix, actualType);
        if (type is not null) Assert.Equal(ProblemPrefix + type, actualType);
        AssertNoMessageKeys(problem, body);
        return problem;
    }

    /// <summary>A text that reads like a message key (<c>procedures.field.fee</c>) is a key the catalogues do not know.</summary>
    public static void AssertNoMessageKeys(JsonElement problem, string body)
    {
        var texts = new[] { "title", "detail" }.Where(p => problem.TryGetProperty(p, out var t) && t.ValueKind == JsonValueKind.String).Select(p => problem.Str(p))
            .Concat(problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray()).Select(e => e.GetString()!) : [])
            .Concat(problem.TryGetProperty("reasons", out var reasons) ? reasons.EnumerateArray().Select(r => r.GetString()!) : []);
        Assert.True(!texts.Any(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^[a-z0-9-]+(\\.[a-z0-9-]+)+$")), $"a problem text is an unknown message key: {body}");
    }

    public static async Task<JsonElement> ProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected, string? type = null) =>
        await (await response).ProblemAsync(expected, type);

    /// <summary>The field names of a 400's <c>errors</c> object.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static IReadOnlyList<string> Strings(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    public static IReadOnlyList<string> Names(this JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
}
