using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Tests.Hosting;

/// <summary>The OpenAPI document lists the problems each operation can answer, from the endpoint's own metadata.</summary>
public sealed class ProblemResponsesTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private JsonElement _paths;
    private JsonElement _schemas;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(builder => builder.Services.AddPlatformOpenApi("test"), app =>
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
            app.MapGet("/catalogue", () => "ok").AllowAnonymous();
            app.MapGet("/communes/{commune}/figures", (string commune, int? year) => "ok").RequireAuthorization();
            app.MapPost("/communes/{commune}/things", (string commune, Greeting greeting) => "ok").RequireRoles(Roles.CommuneOffice);
            app.MapPost("/sessions", (Greeting greeting) => "ok").AllowAnonymous().Produces<string>(StatusCodes.Status409Conflict, "text/plain");
            app.MapDelete("/communes/{commune}/things/{id}", (string commune, string id) => "ok").RequireRoles(Roles.CommuneOffice).DisableRateLimiting();
        });
        var document = await _app.Client.GetFromJsonAsync<JsonElement>("/openapi/test.json", TestContext.Current.CancellationToken);
        _paths = document.GetProperty("paths");
        _schemas = document.GetProperty("components").GetProperty("schemas");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IEnumerable<string> Problems(string path, string method) =>
        _paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject()
            .Where(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty(ProblemResponses.ContentType, out _))
            .Select(r => r.Name).Order(StringComparer.Ordinal);

    private string SchemaOf(string path, string method, string status) =>
        _paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty(ProblemResponses.ContentType).GetProperty("schema").GetProperty("$ref").GetString()!;

    [Fact]
    public void An_anonymous_read_of_nothing_named_can_only_be_rate_limited() =>
        Assert.Equal(["429"], Problems("/catalogue", "get"));

    [Fact]
    public void An_authorized_read_of_a_commune_with_a_query_lists_bad_input_the_token_and_not_found()
    {
        Assert.Equal(["400", "401", "403", "404", "429"], Problems("/communes/{commune}/figures", "get"));
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", SchemaOf("/communes/{commune}/figures", "get", "400"));
        Assert.Equal("#/components/schemas/ProblemDetails", SchemaOf("/communes/{commune}/figures", "get", "401"));
    }

    [Fact]
    public void A_write_with_a_body_lists_every_problem_it_can_give()
    {
        Assert.Equal(["400", "401", "403", "404", "409", "413", "422", "429"], Problems("/communes/{commune}/things", "post"));
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", SchemaOf("/communes/{commune}/things", "post", "400"));
        Assert.Equal("#/components/schemas/ProblemDetails", SchemaOf("/communes/{commune}/things", "post", "422"));
        Assert.True(_schemas.GetProperty("HttpValidationProblemDetails").GetProperty("properties").TryGetProperty("errors", out _));
        Assert.True(_schemas.GetProperty("ProblemDetails").GetProperty("properties").TryGetProperty("detail", out _));
    }

    [Fact]
    public void What_an_endpoint_declares_itself_stays_as_declared()
    {
        Assert.Equal(["400", "413", "422", "429"], Problems("/sessions", "post"));
        var conflict = _paths.GetProperty("/sessions").GetProperty("post").GetProperty("responses").GetProperty("409").GetProperty("content");
        Assert.Equal(["text/plain"], conflict.EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public void An_endpoint_without_rate_limiting_lists_no_429() =>
        Assert.Equal(["401", "403", "404", "409", "422"], Problems("/communes/{commune}/things/{id}", "delete"));
}
