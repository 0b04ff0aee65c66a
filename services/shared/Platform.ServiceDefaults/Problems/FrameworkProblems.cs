using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Problems;

/// <summary>A problem the framework raised, in our words; <paramref name="Field"/> names the field at fault, as the caller wrote it.</summary>
public sealed record FrameworkProblem(int Status, Wording Title, Wording Detail, string? Field = null);

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

    /// <summary>
    /// A body that is not JSON (or not text: invalid UTF-8, a lone surrogate), a parameter that does not bind, a body too large
    /// or of another media type. The caller reads the field as it sent it: the body's JSON path in camelCase
    /// (<c>years[0].communeQuota</c>) or the query parameter's name, never a server type or parameter name.
    /// </summary>
    public static FrameworkProblem Of(Exception exception)
    {
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : 400;
        if (status != 400) return Of(status, "");
        if (PlatformJson.IsMalformedJson(exception))
        {
            var json = Json(exception);
            var field = FieldOf(json?.Path);
            var malformed = field == Body ? Wording.Of(CommonMessages.MalformedJsonBody) : Wording.Of(CommonMessages.MalformedJson, field);
            return Of(400, "") with { Detail = malformed, Field = field };
        }
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return Of(400, "") with { Detail = Wording.Of(CommonMessages.MalformedJsonBody), Field = Body };
        if (ParameterPattern().Match(exception.Message) is { Success: true } parameter)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value);
            return Of(400, "") with { Detail = Wording.Of(CommonMessages.BadParameter, name), Field = name };
        }
        return Of(400, "");
    }

    /// <summary>
    /// A well-formed body whose field holds a word outside its typed vocabulary is invalid input, as a missing field is:
    /// the same problem type, the field error naming the words allowed. Null for anything else.
    /// </summary>
    public static InvalidInputException? UnknownWord(Exception exception) =>
        Json(exception) is UnknownWordException word && FieldOf(word.Path) is var field && field != Body
            ? InvalidInputException.Field(field, Wording.Of(CommonMessages.OneOf, string.Join(", ", word.Allowed)))
            : null;

    /// <summary>What a field error on the whole body is keyed by.</summary>
    public const string Body = "body";

    /// <summary><c>$.years[0].year</c> → <c>years[0].year</c>; <c>$['a b']</c> → <c>a b</c>; the root (or no path) → <see cref="Body"/>.</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return Body;
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return QuotedSegment().Replace(path, m => (m.Index == 0 ? "" : ".") + m.Groups[1].Value).TrimStart('.');
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

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedSegment();
}
