using System.Net;

namespace Platform.Web.Api;

/// <summary>A refusal from the platform's API (RFC 9457 problem details), in the words the API gave.</summary>
public sealed class ApiProblemException(HttpStatusCode status, ApiProblem problem) : Exception(problem.Detail ?? problem.Title)
{
    public HttpStatusCode Status { get; } = status;
    public ApiProblem Problem { get; } = problem;
}

/// <summary>The signed-in session is no longer accepted (expired or revoked): the user signs in again.</summary>
public sealed class SessionExpiredException() : Exception("Phiên làm việc đã hết hạn.");

public sealed record ApiProblem
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public int? Status { get; init; }
    public Dictionary<string, string[]>? Errors { get; init; }
    public string[]? Reasons { get; init; }

    /// <summary>The error of one field (the API's name, e.g. <c>applicant.phone</c>), shown beside it.</summary>
    public string? ErrorOf(string field) =>
        Errors?.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages) : null;

    /// <summary>What to show at the top: the detail, or the title when there is none.</summary>
    public string Summary => Detail ?? Title ?? "Đã có lỗi xảy ra.";
}
