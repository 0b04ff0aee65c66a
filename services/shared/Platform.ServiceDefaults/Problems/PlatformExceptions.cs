namespace Platform.ServiceDefaults.Problems;

/// <summary>A refusal the caller can act on; mapped to a problem-details response with a stable type, its texts in the caller's language.</summary>
public abstract class PlatformException(string type, Wording title, Wording detail) : Exception(detail.ToString())
{
    public string Type { get; } = type;
    public Wording Title { get; } = title;
    public Wording Detail { get; } = detail;
    public abstract int StatusCode { get; }
}

/// <summary>404: unknown id, or an id of another commune (existence must not leak). <paramref name="what"/> names the kind of thing.</summary>
public sealed class NotFoundException(Wording what, string id)
    : PlatformException("not-found", Wording.Of(CommonMessages.NotFoundTitle), Wording.Of(CommonMessages.NotFound, what, id))
{
    public NotFoundException(string whatKey, string id) : this(Wording.Of(whatKey), id) { }

    public override int StatusCode => 404;
}

/// <summary>409: a stale version, a duplicate key or an illegal state transition.</summary>
public sealed class ConflictException(string type, Wording detail)
    : PlatformException(type, Wording.Of(CommonMessages.ConflictTitle), detail)
{
    public override int StatusCode => 409;
}

/// <summary>422: the request is well formed but a business rule refuses it.</summary>
public sealed class BusinessRuleException(string type, Wording detail, IReadOnlyList<Wording>? reasons = null)
    : PlatformException(type, Wording.Of(CommonMessages.RefusedTitle), detail)
{
    public IReadOnlyList<Wording> Reasons { get; } = reasons ?? [];
    public override int StatusCode => 422;
}

/// <summary>400 with field errors.</summary>
public sealed class InvalidInputException(IDictionary<string, Wording[]> errors)
    : PlatformException("invalid-input", Wording.Of(CommonMessages.InvalidInputTitle), Wording.Of(CommonMessages.InvalidInput))
{
    public IDictionary<string, Wording[]> Errors { get; } = errors;
    public override int StatusCode => 400;

    public static InvalidInputException Field(string field, Wording error) => new(new Dictionary<string, Wording[]> { [field] = [error] });
}
