using System.Net;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The feedback issue's "done when", through the front door: a citizen sends feedback without an account and follows it
/// by its tracking code; the desk transcribes a hamlet box item; an officer answers and publishes; the desk returns a
/// dossier and the citizen rates it with the survey code; the commune sees its satisfaction index; an Open311 client
/// files and reads a request. Four citizen submissions in all, under the edge's 10 a minute per address.
/// </summary>
public static class FeedbackFlow
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> CallAsync(HttpClient http, HttpMethod method, string path, string? token, object? body, HttpStatusCode expected) =>
        await DeskFlow.JsonAsync(await http.SendAsync(DeskFlow.Request(method, path, token, body), Ct), expected, $"{method} {path}");

    /// <summary>Retries a call that depends on an event still on its way (a staff member, a survey code) until it answers <paramref name="expected"/>.</summary>
    private static async Task<JsonElement> EventuallyAsync(HttpClient http, HttpMethod method, string path, string? token, object? body, HttpStatusCode expected,
        HttpStatusCode meanwhile, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var response = await http.SendAsync(DeskFlow.Request(method, path, token, body), Ct);
            if (response.StatusCode == expected) return await DeskFlow.JsonAsync(response, expected, path);
            Assert.True(response.StatusCode == meanwhile, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"{path} never answered {(int)expected}.\n{diagnostics()}");
            await Task.Delay(250, Ct);
        }
    }

    public static async Task RunAsync(HttpClient http, string commune, string deskToken, string officeToken, string deskStaffId, string assigneeStaffId,
        string hamlet, Func<string> diagnostics)
    {
        var publicFeedback = $"/api/public/communes/{commune}/feedback";
        var staffFeedback = $"/api/communes/{commune}/feedback";

        // 1. The citizen: the channels, a submission without an account, the tracking code.
        var channels = await CallAsync(http, HttpMethod.Get, $"{publicFeedback}/channels", null, null, HttpStatusCode.OK);
        Assert.Contains(channels.EnumerateArray(), c => c.GetProperty("code").GetString() == $"hamlet-box-{hamlet}");
        var question = "Xin hỏi lệ phí đăng ký kết hôn <b>bao nhiêu</b>?";
        var receipt = await CallAsync(http, HttpMethod.Post, publicFeedback, null,
            new { category = "procedure-rules", content = question, procedureCode = DeskFlow.Procedure, contact = "0909555111" }, HttpStatusCode.Created);
        var trackingCode = receipt.GetProperty("trackingCode").GetString()!;
        var id = receipt.GetProperty("id").GetString()!;
        var tracked = await CallAsync(http, HttpMethod.Get, $"{publicFeedback}/{trackingCode}", null, null, HttpStatusCode.OK);
        Assert.Equal(("received", question), (tracked.GetProperty("status").GetString(), tracked.GetProperty("content").GetString()));
        Assert.DoesNotContain("0909555111", tracked.GetRawText());

        // 2. The desk transcribes the hamlet box: the hamlet comes from the box.
        var boxItem = await CallAsync(http, HttpMethod.Post, staffFeedback, deskToken,
            new { channel = $"hamlet-box-{hamlet}", category = "other", content = "Đề nghị sửa cầu khỉ" }, HttpStatusCode.Created);
        Assert.Equal(hamlet, boxItem.GetProperty("hamlet").GetString());

        // 3. An officer puts someone in charge (once personnel's StaffRegistered has reached feedback), answers and publishes.
        var assigned = await EventuallyAsync(http, HttpMethod.Post, $"{staffFeedback}/{id}/assign", officeToken, new { staffId = assigneeStaffId },
            HttpStatusCode.OK, HttpStatusCode.BadRequest, diagnostics);
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        var answer = "Lệ phí đăng ký kết hôn được miễn.";
        var answered = await CallAsync(http, HttpMethod.Post, $"{staffFeedback}/{id}/answer", officeToken, new { answer, publish = true }, HttpStatusCode.OK);
        Assert.True(answered.GetProperty("answeredInTime").GetBoolean());
        tracked = await CallAsync(http, HttpMethod.Get, $"{publicFeedback}/{trackingCode}", null, null, HttpStatusCode.OK);
        Assert.Equal(("answered", answer), (tracked.GetProperty("status").GetString(), tracked.GetProperty("answer").GetString()));
        var published = await CallAsync(http, HttpMethod.Get, $"{publicFeedback}/answers", null, null, HttpStatusCode.OK);
        var listed = published.EnumerateArray().First();
        Assert.Equal((id, question, answer), (listed.GetProperty("id").GetString(), listed.GetProperty("question").GetString(), listed.GetProperty("answer").GetString()));
        Assert.DoesNotContain("0909555111", published.GetRawText());

        // 4. The desk returns a dossier; the citizen rates it with the survey code on the result slip, once.
        var outcome = await DeskFlow.RunAsync(http, commune, deskToken, deskStaffId, hamlet, diagnostics);
        var survey = await EventuallyAsync(http, HttpMethod.Get, $"/api/public/surveys/{outcome.SurveyCode}", null, null, HttpStatusCode.OK,
            HttpStatusCode.NotFound, diagnostics);
        Assert.Equal((DeskFlow.Procedure, false), (survey.GetProperty("procedureCode").GetString(), survey.GetProperty("answered").GetBoolean()));
        var rating = new { level = "very-satisfied", factors = new { access = 5, procedure = 4, officer = 5, result = 5, feedbackHandling = 4 } };
        await CallAsync(http, HttpMethod.Post, $"/api/public/surveys/{outcome.SurveyCode}", null, rating, HttpStatusCode.Created);
        var again = await http.SendAsync(DeskFlow.Request(HttpMethod.Post, $"/api/public/surveys/{outcome.SurveyCode}", null, rating), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // 5. The commune's satisfaction index counts it.
        var index = await CallAsync(http, HttpMethod.Get, $"/api/communes/{commune}/satisfaction", officeToken, null, HttpStatusCode.OK);
        Assert.True(index.GetProperty("responses").GetInt32() >= 1, index.GetRawText());
        Assert.Contains(index.GetProperty("byHandler").EnumerateArray(), h => h.GetProperty("code").GetString() == deskStaffId);
        Assert.InRange(index.GetProperty("satisfiedShare").GetDouble(), 0.0001, 1);

        // 6. An Open311 client files a request (form-encoded) and reads it back, by id and by token.
        var filed = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(
        [
            new("jurisdiction_id", commune), new("service_code", "other"), new("description", "Đèn đường hỏng"), new("lat", "10.17"), new("long", "106.45"),
        ]), Ct);
        var created = (await DeskFlow.JsonAsync(filed, HttpStatusCode.Created, "open311 create"))[0];
        var requestId = created.GetProperty("service_request_id").GetString()!;
        var request = (await CallAsync(http, HttpMethod.Get, $"/open311/v2/requests/{requestId}.json?jurisdiction_id={commune}", null, null, HttpStatusCode.OK))[0];
        Assert.Equal(("open", "other", JsonValueKind.Null), (request.GetProperty("status").GetString(), request.GetProperty("service_code").GetString(),
            request.GetProperty("description").ValueKind));
        var byToken = await CallAsync(http, HttpMethod.Get, $"/open311/v2/tokens/{created.GetProperty("token").GetString()}.json?jurisdiction_id={commune}",
            null, null, HttpStatusCode.OK);
        Assert.Equal(requestId, byToken[0].GetProperty("service_request_id").GetString());
        var services = await CallAsync(http, HttpMethod.Get, $"/open311/v2/services.json?jurisdiction_id={commune}", null, null, HttpStatusCode.OK);
        Assert.Equal(3, services.GetArrayLength());
    }
}

/// <summary>The standalone host in demo mode: Mỹ Thạnh's desk officer, its office clerk (mt-van-phong) answering.</summary>
public sealed class StandaloneFeedbackScenarioTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Platform.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_citizen_gives_feedback_and_rates_a_dossier_and_the_commune_answers_and_sees_its_index()
    {
        var desk = await DeskFlow.TokenAsync(_http, "motcua.mythanh", "Demo@2015", () => fixture.Platform.Diagnostics);
        var office = await DeskFlow.TokenAsync(_http, "vanphong.mythanh", "Demo@2015", () => fixture.Platform.Diagnostics);

        await FeedbackFlow.RunAsync(_http, "my-thanh", desk, office, "mt-tu-phap", "mt-van-phong", "ap-1", () => fixture.Platform.Diagnostics);
    }
}

/// <summary>The same through the gateway and the service processes on RabbitMQ and Redis, for a commune onboarded by the district admin.</summary>
public sealed class DistributedFeedbackScenarioTests(DistributedFixture fixture) : DistributedScenario(fixture), IClassFixture<DistributedFixture>
{
    [Fact]
    public async Task A_citizen_gives_feedback_and_rates_a_dossier_and_the_commune_answers_and_sees_its_index_through_the_gateway()
    {
        var (admin, commune) = await DeskFlow.OnboardAsync(Http, Fixture.Platform.DistrictAdmin, "Xã Góp Ý", Diagnostics);
        var username = "motcua." + commune;
        var password = "Desk-" + Guid.NewGuid().ToString("N")[..12];
        var provisioned = await DeskFlow.ProvisionDeskAsync(Http, admin, commune, username, password, Diagnostics);
        var desk = await DeskFlow.TokenAsync(Http, username, password, Diagnostics);

        await FeedbackFlow.RunAsync(Http, commune, desk, provisioned.OfficeToken, provisioned.DeskStaffId, provisioned.ClerkStaffId, "ap-2", Diagnostics);

        // A fresh commune: the one rating is the whole index.
        var index = await DeskFlow.JsonAsync(await Http.SendAsync(DeskFlow.Request(HttpMethod.Get, $"/api/communes/{commune}/satisfaction", provisioned.OfficeToken),
            TestContext.Current.CancellationToken), HttpStatusCode.OK, "satisfaction");
        Assert.Equal((1, 1.0), (index.GetProperty("responses").GetInt32(), index.GetProperty("satisfiedShare").GetDouble()));
    }
}
