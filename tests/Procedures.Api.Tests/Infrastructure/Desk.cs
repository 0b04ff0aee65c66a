using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;

namespace Procedures.Api.Tests.Infrastructure;

/// <summary>The one-stop desk's usual moves, each asserting its success; the raw calls stay available for refusals.</summary>
public static class Desk
{
    public static string Dossiers(string commune = Seed.MyThanh) => $"/api/communes/{commune}/dossiers";

    public static object Application(string procedureCode = "ho-tich-ket-hon", string name = "Nguyễn Văn An", string phone = Seed.Phone,
        string? hamlet = "ap-1", DateTimeOffset? receivedAt = null) =>
        new { procedureCode, applicant = new { name, phone, hamlet }, receivedAt = receivedAt is null ? null : Vn.Iso(receivedAt.Value) };

    public static Task<HttpResponseMessage> TryReceiveAsync(this ProceduresHost host, object application, string commune = Seed.MyThanh, string? token = null) =>
        host.Client.PostJsonAsync(Dossiers(commune), token ?? (commune == Seed.MyThanh ? host.Desk : host.Tokens.ForCommune(commune, Roles.DeskOfficer)), application);

    /// <summary>Receives a dossier (201) and returns the stored dossier as the service answered it.</summary>
    public static async Task<JsonElement> ReceiveAsync(this ProceduresHost host, string procedureCode = "ho-tich-ket-hon", string name = "Nguyễn Văn An",
        string phone = Seed.Phone, string? hamlet = "ap-1", DateTimeOffset? receivedAt = null, string commune = Seed.MyThanh)
    {
        var response = await host.TryReceiveAsync(Application(procedureCode, name, phone, hamlet, receivedAt), commune);
        var dossier = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/communes/{commune}/dossiers/{dossier.Str("id")}", response.Headers.Location?.OriginalString);
        return dossier;
    }

    public static Task<HttpResponseMessage> TryAsync(this ProceduresHost host, string id, string action, object? body = null, string? token = null,
        string commune = Seed.MyThanh) =>
        host.Client.PostJsonAsync($"{Dossiers(commune)}/{id}/{action}", token ?? (commune == Seed.MyThanh ? host.Desk : host.Tokens.ForCommune(commune, Roles.DeskOfficer)), body);

    /// <summary>A lifecycle step that must succeed (200); returns the answer.</summary>
    public static Task<JsonElement> DoAsync(this ProceduresHost host, string id, string action, object? body = null, string? token = null,
        string commune = Seed.MyThanh) =>
        host.TryAsync(id, action, body, token, commune).JsonAsync(HttpStatusCode.OK);

    public static Task<JsonElement> AssignAsync(this ProceduresHost host, string id, string staffId = Seed.DeskOfficer) =>
        host.DoAsync(id, "assign", new { staffId });

    public static Task<JsonElement> ApproveAsync(this ProceduresHost host, string id, string? note = null) =>
        host.DoAsync(id, "resolve", new { outcome = "approved", note });

    public static Task<JsonElement> GetDossierAsync(this ProceduresHost host, string id, string commune = Seed.MyThanh, string? token = null) =>
        host.Client.GetAsync($"{Dossiers(commune)}/{id}", token ?? host.Desk).JsonAsync(HttpStatusCode.OK);

    public static async Task<IReadOnlyList<JsonElement>> ListDossiersAsync(this ProceduresHost host, string query = "", string commune = Seed.MyThanh)
    {
        var list = await host.Client.GetAsync($"{Dossiers(commune)}{query}", commune == Seed.MyThanh ? host.Desk : host.Tokens.ForCommune(commune, Roles.DeskOfficer))
            .JsonAsync(HttpStatusCode.OK);
        return list.EnumerateArray().ToList();
    }
}
