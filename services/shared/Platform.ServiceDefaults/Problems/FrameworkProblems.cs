using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

public sealed record FrameworkProblem(int Status, Wording Title, Wording Detail);

/// <summary>
/// Our own words for what ASP.NET Core answers itself (status code pages, the body reader, parameter binding):
/// its English texts, and System.Text.Json's, never reach the caller.
/// </summary>
public static partial class FrameworkProblems
{
    public static FrameworkProblem Of(int status, string method) => status switch
    {
        400 => new(400, Wording.Of(CommonMessages.MalformedRequestTitle), Wording.Of(CommonMessages.MalformedRequest)),
        401 => new(401, Wording.Of(CommonMessages.UnauthenticatedTitle), Wording.Of(CommonMessages.Unauthenticated)),
        403 => new(403, Wording.Of(CommonMessages.ForbiddenTitle), Wording.Of(CommonMessages.Forbidden)),
        404 => new(404, Wording.Of(CommonMessages.NotFoundTitle), Wording.Of(CommonMessages.PathNotFound)),
        405 => new(405, Wording.Of(CommonMessages.MethodNotAllowedTitle), Wording.Of(CommonMessages.MethodNotAllowed, method)),
        413 => new(413, Wording.Of(CommonMessages.BodyTooLargeTitle), Wording.Of(CommonMessages.BodyTooLarge)),
        415 => new(415, Wording.Of(CommonMessages.UnsupportedMediaTypeTitle), Wording.Of(CommonMessages.UnsupportedMediaType)),
        429 => new(429, Wording.Of(CommonMessages.RateLimitedTitle), Wording.Of(CommonMessages.RateLimited)),
        500 => new(500, Wording.Of(CommonMessages.ServerErrorTitle), Wording.Of(CommonMessages.ServerError)),
        502 => new(502, Wording.Of(CommonMessages.BadGatewayTitle), Wording.Of(CommonMessages.BadGateway)),
        503 => new(503, Wording.Of(CommonMessages.UnavailableTitle), Wording.Of(CommonMessages.Unavailable)),
        504 => new(504, Wording.Of(CommonMessages.UpstreamTimeoutTitle), Wording.Of(CommonMessages.UpstreamTimeout)),
        _ => new(status, Wording.Of(CommonMessages.OtherStatusTitle), Wording.Of(CommonMessages.OtherStatus, status)),
    };

    /// <summary>A body that is not JSON, a parameter that does not bind, a body too large or of another media type.</summary>
    public static FrameworkProblem Of(Exception exception)
    {
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : 400;
        if (status != 400) return Of(status, "");
        if (Json(exception) is { } json)
        {
            var malformed = string.IsNullOrEmpty(json.Path) ? Wording.Of(CommonMessages.MalformedJsonBody) : Wording.Of(CommonMessages.MalformedJson, json.Path);
            return Of(400, "") with { Detail = malformed };
        }
        return ParameterPattern().Match(exception.Message) is { Success: true } parameter
            ? Of(400, "") with { Detail = Wording.Of(CommonMessages.BadParameter, parameter.Groups["name"].Value) }
            : Of(400, "");
    }

    private static JsonException? Json(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is JsonException json) return json;
        return null;
    }

    // ASP.NET Core's binding messages name the parameter as "Type name": 'Failed to bind parameter "int take" from "x".'
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)"?""")]
    private static partial Regex ParameterPattern();
}
