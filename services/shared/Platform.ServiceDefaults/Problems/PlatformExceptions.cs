namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// A refusal the caller can act on, with a stable type and its texts in the caller's language. It knows nothing of HTTP:
/// <see cref="PlatformExceptionHandler.StatusOf"/> gives each kind its status at the edge.
/// </summary>
public abstract class DomainException(string type, Wording title, Wording detail) : Exception(detail.ToString())
{
    public string Type { get; } = type;
    public Wording Title { get; } = title;
    public Wording Detail { get; } = detail;
}

/// <summary>Unknown id, or an id of another commune (existence must not leak). <paramref name="what"/> names the kind of thing.</summary>
public sealed class NotFoundException(Wording what, string id)
    : DomainException("not-found", Wording.Of(CommonMessages.NotFoundTitle), Wording.Of(CommonMessages.NotFound, what, id))
{
    public NotFoundException(string whatKey, string id) : this(Wording.Of(whatKey), id) { }
}

/// <summary>A stale version, a duplicate key or an illegal state transition.</summary>
public sealed class ConflictException(string type, Wording detail)
    : DomainException(type, Wording.Of(CommonMessages.ConflictTitle), detail);

/// <summary>The request is well formed but a business rule refuses it.</summary>
public sealed class BusinessRuleException(string type, Wording detail, IReadOnlyList<Wording>? reasons = null)
    : DomainException(type, Wording.Of(CommonMessages.RefusedTitle), detail)
{
    public IReadOnlyList<Wording> Reasons { get; } = reasons ?? [];
}

/// <summary>Input with field errors.</summary>
public sealed class InvalidInputException(IDictionary<string, Wording[]> errors)
    : DomainException("invalid-input", Wording.Of(CommonMessages.InvalidInputTitle), Wording.Of(CommonMessages.InvalidInput))
{
    public IDictionary<string, Wording[]> Errors { get; } = errors;

    public static InvalidInputException Field(string field, Wording error) => new(new Dictionary<string, Wording[]> { [field] = [error] });
}
