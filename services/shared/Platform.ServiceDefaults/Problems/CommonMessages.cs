namespace Platform.ServiceDefaults.Problems;

/// <summary>The keys of the platform's shared messages; the texts are in CommonMessages.resx (Vietnamese, the default) and CommonMessages.en.resx.</summary>
public static class CommonMessages
{
    public const string InvalidInputTitle = "problem.invalid-input.title";
    public const string InvalidInput = "problem.invalid-input.detail";
    public const string NotFoundTitle = "problem.not-found.title";
    public const string NotFound = "problem.not-found.detail";
    public const string ConflictTitle = "problem.conflict.title";
    public const string RefusedTitle = "problem.refused.title";
    public const string Duplicate = "problem.duplicate";
    public const string VersionConflict = "problem.version-conflict";
    public const string MalformedRequestTitle = "problem.malformed-request.title";
    public const string MalformedRequest = "problem.malformed-request.detail";
    public const string MalformedJson = "problem.malformed-json";
    public const string MalformedJsonBody = "problem.malformed-json-body";
    public const string BadParameter = "problem.bad-parameter";
    public const string UnauthenticatedTitle = "problem.unauthenticated.title";
    public const string Unauthenticated = "problem.unauthenticated.detail";
    public const string ForbiddenTitle = "problem.forbidden.title";
    public const string Forbidden = "problem.forbidden.detail";
    public const string PathNotFound = "problem.path-not-found.detail";
    public const string MethodNotAllowedTitle = "problem.method-not-allowed.title";
    public const string MethodNotAllowed = "problem.method-not-allowed.detail";
    public const string BodyTooLargeTitle = "problem.body-too-large.title";
    public const string BodyTooLarge = "problem.body-too-large.detail";
    public const string UnsupportedMediaTypeTitle = "problem.unsupported-media-type.title";
    public const string UnsupportedMediaType = "problem.unsupported-media-type.detail";
    public const string RateLimitedTitle = "problem.rate-limited.title";
    public const string RateLimited = "problem.rate-limited.detail";
    public const string UpstreamTimeoutTitle = "problem.upstream-timeout.title";
    public const string UpstreamTimeout = "problem.upstream-timeout.detail";
    public const string BadGatewayTitle = "problem.bad-gateway.title";
    public const string BadGateway = "problem.bad-gateway.detail";
    public const string UnavailableTitle = "problem.unavailable.title";
    public const string Unavailable = "problem.unavailable.detail";
    public const string ServerErrorTitle = "problem.server-error.title";
    public const string ServerError = "problem.server-error.detail";
    public const string OtherStatusTitle = "problem.other.title";
    public const string OtherStatus = "problem.other.detail";
    public const string Required = "field.required";
    public const string MaxLength = "field.max-length";
    public const string MaxItems = "field.max-items";
    public const string DateRange = "field.date-range";
    public const string NotBeforeFrom = "field.not-before-from";
    public const string NotStaff = "field.not-staff";
    public const string Slug = "field.slug";
    public const string Range = "field.range";
    public const string AtLeast = "field.at-least";
    public const string OneOf = "field.one-of";
    public const string Digits = "field.phone-digits";
    public const string NotAHamlet = "field.not-a-hamlet";
    public const string Commune = "noun.commune";
    public const string Sentences = "problem.sentences";
}
