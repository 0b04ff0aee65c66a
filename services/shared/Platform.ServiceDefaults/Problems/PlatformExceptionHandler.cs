using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Problems;

/// <summary>Turns refusals and malformed input into RFC 9457 problem details in the caller's language; anything else stays a 500.</summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problems, MessageCatalog messages) : IExceptionHandler
{
    public const string TypePrefix = "urn:cchc:problem:";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var culture = ProblemLanguage.Of(http);
        string Render(Wording text) => messages.Render(text, culture);
        var problem = (FrameworkProblems.UnknownWord(exception) ?? exception) switch
        {
            InvalidInputException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(f => f.Key, f => f.Value.Select(Render).ToArray()))
            {
                Status = StatusOf(e), Type = TypePrefix + e.Type, Title = Render(e.Title), Detail = Render(e.Detail),
            },
            BusinessRuleException e => WithReasons(Problem(StatusOf(e), e.Type, Render(e.Title), Render(e.Detail)), e.Reasons.Select(Render).ToList()),
            DomainException e => Problem(StatusOf(e), e.Type, Render(e.Title), Render(e.Detail)),
            Storage.ConcurrencyConflictException e => Conflict(e, Render),
            _ when exception is BadHttpRequestException || PlatformJson.IsMalformedJson(exception) => Framework(FrameworkProblems.Of(exception), Render),
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The status of a domain refusal: the one place where a kind of failure becomes an HTTP status.</summary>
    public static int StatusOf(DomainException exception) => exception switch
    {
        InvalidInputException => StatusCodes.Status400BadRequest,
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        BusinessRuleException => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(exception), exception.GetType(), "A domain exception without a status."),
    };

    public static string TypeOf(int status) => status switch
    {
        400 => "malformed-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "body-too-large",
        415 => "unsupported-media-type",
        429 => "rate-limited",
        504 => "upstream-timeout",
        _ => $"http-{status}",
    };

    /// <summary>A malformed field is listed as the field errors of invalid input are (by its JSON name), so a form shows it beside the field.</summary>
    private static ProblemDetails Framework(FrameworkProblem framework, Func<Wording, string> render)
    {
        var (title, detail) = (render(framework.Title), render(framework.Detail));
        return framework.Field is null
            ? Problem(framework.Status, TypeOf(framework.Status), title, detail)
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [framework.Field] = [detail] })
            {
                Status = framework.Status, Type = TypePrefix + TypeOf(framework.Status), Title = title, Detail = detail,
            };
    }

    private static ProblemDetails Conflict(Storage.ConcurrencyConflictException conflict, Func<Wording, string> render) =>
        conflict.Kind == Storage.ConflictKind.Duplicate
            ? Problem(409, "duplicate", render(Wording.Of(CommonMessages.ConflictTitle)), render(Wording.Of(CommonMessages.Duplicate, conflict.Id)))
            : Problem(409, "version-conflict", render(Wording.Of(CommonMessages.ConflictTitle)), render(Wording.Of(CommonMessages.VersionConflict, conflict.Id)));

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = TypePrefix + type, Title = title, Detail = detail };

    private static ProblemDetails WithReasons(ProblemDetails problem, IReadOnlyList<string> reasons)
    {
        if (reasons.Count > 0) problem.Extensions["reasons"] = reasons;
        return problem;
    }
}
