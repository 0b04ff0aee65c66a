namespace Platform.ServiceDefaults.Problems;

/// <summary>A refusal the caller can act on; mapped to a problem-details response with a stable type.</summary>
public abstract class PlatformException(string type, string title, string detail) : Exception(detail)
{
    public string Type { get; } = type;
    public string Title { get; } = title;
    public abstract int StatusCode { get; }
}

/// <summary>404: unknown id, or an id of another commune (existence must not leak).</summary>
public sealed class NotFoundException(string what, string id)
    : PlatformException("not-found", "Không tìm thấy", $"{what} '{id}' was not found.")
{
    public override int StatusCode => 404;
}

/// <summary>409: a stale version, a duplicate key or an illegal state transition.</summary>
public sealed class ConflictException(string type, string detail)
    : PlatformException(type, "Xung đột dữ liệu", detail)
{
    public override int StatusCode => 409;
}

/// <summary>422: the request is well formed but a business rule refuses it.</summary>
public sealed class BusinessRuleException(string type, string detail, IReadOnlyList<string>? reasons = null)
    : PlatformException(type, "Không thể thực hiện", detail)
{
    public IReadOnlyList<string> Reasons { get; } = reasons ?? [];
    public override int StatusCode => 422;
}

/// <summary>400 with field errors.</summary>
public sealed class InvalidInputException(IDictionary<string, string[]> errors)
    : PlatformException("invalid-input", "Dữ liệu không hợp lệ", "One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
    public override int StatusCode => 400;
}
