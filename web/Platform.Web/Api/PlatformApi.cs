using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Platform.Web.Session;

namespace Platform.Web.Api;

/// <summary>
/// The web app's one door to the platform: JSON over HTTP to the gateway (or the standalone host's own address),
/// with the session's bearer token. Problems come back as <see cref="ApiProblemException"/>, a rejected session as
/// <see cref="SessionExpiredException"/>.
/// </summary>
public sealed class PlatformApi(HttpClient http, ApiSession session, IHttpContextAccessor context)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<T> GetAsync<T>(string path, CancellationToken ct = default) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    public Task<T> PostAsync<T>(string path, object? body = null, CancellationToken ct = default) => SendAsync<T>(HttpMethod.Post, path, body ?? new { }, ct);

    /// <summary>
    /// A POST that carries no session, whatever the browser holds: signing in is anonymous, and a session the platform has
    /// ended (a disabled account, a reset password) must not turn the new attempt's 401 into "session expired".
    /// </summary>
    public Task<T> PostAnonymousAsync<T>(string path, object body, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, ct, anonymous: true);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken ct = default) => SendAsync<T>(HttpMethod.Put, path, body, ct);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct = default, bool anonymous = false)
    {
        using var response = await SendRawAsync(method, path, body, ct, anonymous);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    /// <summary>A GET with the total the API gives in <c>X-Total-Count</c> (paged lists).</summary>
    public async Task<(T Items, int Total)> GetPageAsync<T>(string path, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, ct);
        var items = (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
        var total = response.Headers.TryGetValues("X-Total-Count", out var values) && int.TryParse(values.FirstOrDefault(), out var n) ? n : -1;
        return (items, total);
    }

    /// <summary>A document the API renders (a printed form, a feed) as text.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken ct, bool anonymous = false)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi-VN"));
        var token = anonymous ? null : await session.AccessTokenAsync();
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The platform limits anonymous callers per address: pass on the citizen's, not this server's.
        if (context.HttpContext?.Connection.RemoteIpAddress is { } address)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException)
        {
            throw new ApiProblemException(HttpStatusCode.ServiceUnavailable, new ApiProblem { Status = 503, Title = "Không kết nối được tới hệ thống; xin thử lại sau ít phút." });
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ApiProblemException(HttpStatusCode.GatewayTimeout, new ApiProblem { Status = 504, Title = "Hệ thống trả lời quá chậm; xin thử lại." });
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null) throw new SessionExpiredException();
            ApiProblem? problem = null;
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException) { }
            throw new ApiProblemException(response.StatusCode, problem ?? new ApiProblem
            {
                Status = (int)response.StatusCode,
                Title = response.StatusCode switch
                {
                    HttpStatusCode.NotFound => "Không tìm thấy",
                    HttpStatusCode.TooManyRequests => "Quá nhiều yêu cầu; xin thử lại sau ít phút.",
                    HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable => "Hệ thống đang bận; xin thử lại sau.",
                    _ => "Đã có lỗi xảy ra.",
                },
            });
        }
    }
}
