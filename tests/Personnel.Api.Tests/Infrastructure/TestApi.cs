using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Personnel.Api.Tests.Infrastructure;

/// <summary>Small helpers: sign in, call with a bearer token, read problem details, read a JWT.</summary>
public static class TestApi
{
    public const string ProblemPrefix = "urn:cchc:problem:";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string username, string password = Demo.Password) =>
        client.PostAsJsonAsync("/api/auth/token", new { username, password }, Ct);

    public static Task<HttpResponseMessage> SignInClientAsync(this HttpClient client, string clientId, string clientSecret = Demo.Password) =>
        client.PostAsJsonAsync("/api/auth/token", new { clientId, clientSecret }, Ct);

    /// <summary>The access token of a successful sign-in; fails the test with the response body otherwise.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string username, string password = Demo.Password) =>
        await AccessTokenAsync(await client.SignInAsync(username, password));

    public static async Task<string> ClientTokenAsync(this HttpClient client, string clientId, string clientSecret = Demo.Password) =>
        await AccessTokenAsync(await client.SignInClientAsync(clientId, clientSecret));

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token) =>
        client.SendAsync(HttpMethod.Get, path, token);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string? token, object body) =>
        client.SendAsync(HttpMethod.Post, path, token, JsonContent.Create(body));

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
        return problem;
    }

    /// <summary>The field names of a 400's <c>errors</c> object.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public static JsonElement JwtHeader(string token) => DecodeSegment(token, 0);

    public static JsonElement JwtPayload(string token) => DecodeSegment(token, 1);

    private static JsonElement DecodeSegment(string token, int index)
    {
        var segments = token.Split('.');
        Assert.Equal(3, segments.Length);
        return JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(segments[index])).RootElement.Clone();
    }

    /// <summary>A claim that may be a single string or an array of strings (JWT allows both for <c>role</c>).</summary>
    public static IReadOnlyList<string> Strings(JsonElement claim) => claim.ValueKind == JsonValueKind.Array
        ? claim.EnumerateArray().Select(e => e.GetString()!).ToList()
        : [claim.GetString()!];
}
