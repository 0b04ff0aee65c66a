using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Personnel.Api.Tests.Infrastructure;

/// <summary>Signing in, and reading the JWT the service issued.</summary>
public static class PersonnelApi
{
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

    public static JsonElement JwtHeader(string token) => DecodeSegment(token, 0);

    public static JsonElement JwtPayload(string token) => DecodeSegment(token, 1);

    private static JsonElement DecodeSegment(string token, int index)
    {
        var segments = token.Split('.');
        Assert.Equal(3, segments.Length);
        return JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(segments[index])).RootElement.Clone();
    }

    /// <summary>A claim that may be a single string or an array of strings (JWT allows both for <c>role</c>).</summary>
    public static IReadOnlyList<string> ClaimValues(JsonElement claim) => claim.ValueKind == JsonValueKind.Array
        ? claim.EnumerateArray().Select(e => e.GetString()!).ToList()
        : [claim.GetString()!];
}
