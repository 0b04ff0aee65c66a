using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Gateway.Tests.Infrastructure;

public static class Http
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token) =>
        client.SendAsync(HttpMethod.Get, path, token);

    /// <summary>Asserts a forwarded answer from the fake and returns what the fake received.</summary>
    public static async Task<ReceivedRequest> EchoAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the upstream's echo, got {(int)response.StatusCode}: {body}");
        var echo = JsonSerializer.Deserialize<ReceivedRequest>(body, JsonSerializerOptions.Web);
        Assert.NotNull(echo);
        return echo with { Headers = new Dictionary<string, string>(echo.Headers, StringComparer.OrdinalIgnoreCase) };
    }

    /// <summary>Asserts an RFC 9457 problem with this status (content type and <c>status</c> member) and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static JsonContent Json(object value) => JsonContent.Create(value);
}
