using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>The citizen's and the commune's usual moves, each asserting its success; the raw calls stay available for refusals.</summary>
public static class FeedbackSteps
{
    public const string Question = "Thủ tục đăng ký kết hôn cần những giấy tờ gì?";

    public static string PublicPath(string commune = Seed.MyThanh) => $"/api/public/communes/{commune}/feedback";
    public static string StaffPath(string commune = Seed.MyThanh) => $"/api/communes/{commune}/feedback";

    public static object Item(string category = "procedure-rules", string content = Question, string? channel = null, string? procedureCode = null,
        string? staffId = null, string? hamlet = null, string? contact = null, string? receivedAt = null) =>
        new { channel, category, content, procedureCode, staffId, hamlet, contact, receivedAt };

    public static Task<HttpResponseMessage> TrySubmitAsync(this FeedbackHost host, object item, string commune = Seed.MyThanh) =>
        host.Client.PostJsonAsync(PublicPath(commune), null, item);

    /// <summary>A citizen's submission without an account (201); returns the receipt.</summary>
    public static async Task<JsonElement> SubmitAsync(this FeedbackHost host, object? item = null, string commune = Seed.MyThanh)
    {
        var response = await host.TrySubmitAsync(item ?? Item(), commune);
        var receipt = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{PublicPath(commune)}/{receipt.Str("trackingCode")}", response.Headers.Location?.OriginalString);
        return receipt;
    }

    public static Task<HttpResponseMessage> TryTranscribeAsync(this FeedbackHost host, object item, string commune = Seed.MyThanh, string? token = null) =>
        host.Client.PostJsonAsync(StaffPath(commune), token ?? CommuneToken(host, commune, Roles.DeskOfficer), item);

    /// <summary>A member of staff records a box, hotline or supervision item (201); returns the stored item.</summary>
    public static async Task<JsonElement> TranscribeAsync(this FeedbackHost host, object item, string commune = Seed.MyThanh, string? token = null)
    {
        var response = await host.TryTranscribeAsync(item, commune, token);
        var stored = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{StaffPath(commune)}/{stored.Str("id")}", response.Headers.Location?.OriginalString);
        return stored;
    }

    public static Task<HttpResponseMessage> TryAsync(this FeedbackHost host, string id, string action, object? body, string commune = Seed.MyThanh, string? token = null) =>
        host.Client.PostJsonAsync($"{StaffPath(commune)}/{id}/{action}", token ?? CommuneToken(host, commune, Roles.CommuneOffice), body);

    /// <summary>A workflow step that must succeed (200); returns the item as answered.</summary>
    public static Task<JsonElement> DoAsync(this FeedbackHost host, string id, string action, object? body, string commune = Seed.MyThanh, string? token = null) =>
        host.TryAsync(id, action, body, commune, token).JsonAsync(HttpStatusCode.OK);

    public static Task<JsonElement> AssignAsync(this FeedbackHost host, string id, string staffId = Seed.OfficeClerk, string commune = Seed.MyThanh) =>
        host.DoAsync(id, "assign", new { staffId }, commune);

    public static Task<JsonElement> AnswerAsync(this FeedbackHost host, string id, string answer = "Cần tờ khai và giấy xác nhận tình trạng hôn nhân.",
        bool publish = true, bool? upheld = null, string commune = Seed.MyThanh) =>
        host.DoAsync(id, "answer", new { answer, publish, upheld }, commune);

    /// <summary>Received, assigned and answered: the id of an item ready to be closed or listed as answered.</summary>
    public static async Task<string> AnsweredAsync(this FeedbackHost host, object? item = null, bool publish = true, string commune = Seed.MyThanh)
    {
        var id = (await host.SubmitAsync(item, commune)).Str("id");
        await host.AssignAsync(id, commune == Seed.MyThanh ? Seed.OfficeClerk : Seed.LuongHoaDeskOfficer, commune);
        await host.AnswerAsync(id, publish: publish, commune: commune);
        return id;
    }

    public static Task<JsonElement> GetItemAsync(this FeedbackHost host, string id, string commune = Seed.MyThanh, string? token = null) =>
        host.Client.GetAsync($"{StaffPath(commune)}/{id}", token ?? CommuneToken(host, commune, Roles.CommuneOffice)).JsonAsync(HttpStatusCode.OK);

    public static Task<JsonElement> TrackAsync(this FeedbackHost host, string trackingCode, string commune = Seed.MyThanh) =>
        host.Client.GetAsync($"{PublicPath(commune)}/{trackingCode}", null).JsonAsync(HttpStatusCode.OK);

    public static async Task<IReadOnlyList<JsonElement>> ListAsync(this FeedbackHost host, string query = "", string commune = Seed.MyThanh) =>
        (await host.Client.GetAsync($"{StaffPath(commune)}{query}", CommuneToken(host, commune, Roles.CommuneOffice)).JsonAsync(HttpStatusCode.OK))
        .EnumerateArray().ToList();

    private static string CommuneToken(FeedbackHost host, string commune, string role) => host.Tokens.ForCommune(commune, role);
}
