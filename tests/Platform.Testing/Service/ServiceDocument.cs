using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Platform.Testing.Service;

/// <summary>A service's OpenAPI document, held against the metadata of the endpoints it describes.</summary>
public abstract class ServiceDocumentTests<TMarker>(Func<WebApplicationFactory<TMarker>> factory, string document) where TMarker : class
{
    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_give()
    {
        await using var service = factory();
        await ServiceDocument.AssertListsProblemsAsync(service.Services, service.CreateClient(), document);
    }

    [Fact]
    public async Task Every_closed_vocabulary_is_documented_with_its_words()
    {
        await using var service = factory();
        await ServiceDocument.AssertListsWordsAsync(service.CreateClient(), document, typeof(TMarker).Assembly);
    }
}

public static class ServiceDocument
{
    private const string Problem = "application/problem+json";

    /// <summary>
    /// Every schema of the document named after an enum (of Platform.Contracts or the service) is a string among that
    /// enum's kebab-case words, in declaration order; and the document has at least one.
    /// </summary>
    public static async Task AssertListsWordsAsync(HttpClient client, string document, System.Reflection.Assembly service)
    {
        var schemas = (await client.GetFromJsonAsync<JsonElement>($"/openapi/{document}.json", TestContext.Current.CancellationToken))
            .GetProperty("components").GetProperty("schemas");
        var vocabularies = typeof(Platform.Contracts.Procedures.Timeliness).Assembly.GetTypes().Concat(service.GetTypes())
            .Where(t => t.IsEnum && t.IsPublic).GroupBy(t => t.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var documented = 0;
        foreach (var schema in schemas.EnumerateObject())
        {
            if (!vocabularies.TryGetValue(schema.Name, out var vocabulary)) continue;
            documented++;
            Assert.True(schema.Value.TryGetProperty("enum", out var words), $"{schema.Name} lists no words: {schema.Value}");
            Assert.Equal(Platform.ServiceDefaults.Vocabulary.Words(vocabulary), words.EnumerateArray().Select(w => w.GetString()!).ToList());
        }
        Assert.True(documented > 0, "The document names no closed vocabulary.");
    }

    /// <summary>
    /// Every operation of <c>/openapi/{document}.json</c> lists the problems its endpoint can give: 401 and 403 when it
    /// requires authorization (an anonymous read no 401), 400 with field errors and 413 when it takes a body, 404 when its
    /// route names something, 409 and 422 when it changes state; each as problem details.
    /// </summary>
    public static async Task AssertListsProblemsAsync(IServiceProvider services, HttpClient client, string document)
    {
        var paths = (await client.GetFromJsonAsync<JsonElement>($"/openapi/{document}.json", TestContext.Current.CancellationToken)).GetProperty("paths");
        var endpoints = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .Where(g => g.GroupName == document).SelectMany(g => g.Items).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.HttpMethod!;
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RelativePath!.TrimEnd('/'), @"\{([^}:=?]+)[^}]*\}", "{$1}"); // constraints are not in the document
            var operation = default(JsonElement);
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out operation),
                $"{method} {path} is not in the document.");
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            var metadata = endpoint.ActionDescriptor.EndpointMetadata;
            var where = $"{method} {path}";

            void Lists(params string[] statuses)
            {
                foreach (var status in statuses)
                {
                    Assert.True(responses.TryGetValue(status, out var response), $"{where} does not list {status}.");
                    Assert.True(response.GetProperty("content").TryGetProperty(Problem, out _), $"{where}: its {status} is not problem details.");
                }
            }

            var authorized = metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy) && !metadata.OfType<IAllowAnonymous>().Any();
            if (authorized) Lists("401", "403");
            else if (HttpMethods.IsGet(method)) Assert.False(responses.ContainsKey("401"), $"{where} is anonymous yet lists 401.");
            if (operation.TryGetProperty("requestBody", out _))
            {
                Lists("400", "413");
                Assert.EndsWith("/HttpValidationProblemDetails",
                    responses["400"].GetProperty("content").GetProperty(Problem).GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
            }
            if (path.Contains('{')) Lists("404");
            if (!HttpMethods.IsGet(method)) Lists("409", "422");
        }
    }
}
