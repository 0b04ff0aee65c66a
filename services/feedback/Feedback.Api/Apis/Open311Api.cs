using System.Globalization;
using System.Text.Json;
using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Feedback.Api.Domain;
using Feedback.Api.Localization;

namespace Feedback.Api.Apis;

public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

public sealed record Open311Request(
    string ServiceRequestId, string Status, string? StatusNotes, string ServiceName, string ServiceCode, string? Description,
    string AgencyResponsible, string? ServiceNotice, string RequestedDatetime, string UpdatedDatetime, string ExpectedDatetime,
    string? Address, string? AddressId, string? Zipcode, double? Lat, double? Long, string? MediaUrl);

public sealed record Open311Created(string ServiceRequestId, string ServiceNotice, string? AccountId, string Token);

public sealed record Open311Token(string ServiceRequestId, string Token);

public sealed record Open311Error(int Code, string Description);

/// <summary>
/// Open311 GeoReport v2 (JSON), so that existing citizen apps can file feedback: the jurisdiction is the commune,
/// the services are the feedback categories. A request's description is shown only once its answer is published:
/// a citizen's words about an officer are not public by default. No api_key is needed, as on the web form.
/// </summary>
public static class Open311Api
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private const int MaxResults = 1000;

    /// <summary>The intake names fields as the platform does; a GeoReport client knows them by the spec's names.</summary>
    private static readonly Dictionary<string, string> FieldNames = new() { ["content"] = "description", ["category"] = "service_code" };

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder routes)
    {
        var open311 = routes.MapGroup("/open311/v2").AllowAnonymous().WithTags("Open311 GeoReport v2").AddEndpointFilter(Open311Errors);
        open311.MapGet("/services.json", Services).WithSummary("The feedback categories as Open311 services (jurisdiction_id = commune code).");
        open311.MapGet("/services/{serviceCode}.json", ServiceDefinition).WithSummary("No service has extra attributes (metadata=false).");
        open311.MapPost("/requests.json", Create).WithSummary("File a request (form-encoded, or JSON with the same field names).");
        open311.MapGet("/requests.json", Search).WithSummary("Requests by id list, service, dates (default: the last 90 days) and status.");
        open311.MapGet("/requests/{id}.json", Get);
        open311.MapGet("/tokens/{token}.json", Token).WithSummary("The request id a token stands for (the token is the citizen's tracking code).");
        return routes;
    }

    /// <summary>Errors in GeoReport's own format: an array of { code, description }.</summary>
    private static async ValueTask<object?> Open311Errors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException e)
        {
            var description = e is InvalidInputException invalid
                ? string.Join("; ", invalid.Errors.Select(f =>
                    context.HttpContext.Render(Wording.Of(FeedbackMessages.FieldError, FieldNames.GetValueOrDefault(f.Key, f.Key), f.Value))))
                : context.HttpContext.Render(e.Detail);
            var status = PlatformExceptionHandler.StatusOf(e);
            return Results.Json(new[] { new Open311Error(status, description) }, Json, statusCode: status);
        }
    }

    private static async Task<CommuneRecord> Jurisdiction(string? jurisdictionId, ICommuneDirectory communes, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(jurisdictionId))
            throw InvalidInputException.Field("jurisdiction_id", Wording.Of(FeedbackMessages.JurisdictionRequired));
        return InputValidation.IsSlug(jurisdictionId) ? await communes.GetAsync(jurisdictionId, FeedbackMessages.Jurisdiction, ct)
            : throw new NotFoundException(FeedbackMessages.Jurisdiction, jurisdictionId);
    }

    public static async Task<IResult> Services(string? jurisdiction_id, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        await Jurisdiction(jurisdiction_id, services.Communes, ct);
        return Results.Json(Enum.GetValues<FeedbackCategory>().Select(Service).ToList(), Json);
    }

    private static Open311Service Service(FeedbackCategory category) => new(Vocabulary.Word(category), FeedbackCategories.Vietnamese(category), category switch
    {
        FeedbackCategory.ProcedureRules => "Phản ánh, kiến nghị về quy định, thủ tục hành chính của xã.",
        FeedbackCategory.StaffConduct => "Phản ánh về thái độ, hành vi của cán bộ, công chức khi giải quyết công việc.",
        _ => "Góp ý, kiến nghị khác với Ủy ban nhân dân xã.",
    }, false, "realtime", category switch
    {
        FeedbackCategory.ProcedureRules => "thủ tục, hồ sơ, quy định",
        FeedbackCategory.StaffConduct => "cán bộ, công chức, thái độ",
        _ => "góp ý, kiến nghị",
    }, "Phản ánh, kiến nghị");

    public static async Task<IResult> ServiceDefinition(string serviceCode, string? jurisdiction_id, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        await Jurisdiction(jurisdiction_id, services.Communes, ct);
        if (Vocabulary.Parse<FeedbackCategory>(serviceCode) is null) throw new NotFoundException(FeedbackMessages.ServiceCode, serviceCode);
        return Results.Json(new { service_code = serviceCode, attributes = Array.Empty<object>() }, Json);
    }

    public static async Task<IResult> Create(HttpRequest http, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var fields = await ReadFields(http, ct);
        var commune = await Jurisdiction(fields.GetValueOrDefault("jurisdiction_id"), services.Communes, ct);
        var validation = new InputValidation();
        validation.OneOf<FeedbackCategory>(fields.GetValueOrDefault("service_code"), "service_code", out var category);
        var lat = Coordinate(fields, "lat", 90, validation);
        var lon = Coordinate(fields, "long", 180, validation);
        validation.Require((lat is null) == (lon is null), "lat", FeedbackMessages.LatLong);
        var address = CitizenText.Clean(fields.GetValueOrDefault("address_string"));
        validation.Require(address is null || address.Length <= 300, "address_string", CommonMessages.MaxLength, 300);
        validation.ThrowIfInvalid();

        var contact = string.Join(" · ", new[]
        {
            string.Join(" ", new[] { fields.GetValueOrDefault("first_name"), fields.GetValueOrDefault("last_name") }.Where(s => !string.IsNullOrWhiteSpace(s))),
            fields.GetValueOrDefault("phone"), fields.GetValueOrDefault("email"),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var item = await services.Intake.ReceiveAsync(commune.Code,
            new FeedbackInput(FeedbackChannel.Online, category, fields.GetValueOrDefault("description"), null, null, null, contact.Length == 0 ? null : contact),
            fromPublic: true, recordedBy: "open311", lat is null && address is null ? null : new Location(lat, lon, address), ct);
        return Results.Json(new[]
        {
            new Open311Created(item.Id, $"Đã tiếp nhận. Mã theo dõi: {item.TrackingCode}. Hạn trả lời: {item.DueDate:dd/MM/yyyy}.", null, item.TrackingCode),
        }, Json, statusCode: StatusCodes.Status201Created);
    }

    private static double? Coordinate(Dictionary<string, string> fields, string name, double limit, InputValidation validation)
    {
        if (!fields.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit) return value;
        validation.Add(name, Wording.Of(FeedbackMessages.Coordinate, limit));
        return null;
    }

    /// <summary>GeoReport posts form fields; JSON with the same names is accepted too.</summary>
    private static async Task<Dictionary<string, string>> ReadFields(HttpRequest http, CancellationToken ct)
    {
        try
        {
            if (http.HasFormContentType)
                return (await http.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            if (http.HasJsonContentType())
            {
                var json = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(http.Body, cancellationToken: ct) ?? [];
                return json.Where(p => p.Value.ValueKind is not JsonValueKind.Null)
                    .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
            }
        }
        catch (Exception e) when (e is InvalidDataException || Platform.ServiceDefaults.PlatformJson.IsMalformedJson(e))
        {
            throw InvalidInputException.Field("body", Wording.Of(FeedbackMessages.BodyNotParsed));
        }
        throw InvalidInputException.Field("body", Wording.Of(FeedbackMessages.BodyMediaType));
    }

    public static async Task<IResult> Search(string? jurisdiction_id, string? service_request_id, string? service_code, string? start_date, string? end_date,
        string? status, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var commune = await Jurisdiction(jurisdiction_id, services.Communes, ct);
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(InputValidation.IsSlug).Take(MaxResults).ToList();
            var byId = await services.Store.QueryAsync<FeedbackItem>(commune.Code, new Query(Filter.In("id", ids)), ct);
            return Results.Json(byId.Select(i => View(i.Document, commune)).ToList(), Json);
        }
        var validation = new InputValidation();
        var end = Instant(end_date, "end_date", validation) ?? services.Now;
        var start = Instant(start_date, "start_date", validation) ?? end.AddDays(-90);
        validation.OneOf<FeedbackCategory>(service_code, "service_code", out var category, optional: true);
        var statuses = status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        validation.Require(statuses.All(s => s is "open" or "closed"), "status", FeedbackMessages.OpenOrClosed);
        validation.ThrowIfInvalid();
        FeedbackStatus[]? wanted = statuses.Distinct().Count() == 1
            ? statuses[0] == "open" ? [.. FeedbackItem.OpenStatuses] : [FeedbackStatus.Answered, FeedbackStatus.Closed]
            : null;
        var found = await services.Store.QueryAsync<FeedbackItem>(commune.Code, new Query(Filter.And(
            Filter.Gte("receivedAt", start), Filter.Lte("receivedAt", end),
            category is null ? null : Filter.Eq("category", category),
            wanted is null ? null : Filter.In("status", wanted.Cast<object?>())), [new Sort("receivedAt", Descending: true)], Take: MaxResults), ct);
        return Results.Json(found.Select(i => View(i.Document, commune)).ToList(), Json);
    }

    private static DateTime? Instant(string? text, string name, InputValidation validation)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value.UtcDateTime;
        validation.Add(name, Wording.Of(FeedbackMessages.W3cDate));
        return null;
    }

    public static async Task<IResult> Get(string id, string? jurisdiction_id, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var commune = await Jurisdiction(jurisdiction_id, services.Communes, ct);
        var item = InputValidation.IsSlug(id) ? await services.Store.GetAsync<FeedbackItem>(commune.Code, id, FeedbackMessages.ServiceRequest, ct)
            : throw new NotFoundException(FeedbackMessages.ServiceRequest, id);
        return Results.Json(new[] { View(item.Document, commune) }, Json);
    }

    public static async Task<IResult> Token(string token, string? jurisdiction_id, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var commune = await Jurisdiction(jurisdiction_id, services.Communes, ct);
        var item = await PublicFeedbackApi.GetByTrackingCodeAsync(services.Store, commune.Code, token, FeedbackMessages.Token, ct);
        return Results.Json(new[] { new Open311Token(item.Id, item.TrackingCode) }, Json);
    }

    private static Open311Request View(FeedbackItem item, CommuneRecord commune)
    {
        var closed = !FeedbackItem.OpenStatuses.Contains(item.Status);
        var updated = item.ClosedAt ?? item.AnsweredAt ?? item.AssignedAt ?? item.ReceivedAt;
        return new Open311Request(item.Id, closed ? "closed" : "open",
            item.Published ? item.Answer : item.Status == FeedbackStatus.Answered ? "Đã trả lời người phản ánh." : item.ClosingNote is null ? null : "Đã kết thúc.",
            FeedbackCategories.Vietnamese(item.Category), Vocabulary.Word(item.Category), item.Published ? item.Content : null,
            $"UBND {commune.Name}", null, W3c(item.ReceivedAt), W3c(updated),
            // Expected by the end of office hours on the answer's due date.
            W3c(VietnamTime.StartOfDayUtc(item.DueDate).AddHours(17)),
            item.Location?.Address, null, null, item.Location?.Latitude, item.Location?.Longitude, null);
    }

    /// <summary>W3C date-times in Vietnam's offset, as GeoReport's examples give them in the jurisdiction's time.</summary>
    private static string W3c(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
