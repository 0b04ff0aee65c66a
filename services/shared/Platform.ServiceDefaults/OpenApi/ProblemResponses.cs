using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>A service's OpenAPI document, every operation listing the problem responses it can give.</summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string documentName) =>
        services.AddOpenApi(documentName, o => o.AddOperationTransformer<ProblemResponses>().AddSchemaTransformer<VocabularySchemas>());
}

/// <summary>
/// Adds to each operation the problem details (<c>application/problem+json</c>) that its metadata says it can answer:
/// 400 with field errors when it binds a body, a query or a typed route value; 401 and 403 when it requires authorization;
/// 404 when its route names something (a commune, an id); 409 and 422 when it changes state; 413 when it takes a body
/// (the body size limit); 429 unless rate limiting is disabled for it (the gateway's limiter covers every route).
/// A response the endpoint declares itself is left as it is.
/// </summary>
public sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string ContentType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var expected = Expected(context.Description);
        if (expected.Count == 0) return;
        operation.Responses ??= [];
        foreach (var status in expected)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var declared) && declared.Content is { Count: > 0 }) continue;
            var schema = await SchemaAsync(context, status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails),
                cancellationToken);
            operation.Responses[key] = new OpenApiResponse
            {
                Description = declared?.Description is { Length: > 0 } given ? given : Descriptions[status],
                Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new() { Schema = schema } },
            };
        }
    }

    /// <summary>The problem statuses an endpoint can answer, from what its metadata and parameters say.</summary>
    public static IReadOnlyList<int> Expected(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var parameters = description.ParameterDescriptions;
        var takesBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile);
        var bindsValues = parameters.Any(p => p.Source == BindingSource.Query || (p.Source == BindingSource.Path && p.Type != typeof(string)));
        var authorized = metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy) && !metadata.OfType<IAllowAnonymous>().Any();
        var names = parameters.Any(p => p.Source == BindingSource.Path);
        var changes = description.HttpMethod is { } method && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)
                                                                 || HttpMethods.IsDelete(method));
        var limited = !metadata.OfType<DisableRateLimitingAttribute>().Any();
        var statuses = new List<int>();
        if (takesBody || bindsValues) statuses.Add(StatusCodes.Status400BadRequest);
        if (authorized) statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        if (names) statuses.Add(StatusCodes.Status404NotFound);
        if (changes) statuses.AddRange([StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]);
        if (takesBody) statuses.Add(StatusCodes.Status413PayloadTooLarge);
        if (limited) statuses.Add(StatusCodes.Status429TooManyRequests);
        return statuses;
    }

    private static async Task<IOpenApiSchema> SchemaAsync(OpenApiOperationTransformerContext context, Type type, CancellationToken ct)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, ct));
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The input is malformed or invalid; the field errors are listed.",
        [401] = "No valid access token.",
        [403] = "The token's roles do not allow this.",
        [404] = "Nothing by that name, or not in the caller's commune or district.",
        [409] = "A version or state conflict: reread and try again.",
        [422] = "A business rule refuses it (over quota, past deadline, ineligible).",
        [413] = "The body is larger than the limit.",
        [429] = "Too many requests; try again later.",
    };
}

/// <summary>
/// A closed vocabulary (an enum of Platform.Contracts or a service's domain) as the wire writes it: a string, one of its
/// kebab-case words. The platform's enum converter is opaque to the schema generator, which would otherwise document <c>{}</c>.
/// </summary>
public sealed class VocabularySchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type);
        if ((nullable ?? type) is { IsEnum: true } vocabulary)
        {
            schema.Type = nullable is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Enum = Vocabulary.Words(vocabulary).Select(word => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(word)).ToList();
        }
        return Task.CompletedTask;
    }
}
