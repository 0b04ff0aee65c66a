using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

public sealed record FrameworkProblem(int Status, Text Title, Text Detail);

/// <summary>
/// Our own words for what ASP.NET Core answers itself (status code pages, the body reader, parameter binding):
/// its English texts, and System.Text.Json's, never reach the caller.
/// </summary>
public static partial class FrameworkProblems
{
    public static FrameworkProblem Of(int status, string method) => status switch
    {
        400 => new(400, Text.Of(CommonMessages.MalformedRequestTitle), Text.Of(CommonMessages.MalformedRequest)),
        401 => new(401, Text.Of(CommonMessages.UnauthenticatedTitle), Text.Of(CommonMessages.Unauthenticated)),
        403 => new(403, Text.Of(CommonMessages.ForbiddenTitle), Text.Of(CommonMessages.Forbidden)),
        404 => new(404, Text.Of(CommonMessages.NotFoundTitle), Text.Of(CommonMessages.PathNotFound)),
        405 => new(405, Text.Of(CommonMessages.MethodNotAllowedTitle), Text.Of(CommonMessages.MethodNotAllowed, method)),
        413 => new(413, Text.Of(CommonMessages.BodyTooLargeTitle), Text.Of(CommonMessages.BodyTooLarge)),
        415 => new(415, Text.Of(CommonMessages.UnsupportedMediaTypeTitle), Text.Of(CommonMessages.UnsupportedMediaType)),
        429 => new(429, Text.Of(CommonMessages.RateLimitedTitle), Text.Of(CommonMessages.RateLimited)),
        500 => new(500, Text.Of(CommonMessages.ServerErrorTitle), Text.Of(CommonMessages.ServerError)),
        502 => new(502, Text.Of(CommonMessages.BadGatewayTitle), Text.Of(CommonMessages.BadGateway)),
        503 => new(503, Text.Of(CommonMessages.UnavailableTitle), Text.Of(CommonMessages.Unavailable)),
        504 => new(504, Text.Of(CommonMessages.UpstreamTimeoutTitle), Text.Of(CommonMessages.UpstreamTimeout)),
        _ => new(status, Text.Of(CommonMessages.OtherStatusTitle), Text.Of(CommonMessages.OtherStatus, status)),
    };

    /// <summary>A body that is not JSON, a parameter that does not bind, a body too large or of another media type.</summary>
    public static FrameworkProblem Of(Exception exception)
    {
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : 400;
        if (status != 400) return Of(status, "");
        if (Json(exception) is { } json)
        {
            var malformed = string.IsNullOrEmpty(json.Path) ? Text.Of(CommonMessages.MalformedJsonBody) : Text.Of(CommonMessages.MalformedJson, json.Path);
            return Of(400, "") with { Detail = malformed };
        }
        return ParameterPattern().Match(exception.Message) is { Success: true } parameter
            ? Of(400, "") with { Detail = Text.Of(CommonMessages.BadParameter, parameter.Groups["name"].Value) }
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
