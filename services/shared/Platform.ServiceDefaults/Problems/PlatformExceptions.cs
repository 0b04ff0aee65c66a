namespace Platform.ServiceDefaults.Problems;

/// <summary>A refusal the caller can act on; mapped to a problem-details response with a stable type, its texts in the caller's language.</summary>
public abstract class PlatformException(string type, Text title, Text detail) : Exception(detail.ToString())
{
    public string Type { get; } = type;
    public Text Title { get; } = title;
    public Text Detail { get; } = detail;
    public abstract int StatusCode { get; }
}

/// <summary>404: unknown id, or an id of another commune (existence must not leak). <paramref name="what"/> names the kind of thing.</summary>
public sealed class NotFoundException(Text what, string id)
    : PlatformException("not-found", Text.Of(CommonMessages.NotFoundTitle), Text.Of(CommonMessages.NotFound, what, id))
{
    public NotFoundException(string whatKey, string id) : this(Text.Of(whatKey), id) { }

    public override int StatusCode => 404;
}

/// <summary>409: a stale version, a duplicate key or an illegal state transition.</summary>
public sealed class ConflictException(string type, Text detail)
    : PlatformException(type, Text.Of(CommonMessages.ConflictTitle), detail)
{
    public override int StatusCode => 409;
}

/// <summary>422: the request is well formed but a business rule refuses it.</summary>
public sealed class BusinessRuleException(string type, Text detail, IReadOnlyList<Text>? reasons = null)
    : PlatformException(type, Text.Of(CommonMessages.RefusedTitle), detail)
{
    public IReadOnlyList<Text> Reasons { get; } = reasons ?? [];
    public override int StatusCode => 422;
}

/// <summary>400 with field errors.</summary>
public sealed class InvalidInputException(IDictionary<string, Text[]> errors)
    : PlatformException("invalid-input", Text.Of(CommonMessages.InvalidInputTitle), Text.Of(CommonMessages.InvalidInput))
{
    public IDictionary<string, Text[]> Errors { get; } = errors;
    public override int StatusCode => 400;

    public static InvalidInputException Field(string field, Text error) => new(new Dictionary<string, Text[]> { [field] = [error] });
}
