using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Gateway.Tests.Infrastructure;

public static class Http
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts a forwarded answer from the fake and returns what the fake received.</summary>
    public static async Task<ReceivedRequest> EchoAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the upstream's echo, got {(int)response.StatusCode}: {body}");
        var echo = JsonSerializer.Deserialize<ReceivedRequest>(body, JsonSerializerOptions.Web);
        Assert.NotNull(echo);
        return echo with { Headers = new Dictionary<string, string>(echo.Headers, StringComparer.OrdinalIgnoreCase) };
    }

    public static JsonContent Json(object value) => JsonContent.Create(value);
}
