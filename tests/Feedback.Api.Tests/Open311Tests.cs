using System.Globalization;
using System.Net;
using System.Text.Json;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests;

/// <summary>
/// Open311 GeoReport v2 as its specification names things (wiki.open311.org/GeoReport_v2): the jurisdiction is the
/// commune, the services are the feedback categories, requests are posted form-encoded, errors are arrays of
/// { code, description }, datetimes are W3C (ISO 8601 with an offset).
/// </summary>
public sealed class Open311Tests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private const string Root = "/open311/v2";
    private const string W3c = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$";
    private const string Phone = "0987654321";

    private static readonly string[] RequestFields =
    [
        "address", "address_id", "agency_responsible", "description", "expected_datetime", "lat", "long", "media_url", "requested_datetime",
        "service_code", "service_name", "service_notice", "service_request_id", "status", "status_notes", "updated_datetime", "zipcode",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostFormAsync(IEnumerable<KeyValuePair<string, string>> fields) =>
        host.Client.SendAsync(HttpMethod.Post, $"{Root}/requests.json", null, new FormUrlEncodedContent(fields));

    private static Dictionary<string, string> Form(string description = "Đèn đường trước UBND xã không sáng", string serviceCode = "other",
        string jurisdiction = Seed.MyThanh) => new()
    {
        ["jurisdiction_id"] = jurisdiction, ["service_code"] = serviceCode, ["description"] = description,
        ["lat"] = "10.1723", ["long"] = "106.4588", ["address_string"] = "Ấp 2, xã Mỹ Thạnh",
        ["first_name"] = "Văn", ["last_name"] = "Ba", ["phone"] = Phone, ["email"] = "ba@example.vn",
    };

    private static async Task<JsonElement> Open311JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(Phone, body);
        Assert.DoesNotContain("ba@example.vn", body);
        return await response.JsonAsync(expected);
    }

    /// <summary>An Open311 error: the status, and a one-element array of { code, description } with the same code.</summary>
    private static async Task<string> ErrorAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        var errors = await Open311JsonAsync(response, expected);
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(["code", "description"], error.Names());
        Assert.Equal((int)expected, error.Int("code"));
        return error.Str("description");
    }

    private async Task<(string Id, string Token)> FileAsync(Dictionary<string, string>? form = null)
    {
        var created = Assert.Single((await Open311JsonAsync(await PostFormAsync(form ?? Form()), HttpStatusCode.Created)).EnumerateArray());
        return (created.Str("service_request_id"), created.Str("token"));
    }

    private async Task<JsonElement> RequestAsync(string id) =>
        Assert.Single((await Open311JsonAsync(await host.Client.GetAsync($"{Root}/requests/{id}.json?jurisdiction_id=my-thanh", null), HttpStatusCode.OK))
            .EnumerateArray());

    [Fact]
    public async Task Services_are_the_feedback_categories_with_the_specs_fields()
    {
        var services = (await Open311JsonAsync(await host.Client.GetAsync($"{Root}/services.json?jurisdiction_id=my-thanh", null), HttpStatusCode.OK))
            .EnumerateArray().ToList();

        Assert.Equal(["procedure-rules", "staff-conduct", "other"], services.Select(s => s.Str("service_code")));
        foreach (var service in services)
        {
            Assert.Equal(["description", "group", "keywords", "metadata", "service_code", "service_name", "type"], service.Names());
            Assert.Equal(JsonValueKind.False, service.GetProperty("metadata").ValueKind);
            Assert.Contains(service.Str("type"), new[] { "realtime", "batch", "blackbox" });
            Assert.False(string.IsNullOrWhiteSpace(service.Str("service_name")));
            Assert.False(string.IsNullOrWhiteSpace(service.Str("description")));
        }
        var definition = await Open311JsonAsync(await host.Client.GetAsync($"{Root}/services/staff-conduct.json?jurisdiction_id=my-thanh", null), HttpStatusCode.OK);
        Assert.Equal("staff-conduct", definition.Str("service_code"));
        Assert.Equal(0, definition.GetProperty("attributes").GetArrayLength());
        await ErrorAsync(host.Client.GetAsync($"{Root}/services/praise.json?jurisdiction_id=my-thanh", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_form_encoded_request_is_filed_and_read_back_with_the_specs_field_names()
    {
        host.Clock.SetLocal(2026, 3, 2, 9, 15); // Monday: due Monday 16/3
        var response = await PostFormAsync(Form());

        var created = Assert.Single((await Open311JsonAsync(response, HttpStatusCode.Created)).EnumerateArray());
        Assert.Equal(["account_id", "service_notice", "service_request_id", "token"], created.Names());
        var (id, token) = (created.Str("service_request_id"), created.Str("token"));
        Assert.Contains(token, created.Str("service_notice"));
        Assert.Contains("16/03/2026", created.Str("service_notice"));

        var request = await RequestAsync(id);
        Assert.Equal(RequestFields, request.Names());
        Assert.Equal((id, "open", "other", "Nội dung khác", "UBND Xã Mỹ Thạnh"),
            (request.Str("service_request_id"), request.Str("status"), request.Str("service_code"), request.Str("service_name"), request.Str("agency_responsible")));
        Assert.Equal("2026-03-02T09:15:00+07:00", request.Str("requested_datetime"));
        Assert.Equal("2026-03-02T09:15:00+07:00", request.Str("updated_datetime"));
        Assert.Equal("2026-03-16T17:00:00+07:00", request.Str("expected_datetime"));
        foreach (var field in new[] { "requested_datetime", "updated_datetime", "expected_datetime" })
        {
            Assert.Matches(W3c, request.Str(field));
            Assert.True(DateTimeOffset.TryParse(request.Str(field), CultureInfo.InvariantCulture, out _));
        }
        Assert.Equal((10.1723, 106.4588, "Ấp 2, xã Mỹ Thạnh"), (request.GetProperty("lat").GetDouble(), request.GetProperty("long").GetDouble(), request.Str("address")));
        // The citizen's words are not public until the commune publishes its answer.
        Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("status_notes").ValueKind);

        var byToken = Assert.Single((await Open311JsonAsync(await host.Client.GetAsync($"{Root}/tokens/{token}.json?jurisdiction_id=my-thanh", null),
            HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal((id, token), (byToken.Str("service_request_id"), byToken.Str("token")));
        // The token is the tracking code of the web form, and the contact reached the commune's staff only.
        Assert.Equal("Đèn đường trước UBND xã không sáng", (await host.TrackAsync(token)).Str("content"));
        var item = await host.GetItemAsync(id);
        Assert.Equal(("online", "open311"), (item.Str("channel"), item.Str("recordedBy")));
        Assert.Contains(Phone, item.Str("contact"));
    }

    [Fact]
    public async Task The_description_and_the_answer_show_once_the_answer_is_published()
    {
        host.Clock.SetLocal(2026, 3, 2, 10, 0);
        var (id, _) = await FileAsync(Form("Hồ sơ khai sinh chờ lâu", "procedure-rules"));
        var (unpublished, _) = await FileAsync(Form("Chuyện riêng", "staff-conduct"));

        host.Clock.SetLocal(2026, 3, 3, 8, 0);
        await host.AssignAsync(id);
        await host.AssignAsync(unpublished);
        Assert.Equal("2026-03-03T08:00:00+07:00", (await RequestAsync(id)).Str("updated_datetime"));
        Assert.Equal("open", (await RequestAsync(id)).Str("status"));
        host.Clock.SetLocal(2026, 3, 4, 14, 0);
        await host.AnswerAsync(id, "Đã trả kết quả ngày 04/3.", publish: true);
        await host.AnswerAsync(unpublished, "Đã xử lý.", publish: false, upheld: false);

        var published = await RequestAsync(id);
        Assert.Equal(("closed", "Hồ sơ khai sinh chờ lâu", "Đã trả kết quả ngày 04/3."), (published.Str("status"), published.Str("description"), published.Str("status_notes")));
        Assert.Equal("2026-03-04T14:00:00+07:00", published.Str("updated_datetime"));
        var hidden = await RequestAsync(unpublished);
        Assert.Equal("closed", hidden.Str("status"));
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("description").ValueKind);
        Assert.DoesNotContain("Chuyện riêng", hidden.GetRawText());
    }

    [Fact]
    public async Task Requests_are_searched_by_ids_service_status_and_dates()
    {
        host.Clock.SetLocal(2026, 5, 4, 9, 0);
        var (open, _) = await FileAsync(Form("Mở", "other"));
        var (answered, _) = await FileAsync(Form("Đã trả lời", "procedure-rules"));
        await host.AssignAsync(answered);
        await host.AnswerAsync(answered, publish: false);
        host.Clock.SetLocal(2026, 5, 6, 9, 0);

        async Task<IReadOnlyList<string>> SearchAsync(string query) =>
            (await Open311JsonAsync(await host.Client.GetAsync($"{Root}/requests.json?jurisdiction_id=my-thanh{query}", null), HttpStatusCode.OK))
            .EnumerateArray().Select(r =>
            {
                Assert.Equal(RequestFields, r.Names());
                return r.Str("service_request_id");
            }).ToList();

        var window = "&start_date=2026-05-04T00:00:00%2B07:00&end_date=2026-05-05T00:00:00%2B07:00";
        Assert.Equal(new[] { open, answered }.Order(), (await SearchAsync(window)).Order());
        Assert.Equal([open], await SearchAsync(window + "&status=open"));
        Assert.Equal([answered], await SearchAsync(window + "&status=closed"));
        Assert.Equal([answered], await SearchAsync(window + "&service_code=procedure-rules"));
        Assert.Equal(new[] { open, answered }.Order(), (await SearchAsync($"&service_request_id={open},{answered}")).Order());
        Assert.Empty(await SearchAsync("&start_date=2026-05-05T00:00:00%2B07:00"));
        // The default window is the last 90 days: both are there.
        Assert.Contains(open, await SearchAsync(""));
    }

    [Fact]
    public async Task A_json_body_with_the_same_names_is_accepted_too()
    {
        var response = await host.Client.PostJsonAsync($"{Root}/requests.json", null,
            new { jurisdiction_id = Seed.MyThanh, service_code = "other", description = "Gửi bằng JSON", lat = 10.2, @long = 106.4 });

        var created = Assert.Single((await Open311JsonAsync(response, HttpStatusCode.Created)).EnumerateArray());
        Assert.Equal((10.2, 106.4), ((await RequestAsync(created.Str("service_request_id"))).GetProperty("lat").GetDouble(),
            (await RequestAsync(created.Str("service_request_id"))).GetProperty("long").GetDouble()));
    }

    [Fact]
    public async Task Errors_are_arrays_of_code_and_description_with_the_matching_status()
    {
        Assert.Contains("jurisdiction_id", await ErrorAsync(host.Client.GetAsync($"{Root}/services.json", null), HttpStatusCode.BadRequest));
        await ErrorAsync(host.Client.GetAsync($"{Root}/services.json?jurisdiction_id=khong-co", null), HttpStatusCode.NotFound);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests.json", null), HttpStatusCode.BadRequest);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests.json?jurisdiction_id=khong-co", null), HttpStatusCode.NotFound);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests/khongco.json?jurisdiction_id=my-thanh", null), HttpStatusCode.NotFound);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests/abc.json", null), HttpStatusCode.BadRequest);
        await ErrorAsync(host.Client.GetAsync($"{Root}/tokens/ABCDEFGHJK.json?jurisdiction_id=my-thanh", null), HttpStatusCode.NotFound);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests.json?jurisdiction_id=my-thanh&status=pending", null), HttpStatusCode.BadRequest);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests.json?jurisdiction_id=my-thanh&start_date=yesterday", null), HttpStatusCode.BadRequest);
        await ErrorAsync(host.Client.GetAsync($"{Root}/requests.json?jurisdiction_id=my-thanh&service_code=praise", null), HttpStatusCode.BadRequest);

        Assert.Contains("service_code", await ErrorAsync(PostFormAsync(Form(serviceCode: "praise")), HttpStatusCode.BadRequest));
        var noCode = Form();
        noCode.Remove("service_code");
        Assert.Contains("service_code", await ErrorAsync(PostFormAsync(noCode), HttpStatusCode.BadRequest));
        var noJurisdiction = Form();
        noJurisdiction.Remove("jurisdiction_id");
        Assert.Contains("jurisdiction_id", await ErrorAsync(PostFormAsync(noJurisdiction), HttpStatusCode.BadRequest));
        await ErrorAsync(PostFormAsync(Form(jurisdiction: "khong-co")), HttpStatusCode.NotFound);
        var badLat = Form();
        badLat["lat"] = "91";
        Assert.Contains("lat", await ErrorAsync(PostFormAsync(badLat), HttpStatusCode.BadRequest));
        var latOnly = Form();
        latOnly.Remove("long");
        Assert.Contains("lat", await ErrorAsync(PostFormAsync(latOnly), HttpStatusCode.BadRequest));
        // Named as the spec names the field, not as the platform's intake does (content).
        var blank = await ErrorAsync(PostFormAsync(Form(description: " ")), HttpStatusCode.BadRequest);
        Assert.StartsWith("description: ", blank);
        Assert.DoesNotContain("content", blank);
        await ErrorAsync(host.Client.SendAsync(HttpMethod.Post, $"{Root}/requests.json", null, new StringContent("jurisdiction_id=my-thanh")), HttpStatusCode.BadRequest);
    }
}
