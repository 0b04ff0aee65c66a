using System.Net;
using System.Text.Json;

namespace Awards.Api.Tests.Infrastructure;

/// <summary>The office's, council's and district's usual moves.</summary>
public static class Steps
{
    public static string Nominations(string commune = Seed.MyThanh) => $"/api/communes/{commune}/nominations";

    public static object Individual(int year, string? staffId = null, string name = Seed.DeskName, string title = "giay-khen", string level = "commune") =>
        new { year, level, kind = "individual", nominee = new { staffId, name }, title, reason = "Hoàn thành xuất sắc nhiệm vụ tại Bộ phận một cửa" };

    public static object Collective(int year, string level = "commune", string title = "tap-the-lao-dong-tien-tien") =>
        new { year, level, kind = "collective", nominee = new { name = "Bộ phận tiếp nhận và trả kết quả" }, title, reason = "Tập thể tiêu biểu của phong trào" };

    public static Task<HttpResponseMessage> TryNominateAsync(this AwardsHost host, object body, string commune = Seed.MyThanh, string? token = null) =>
        host.Client.PostJsonAsync(Nominations(commune), token ?? host.Office, body);

    public static async Task<string> NominateAsync(this AwardsHost host, object body) =>
        (await host.TryNominateAsync(body).JsonAsync(HttpStatusCode.Created)).Str("id");

    public static Task<HttpResponseMessage> VoteAsync(this AwardsHost host, string id, int member, bool approve = true, string commune = Seed.MyThanh) =>
        host.Client.PostJsonAsync($"{Nominations(commune)}/{id}/votes", host.Member(member, commune), new { approve });

    /// <summary>Three approvals: more than half of the default council of five.</summary>
    public static async Task<JsonElement> ApproveByCouncilAsync(this AwardsHost host, string id)
    {
        JsonElement last = default;
        for (var m = 1; m <= 3; m++) last = await host.VoteAsync(id, m).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("approved", last.Str("status"));
        return last;
    }
}
